import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, rowsOf, tableOf } from '../utils/db';

export const REGISTRATION = 'plugin::liaison.event-registration';
/** The statuses that hold a place: a seat, or a place in the waiting list. */
export const LIVE = ['registered', 'waiting'] as const;
/** The advisory lock class of an event's registrations (two-key form: the key is hashtext(documentId)). */
const LOCK_CLASS = 774516;

/**
 * The raw SQL of an event's registrations: who holds which seats, in which order. Every
 * change to an event's registrations runs in a transaction that first takes the event's
 * lock, so that counting the seats and writing the new row is one step for everyone.
 */
export const seatsOf = (strapi: Core.Strapi) => {
  const table = tableOf(strapi, REGISTRATION);
  const col = (attribute: string) => columnOf(strapi, REGISTRATION, attribute);
  const event = col('eventDocumentId');
  const status = col('registrationStatus');
  const guests = col('guests');

  return {
    /**
     * Serialises the event's sign-ups and cancellations until the transaction ends. On
     * SQLite there is one writer (one connection) at a time, so the transaction is enough.
     */
    async lock(trx: any, eventDocumentId: string) {
      if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [LOCK_CLASS, eventDocumentId]);
    },

    /** Seats taken (each registration 1 + guests) and the length of the waiting list. */
    async tally(trx: any, eventDocumentId: string): Promise<{ seats: number; waiting: number }> {
      const rows = await trx(table)
        .where(event, eventDocumentId)
        .whereIn(status, LIVE as unknown as string[])
        .groupBy(status)
        .select({ status }, trx.raw('COUNT(*) AS n'), trx.raw('COALESCE(SUM(1 + ??), 0) AS seats', [guests]));
      const of = (s: string) => rows.find((r: any) => r.status === s);
      return { seats: Number(of('registered')?.seats ?? 0), waiting: Number(of('waiting')?.n ?? 0) };
    },

    /**
     * Places in the waiting list of these registrations (id → 1-based rank among the
     * waiting rows of their event, first come first served by id): computed when read, so
     * a cancellation or a move-up closes the gaps by itself.
     */
    async positions(ids: number[], knex: any = strapi.db.connection): Promise<Map<number, number>> {
      if (!ids.length) return new Map();
      const result = await knex.raw(
        `SELECT r.id AS id, (SELECT COUNT(*) FROM ?? w WHERE w.?? = r.?? AND w.?? = 'waiting' AND w.id <= r.id) AS position
           FROM ?? r WHERE r.?? = 'waiting' AND r.id IN (${ids.map(() => '?').join(', ')})`,
        [table, event, event, status, table, status, ...ids]
      );
      return new Map(rowsOf(result).map((r: any) => [Number(r.id), Number(r.position)]));
    },

    /** The first waiting rows of the event, in order (at most `limit`). */
    async firstWaiting(trx: any, eventDocumentId: string, limit: number): Promise<{ id: number; guests: number }[]> {
      const rows = await trx(table).where(event, eventDocumentId).where(status, 'waiting').orderBy('id', 'asc').limit(limit).select('id', { guests });
      return rows.map((r: any) => ({ id: Number(r.id), guests: Number(r.guests ?? 0) }));
    },

    async markRegistered(trx: any, ids: number[]) {
      if (ids.length) await trx(table).whereIn('id', ids).update({ [status]: 'registered', [col('updatedAt')]: new Date() });
    },
  };
};
