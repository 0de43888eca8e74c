import { Flex, IconButton, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download, Eye } from '@strapi/icons';
import { Pagination } from '@strapi/strapi/admin';
import { useTheme } from 'styled-components';
import type { ImportJob, ImportListResponse } from '../../../../server/src/admin-api-types';
import { useEnumLabel, useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { KindBadge, StatusBadge, useFormat, useWho } from './parts';

/** Every import, newest first: who, when, the file, dry run or not, the counts, its status; its report and rejected rows. */
export const HistoryTable = ({
  list,
  loading,
  pageSize,
  current,
  onOpen,
  onDownload,
}: {
  list: ImportListResponse | undefined;
  loading: boolean;
  pageSize?: string;
  current?: string;
  onOpen: (job: ImportJob) => void;
  onDownload: (job: ImportJob) => void;
}) => {
  const t = useT();
  const label = useEnumLabel();
  const format = useFormat();
  const who = useWho();
  const theme = useTheme();
  const highlight = theme?.colors?.neutral100;
  const rows = list?.data ?? [];
  const pagination = list?.meta.pagination;
  const numbers = ['rows', 'new', 'updated', 'unchanged', 'rejected'] as const;
  if (!rows.length && !loading && !(pagination && pagination.page > 1)) {
    return <Typography textColor="neutral600">{t('imports.history.empty', 'No import yet.')}</Typography>;
  }
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Table colCount={10} rowCount={rows.length + 1} data-testid="import-history">
        <Thead>
          <Tr>
            <Th>
              <Typography variant="sigma">{t('imports.history.when', 'When')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.history.who', 'Who')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.history.file', 'File')}</Typography>
            </Th>
            <Th>
              <Typography variant="sigma">{t('imports.history.status', 'Status')}</Typography>
            </Th>
            {numbers.map((n) => (
              <Th key={n}>
                <Typography variant="sigma">{t(`imports.history.${n}`, n)}</Typography>
              </Th>
            ))}
            <Th>
              <Typography variant="sigma">{t('imports.history.actions', 'Actions')}</Typography>
            </Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((job) => (
            <Tr
              key={job.documentId}
              data-testid="history-row"
              data-document-id={job.documentId}
              style={job.documentId === current && highlight ? { background: highlight } : undefined}
            >
              <Td>
                <Typography textColor="neutral800" style={{ whiteSpace: 'nowrap', display: 'block' }}>
                  {format.day(job.createdAt)}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {format.time(job.createdAt)}
                </Typography>
              </Td>
              <Td>
                <Typography ellipsis style={{ maxWidth: 120, display: 'block' }}>
                  {who(job)}
                </Typography>
              </Td>
              <Td>
                <Typography fontWeight="semiBold" ellipsis style={{ maxWidth: 180, display: 'block' }} title={job.fileName}>
                  {job.fileName}
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {job.format ? label('format', job.format) : ''}
                </Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start" gap={1}>
                  <KindBadge dryRun={job.dryRun} />
                  <StatusBadge status={job.status} />
                  {job.status === 'running' ? (
                    <Typography variant="pi" textColor="neutral600">
                      {format.percent(job.progress)}
                    </Typography>
                  ) : null}
                </Flex>
              </Td>
              {numbers.map((n) => (
                <Td key={n}>
                  <Typography textColor={n === 'rejected' && job.counts.rejected ? 'danger600' : 'neutral800'} data-testid={`history-${n}`}>
                    {format.number(job.counts[n])}
                  </Typography>
                </Td>
              ))}
              <Td>
                <Flex gap={1}>
                  <IconButton
                    label={t('imports.history.open', 'Open the report')}
                    variant="ghost"
                    onClick={() => onOpen(job)}
                    data-testid="history-open"
                  >
                    <Eye />
                  </IconButton>
                  {job.counts.rejected > 0 && job.status === 'done' ? (
                    <IconButton
                      label={t('imports.rejected.download', 'Download the rejected rows (CSV)')}
                      variant="ghost"
                      onClick={() => onDownload(job)}
                      data-testid="history-download"
                    >
                      <Download />
                    </IconButton>
                  ) : null}
                </Flex>
              </Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {pagination && pagination.total > 0 ? (
        <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
          <Pagination.PageSize options={pageSizeOptions(pageSize)} />
          <Pagination.Links />
        </Pagination.Root>
      ) : null}
    </Flex>
  );
};
