import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldError } from '../rules/field-error';
import { format } from '../rules/messages';
import { conflictError, requestLanguage } from '../utils/errors';
import { newDocumentId } from '../outbox/service';
import type { OutgoingMail } from '../outbox/types';
import { LIVE, REGISTRATION, seatsOf } from './seats';
import { signUpQueue } from './batch';
import { confirmationMail, waitingMail, type EventForMail, type Locale } from './mails';

const EVENT = 'plugin::liaison.event';
const ALUMNUS = 'plugin::liaison.alumnus';

/** The most guests one alumnus may bring. */
export const MAX_GUESTS = 10;

/** A check-in code: 192 random bits, base64url (32 characters); never the documentId. */
export const newCode = () => randomBytes(24).toString('base64url');

export interface Person {
  id: number;
  name: string;
  email: string | null;
  language: string | null;
}

export interface SignUpResult {
  documentId: string;
  status: 'registered' | 'waiting';
  position?: number;
  code: string;
}

/** A published event: what sign-up checks (any locale) and what mails say (per locale). */
interface PublishedEvent {
  documentId: string;
  capacity: number | null;
  startsAt: string;
  registrationOpensAt: string | null;
  registrationClosesAt: string | null;
  chapter: number | null;
  inLocale: (locale: Locale) => EventForMail;
}

