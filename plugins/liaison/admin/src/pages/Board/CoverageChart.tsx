import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import type { CoverageRow } from '../../api/board';
import { useT } from '../../utils/labels';

/** Posts filled and posts vacant for the scopes on the page: the holes stand out in red. */
const CoverageChart = ({ rows }: { rows: CoverageRow[] }) => {
  const t = useT();
  const theme = useTheme();
  const data = rows.slice(0, 20).map((r) => ({
    name: r.scope.name,
    filled: Math.max(r.posts - r.vacancies, 0),
    vacant: r.vacancies,
  }));
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="coverage-chart">
      <Typography variant="delta" tag="h3">{t('board.chart.title', 'Posts filled and vacant')}</Typography>
      <Box paddingTop={2} style={{ width: '100%', height: 260 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 48, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme?.colors?.neutral200} />
            <XAxis dataKey="name" angle={-30} textAnchor="end" interval={0} height={60} tick={{ fontSize: 11, fill: theme?.colors?.neutral600 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: theme?.colors?.neutral600 }} />
            <Tooltip />
            <Legend verticalAlign="top" />
            <Bar dataKey="filled" stackId="posts" name={t('board.chart.filled', 'Filled')} fill={theme?.colors?.success500 ?? '#5cb176'} />
            <Bar dataKey="vacant" stackId="posts" name={t('board.chart.vacant', 'Vacant')} fill={theme?.colors?.danger500 ?? '#ee5e52'} />
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};

export default CoverageChart;
