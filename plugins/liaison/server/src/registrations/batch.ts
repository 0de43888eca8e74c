import type { Core } from '@strapi/strapi';
import { columnOf, joinOf, tableOf } from '../utils/db';
import { LIVE, REGISTRATION, seatsOf } from './seats';

/** One sign-up waiting for its turn: who, for which event, and what they asked. */
export interface Request {
  documentId: string;
  code: string;
  alumnusId: number;
  guests: number;
  registeredBy: number | null;
  capacity: number | null;
}

export type Outcome = { ok: true; id: number; status: 'registered' | 'waiting'; position?: number } | { ok: false; reason: 'already' };

/** At most this many sign-ups in one transaction. */
const MAX_BATCH = 200;

/**
 * Sign-ups of one event are written one transaction at a time (the event's lock), so under
 * a rush they queue. Instead of one transaction each, each instance gathers what arrived
 * while the previous transaction ran and writes it in one: one count, one INSERT, one batch
 * of mails — first come first served within the batch as between batches. `write` is called
 * with the batch inside its transaction (after the lock) and gives each its outcome; the
 * caller's `afterInsert` queues their mails in the same transaction.
 */
export const signUpQueue = <C>(
  strapi: Core.Strapi,
  afterInsert: (trx: any, done: { request: Request; outcome: Outcome & { ok: true }; context: C }[]) => Promise<void>
) => {
  const seats = seatsOf(strapi);
  const pending = new Map<string, { request: Request; context: C; resolve: (o: Outcome) => void; reject: (e: unknown) => void }[]>();
  const draining = new Set<string>();

  const table = () => tableOf(strapi, REGISTRATION);
  const col = (attribute: string) => columnOf(strapi, REGISTRATION, attribute);

  /** Link rows of a manyToOne relation of new registrations. */
  const link = async (trx: any, attribute: string, pairs: [number, number | null][]) => {
    const rows = pairs.filter(([, target]) => target !== null);
    if (!rows.length) return;
    const join = joinOf(strapi, REGISTRATION, attribute);
    const jt = (strapi.db.metadata.get(REGISTRATION as any).attributes[attribute] as any).joinTable;
    await trx(join.table).insert(
      rows.map(([id, target]) => ({
        [join.from]: id,
        [join.to]: target,
        ...(jt.orderColumnName ? { [jt.orderColumnName]: 1 } : {}),
        ...(jt.inverseOrderColumnName ? { [jt.inverseOrderColumnName]: 1 } : {}),
      }))
    );
  };

  const write = async (eventDocumentId: string, items: { request: Request; context: C }[]): Promise<Outcome[]> =>
    strapi.db.transaction(async ({ trx }) => {
      await seats.lock(trx, eventDocumentId);
      const batch = items.map((i) => i.request);
      const alumnusLink = joinOf(strapi, REGISTRATION, 'alumnus');
      const signedUp = new Set<number>(
        (
          await trx(`${table()} as r`)
            .join(`${alumnusLink.table} as l`, `l.${alumnusLink.from}`, 'r.id')
            .where(`r.${col('eventDocumentId')}`, eventDocumentId)
            .whereIn(`r.${col('registrationStatus')}`, LIVE as unknown as string[])
            .whereIn(`l.${alumnusLink.to}`, [...new Set(batch.map((b) => b.alumnusId))])
            .select({ alumnus: `l.${alumnusLink.to}` })
        ).map((r: any) => Number(r.alumnus))
      );
      const taken = await seats.tally(trx, eventDocumentId);
      let { seats: seated, waiting } = taken;
      const decided = batch.map((request) => {
        if (signedUp.has(request.alumnusId)) return null;
        signedUp.add(request.alumnusId);
        const needed = 1 + request.guests;
        const fits = waiting === 0 && (request.capacity === null || seated + needed <= request.capacity);
        if (fits) seated += needed;
        else waiting += 1;
        return { request, status: fits ? ('registered' as const) : ('waiting' as const), position: fits ? undefined : waiting };
      });
      const fresh = decided.filter((d): d is NonNullable<typeof d> => d !== null);
      const ids = new Map<string, number>();
      if (fresh.length) {
        const now = new Date();
        // One INSERT: ids are drawn in the order of its rows, the order decided above.
        const inserted = await trx(table())
          .insert(
            fresh.map(({ request, status }) => ({
              [col('documentId')]: request.documentId,
              [col('eventDocumentId')]: eventDocumentId,
              [col('registrationStatus')]: status,
              [col('guests')]: request.guests,
              [col('code')]: request.code,
              [col('createdAt')]: now,
              [col('updatedAt')]: now,
              [col('publishedAt')]: now,
            }))
          )
          .returning(['id', col('documentId')]);
        for (const r of inserted) ids.set(r[col('documentId')], Number(r.id));
        await link(trx, 'alumnus', fresh.map((d) => [ids.get(d.request.documentId)!, d.request.alumnusId]));
        await link(trx, 'registeredBy', fresh.map((d) => [ids.get(d.request.documentId)!, d.request.registeredBy]));
      }
      const outcomes: Outcome[] = decided.map((d) =>
        d ? { ok: true, id: ids.get(d.request.documentId)!, status: d.status, ...(d.position ? { position: d.position } : {}) } : { ok: false, reason: 'already' }
      );
      await afterInsert(
        trx,
        items.flatMap(({ request, context }, i) => (outcomes[i].ok ? [{ request, context, outcome: outcomes[i] as Outcome & { ok: true } }] : []))
      );
      return outcomes;
    });

  const drain = async (eventDocumentId: string) => {
    draining.add(eventDocumentId);
    try {
      for (let queue = pending.get(eventDocumentId); queue?.length; queue = pending.get(eventDocumentId)) {
        const batch = queue.splice(0, MAX_BATCH);
        try {
          const outcomes = await write(eventDocumentId, batch);
          batch.forEach((b, i) => b.resolve(outcomes[i]));
        } catch (error) {
          for (const b of batch) b.reject(error);
        }
      }
    } finally {
      pending.delete(eventDocumentId);
      draining.delete(eventDocumentId);
    }
  };

  return {
    /** Resolves when the sign-up is written (with the others that came meanwhile). */
    submit(eventDocumentId: string, request: Request, context: C): Promise<Outcome> {
      return new Promise((resolve, reject) => {
        const queue = pending.get(eventDocumentId) ?? [];
        queue.push({ request, context, resolve, reject });
        pending.set(eventDocumentId, queue);
        if (!draining.has(eventDocumentId)) void drain(eventDocumentId);
      });
    },
  };
};
