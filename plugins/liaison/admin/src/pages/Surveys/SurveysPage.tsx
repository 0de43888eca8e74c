import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { Layouts, Page, Pagination, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link, useNavigate } from 'react-router-dom';
import type { SurveyStatus } from '../../../../server/src/admin-api-types';
import { useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { useSurveys } from './api';

export const STATUSES: SurveyStatus[] = ['draft', 'sent', 'closed'];
export const STATUS_COLOURS: Record<SurveyStatus, [string, string]> = {
  draft: ['neutral150', 'neutral700'],
  sent: ['success100', 'success700'],
  closed: ['secondary100', 'secondary700'],
};
export const MANAGE = [{ action: 'plugin::liaison.surveys.manage', subject: null }];

export const StatusBadge = ({ status }: { status: SurveyStatus }) => {
  const t = useT();
  return (
    <Badge backgroundColor={STATUS_COLOURS[status][0]} textColor={STATUS_COLOURS[status][1]}>
      {t(`surveys.status.${status}`, status)}
    </Badge>
  );
};

/** The surveys: drafts, sent and closed, with how many answered; a new one. */
export const SurveysPage = () => {
  const t = useT();
  const intl = useIntl();
  const navigate = useNavigate();
  const { allowedActions } = useRBAC(MANAGE);
  const [{ query }, setQuery] = useQueryParams<{ status?: string; page?: string; pageSize?: string }>();
  const list = useSurveys({ status: query.status, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  const title = t('surveys.title', 'Surveys');
  const when = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' }) : '–');

  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('surveys.subtitle', 'Ask the alumni of classes, colleges, chapters and industry groups, each by a personal link')}
        primaryAction={
          allowedActions.canManage ? (
            <Button startIcon={<Plus />} onClick={() => navigate('/plugins/liaison/surveys/new')}>
              {t('surveys.new', 'New survey')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <Box style={{ width: 200 }}>
            <SingleSelect
              aria-label={t('surveys.filter', 'Status')}
              placeholder={t('surveys.filter', 'Status')}
              value={query.status ?? ''}
              onChange={(v: string | number) => setQuery({ status: String(v), page: '1' })}
              onClear={() => setQuery({ status: '' }, 'remove')}
            >
              {STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>
                  {t(`surveys.status.${s}`, s)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Table colCount={6} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">{t('surveys.column.title', 'Survey')}</Typography></Th>
                <Th><Typography variant="sigma">{t('surveys.column.status', 'Status')}</Typography></Th>
                <Th><Typography variant="sigma">{t('surveys.column.sentAt', 'Sent')}</Typography></Th>
                <Th><Typography variant="sigma">{t('surveys.column.closesAt', 'Closes')}</Typography></Th>
                <Th><Typography variant="sigma">{t('surveys.column.answered', 'Answered')}</Typography></Th>
                <Th><Typography variant="sigma">{t('surveys.column.rate', 'Response rate')}</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((s) => (
                <Tr key={s.documentId} data-testid="survey-row">
                  <Td>
                    <Link to={`/plugins/liaison/surveys/${s.documentId}`}>
                      <Typography textColor="primary600">{intl.locale.startsWith('zh') ? s.title : s.titleEn || s.title}</Typography>
                    </Link>
                  </Td>
                  <Td><StatusBadge status={s.status} /></Td>
                  <Td><Typography>{when(s.sentAt)}</Typography></Td>
                  <Td><Typography>{when(s.closesAt)}</Typography></Td>
                  <Td><Typography>{t('surveys.answeredOf', '{answered} of {invited}', { answered: s.answered, invited: s.invited })}</Typography></Td>
                  <Td><Typography>{s.invited ? `${Math.round((1000 * s.answered) / s.invited) / 10}%` : '–'}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {rows.length === 0 && !list.isLoading && <Typography textColor="neutral600">{t('surveys.empty', 'No surveys yet.')}</Typography>}
          {pagination && pagination.total > 0 && (
            <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
              <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
              <Pagination.Links />
            </Pagination.Root>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};
