import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Box, Button, Flex, Loader, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowsCounterClockwise } from '@strapi/icons';
import { Layouts, Page, Pagination, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { DuplicatePair, ScanStatus } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useDismissPair, useStartScan } from '../../api/mutations';
import { useDuplicates, useDuplicateScan } from '../../api/queries';
import { keys } from '../../api/keys';
import { SearchField } from '../../components/SearchField';
import { useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { Evidence, ScoreBar, Side } from './parts';

const STATUSES = ['open', 'dismissed', 'merged'] as const;
const MIN_SCORES = ['0', '0.5', '0.8', '0.9'];

/** The last scan in a sentence: when, how many records, how many pairs, how long. */
const ScanLine = ({ scan }: { scan: ScanStatus | undefined }) => {
  const t = useT();
  const intl = useIntl();
  if (!scan || scan.status === 'idle') return <Typography textColor="neutral600">{t('duplicates.scan.never', 'No scan has run yet.')}</Typography>;
  if (scan.status === 'running')
    return (
      <Flex gap={2}>
        <Loader small />
        <Typography>{t('duplicates.scan.running', 'Scanning every alumni record…')}</Typography>
      </Flex>
    );
  if (scan.status === 'failed') return <Typography textColor="danger600">{t('duplicates.scan.failed', 'The last scan failed; see the server log.')}</Typography>;
  return (
    <Typography textColor="neutral600" data-testid="scan-line">
      {t('duplicates.scan.done', 'Last scan {when}: {alumni} records compared, {pairs} probable pairs, in {seconds} s', {
        when: scan.finishedAt ? intl.formatDate(scan.finishedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '',
        alumni: intl.formatNumber(scan.alumni ?? 0),
        pairs: intl.formatNumber(scan.pairs ?? 0),
        seconds: intl.formatNumber((scan.ms ?? 0) / 1000, { maximumFractionDigits: 1 }),
      })}
    </Typography>
  );
};

/** Probable duplicates: the scan, and the pairs best first, each to review side by side or dismiss. */
export const DuplicatesPage = () => {
  const t = useT();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [{ query }, setQuery] = useQueryParams<{ status?: string; minScore?: string; q?: string; page?: string; pageSize?: string }>();
  const status = query.status ?? 'open';
  const words = query.q?.trim() || undefined;
  const list = useDuplicates({ status, minScore: query.minScore ?? '0', q: words, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const scanState = useDuplicateScan();
  const scan = scanState.data?.data ?? list.data?.meta.scan;
  const starting = useStartScan();
  const client = useQueryClient();
  // A scan that has just finished: its pairs are read.
  const previous = useRef(scan?.status);
  useEffect(() => {
    if (previous.current === 'running' && scan?.status !== 'running') void client.invalidateQueries({ queryKey: keys.duplicates.all() });
    previous.current = scan?.status;
  }, [scan?.status, client]);
  const dismissing = useDismissPair();
  const title = t('duplicates.title', 'Probable duplicates');

  const startScan = async () => {
    try {
      await starting.mutateAsync();
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const dismiss = async (pair: DuplicatePair) => {
    try {
      await dismissing.mutateAsync(pair.documentId);
      toggleNotification({ type: 'success', message: t('duplicates.dismissed', '{a} and {b}: marked as two people', { a: pair.a.name, b: pair.b.name }) });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('duplicates.subtitle', 'Records that are probably one person: compare them side by side, merge them, or mark them as two people')}
        primaryAction={
          <Button startIcon={<ArrowsCounterClockwise />} onClick={startScan} loading={starting.isPending || scan?.status === 'running'}>
            {t('duplicates.scan.start', 'Scan now')}
          </Button>
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={2} wrap="wrap">
            <SearchField
              value={query.q}
              onSearch={(q) => setQuery({ q, page: '1' })}
              label={t('duplicates.search', 'Search')}
              placeholder={t('duplicates.search.placeholder', 'Name or student number of either')}
              width={280}
            />
            <Box style={{ width: 200 }}>
              <SingleSelect
                aria-label={t('duplicates.filter.status', 'Pairs')}
                value={status}
                onChange={(v: string | number) => setQuery({ status: String(v), page: '1' })}
              >
                {STATUSES.map((s) => (
                  <SingleSelectOption key={s} value={s}>{t(`duplicates.status.${s}`, s)}</SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
            <Box style={{ width: 200 }}>
              <SingleSelect
                aria-label={t('duplicates.filter.minScore', 'Lowest score')}
                value={query.minScore ?? '0'}
                onChange={(v: string | number) => setQuery({ minScore: String(v), page: '1' })}
              >
                {MIN_SCORES.map((s) => (
                  <SingleSelectOption key={s} value={s}>
                    {s === '0' ? t('duplicates.minScore.any', 'Any score') : t('duplicates.minScore.atLeast', 'Score at least {score}%', { score: Math.round(Number(s) * 100) })}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>
        }
        endActions={<ScanLine scan={scan} />}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {['score', 'a', 'b', 'evidence', 'actions'].map((c) => (
                  <Th key={c}><Typography variant="sigma">{t(`duplicates.column.${c}`, c)}</Typography></Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((pair) => (
                <Tr key={pair.documentId} data-testid="duplicate-row">
                  <Td><ScoreBar score={pair.score} /></Td>
                  <Td><Side side={pair.a} /></Td>
                  <Td><Side side={pair.b} /></Td>
                  <Td style={{ width: 280, whiteSpace: 'normal' }}><Box style={{ width: 280 }}><Evidence evidence={pair.evidence} /></Box></Td>
                  <Td>
                    {pair.status === 'open' ? (
                      <Flex gap={1} direction="column" alignItems="stretch">
                        <Button size="S" onClick={() => navigate(pair.documentId)}>{t('duplicates.review', 'Compare')}</Button>
                        <Button size="S" variant="tertiary" onClick={() => dismiss(pair)}>{t('duplicates.dismiss', 'Two people')}</Button>
                      </Flex>
                    ) : (
                      <Typography textColor="neutral600">{t(`duplicates.status.${pair.status}`, pair.status)}</Typography>
                    )}
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {rows.length === 0 && !list.isFetching ? (
            <Typography textColor="neutral600" data-testid="duplicates-empty">
              {words ? t('duplicates.empty.filtered', 'No probable duplicates with these words.') : t('duplicates.empty', 'No probable duplicates here.')}
            </Typography>
          ) : null}
          {pagination ? (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
              <Pagination.Links />
            </Pagination.Root>
          ) : null}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
