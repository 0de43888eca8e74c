import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { DimensionSummary } from '../../api/board';
import { useEnumLabel, useT } from '../../utils/labels';

/** One card per dimension: scopes covered, vacancies, nominations pending, terms ending soon. */
export const SummaryCards = ({ dimensions }: { dimensions: DimensionSummary[] }) => {
  const t = useT();
  const label = useEnumLabel();
  return (
    <Grid.Root gap={4}>
      {dimensions.map((d) => {
        const percent = d.scopes ? Math.round((d.covered / d.scopes) * 100) : 0;
        return (
          <Grid.Item key={d.dimension} col={3} s={6} xs={12} direction="column" alignItems="stretch">
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid={`summary-${d.dimension}`}>
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography variant="delta" tag="h2">{label('dimension', d.dimension)}</Typography>
                <Typography variant="alpha" textColor={percent < 50 ? 'danger600' : 'success600'}>{`${percent}%`}</Typography>
                <Typography variant="pi" textColor="neutral600">
                  {t('board.summary.covered', '{covered} of {scopes} scopes have an active liaison', d)}
                </Typography>
                <Flex gap={3} wrap="wrap">
                  <Typography variant="pi" textColor={d.vacancies ? 'danger600' : 'neutral600'}>
                    {t('board.summary.vacancies', '{vacancies} vacancies', d)}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">{t('board.summary.pending', '{pending} pending', d)}</Typography>
                  <Typography variant="pi" textColor={d.ending ? 'warning600' : 'neutral600'}>
                    {t('board.summary.ending', '{ending} ending within 60 days', d)}
                  </Typography>
                </Flex>
              </Flex>
            </Box>
          </Grid.Item>
        );
      })}
    </Grid.Root>
  );
};