const localeOf = (language: string | null | undefined): Locale => (language === 'en' ? 'en' : 'zh-Hans');
const notFound = (id: 'signUp.noEvent' | 'signUp.noRegistration') => new errors.NotFoundError(format(id, {}, requestLanguage()));
const iso = (value: string | Date) => new Date(value).toISOString();

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const seats = seatsOf(strapi);
  const outbox = () => strapi.plugin('liaison').service('outbox');

  /**
   * Requests that ask for the same event while its read is under way share that read (a rush
   * of sign-ups reads the event once per round trip, not once per person); nothing is kept.
   */
  const reading = new Map<string, Promise<PublishedEvent | null>>();
  const publishedEvent = (documentId: string): Promise<PublishedEvent | null> => {
    let read = reading.get(documentId);
    if (!read) {
      read = readPublishedEvent(documentId).finally(() => reading.delete(documentId));
      reading.set(documentId, read);
    }
    return read;
  };

  const readPublishedEvent = async (documentId: string): Promise<PublishedEvent | null> => {
    const rows = (await strapi.db.query(EVENT).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'title', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'description', 'capacity', 'registrationOpensAt', 'registrationClosesAt'],
      populate: { chapter: { select: ['id'] } },
    })) as any[];
    if (!rows.length) return null;
    const first = rows[0];
    return {
      documentId,
      capacity: first.capacity ?? null,
      startsAt: first.startsAt,
      registrationOpensAt: first.registrationOpensAt ?? null,
      registrationClosesAt: first.registrationClosesAt ?? null,
      chapter: first.chapter?.id ?? null,
      inLocale: (locale) => {
        const row = rows.find((r) => r.locale === locale) ?? first;
        return { documentId, title: row.title, startsAt: row.startsAt, endsAt: row.endsAt ?? null, venue: row.venue ?? null, onlineUrl: row.onlineUrl ?? null, description: row.description };
      },
    };
  };

  /** 409 unless the event takes sign-ups now: not started, and within its registration window. */
  const checkOpen = (event: PublishedEvent, now: Date) => {
    if (new Date(event.startsAt) <= now) throw conflictError([fieldError('startsAt', 'signUp.started', { at: iso(event.startsAt) })]);
    if (event.registrationOpensAt && now < new Date(event.registrationOpensAt)) {
      throw conflictError([fieldError('registrationOpensAt', 'signUp.notOpen', { at: iso(event.registrationOpensAt) })]);
    }
    if (event.registrationClosesAt && now >= new Date(event.registrationClosesAt)) {
      throw conflictError([fieldError('registrationClosesAt', 'signUp.closed', { at: iso(event.registrationClosesAt) })]);
    }
  };

  /** The mail telling a person where they stand (nothing without an address on file). */
  const mailFor = (person: Person, event: PublishedEvent, registration: SignUpResult & { guests: number }, movedUp = false): OutgoingMail[] => {
    if (!person.email) return [];
    const locale = localeOf(person.language);
    const content =
      registration.status === 'registered'
        ? confirmationMail(locale, person, event.inLocale(locale), registration, movedUp)
        : waitingMail(locale, person, event.inLocale(locale), registration);
    return [{ to: person.email, alumnusId: person.id, ...content } as OutgoingMail];
  };

  /** Sign-ups are written in batches per event (./batch.ts); each batch queues its mails in its transaction. */
  const queue = signUpQueue<{ person: Person; event: PublishedEvent }>(strapi, async (_trx, done) => {
    const mails = done.flatMap(({ request, outcome, context }) =>
      mailFor(context.person, context.event, { documentId: request.documentId, code: request.code, guests: request.guests, status: outcome.status, position: outcome.position })
    );
    if (mails.length) await outbox().enqueue(mails);
  });

  const service = {
    publishedEvent,

    /**
     * Signs a person up: a seat when every earlier sign-up is seated and 1 + guests still
     * fit the capacity, else the end of the waiting list (first come first served: nobody
     * passes someone already waiting). The event's lock makes the count and the insert one
     * step, so parallel sign-ups never overbook (on every instance); the mail is queued in the
     * same transaction. Sign-ups arriving together are written together (./batch.ts).
     */
    async signUp(eventDocumentId: string, person: Person, guests: number, registeredBy: number | null = null, known?: PublishedEvent): Promise<SignUpResult> {
      const event = known ?? (await publishedEvent(eventDocumentId));
      if (!event) throw notFound('signUp.noEvent');
      const needed = 1 + guests;
      if (event.capacity !== null && needed > event.capacity) {
        throw conflictError([fieldError('guests', 'signUp.tooMany', { guests, seats: needed, capacity: event.capacity })]);
      }
      checkOpen(event, new Date());
      const request = { documentId: newDocumentId(), code: newCode(), alumnusId: person.id, guests, registeredBy, capacity: event.capacity };
      const outcome = await queue.submit(eventDocumentId, request, { person, event });
      if (!outcome.ok) throw conflictError([fieldError('alumnus', 'signUp.already')]);
      return { documentId: request.documentId, status: outcome.status, ...(outcome.position ? { position: outcome.position } : {}), code: request.code };
    },

    /**
     * Cancels one's own registration (another person's is not found): the row stays,
     * cancelled; its seats go to the first on the waiting list who fit, in order, in the
     * same transaction, and each of them is mailed the confirmation.
     */
    async cancel(documentId: string, personId: number) {
      const row = await strapi.db.query(REGISTRATION).findOne({
        where: { documentId, alumnus: { id: personId } },
        select: ['id', 'eventDocumentId', 'registrationStatus'],
      });
      if (!row) throw notFound('signUp.noRegistration');
      if (row.registrationStatus === 'cancelled') throw conflictError([fieldError('registrationStatus', 'signUp.cancelled')]);
      const event = await publishedEvent(row.eventDocumentId);
      if (event && new Date(event.startsAt) <= new Date()) throw conflictError([fieldError('startsAt', 'signUp.started', { at: iso(event.startsAt) })]);

      const movedUp = await strapi.db.transaction(async ({ trx }) => {
        await seats.lock(trx, row.eventDocumentId);
        const now = new Date();
        const changed = await strapi.db.query(REGISTRATION).updateMany({
          where: { id: row.id, registrationStatus: { $in: LIVE as unknown as string[] } },
          data: { registrationStatus: 'cancelled', cancelledAt: now } as any,
        });
        if (!changed.count) throw conflictError([fieldError('registrationStatus', 'signUp.cancelled')]);
        return event ? service.fillSeats(trx, event) : [];
      });
      return { documentId, status: 'cancelled' as const, movedUp };
    },

    /**
     * After an event is published (its capacity raised, say): the waiting list moves up into
     * the seats now free, as after a cancellation. In the publish's transaction.
     */
    async fillAfterPublish(documentId: string): Promise<string[]> {
      const event = await readPublishedEvent(documentId);
      if (!event || new Date(event.startsAt) <= new Date()) return [];
      return strapi.db.transaction(async ({ trx }) => {
        await seats.lock(trx, documentId);
        return service.fillSeats(trx, event);
      });
    },

    /**
     * Moves the head of the waiting list up while it fits the free seats (in the caller's
     * transaction, under the event's lock) and queues their confirmations. Returns the
     * documentIds moved up.
     */
    async fillSeats(trx: any, event: PublishedEvent): Promise<string[]> {
      const taken = await seats.tally(trx, event.documentId);
      if (!taken.waiting) return [];
      let free = event.capacity === null ? Infinity : event.capacity - taken.seats;
      if (free <= 0) return [];
      const head = await seats.firstWaiting(trx, event.documentId, Number.isFinite(free) ? free : taken.waiting);
      const up: number[] = [];
      for (const w of head) {
        if (1 + w.guests > free) break;
        up.push(w.id);
        free -= 1 + w.guests;
      }
      if (!up.length) return [];
      await seats.markRegistered(trx, up);
      const rows = (await strapi.db.query(REGISTRATION).findMany({
        where: { id: { $in: up } },
        select: ['id', 'documentId', 'code', 'guests'],
        populate: { alumnus: { select: ['id', 'name', 'email', 'language'] } },
        orderBy: { id: 'asc' },
      })) as any[];
      const mails: OutgoingMail[] = [];
      for (const r of rows) {
        if (!r.alumnus?.email) continue;
        const result = { documentId: r.documentId, status: 'registered' as const, code: r.code, guests: r.guests ?? 0 };
        mails.push(...mailFor(r.alumnus, event, result, true));
      }
      if (mails.length) await outbox().enqueue(mails);
      return rows.map((r) => r.documentId);
    },

    /** One's own registrations, newest first: status, place in the waiting list, the event in one's language, the code. */
    async mine(person: Person) {
      const rows = (await strapi.db.query(REGISTRATION).findMany({
        where: { alumnus: { id: person.id } },
        select: ['id', 'documentId', 'eventDocumentId', 'registrationStatus', 'guests', 'code', 'checkedInAt', 'cancelledAt', 'createdAt'],
        orderBy: { id: 'desc' },
      })) as any[];
      const positions = await seats.positions(rows.filter((r) => r.registrationStatus === 'waiting').map((r) => r.id));
      const ids = [...new Set(rows.map((r) => r.eventDocumentId))];
      const events = ids.length
        ? ((await strapi.db.query(EVENT).findMany({
            where: { documentId: { $in: ids }, publishedAt: { $notNull: true } },
            select: ['documentId', 'locale', 'title', 'startsAt', 'endsAt', 'venue', 'onlineUrl'],
          })) as any[])
        : [];
      const locale = localeOf(person.language);
      const eventOf = (documentId: string) => {
        const row = events.find((e) => e.documentId === documentId && e.locale === locale) ?? events.find((e) => e.documentId === documentId);
        return row
          ? { documentId, title: row.title, startsAt: row.startsAt, endsAt: row.endsAt ?? null, venue: row.venue ?? null, onlineUrl: row.onlineUrl ?? null }
          : { documentId, title: null, startsAt: null, endsAt: null, venue: null, onlineUrl: null };
      };
      return rows.map((r) => ({
        documentId: r.documentId,
        status: r.registrationStatus,
        ...(positions.has(r.id) ? { position: positions.get(r.id) } : {}),
        guests: r.guests ?? 0,
        code: r.code,
        checkedInAt: r.checkedInAt ?? null,
        cancelledAt: r.cancelledAt ?? null,
        createdAt: r.createdAt,
        event: eventOf(r.eventDocumentId),
      }));
    },

    /** An alumnus by documentId, as sign-up needs them (null when unknown). */
    async person(documentId: string): Promise<Person | null> {
      const row = await strapi.db.query(ALUMNUS).findOne({ where: { documentId }, select: ['id', 'name', 'email', 'language'] });
      return row ? { id: row.id, name: row.name, email: row.email ?? null, language: row.language ?? null } : null;
    },
  };
  return service;
};
