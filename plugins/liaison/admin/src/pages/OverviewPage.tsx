import { Layouts, Page } from '@strapi/strapi/admin';
import { Box, Flex, Grid, ProgressBar, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useOverview, type DimensionCoverage } from '../api/overview';
import { getTranslation } from '../utils/getTranslation';

const DimensionCard = ({ item }: { item: DimensionCoverage }) => {
  const { formatMessage } = useIntl();
  const percent = item.scopes ? Math.round((item.covered / item.scopes) * 100) : 0;
  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={6} data-testid={`dimension-${item.dimension}`}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {formatMessage({ id: getTranslation(`dimension.${item.dimension}`), defaultMessage: item.dimension })}
        </Typography>
        <ProgressBar value={percent} size="M">{`${percent}%`}</ProgressBar>
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
  const { data, error, loading } = useOverview();
  const title = formatMessage({ id: getTranslation('overview.title'), defaultMessage: 'Liaison network' });

  if (loading) return <Page.Loading />;
  if (error || !data) return <Page.Error />;

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(
          { id: getTranslation('overview.subtitle'), defaultMessage: '{alumni} alumni in the register' },
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
