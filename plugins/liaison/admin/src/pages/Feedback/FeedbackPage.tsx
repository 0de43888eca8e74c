import { useState } from 'react';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import type { FeedbackItem, FeedbackKind, FeedbackStatus } from '../../../../server/src/admin-api-types';
import { SearchField } from '../../components/SearchField';
import { ListTabs } from '../../components/ListTabs';
import { useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { WRAPS } from '../../utils/wraps';
import { useFeedbackList } from './api';
import { AnswerDialog, ReassignDialog } from './Dialogs';
import { KINDS, SettingsPanel } from './SettingsPanel';
import { StatsTable } from './StatsTable';

const STATUSES: FeedbackStatus[] = ['open', 'overdue', 'answered'];
const MANAGE = [{ action: 'plugin::liaison.feedback.manage', subject: null }];
const ALL_KINDS = 'all';

type ListQuery = { status?: string; kind?: string; q?: string; page?: string; pageSize?: string };

/** Words to look for and a kind, kept in the address: a reload or a shared link shows the same list. */
const ListFilters = ({ kind, words, setQuery }: { kind?: FeedbackKind; words?: string; setQuery: (next: ListQuery) => void }) => {
  const t = useT();
  return (
    <Flex gap={3} alignItems="flex-end" wrap="wrap">
      <SearchField
        value={words}
        onSearch={(q) => setQuery({ q, page: '1' })}
        label={t('feedback.search', 'Search')}
        placeholder={t('feedback.search.placeholder', 'Words in the item or its answer, or a name')}
      />
      <Box style={{ width: 220 }}>
        <SingleSelect
          aria-label={t('feedback.column.kind', 'Kind')}
          value={kind ?? ALL_KINDS}
          onChange={(v: string | number) => setQuery({ kind: v === ALL_KINDS ? undefined : String(v), page: '1' })}
        >
          <SingleSelectOption value={ALL_KINDS}>{t('feedback.kind.all', 'Every kind')}</SingleSelectOption>
          {KINDS.map((k) => (
            <SingleSelectOption key={k} value={k}>{t(`feedback.kind.${k}`, k)}</SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
    </Flex>
  );
};

/**
 * Alumni feedback and the liaisons' questions: open, overdue and answered items with their
 * deadline and responsible post; the office answers its own and reassigns; time to answer per
 * post; the deadlines, holidays and escalation.
 */
export const FeedbackPage = () => {
  const t = useT();
  const intl = useIntl();
  const [{ query }, setQuery] = useQueryParams<ListQuery>();
  const status = (STATUSES.includes(query.status as FeedbackStatus) ? query.status : 'open') as FeedbackStatus;
  const kind = KINDS.includes(query.kind as FeedbackKind) ? (query.kind as FeedbackKind) : undefined;
  const words = query.q?.trim() || undefined;
  const list = useFeedbackList({ status, kind, q: words, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const { allowedActions } = useRBAC(MANAGE);
  const canManage = !!allowedActions.canManage;
  const [answering, setAnswering] = useState<FeedbackItem | null>(null);
  const [moving, setMoving] = useState<FeedbackItem | null>(null);
  const title = t('feedback.title', 'Feedback');
  const when = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'short' }) : '–');
  const from = (i: FeedbackItem) =>
    i.origin === 'anonymous'
      ? [t('feedback.anonymous', 'Anonymous'), i.sender?.name, i.sender?.email].filter(Boolean).join(' · ')
      : [i.alumnus?.name, i.fromPost ? `(${i.fromPost.label ?? ''})` : null].filter(Boolean).join(' ');
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;

  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('feedback.subtitle', 'Alumni needs and opinions and the liaisons’ questions, each answered by its deadline')} />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <ListFilters kind={kind} words={words} setQuery={setQuery} />
          <ListTabs values={STATUSES} value={status} label={t('feedback.tabs', 'Status')} labelOf={(v) => t(`feedback.status.${v}`, v)} onChange={(v) => setQuery({ status: v, page: '1' })}>
            {/* Open and overdue items have no answer yet, answered ones no action: each tab shows its own last column, so the table fits the page. */}
            <Table colCount={7} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('feedback.column.received', 'Received')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('feedback.column.kind', 'Kind')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('feedback.column.content', 'Content')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('feedback.column.from', 'From')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('feedback.column.responsible', 'Responsible')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('feedback.column.due', 'Due')}</Typography></Th>
                  {status === 'answered' ? (
                    <Th><Typography variant="sigma">{t('feedback.column.answer', 'Answer')}</Typography></Th>
                  ) : (
                    <Th><Typography variant="sigma">{t('feedback.column.actions', 'Actions')}</Typography></Th>
                  )}
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((i) => (
                  <Tr key={i.documentId} data-testid="feedback-row">
                    <Td><Typography>{when(i.receivedAt)}</Typography></Td>
                    <Td><Typography>{t(`feedback.kind.${i.kind}`, i.kind)}</Typography></Td>
                    <Td style={{ minWidth: 200, maxWidth: 280, whiteSpace: 'normal' }}><Typography>{i.content}</Typography></Td>
                    <Td style={{ minWidth: 100, maxWidth: 180, ...WRAPS }}><Typography>{from(i) || '–'}</Typography></Td>
                    <Td style={{ minWidth: 150, maxWidth: 200, whiteSpace: 'normal' }}><Typography>{i.responsible === 'office' ? t('feedback.office', 'Alumni office') : (i.responsible.label ?? i.responsible.scope)}</Typography></Td>
                    <Td>
            <Flex gap={2}>
                        <Typography>{when(i.dueAt)}</Typography>
                        {i.overdue ? <Badge backgroundColor="danger100" textColor="danger700">{t('feedback.status.overdue', 'Overdue')}</Badge> : null}
            </Flex>
                    </Td>
                    {status === 'answered' ? (
            <Td style={{ minWidth: 200, maxWidth: 320, whiteSpace: 'normal' }}>
                        <Flex direction="column" alignItems="flex-start">
                          <Typography>{i.answer ?? '–'}</Typography>
                          <Typography variant="pi" textColor="neutral600">{[i.answeredBy, when(i.answeredAt)].filter(Boolean).join(' · ')}</Typography>
                        </Flex>
            </Td>
                    ) : (
            <Td>
                        {canManage && !i.answer ? (
                          <Flex gap={2}>
                            {i.responsible === 'office' ? (
                              <Button size="S" onClick={() => setAnswering(i)}>{t('feedback.answer.open', 'Answer')}</Button>
                            ) : null}
                            <Button size="S" variant="secondary" onClick={() => setMoving(i)}>{t('feedback.reassign.open', 'Reassign')}</Button>
                          </Flex>
                        ) : null}
            </Td>
                    )}
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {rows.length === 0 && !list.isLoading ? (
              <Typography textColor="neutral600" data-testid="feedback-empty">
                {kind || words ? t('feedback.empty.filtered', 'Nothing here matches.') : t('feedback.empty', 'Nothing here.')}
              </Typography>
            ) : null}
            {pagination && pagination.total > 0 ? (
              <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
                <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
                <Pagination.Links />
              </Pagination.Root>
            ) : null}
          </ListTabs>
          <StatsTable />
          <SettingsPanel canManage={canManage} />
        </Flex>
      </Layouts.Content>
      {answering ? <AnswerDialog item={answering} onClose={() => setAnswering(null)} /> : null}
      {moving ? <ReassignDialog item={moving} onClose={() => setMoving(null)} /> : null}
    </Page.Main>
  );
};
