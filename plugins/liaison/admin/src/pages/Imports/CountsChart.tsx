import { Box } from '@strapi/design-system';
import { Bar, BarChart, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { ImportCounts } from '../../../../server/src/admin-api-types';
import { useT } from '../../utils/labels';

/** The file's rows as one bar: new, updated, unchanged and rejected side by side. */
const CountsChart = ({ counts, dryRun }: { counts: ImportCounts; dryRun: boolean }) => {
  const t = useT();
  const theme = useTheme();
  const colours = theme?.colors;
  const data = [{ name: t('imports.chart.rows', 'Rows'), new: counts.new, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected }];
  const bars: [keyof ImportCounts, string, string][] = [
    ['new', dryRun ? t('imports.count.newDry', 'New (to add)') : t('imports.count.new', 'New'), colours?.success500 ?? '#5cb176'],
    ['updated', dryRun ? t('imports.count.updatedDry', 'Updated (to change)') : t('imports.count.updated', 'Updated'), colours?.primary500 ?? '#7b79ff'],
    ['unchanged', t('imports.count.unchanged', 'Unchanged'), colours?.neutral300 ?? '#c0c0cf'],
    ['rejected', t('imports.count.rejected', 'Rejected'), colours?.danger500 ?? '#ee5e52'],
  ];
  return (
    <Box style={{ width: '100%', height: 110 }} data-testid="counts-chart">
      <ResponsiveContainer>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 8 }} barSize={26}>
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: colours?.neutral600 ?? '#666687' }} />
          <YAxis type="category" dataKey="name" hide />
          <Tooltip cursor={false} />
          <Legend verticalAlign="top" height={28} />
          {bars.map(([key, name, fill], i) => (
            <Bar
              key={key}
              dataKey={key}
              stackId="rows"
              name={name}
              fill={fill}
              isAnimationActive={false}
              radius={i === 0 ? [4, 0, 0, 4] : i === bars.length - 1 ? [0, 4, 4, 0] : 0}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Box>
  );
};

export default CountsChart;
