import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { Link } from 'react-router-dom';
import { QueryProvider } from '../api/QueryProvider';
import { useCoverageSummary } from '../api/queries';
import { useEnumLabel, useT } from '../utils/labels';

/** Home page: coverage per dimension, vacancies, terms ending soon, pending nominations. */
const Coverage = () => {
  const t = useT();
  const label = useEnumLabel();
  const summary = useCoverageSummary();
  if (summary.isPending) return <Widget.Loading />;
  if (summary.isError) return <Widget.Error />;
  const dimensions = summary.data.data.dimensions;
  const total = (key: 'vacancies' | 'pending' | 'ending') => dimensions.reduce((s, d) => s + d[key], 0);
  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="coverage-widget">
      {dimensions.map((d) => {
        const percent = d.scopes ? Math.round((d.covered / d.scopes) * 100) : 0;
        return (
          <Box key={d.dimension}>
            <Flex justifyContent="space-between">
              <Typography variant="omega">{label('dimension', d.dimension)}</Typography>
              <Typography variant="omega" fontWeight="bold">{`${percent}%`}</Typography>
            </Flex>
            <Box background="neutral150" hasRadius style={{ height: 8, overflow: 'hidden' }}>
              <Box background={percent < 50 ? 'danger500' : 'success500'} style={{ height: 8, width: `${percent}%` }} />
            </Box>
          </Box>
        );
      })}
      <Flex gap={4} wrap="wrap">
        <Typography variant="pi" textColor="danger600">{t('widget.vacancies', '{count} vacancies', { count: total('vacancies') })}</Typography>
        <Typography variant="pi" textColor="warning600">{t('widget.ending', '{count} terms ending within 60 days', { count: total('ending') })}</Typography>
        <Typography variant="pi">{t('widget.pending', '{count} nominations pending', { count: total('pending') })}</Typography>
      </Flex>
      <Link to="/plugins/liaison">{t('widget.open', 'Open the assignment board')}</Link>
    </Flex>
  );
};

/** The widget renders on the admin's home page, outside the plugin's pages: it brings their query cache. */
const CoverageWidget = () => (
  <QueryProvider>
    <Coverage />
  </QueryProvider>
);

export { CoverageWidget };
