import type { Core } from '@strapi/strapi';
import type { RegistrationCounts, StaffRegistration } from '../api-types/check-in';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';

export const REGISTRATION = 'plugin::liaison.event-registration';
const ALUMNUS = 'plugin::liaison.alumnus';
const ADMIN_USER = 'admin::user';

/** A datetime as the database hands it back (a Date on PostgreSQL; milliseconds or ISO text on SQLite) in ISO 8601. */
export const isoOf = (v: unknown): string | null => {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as any));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

const num = (v: unknown) => Number(v ?? 0) || 0;

export type Counts = RegistrationCounts;

/** Every count of each event's registrations (by the events' documentIds), in one query. */
export const countsByEvent = async (strapi: Core.Strapi, events: Array<{ documentId: string; capacity: number | null }>): Promise<Map<string, Counts>> => {
  const counted = new Map<string, Counts>();
  if (!events.length) return counted;
  const c = (a: string) => columnOf(strapi, REGISTRATION, a);
  const [event, status, guests, checked] = [c('eventDocumentId'), c('registrationStatus'), c('guests'), c('checkedInAt')];
  const sum = (when: string, what = '1') => `COALESCE(SUM(CASE WHEN ${when} THEN ${what} ELSE 0 END), 0)`;
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `SELECT ${event} AS event, ${sum(`${status} = 'registered'`)} AS registered, ${sum(`${status} = 'waiting'`)} AS waiting,
        ${sum(`${status} = 'cancelled'`)} AS cancelled, ${sum(`${status} = 'registered'`, `1 + COALESCE(${guests}, 0)`)} AS seats,
        ${sum(`${checked} IS NOT NULL`)} AS checked_in, ${sum(`${checked} IS NOT NULL`, `1 + COALESCE(${guests}, 0)`)} AS arrived
      FROM ${tableOf(strapi, REGISTRATION)} WHERE ${event} IN (${events.map(() => '?').join(', ')}) GROUP BY ${event}`,
      events.map((e) => e.documentId)
    )
  );
  const byEvent = new Map(rows.map((row: any) => [String(row.event), row]));
  for (const { documentId, capacity } of events) {
    const row: any = byEvent.get(documentId);
    counted.set(documentId, {
      registered: num(row?.registered),
      waiting: num(row?.waiting),
      cancelled: num(row?.cancelled),
      seatsTaken: num(row?.seats),
      capacity,
      checkedIn: num(row?.checked_in),
      arrived: num(row?.arrived),
    });
  }
  return counted;
};

/** Every count of an event's registrations in one query. */
export const countsOf = async (strapi: Core.Strapi, eventDocumentId: string, capacity: number | null): Promise<Counts> =>
  (await countsByEvent(strapi, [{ documentId: eventDocumentId, capacity }])).get(eventDocumentId)!;

export type RegistrationRow = StaffRegistration;

const adminName = (first: unknown, last: unknown) => [first, last].filter(Boolean).join(' ').trim() || null;
const yes = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';

/**
 * One page of an event's registrations (every row when `page` is absent), in sign-up order,
 * with each waiting row's place in the queue (its rank by id among the waiting) and the
 * total, in one query. Contact fields only of people who consented to be contacted.
 */
