import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, Pagination, useNotification, useQueryParams, useRBAC } from '@strapi/strapi/admin';
import type { DeliveryStatus, OutboxMail } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useResendMail } from '../../api/mutations';
import { useOutbox } from '../../api/queries';
import { useEnumLabel, useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';

const STATUSES: DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed'];
const COLOURS: Record<DeliveryStatus, [string, string]> = {
  pending: ['warning100', 'warning700'],
  sending: ['secondary100', 'secondary700'],
  sent: ['success100', 'success700'],
  failed: ['danger100', 'danger700'],
};

/** The e-mail outbox: what waits, what went, what failed and why; resend a mail. */
export const OutboxPage = () => {
  const t = useT();
  const label = useEnumLabel();
  const [{ query }, setQuery] = useQueryParams<{ status?: string; page?: string; pageSize?: string }>();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const { allowedActions } = useRBAC([{ action: 'plugin::liaison.outbox.resend', subject: null }]);
  const list = useOutbox({ status: query.status, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const resending = useResendMail();
  const title = t('outbox.title', 'E-mail outbox');
  // A mail resent: the list is read again (api/mutations.ts).
  const resend = async (mail: OutboxMail) => {
    try {
      await resending.mutateAsync(mail.documentId);
      toggleNotification({ type: 'success', message: t('outbox.resent', 'The mail will be sent again') });
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    }
  };
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={t('outbox.subtitle', 'Every e-mail the network sends, with its delivery attempts')} />
      <Layouts.Action
        startActions={
          <Box style={{ width: 220 }}>
            <SingleSelect
              aria-label={t('outbox.filter', 'Delivery status')}
              placeholder={t('outbox.filter', 'Delivery status')}
              value={query.status ?? ''}
              onChange={(v: string | number) => setQuery({ status: String(v), page: '1' })}
              onClear={() => setQuery({ status: '' }, 'remove')}
            >
              {STATUSES.map((s) => (
                <SingleSelectOption key={s} value={s}>{label('deliveryStatus', s)}</SingleSelectOption>
              ))}
            </SingleSelect>
          </Box>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Table colCount={7} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                {['to', 'subject', 'kind', 'status', 'attempts', 'lastError', 'actions'].map((c) => (
                  <Th key={c}><Typography variant="sigma">{t(`outbox.column.${c}`, c)}</Typography></Th>
                ))}
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((m) => {
                const [bg, fg] = COLOURS[m.deliveryStatus] ?? ['neutral150', 'neutral600'];
                return (
                  <Tr key={m.documentId} data-testid="outbox-row">
                    <Td><Typography ellipsis style={{ maxWidth: 240 }}>{m.to}</Typography></Td>
                    <Td><Typography ellipsis style={{ maxWidth: 260 }}>{m.subject}</Typography></Td>
                    <Td><Typography>{m.kind ? t(`outbox.kind.${m.kind}`, m.kind) : ''}</Typography></Td>
                    <Td><Badge backgroundColor={bg} textColor={fg}>{label('deliveryStatus', m.deliveryStatus)}</Badge></Td>
                    <Td><Typography>{m.attempts}</Typography></Td>
                    <Td><Typography textColor="danger600" ellipsis style={{ maxWidth: 180 }}>{m.lastError ?? ''}</Typography></Td>
                    <Td>
                      {allowedActions.canResend && (m.deliveryStatus === 'failed' || m.deliveryStatus === 'sent') ? (
                        <Button size="S" variant="secondary" onClick={() => resend(m)}>{t('outbox.resend', 'Resend')}</Button>
                      ) : null}
                    </Td>
                  </Tr>
                );
              })}
            </Tbody>
          </Table>
          {rows.length === 0 && !list.isFetching ? <Typography textColor="neutral600">{t('outbox.empty', 'No e-mail here.')}</Typography> : null}
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
