import { Box, Flex, Tabs, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useQueryParams } from '@strapi/strapi/admin';
import { lazy, Suspense, useState } from 'react';
import { DIMENSIONS, type BoardFilters, type CoverageRow, type Dimension } from '../../api/board';
import { useCoverage, useCoverageSummary } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { useCountryName } from '../../utils/places';
import { CoverageTable } from './CoverageTable';
import { Filters } from './Filters';
import { ReachHeatmap } from './ReachHeatmap';
import { ScopePanel } from './ScopePanel';
import { SummaryCards } from './SummaryCards';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';

const CoverageChart = lazy(() => import('./CoverageChart'));

type BoardQuery = BoardFilters & { dimension?: Dimension; page?: string; pageSize?: string; sort?: string };

const FILTER_KEYS = ['college', 'yearFrom', 'yearTo', 'country', 'province', 'sector'] as const;

/** The Assignment board: where the network has holes, per dimension, and the way to fill them. */
export const BoardPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const countryName = useCountryName();
  const [{ query }, setQuery] = useQueryParams<BoardQuery>();
  const dimension: Dimension = DIMENSIONS.includes(query.dimension as Dimension) ? (query.dimension as Dimension) : 'cohort';
  const sort = query.sort ?? 'vacancies:desc';
  const filters: BoardFilters = {};
  for (const k of FILTER_KEYS) if (query[k]) filters[k] = query[k];
  const summary = useCoverageSummary(filters);
  const coverage = useCoverage({ dimension, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE, sort, ...filters });
  const [selected, setSelected] = useState<CoverageRow | null>(null);
  /** Filters applied: each one set or cleared in the URL, from the first page. */
  const apply = (f: BoardFilters) => {
    const next: BoardQuery = { page: '1' };
    for (const k of FILTER_KEYS) next[k] = f[k] ?? '';
    setQuery(next);
  };
  const title = t('board.title', 'Assignment board');
  const pagination = coverage.data?.meta.pagination;

  return (
    <Page.Main aria-busy={coverage.isFetching || summary.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('board.subtitle', 'Where the liaison network has holes, and who could fill them')}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {summary.data ? <SummaryCards dimensions={summary.data.data.dimensions} /> : null}
          <Filters value={filters} onApply={apply} />
          <Tabs.Root value={dimension} onValueChange={(value: string) => setQuery({ dimension: value as Dimension, page: '1', sort: undefined })}>
            <Tabs.List aria-label={t('board.tabs', 'Dimensions')}>
              {DIMENSIONS.map((d) => (
                <Tabs.Trigger key={d} value={d}>{label('dimension', d)}</Tabs.Trigger>
              ))}
            </Tabs.List>
            {DIMENSIONS.map((d) => (
              <Tabs.Content key={d} value={d}>
                <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                  {coverage.error ? (
                    <Typography textColor="danger600">{t('board.error', 'The coverage could not be loaded.')}</Typography>
                  ) : null}
                  {coverage.data && d === dimension ? (
                    <>
                      <Typography variant="pi" textColor="neutral600" tag="p" data-testid="coverage-totals">
                        {t('board.totals', '{alumni} alumni · {posts} posts · {active} active · {vacancies} vacancies · {pending} pending · {ending} ending soon', coverage.data.meta.totals)}
                      </Typography>
                      <Suspense fallback={null}>
                        <CoverageChart rows={coverage.data.data} />
                      </Suspense>
                      <CoverageTable rows={coverage.data.data} sort={sort} onSort={(s) => setQuery({ sort: s, page: '1' })} onOpen={setSelected} />
                      {pagination ? (
                        <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
                          <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
                          <Pagination.Links />
                        </Pagination.Root>
                      ) : null}
                    </>
                  ) : null}
                </Flex>
              </Tabs.Content>
            ))}
          </Tabs.Root>
          {summary.data?.data.reachGrid?.length ? <ReachHeatmap cells={summary.data.data.reachGrid} /> : null}
          {summary.data?.data.nextChapters?.length ? (
            <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="next-chapters">
              <Typography variant="delta" tag="h3">{t('board.nextChapters.title', 'Where to found the next chapter')}</Typography>
              {summary.data.data.nextChapters.slice(0, 10).map((p, i) => (
                <Typography key={i} tag="p">
                  {t('board.nextChapters.row', '{place}: {alumni} alumni without a chapter', {
                    place: [countryName(p.country), p.province, p.city].filter(Boolean).join(' · '),
                    alumni: p.alumni,
                  })}
                </Typography>
              ))}
            </Box>
          ) : null}
        </Flex>
      </Layouts.Content>
      {selected ? (
        <ScopePanel
          dimension={dimension}
          scope={selected.scope}
          onClose={() => setSelected(null)}
        />
      ) : null}
    </Page.Main>
  );
};
