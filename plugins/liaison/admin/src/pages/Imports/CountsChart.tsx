import { Box, Flex, Typography } from '@strapi/design-system';
import { Bar, BarChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { ImportCounts } from '../../../../server/src/admin-api-types';
import { useT } from '../../utils/labels';
import { useFormat } from './parts';

/** The file's rows as one bar: new, updated, unchanged and rejected side by side, each with its share. */
const CountsChart = ({ counts, dryRun }: { counts: ImportCounts; dryRun: boolean }) => {
  const t = useT();
  const format = useFormat();
  const colours = useTheme()?.colors;
  const total = Math.max(1, counts.new + counts.updated + counts.unchanged + counts.rejected);
  const parts: { key: 'new' | 'updated' | 'unchanged' | 'rejected'; name: string; fill: string }[] = [
    {
      key: 'new',
      name: dryRun ? t('imports.count.newDry', 'New (to add)') : t('imports.count.new', 'New'),
      fill: colours?.success500 ?? '#5cb176',
    },
    {
      key: 'updated',
      name: dryRun ? t('imports.count.updatedDry', 'Updated (to change)') : t('imports.count.updated', 'Updated'),
      fill: colours?.primary500 ?? '#7b79ff',
    },
    { key: 'unchanged', name: t('imports.count.unchanged', 'Unchanged'), fill: colours?.neutral300 ?? '#c0c0cf' },
    { key: 'rejected', name: t('imports.count.rejected', 'Rejected'), fill: colours?.danger500 ?? '#ee5e52' },
  ];
  const shown = parts.filter((p) => counts[p.key] > 0);
  const data = [
    {
      name: t('imports.chart.rows', 'Rows'),
      new: counts.new,
      updated: counts.updated,
      unchanged: counts.unchanged,
      rejected: counts.rejected,
    },
  ];
  return (
    <Box data-testid="counts-chart">
      <Box style={{ width: '100%', height: 36 }} aria-hidden>
        <ResponsiveContainer>
          <BarChart data={data} layout="vertical" margin={{ top: 0, right: 0, bottom: 0, left: 0 }} barSize={28}>
            <XAxis type="number" hide domain={[0, total]} />
            <YAxis type="category" dataKey="name" hide />
            {shown.map((p, i) => (
              <Bar
                key={p.key}
                dataKey={p.key}
                stackId="rows"
                name={p.name}
                fill={p.fill}
                isAnimationActive={false}
                radius={[i === 0 ? 4 : 0, i === shown.length - 1 ? 4 : 0, i === shown.length - 1 ? 4 : 0, i === 0 ? 4 : 0]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </Box>
      <Flex gap={5} paddingTop={2} wrap="wrap">
        {parts.map((p) => (
          <Flex key={p.key} gap={2} alignItems="center">
            <Box style={{ width: 12, height: 12, borderRadius: 3, background: p.fill }} />
            <Typography variant="pi" textColor="neutral700">
              {t('imports.chart.part', '{name}: {n} ({share})', {
                name: p.name,
                n: format.number(counts[p.key]),
                share: format.percent(counts[p.key] / total),
              })}
            </Typography>
          </Flex>
        ))}
      </Flex>
    </Box>
  );
};

export default CountsChart;
