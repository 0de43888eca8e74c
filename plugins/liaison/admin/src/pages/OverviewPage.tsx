import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Flex, Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { DimensionCoverage } from '../../../server/src/admin-api-types';
import { useOverview } from '../api/queries';
import { getTranslation } from '../utils/getTranslation';

/**
 * A coverage bar for a white card. (The design system's ProgressBar is drawn for dark
 * backgrounds: its covered part is white, so on a card only the gap showed.)
 */
export const CoverageBar = ({ percent, label }: { percent: number; label: string }) => {
  const value = Math.max(0, Math.min(100, percent));
  return (
    <Box
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-label={label}
      background="neutral150"
      hasRadius
      height="0.8rem"
      overflow="hidden"
      data-testid="coverage-bar"
    >
      <Box
        background={value >= 100 ? 'success500' : 'primary600'}
        height="100%"
        width={`${value}%`}
        hasRadius
        data-testid="coverage-bar-fill"
      />
    </Box>
  );
};

const DimensionCard = ({ item }: { item: DimensionCoverage }) => {
  const { formatMessage } = useIntl();
  const percent = item.scopes ? Math.round((item.covered / item.scopes) * 100) : 0;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={`dimension-${item.dimension}`}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation(`dimension.${item.dimension}`), defaultMessage: item.dimension })}
        </Typography>
        <Flex gap={3} alignItems="center">
          <Box flex="1">
            <CoverageBar percent={percent} label={`${percent}%`} />
          </Box>
          <Typography variant="omega" fontWeight="bold" textColor="neutral800">{`${percent}%`}</Typography>
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            {
              id: getTranslation('overview.coverage'),
              defaultMessage: '{covered} of {scopes} covered by an active liaison',
            },
            { covered: item.covered, scopes: item.scopes }
          )}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(
            { id: getTranslation('overview.activePosts'), defaultMessage: '{count} active posts' },
            { count: item.activePosts }
          )}
        </Typography>
      </Flex>
    </Box>
  );
};

export const OverviewPage = () => {
  const { formatMessage } = useIntl();
  const overview = useOverview();
  const data = overview.data?.data;
  const title = formatMessage({ id: getTranslation('overview.title'), defaultMessage: 'Liaison network' });

  if (overview.isPending) return <Page.Loading />;
  if (overview.isError || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          { id: getTranslation('overview.subtitle'), defaultMessage: '{alumni, number} alumni in the register' },
          { alumni: data.alumni }
        )}
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          {data.dimensions.map((item) => (
            <Grid.Item key={item.dimension} col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <DimensionCard item={item} />
            </Grid.Item>
          ))}
        </Grid.Root>
      </Layouts.Content>
    </Page.Main>
  );
};
