import { useState } from 'react';
import { Badge, Box, Button, Flex, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Layouts, Page, Pagination, useNotification, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link } from 'react-router-dom';
import type { RegistrationStatus } from '../../../../server/src/admin-api-types';
import { useErrorMessage } from '../../api/errors';
import { useT } from '../../utils/labels';
import { DEFAULT_PAGE_SIZE, pageSizeOptions } from '../../utils/pageSize';
import { useDownloadRegistrations, useRegistrations } from './api';
import { EventPicker } from './EventPicker';
import { EventsTable } from './EventsTable';
import { SignUpForm } from './SignUpForm';

const STATUSES: RegistrationStatus[] = ['registered', 'waiting', 'cancelled'];
const COLOURS: Record<RegistrationStatus, [string, string]> = {
  registered: ['success100', 'success700'],
  waiting: ['warning100', 'warning700'],
  cancelled: ['neutral150', 'neutral700'],
};

/** An event's registrations: counts, the list with each waiting person's place, and the export. */
export const RegistrationsPage = () => {
  const t = useT();
  const intl = useIntl();
  const { toggleNotification } = useNotification();
  const messageOf = useErrorMessage();
  const [{ query }, setQuery] = useQueryParams<{ event?: string; status?: string; q?: string; page?: string; pageSize?: string; when?: string }>();
  const event = query.event || undefined;
  const [search, setSearch] = useState(query.q ?? '');
  const list = useRegistrations(event, { status: query.status, q: query.q, page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE });
  const download = useDownloadRegistrations();
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const title = t('registrations.title', 'Registrations');
  const statusLabel = (s: RegistrationStatus) => t(`registrations.status.${s}`, s);
  const when = (iso: string | null) => (iso ? intl.formatDate(iso, { dateStyle: 'short', timeStyle: 'short' }) : '–');

  const exportAs = async (format: 'csv' | 'xlsx') => {
    if (!event) return;
    setBusy(format);
    try {
      await download(event, format, query.status);
    } catch (error) {
      toggleNotification({ type: 'danger', message: messageOf(error) });
    } finally {
      setBusy(null);
    }
  };
  const counts = list.data?.meta.counts;
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;

  return (
    <Page.Main aria-busy={list.isFetching}>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={t('registrations.subtitle', 'Who signed up for an event, who waits and who came')}
        primaryAction={
          event ? (
            <Flex gap={2}>
              <Button variant="secondary" startIcon={<Download />} onClick={() => exportAs('csv')} loading={busy === 'csv'}>
                {t('registrations.export.csv', 'Export CSV')}
              </Button>
              <Button variant="secondary" startIcon={<Download />} onClick={() => exportAs('xlsx')} loading={busy === 'xlsx'}>
                {t('registrations.export.xlsx', 'Export Excel')}
              </Button>
            </Flex>
          ) : undefined
        }
        secondaryAction={
          event ? (
            <Button variant="tertiary" tag={Link} to={`/plugins/liaison/check-in?event=${event}`}>
              {t('checkIn.title', 'Door check-in')}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Action
        startActions={
          <Flex gap={2} wrap="wrap">
            <EventPicker value={event} onChange={(documentId) => setQuery({ event: documentId, page: '1' })} />
            {event && (
              <>
                <Box style={{ width: 200 }}>
                  <SingleSelect
                    aria-label={t('registrations.filter', 'Status')}
                    placeholder={t('registrations.filter', 'Status')}
                    value={query.status ?? ''}
                    onChange={(v: string | number) => setQuery({ status: String(v), page: '1' })}
                    onClear={() => setQuery({ status: '' }, 'remove')}
                  >
                    {STATUSES.map((s) => (
                      <SingleSelectOption key={s} value={s}>{statusLabel(s)}</SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Box>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    setQuery({ q: search, page: '1' });
                  }}
                >
                  <TextInput
                    aria-label={t('registrations.search', 'Search by name')}
                    placeholder={t('registrations.search', 'Search by name')}
                    value={search}
                    onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)}
                  />
                </form>
              </>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        {!event ? (
          <EventsTable
            when={query.when === 'past' ? 'past' : 'upcoming'}
            page={query.page ?? '1'}
            onWhen={(when) => setQuery({ when, page: '1' })}
          />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <SignUpForm event={event} />
            {counts && (
              <Typography data-testid="registration-counts">
                {t(
                  'registrations.counts',
                  '{registered} registered ({seats} seats with guests{capacity, select, none {} other {, of {capacity}}}), {waiting} waiting, {cancelled} cancelled; {checkedIn} checked in',
                  {
                    registered: counts.registered,
                    seats: counts.seatsTaken,
                    capacity: counts.capacity === null ? 'none' : String(counts.capacity),
                    waiting: counts.waiting,
                    cancelled: counts.cancelled,
                    checkedIn: counts.checkedIn,
                  }
                )}
              </Typography>
            )}
            <Table colCount={8} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('registrations.column.name', 'Name')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.status', 'Status')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.position', 'Waiting position')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.guests', 'Guests')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.registeredAt', 'Registered')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.checkedInAt', 'Checked in')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.registeredBy', 'Registered by')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('registrations.column.contact', 'Contact')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((r) => (
                  <Tr key={r.documentId} data-testid="registration-row">
                    <Td><Typography>{r.alumnus?.name ?? '–'}</Typography></Td>
                    <Td>
                      <Badge backgroundColor={COLOURS[r.status][0]} textColor={COLOURS[r.status][1]}>{statusLabel(r.status)}</Badge>
                    </Td>
                    <Td><Typography>{r.position ?? '–'}</Typography></Td>
                    <Td><Typography>{r.guests}</Typography></Td>
                    <Td><Typography>{when(r.registeredAt)}</Typography></Td>
                    <Td><Typography>{r.checkedInAt ? when(r.checkedInAt) : '–'}</Typography></Td>
                    <Td><Typography>{r.registeredBy ?? t('registrations.self', 'Themselves')}</Typography></Td>
                    <Td>
                      {r.alumnus?.contactConsent ? (
                        <Flex direction="column" alignItems="flex-start">
                          {[r.alumnus.email, r.alumnus.phone, r.alumnus.wechat].filter(Boolean).map((c) => (
                            <Typography key={c} variant="pi">{c}</Typography>
                          ))}
                        </Flex>
                      ) : (
                        <Typography textColor="neutral500">{t('registrations.noConsent', 'Not consented to contact')}</Typography>
                      )}
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
            {rows.length === 0 && !list.isLoading && (
              <Typography textColor="neutral600">{t('registrations.empty', 'No registrations.')}</Typography>
            )}
            {pagination && pagination.total > 0 && (
              <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={DEFAULT_PAGE_SIZE}>
                <Pagination.PageSize options={pageSizeOptions(query.pageSize)} />
                <Pagination.Links />
              </Pagination.Root>
            )}
          </Flex>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};
