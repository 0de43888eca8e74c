import { Box, Button, Flex, ProgressBar, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight, Download, Play } from '@strapi/icons';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ImportField, ImportJob } from '../../../../server/src/admin-api-types';
import { useRejectedRows } from '../../api/queries';
import { useT } from '../../utils/labels';
import { Callout, KindBadge, StatusBadge, useFieldName, useFormat } from './parts';

const CountsChart = lazy(() => import('./CountsChart'));

const REJECTED_PAGE_SIZE = 10;

/** The counts as tiles: rows, new, updated, unchanged, rejected. */
const CountTiles = ({ job }: { job: ImportJob }) => {
  const t = useT();
  const format = useFormat();
  const tiles: [keyof ImportJob['counts'], string, string][] = [
    ['rows', t('imports.count.rows', 'Rows read'), 'neutral800'],
    ['new', job.dryRun ? t('imports.count.newDry', 'New (to add)') : t('imports.count.new', 'New'), 'success600'],
    ['updated', job.dryRun ? t('imports.count.updatedDry', 'Updated (to change)') : t('imports.count.updated', 'Updated'), 'primary600'],
    ['unchanged', t('imports.count.unchanged', 'Unchanged'), 'neutral600'],
    ['rejected', t('imports.count.rejected', 'Rejected'), 'danger600'],
  ];
  return (
    <Flex gap={3} wrap="wrap" data-testid="import-counts">
      {tiles.map(([key, name, colour]) => (
        <Box key={key} background="neutral100" hasRadius padding={3} style={{ minWidth: 150, flex: '1 1 0' }} data-testid={`count-${key}`}>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {name}
          </Typography>
          <Typography variant="beta" tag="p" textColor={colour} data-testid="count-value">
            {format.number(job.counts[key])}
          </Typography>
        </Box>
      ))}
    </Flex>
  );
};

/** The rejected rows of a finished import, a page at a time: row, who, column and reason. */
const RejectedRows = ({ job, onDownload }: { job: ImportJob; onDownload: () => void }) => {
  const t = useT();
  const format = useFormat();
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [job.documentId]);
  const rejected = useRejectedRows(job.documentId, { page, pageSize: REJECTED_PAGE_SIZE }, job.status === 'done');
  const answer = rejected.data;
  const headers = answer?.meta.headers ?? [];
  const columnOf = (field: ImportField) => {
    const header = Object.entries(job.columns ?? {}).find(([, f]) => f === field)?.[0];
    return header === undefined ? -1 : headers.indexOf(header);
  };
  const nameAt = columnOf('name');
  const numberAt = columnOf('studentNo');
  const pagination = answer?.meta.pagination;
  if (!job.counts.rejected) return null;
  return (
    <Box paddingTop={4} data-testid="rejected-rows">
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={2} gap={4} wrap="wrap">
        <Typography variant="delta" tag="h3">
          {t('imports.rejected.title', 'Rejected rows ({n})', { n: format.number(job.counts.rejected) })}
        </Typography>
        <Button variant="secondary" startIcon={<Download />} onClick={onDownload} data-testid="download-rejected">
          {t('imports.rejected.download', 'Download the rejected rows (CSV)')}
        </Button>
      </Flex>
      <Table colCount={5} rowCount={(answer?.data.length ?? 0) + 1}>
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.row', 'Row')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.name', 'Name')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.studentNo', 'Student number')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.column', 'Column')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.rejected.reason', 'Reason')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {(answer?.data ?? []).map((r) => (
            <Tr key={r.row} data-testid="rejected-row">
              <Td>
                <Typography fontWeight="semiBold">{r.row}</Typography>
              </Td>
              <Td>
                <Typography ellipsis style={{ maxWidth: 160, display: 'block' }}>
                  {nameAt >= 0 ? r.cells[nameAt] : ''}
                </Typography>
              </Td>
              <Td>
                <Typography>{numberAt >= 0 ? r.cells[numberAt] : ''}</Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {r.problems.map((p, i) => (
                    <Typography key={i} fontWeight="semiBold" data-testid="rejected-column">
                      {p.column}
                    </Typography>
                  ))}
                </Flex>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  {r.problems.map((p, i) => (
                    <Typography key={i} textColor="danger600" data-testid="rejected-reason" style={{ whiteSpace: 'normal' }}>
                      {p.message}
                    </Typography>
                  ))}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination && pagination.pageCount > 1 ? (
        <Flex justifyContent="flex-end" alignItems="center" gap={3} paddingTop={3} data-testid="rejected-pages">
          <Typography variant="pi" textColor="neutral600">
            {t('imports.rejected.page', 'Page {page} of {pages}', { page: pagination.page, pages: pagination.pageCount })}
          </Typography>
          <Button variant="tertiary" size="S" startIcon={<ChevronLeft />} disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
            {t('imports.rejected.previous', 'Previous')}
          </Button>
          <Button
            variant="tertiary"
            size="S"
            endIcon={<ChevronRight />}
            disabled={page >= pagination.pageCount}
            onClick={() => setPage((p) => p + 1)}
          >
            {t('imports.rejected.next', 'Next')}
          </Button>
        </Flex>
      ) : null}
      {answer && answer.meta.unlisted > 0 ? (
        <Typography variant="pi" textColor="neutral600" tag="p">
          {t('imports.rejected.unlisted', '{n} more rejected rows are counted but not listed.', { n: format.number(answer.meta.unlisted) })}
        </Typography>
      ) : null}
    </Box>
  );
};

