import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { DimensionTraining } from '../../../../server/src/admin-api-types';
import { useEnumLabel, useT } from '../../utils/labels';

/** Per dimension: liaisons through the required training, provisional ones, and those past their deadline. */
const TrainingChart = ({ rows }: { rows: DimensionTraining[] }) => {
  const t = useT();
  const label = useEnumLabel();
  const theme = useTheme();
  const data = rows.map((r) => ({
    name: label('dimension', r.dimension),
    completed: r.completed,
    provisional: r.provisional - r.overdue,
    overdue: r.overdue,
  }));
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="training-chart">
      <Typography variant="delta" tag="h3">
        {t('training.chart.title', 'Required training by dimension')}
      </Typography>
      <Box paddingTop={2} style={{ width: '100%', height: 240 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme?.colors?.neutral200} />
            <XAxis dataKey="name" tick={{ fontSize: 12, fill: theme?.colors?.neutral600 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: theme?.colors?.neutral600 }} />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Bar
              dataKey="completed"
              stackId="l"
              name={t('training.chart.completed', 'Trained')}
              fill={theme?.colors?.success500 ?? '#5cb176'}
            />
            <Bar
              dataKey="provisional"
              stackId="l"
              name={t('training.chart.provisional', 'Provisional')}
              fill={theme?.colors?.warning500 ?? '#f29d41'}
            />
            <Bar
              dataKey="overdue"
              stackId="l"
              name={t('training.chart.overdue', 'Past the deadline')}
              fill={theme?.colors?.danger500 ?? '#ee5e52'}
            />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};

export default TrainingChart;