export const registrationRows = async (
  strapi: Core.Strapi,
  eventDocumentId: string,
  filter: { status?: string; q?: string; page?: number; pageSize?: number }
): Promise<{ rows: RegistrationRow[]; total: number }> => {
  const c = (a: string) => `r.${columnOf(strapi, REGISTRATION, a)}`;
  const a = (f: string) => `a.${columnOf(strapi, ALUMNUS, f)}`;
  const reg = tableOf(strapi, REGISTRATION);
  const alumnusLink = joinOf(strapi, REGISTRATION, 'alumnus');
  const byLink = joinOf(strapi, REGISTRATION, 'registeredBy');
  const checkLink = joinOf(strapi, REGISTRATION, 'checkedInBy');
  const admins = tableOf(strapi, ADMIN_USER);
  const status = columnOf(strapi, REGISTRATION, 'registrationStatus');
  const event = columnOf(strapi, REGISTRATION, 'eventDocumentId');
  const where = [`${c('eventDocumentId')} = ?`];
  const bindings: unknown[] = [eventDocumentId];
  if (filter.status) {
    where.push(`${c('registrationStatus')} = ?`);
    bindings.push(filter.status);
  }
  if (filter.q?.trim()) {
    where.push(`LOWER(${a('name')}) LIKE ? ESCAPE '!'`);
    bindings.push(`%${filter.q.trim().toLowerCase().replace(/[!%_]/g, (m) => `!${m}`)}%`);
  }
  const paged = filter.page !== undefined && filter.pageSize !== undefined;
  const sql = `SELECT r.id, r.document_id AS document_id, ${c('registrationStatus')} AS status, ${c('guests')} AS guests,
      ${c('checkedInAt')} AS checked_in_at, ${c('cancelledAt')} AS cancelled_at, r.created_at AS created_at,
      CASE WHEN ${c('registrationStatus')} = 'waiting' THEN (SELECT COUNT(*) FROM ${reg} w
        WHERE w.${event} = r.${event} AND w.${status} = 'waiting' AND w.id <= r.id) END AS position,
      a.document_id AS alumnus_id, ${a('name')} AS name, ${a('email')} AS email, ${a('phone')} AS phone, ${a('wechat')} AS wechat,
      ${a('contactConsent')} AS consent,
      rb.firstname AS rb_first, rb.lastname AS rb_last, cb.firstname AS cb_first, cb.lastname AS cb_last,
      COUNT(*) OVER () AS total
    FROM ${reg} r
    LEFT JOIN ${alumnusLink.table} al ON al.${alumnusLink.from} = r.id LEFT JOIN ${tableOf(strapi, ALUMNUS)} a ON a.id = al.${alumnusLink.to}
    LEFT JOIN ${byLink.table} bl ON bl.${byLink.from} = r.id LEFT JOIN ${admins} rb ON rb.id = bl.${byLink.to}
    LEFT JOIN ${checkLink.table} cl ON cl.${checkLink.from} = r.id LEFT JOIN ${admins} cb ON cb.id = cl.${checkLink.to}
    WHERE ${where.join(' AND ')}
    ORDER BY r.id${paged ? ' LIMIT ? OFFSET ?' : ''}`;
  if (paged) bindings.push(filter.pageSize, (filter.page! - 1) * filter.pageSize!);
  const raw = rowsOf(await strapi.db.connection.raw(sql, bindings as any));
  let total = raw.length ? num(raw[0].total) : 0;
  if (!raw.length && paged && filter.page! > 1) {
    // A page past the end: the total still counts.
    total = (await registrationRows(strapi, eventDocumentId, { ...filter, page: 1, pageSize: 1 })).total;
  }
  const rows = raw.map((r: any): RegistrationRow => {
    const consent = yes(r.consent);
    return {
      documentId: r.document_id,
      status: r.status,
      position: r.position === null || r.position === undefined ? null : num(r.position),
      guests: num(r.guests),
      alumnus: r.alumnus_id
        ? {
            documentId: r.alumnus_id,
            name: r.name,
            email: consent ? (r.email ?? null) : null,
            phone: consent ? (r.phone ?? null) : null,
            wechat: consent ? (r.wechat ?? null) : null,
            contactConsent: consent,
          }
        : null,
      registeredAt: isoOf(r.created_at),
      checkedInAt: isoOf(r.checked_in_at),
      checkedInBy: adminName(r.cb_first, r.cb_last),
      cancelledAt: isoOf(r.cancelled_at),
      registeredBy: adminName(r.rb_first, r.rb_last),
    };
  });
  return { rows, total };
};

/**
 * An event's attendance counted at the door: the people checked in and their guests, or null
 * when the event has no registrations (its attendance is typed, as before sign-up existed).
 * The appraisal's `event_attendance` reads the same rule in SQL (appraisal/builtin-measures.ts).
 */
export const checkedInAttendance = async (strapi: Core.Strapi, eventDocumentId: string): Promise<number | null> => {
  // Through the query engine: it runs inside the event write's transaction (one connection on SQLite).
  const rows = (await strapi.db.query(REGISTRATION as any).findMany({ where: { eventDocumentId }, select: ['guests', 'checkedInAt'] })) as any[];
  if (!rows.length) return null;
  return rows.reduce((sum, r) => sum + (r.checkedInAt ? 1 + num(r.guests) : 0), 0);
};