/**
 * An import's report: its progress while it runs (polled), then the counts, a bar of what
 * it found, what it would create, the rejected rows, and, after a dry run of the file still
 * chosen, the real run.
 */
export const ImportReport = ({
  job,
  canRun,
  starting,
  stale,
  onRun,
  onDownload,
}: {
  job: ImportJob;
  /** The dry run of the file and columns chosen now: it may be run for real. */
  canRun: boolean;
  starting: boolean;
  /** The columns or options changed since this dry run. */
  stale: boolean;
  onRun: () => void;
  onDownload: () => void;
}) => {
  const t = useT();
  const format = useFormat();
  const fieldName = useFieldName();
  const live = job.status === 'queued' || job.status === 'running';
  const toWrite = job.counts.new + job.counts.updated;
  const created = job.created ?? { colleges: 0, cohorts: 0, industries: 0 };
  const createdParts = (['colleges', 'cohorts', 'industries'] as const)
    .filter((k) => created[k] > 0)
    .map((k) => t(`imports.created.${k}`, `{n} ${k}`, { n: created[k] }));
  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={4}
      data-testid="import-report"
      data-status={job.status}
      data-dry-run={String(job.dryRun)}
    >
      <Flex gap={2} alignItems="center" wrap="wrap">
        <KindBadge dryRun={job.dryRun} />
        <Typography fontWeight="semiBold" data-testid="report-file">
          {job.fileName}
        </Typography>
        <StatusBadge status={job.status} />
        <Typography variant="pi" textColor="neutral600">
          {format.when(job.createdAt)}
        </Typography>
      </Flex>
      {live ? (
        <Box data-testid="import-progress">
          <Flex justifyContent="space-between" paddingBottom={2}>
            <Typography>
              {job.status === 'queued'
                ? t('imports.progress.queued', 'Waiting to start…')
                : t('imports.progress.running', '{rows} rows read, {rejected} rejected so far', {
                    rows: format.number(job.counts.rows),
                    rejected: format.number(job.counts.rejected),
                  })}
            </Typography>
            <Typography fontWeight="bold">{format.percent(job.progress)}</Typography>
          </Flex>
          <ProgressBar
            value={Math.round(job.progress * 100)}
            aria-label={t('imports.progress.label', 'Progress of the import')}
            style={{ width: '100%' }}
          />
        </Box>
      ) : null}
      {job.status === 'failed' && job.failure ? (
        <Callout tone="danger" title={t('imports.failed', 'The import failed')} testId="import-failure">
          <Typography tag="p">{job.failure.message}</Typography>
        </Callout>
      ) : null}
      {job.status === 'done' ? (
        <>
          {!job.dryRun ? (
            <Callout tone="success" title={t('imports.done.title', 'Imported')} testId="import-done">
              <Typography tag="p">
                {t(
                  'imports.done.text',
                  '{new, plural, one {# alumnus} other {# alumni}} added and {updated, number} updated; {rejected, plural, =0 {no row} one {# row} other {# rows}} rejected.',
                  { new: job.counts.new, updated: job.counts.updated, rejected: job.counts.rejected },
                )}
              </Typography>
            </Callout>
          ) : null}
          <CountTiles job={job} />
          {job.counts.rows > 0 ? (
            <Suspense fallback={<Box style={{ height: 110 }} />}>
              <CountsChart counts={job.counts} dryRun={job.dryRun} />
            </Suspense>
          ) : null}
          {createdParts.length ? (
            <Typography data-testid="import-created">
              {job.dryRun
                ? t('imports.created.dry', 'The import will create {list}.', { list: createdParts.join(t('imports.list.separator', ', ')) })
                : t('imports.created.run', 'Created {list}.', { list: createdParts.join(t('imports.list.separator', ', ')) })}
            </Typography>
          ) : null}
          {job.dryRun ? (
            <Box background={canRun ? 'primary100' : 'neutral100'} hasRadius padding={4}>
              <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
                <Typography>
                  {stale
                    ? t('imports.run.stale', 'The columns or options have changed since this dry run: run it again before importing.')
                    : canRun
                      ? toWrite
                        ? t(
                            'imports.run.ready',
                            'Nothing has been written yet. Import now to add {new} and update {updated} alumni; rejected rows are left out.',
                            {
                              new: format.number(job.counts.new),
                              updated: format.number(job.counts.updated),
                            },
                          )
                        : t('imports.run.nothing', 'Nothing would change: every good row is already in the network.')
                      : t('imports.run.chooseFile', 'A dry run writes nothing. To import, choose the file again and run it.')}
                </Typography>
                {canRun && toWrite > 0 ? (
                  <Button startIcon={<Play />} onClick={onRun} loading={starting} data-testid="run-import">
                    {t('imports.run.button', 'Import {n} rows', { n: format.number(toWrite) })}
                  </Button>
                ) : null}
              </Flex>
            </Box>
          ) : null}
          <RejectedRows job={job} onDownload={onDownload} />
          {job.columns ? (
            <Typography variant="pi" textColor="neutral600" tag="p" data-testid="report-columns">
              {t('imports.report.columns', 'Columns: {list}', {
                list: Object.entries(job.columns)
                  .map(([header, field]) => `${header} → ${fieldName(field)}`)
                  .join(t('imports.list.separator', ', ')),
              })}
            </Typography>
          ) : null}
        </>
      ) : null}
    </Flex>
  );
};
