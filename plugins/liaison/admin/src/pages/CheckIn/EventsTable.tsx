import { Box, Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Pagination } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { EventRegistrations } from '../../../../server/src/admin-api-types';
import { ListTabs } from '../../components/ListTabs';
import { useT } from '../../utils/labels';
import { WRAPS } from '../../utils/wraps';
import { CoverageBar } from '../OverviewPage';
import { useEventRegistrations } from './api';

const PAGE_SIZE = 20;
const WHEN = ['upcoming', 'past'] as const;
export type When = (typeof WHEN)[number];

/** Seats taken against the capacity: a bar when there is one, the count alone when there is none. */
const Seats = ({ counts }: { counts: EventRegistrations['counts'] }) => {
  const t = useT();
  if (counts.capacity === null) return <Typography>{counts.seatsTaken}</Typography>;
  const percent = counts.capacity > 0 ? Math.round((counts.seatsTaken / counts.capacity) * 100) : 100;
  const label = t('registrations.events.seats', '{taken} of {capacity}', { taken: counts.seatsTaken, capacity: counts.capacity });
  return (
    <Flex direction="column" alignItems="stretch" gap={1} style={{ minWidth: 100 }}>
      <CoverageBar percent={percent} label={label} />
      <Typography variant="pi" textColor="neutral600">{label}</Typography>
    </Flex>
  );
};

/**
 * The Registrations page before an event is chosen: the events to come (soonest first) or
 * past, each with its seats, registered, waiting and checked-in counts; its title links to
 * its registrations.
 */
export const EventsTable = ({ when, page, onWhen }: { when: When; page: string; onWhen: (when: When) => void }) => {
  const t = useT();
  const intl = useIntl();
  const events = useEventRegistrations({ when, page, pageSize: PAGE_SIZE });
  const rows = events.data?.data ?? [];
  const pagination = events.data?.meta.pagination;
  return (
    <ListTabs values={WHEN} value={when} label={t('registrations.events.label', 'Events')} labelOf={(w) => t(`registrations.events.${w}`, w)} onChange={onWhen}>
      <Table colCount={7} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th><Typography variant="sigma">{t('registrations.events.date', 'Date')}</Typography></Th>
            <Th><Typography variant="sigma">{t('checkIn.event', 'Event')}</Typography></Th>
            <Th><Typography variant="sigma">{t('registrations.events.chapter', 'Chapter')}</Typography></Th>
            <Th><Typography variant="sigma">{t('registrations.events.seatsTaken', 'Seats taken')}</Typography></Th>
            <Th><Typography variant="sigma">{t('registrations.status.registered', 'registered')}</Typography></Th>
            <Th><Typography variant="sigma">{t('registrations.status.waiting', 'waiting')}</Typography></Th>
            <Th><Typography variant="sigma">{t('registrations.events.checkedIn', 'Checked in')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((e) => (
            <Tr key={e.documentId} data-testid="registration-event">
              <Td style={{ maxWidth: 140, whiteSpace: 'normal' }}><Typography>{e.startsAt ? intl.formatDate(e.startsAt, { dateStyle: 'medium', timeStyle: 'short' }) : '–'}</Typography></Td>
              <Td style={{ minWidth: 160, maxWidth: 280, ...WRAPS }}>
                <Link tag={RouterLink} to={{ search: `?event=${encodeURIComponent(e.documentId)}` }}>
                  {e.title}
                </Link>
              </Td>
              <Td style={{ maxWidth: 160, ...WRAPS }}><Typography>{e.chapter?.name ?? t('feedback.office', 'Alumni office')}</Typography></Td>
              <Td><Seats counts={e.counts} /></Td>
              <Td><Typography>{e.counts.registered}</Typography></Td>
              <Td><Typography>{e.counts.waiting}</Typography></Td>
              <Td><Typography>{e.counts.checkedIn}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      {rows.length === 0 && !events.isLoading ? (
        <Box data-testid="registration-events-empty">
          <Typography textColor="neutral600">{t(`registrations.events.empty.${when}`, 'No events.')}</Typography>
        </Box>
      ) : null}
      {pagination && pagination.pageCount > 1 ? (
        <Pagination.Root pageCount={pagination.pageCount} total={pagination.total} defaultPageSize={PAGE_SIZE}>
          <Pagination.Links />
        </Pagination.Root>
      ) : null}
    </ListTabs>
  );
};
