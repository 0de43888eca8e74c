import { Box, Typography } from '@strapi/design-system';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme, type DefaultTheme } from 'styled-components';
import { GRADES, type Grade } from '../../api/appraisal';
import { useEnumLabel, useT } from '../../utils/labels';

export const gradeColour = (theme: DefaultTheme | undefined, grade: Grade) =>
  ({
    excellent: theme?.colors?.success500 ?? '#5cb176',
    good: theme?.colors?.primary500 ?? '#7b79ff',
    pass: theme?.colors?.warning500 ?? '#f29d41',
    fail: theme?.colors?.danger500 ?? '#ee5e52',
  })[grade];

/** How many liaisons got each grade, for the rows the filters select. */
const GradeChart = ({ grades }: { grades: Record<Grade, number> }) => {
  const t = useT();
  const label = useEnumLabel();
  const theme = useTheme();
  const data = GRADES.map((g) => ({
    grade: g,
    name: label('grade', g),
    count: grades[g] ?? 0,
  }));
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="grade-chart">
      <Typography variant="delta" tag="h3">
        {t('appraisal.chart.title', 'Grade distribution')}
      </Typography>
      <Box paddingTop={2} style={{ width: '100%', height: 200 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke={theme?.colors?.neutral200} />
            <XAxis dataKey="name" tick={{ fontSize: 12, fill: theme?.colors?.neutral600 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: theme?.colors?.neutral600 }} />
            <Tooltip />
            <Bar dataKey="count" name={t('appraisal.chart.count', 'Liaisons')}>
              {data.map((d) => (
                <Cell key={d.grade} fill={gradeColour(theme, d.grade)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </Box>
    </Box>
  );
};

export default GradeChart;
