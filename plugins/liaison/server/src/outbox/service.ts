import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { conflictError } from '../utils/errors';
import { fieldError } from '../rules/field-error';
import type { OutgoingMail } from './types';
import { renderAttachment } from './attachments';
import type { OutboxMail, OutboxResponse } from '../admin-api-types';
import { linkLifetimeMs } from '../utils/signed-link';
import { mailLinkBase, mailLinkKey } from '../utils/mail-links';
import {
  afterFailure,
  outboxSettings,
  readUnsubscribeToken,
  unsubscribeToken,
  unsubscribeUrl,
  withUnsubscribeFooter,
  type UnsubscribeOutcome,
} from './rules';
import type { OutboxQuery } from './inputs';
import { stoppedRecipients } from './recipients';

const UID = 'plugin::liaison.notification';
const ALUMNUS = 'plugin::liaison.alumnus';

/** Attempts kept in a mail's attemptLog (the newest). */
const LOG_LENGTH = 20;
/** Rows one INSERT carries (well under SQLite's and PostgreSQL's parameter limits). */
const INSERT_CHUNK = 200;

/** A document id in the shape of Strapi's (cuid2-like: 24 characters, a letter first). */
export const newDocumentId = () => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(48);
  let id = alphabet[bytes[0] % 26];
  for (let i = 1; id.length < 24 && i < bytes.length; i++) if (bytes[i] < 252) id += alphabet[bytes[i] % 36];
  while (id.length < 24) id += alphabet[randomBytes(1)[0] % 36];
  return id;
};

export interface DeliveryReport {
  /** Mails claimed by this call. */
  claimed: number;
  sent: number;
  /** Failed attempts that will be tried again later. */
  retrying: number;
  /** Mails given up after their last attempt. */
  failed: number;
  /** Due mails left waiting because no SMTP server is configured. */
  held: number;
}

/** An outbox row as the admin API shows it (absent values as null). */
const present = (row: Record<string, any>): OutboxMail => ({
  documentId: row.documentId ?? null,
  to: row.to ?? null,
  subject: row.subject ?? null,
  kind: row.kind ?? null,
  deliveryStatus: row.deliveryStatus ?? null,
  attempts: row.attempts ?? null,
  lastError: row.lastError ?? null,
  nextAttemptAt: row.nextAttemptAt ?? null,
  sentAt: row.sentAt ?? null,
  createdAt: row.createdAt ?? null,
  recipientLocale: row.recipientLocale ?? null,
  attemptLog: row.attemptLog ?? null,
});

/**
 * The outbox: every e-mail is a notification row written in the same transaction as
 * the change that causes it; a worker on each instance delivers them with retry.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  const col = (attribute: string) => columnOf(strapi, UID, attribute);
  const table = () => tableOf(strapi, UID);

  /**
   * Without SMTP_HOST the app's email config is nodemailer's JSON transport, which
   * sends nothing: mail then waits in the outbox (and the log) instead of being marked sent.
   */
  const smtpConfigured = () => !(strapi.config.get('plugin::email') as any)?.providerOptions?.jsonTransport;

  /** The unsubscribe link of a mail to this alumnus, valid for UNSUBSCRIBE_LINK_DAYS from `issuedAt`. */
  const unsubscribeLink = (alumnusDocumentId: string, issuedAt = new Date()) =>
    unsubscribeUrl(
      mailLinkBase(strapi),
      unsubscribeToken(mailLinkKey(strapi), alumnusDocumentId, new Date(issuedAt.getTime() + linkLifetimeMs('unsubscribe')))
    );

  /** Who an unsubscribe token names, without changing anything. */
  const checkUnsubscribe = async (token: unknown): Promise<{ outcome: UnsubscribeOutcome; alumnus?: any }> => {
    const reading = readUnsubscribeToken(mailLinkKey(strapi), token);
    if (!reading.ok) return { outcome: reading.reason };
    const alumnus = await strapi.db
      .query(ALUMNUS)
      .findOne({ where: { documentId: reading.documentId }, select: ['id', 'documentId', 'contactConsent'] });
    return alumnus ? { outcome: 'confirm', alumnus } : { outcome: 'unknown' };
  };

  /** Marks due mails as this worker's, so that no other worker sends them. Returns their ids. */
  const claim = async (now: Date, limit: number, leaseMs: number): Promise<number[]> =>
    strapi.db.transaction(async ({ trx }) => {
      const status = col('deliveryStatus');
      const next = col('nextAttemptAt');
      const attempts = col('attempts');
      // 'sending' rows whose lease ran out belong to a worker that died mid-send.
      const due = (q: any) => q.whereIn(status, ['pending', 'sending']).andWhere(next, '<=', now);
      let candidates = due(trx(table()).select('id')).orderBy(next).orderBy('id').limit(limit);
      // PostgreSQL: rows another worker holds are skipped, not waited for. SQLite has one
      // writer at a time (and knex refuses skipLocked there): the update below is the claim.
      if (isPostgres(strapi)) candidates = candidates.forUpdate().skipLocked();
      // Two statements, not UPDATE … WHERE id IN (SELECT … LIMIT … FOR UPDATE SKIP LOCKED):
      // PostgreSQL may re-run such a subquery for each row it updates, and each run then
      // locks the next rows: one worker would take the whole outbox at once.
      const ids = (await candidates).map((r: any) => r.id);
      if (!ids.length) return [];
      const rows = await due(trx(table()).whereIn('id', ids)).update(
        {
          [status]: 'sending',
          [attempts]: trx.raw('COALESCE(??, 0) + 1', [attempts]),
          [next]: new Date(now.getTime() + leaseMs),
          [col('updatedAt')]: new Date(),
        },
        ['id']
      );
      return rows.map((r: any) => (typeof r === 'object' ? Number(r.id) : Number(r)));
    });

  const service = {
    /**
     * Queues mails in the caller's transaction (nested transactions join it): one
     * INSERT … ON CONFLICT (dedupe key) DO NOTHING per 200 mails, so a mail whose key
     * is already in the outbox, or is being written by a concurrent transaction, is
     * not queued twice. Rows are written as the Document Service writes them. Returns
     * how many were queued. `quiet`: without SMTP, the mails are not written to the log
     * (the demo seeder queues a year's worth at once).
     */
    async enqueue(mails: OutgoingMail[], options: { quiet?: boolean } = {}): Promise<number> {
      if (!mails.length) return 0;
      const seen = new Set<string>();
      const fresh = mails.filter((mail, i) => {
        if (!mail || typeof mail.to !== 'string' || !mail.to.includes('@')) throw new Error(`outbox: mail ${i} has no address`);
        if (typeof mail.subject !== 'string' || !mail.subject || mail.subject.length > 300) {
          throw new Error(`outbox: mail ${i} needs a subject of 1 to 300 characters`);
        }
        if (!mail.dedupeKey) return true;
        if (mail.dedupeKey.length > 200) throw new Error(`outbox: mail ${i} has a dedupe key over 200 characters`);
        if (seen.has(mail.dedupeKey)) return false;
        seen.add(mail.dedupeKey);
        return true;
      });

      return strapi.db.transaction(async ({ trx }) => {
        // Nothing more goes to a person recorded as deceased or unreachable.
        const stopped = await stoppedRecipients(strapi, fresh);
        const sendable = fresh.filter((mail) => !stopped(mail));
        const now = new Date();
        const alumnusOf = new Map<string, number>();
        const rows = sendable.map((mail) => {
          const documentId = newDocumentId();
          if (mail.alumnusId) alumnusOf.set(documentId, mail.alumnusId);
          return {
            [col('documentId')]: documentId,
            [col('to')]: mail.to,
            [col('subject')]: mail.subject,
            [col('text')]: mail.text ?? null,
            [col('html')]: mail.html ?? null,
            [col('attachments')]: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
            [col('kind')]: mail.kind ?? null,
            [col('dedupeKey')]: mail.dedupeKey ?? null,
            [col('recipientLocale')]: mail.locale === 'en' ? 'en' : 'zh-Hans',
            [col('deliveryStatus')]: 'pending',
            [col('attempts')]: 0,
            [col('nextAttemptAt')]: now,
            [col('createdAt')]: now,
            [col('updatedAt')]: now,
            [col('publishedAt')]: now,
          };
        });

        const inserted: { id: number; documentId: string }[] = [];
        for (let from = 0; from < rows.length; from += INSERT_CHUNK) {
          const written = await trx(table())
            .insert(rows.slice(from, from + INSERT_CHUNK))
            .onConflict(col('dedupeKey'))
            .ignore()
            .returning(['id', col('documentId')]);
          for (const r of written) inserted.push({ id: Number(r.id), documentId: r[col('documentId')] });
        }
        if (!smtpConfigured() && !options.quiet) {
          for (const mail of sendable) strapi.log.info(`outbox (no SMTP_HOST, the mail waits): to ${mail.to}: ${mail.subject}\n${mail.text ?? ''}`);
        }

        const join = joinOf(strapi, UID, 'alumnus');
        const links = inserted
          .filter((r) => alumnusOf.has(r.documentId))
          .map((r) => ({ [join.from]: r.id, [join.to]: alumnusOf.get(r.documentId) }));
        for (let from = 0; from < links.length; from += INSERT_CHUNK) {
          await trx(join.table).insert(links.slice(from, from + INSERT_CHUNK));
        }
        return inserted.length;
      });
    },

    /**
     * Delivers the mails that are due: claims a batch (FOR UPDATE SKIP LOCKED on
     * PostgreSQL), sends each through the email plugin, and records the attempt.
     * A failure is retried later with exponential backoff, and given up as failed after
     * OUTBOX_MAX_ATTEMPTS. `now` is the worker's clock (tests move it forward).
     */
    async deliverDue(options: { now?: Date } = {}): Promise<DeliveryReport> {
      const settings = outboxSettings();
      const now = options.now ?? new Date();
      const report: DeliveryReport = { claimed: 0, sent: 0, retrying: 0, failed: 0, held: 0 };
      if (!smtpConfigured()) {
        report.held = await strapi.db.query(UID).count({
          where: { deliveryStatus: { $in: ['pending', 'sending'] }, nextAttemptAt: { $lte: now } },
        });
        return report;
      }
      for (let round = 0; round < 100; round++) {
        const ids = await claim(now, settings.batchSize, settings.leaseMs);
        if (!ids.length) break;
        report.claimed += ids.length;
        const rows = await strapi.db.query(UID).findMany({
          where: { id: { $in: ids } },
          populate: { alumnus: { select: ['id', 'documentId'] } },
          orderBy: { id: 'asc' },
        });
        // A mail queued before its recipient was recorded deceased or unreachable is not sent.
        const stopped = await stoppedRecipients(strapi, rows.map((r: any) => ({ alumnusId: r.alumnus?.id ?? null, to: r.to })));
        for (const row of rows) {
          if (stopped({ alumnusId: row.alumnus?.id ?? null, to: row.to })) {
            await strapi.db.query(UID).update({
              where: { id: row.id },
              data: { deliveryStatus: 'failed', nextAttemptAt: null, lastError: 'not sent: the recipient is recorded as deceased or unreachable', updatedAt: new Date() } as any,
            });
            report.failed++;
            continue;
          }
          const outcome = await service.deliverOne(row, now, settings);
          report[outcome as 'sent' | 'retrying' | 'failed']++;
        }
      }
      return report;
    },

    /** One attempt at one claimed mail. */
    async deliverOne(row: any, now: Date, settings = outboxSettings()): Promise<'sent' | 'retrying' | 'failed'> {
      let message: Record<string, unknown> = { to: row.to, subject: row.subject, text: row.text ?? '', html: row.html ?? undefined };
      if (Array.isArray(row.attachments) && row.attachments.length) message.attachments = await Promise.all(row.attachments.map(renderAttachment));
      if (row.alumnus?.documentId) {
        const url = unsubscribeLink(row.alumnus.documentId);
        // RFC 8058: mail clients offer their own button, which POSTs List-Unsubscribe=One-Click to the link.
        const headers = { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
        message = { ...message, ...withUnsubscribeFooter(row, row.recipientLocale, url), headers };
      }
      const at = new Date();
      const log = Array.isArray(row.attemptLog) ? row.attemptLog : [];
      let error: string | null = null;
      try {
        await strapi.plugin('email').service('email').send(message);
      } catch (e) {
        error = (e as Error)?.message?.slice(0, 2000) || String(e);
      }
      const attemptLog = [...log, error ? { at, error } : { at, ok: true }].slice(-LOG_LENGTH);
      if (!error) {
        await strapi.db.query(UID).update({
          where: { id: row.id },
          data: { deliveryStatus: 'sent', sentAt: at, nextAttemptAt: null, lastError: null, attemptLog, updatedAt: at } as any,
        });
        return 'sent';
      }
      const next = afterFailure(row.attempts ?? 1, now, settings);
      strapi.log.warn(`outbox: mail ${row.documentId} to ${row.to}, attempt ${row.attempts}: ${error}`);
      await strapi.db.query(UID).update({
        where: { id: row.id },
        data: { ...next, lastError: error, attemptLog, updatedAt: at } as any,
      });
      return next.deliveryStatus === 'failed' ? 'failed' : 'retrying';
    },

    /** The outbox for staff, newest first. */
    async list(query: OutboxQuery): Promise<OutboxResponse> {
      const { results, pagination } = await strapi.db.query(UID).findPage({
        where: query.status ? { deliveryStatus: query.status } : {},
        page: query.page,
        pageSize: query.pageSize,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return { data: results.map(present), meta: { pagination } };
    },

    /** Puts a sent or failed mail (or a pending one, now) back in line for delivery. */
    async resend(documentId: string): Promise<OutboxMail> {
      return strapi.db.transaction(async ({ trx }) => {
        const row = await strapi.db.query(UID).findOne({ where: { documentId }, select: ['id', 'deliveryStatus'] });
        if (!row) throw new errors.NotFoundError('No mail in the outbox has this documentId');
        const now = new Date();
        const status = col('deliveryStatus');
        // Conditional, so that a worker claiming the mail meanwhile keeps it.
        const changed = await trx(table())
          .where('id', row.id)
          .whereIn(status, ['pending', 'sent', 'failed'])
          .update({
            [status]: 'pending',
            [col('nextAttemptAt')]: now,
            [col('attempts')]: 0,
            [col('sentAt')]: null,
            [col('updatedAt')]: now,
          });
        if (!changed) throw conflictError([fieldError('deliveryStatus', 'outbox.sending')]);
        return present(await strapi.db.query(UID).findOne({ where: { id: row.id } }));
      });
    },

    /** What the unsubscribe link's page offers (following a link changes nothing): 'confirm' or why not. */
    async checkUnsubscribe(token: unknown): Promise<UnsubscribeOutcome> {
      return (await checkUnsubscribe(token)).outcome;
    },

    /** Withdraws an alumnus' consent to contact: the button of the link's page, or a one-click POST. */
    async unsubscribe(token: unknown): Promise<UnsubscribeOutcome> {
      const { outcome, alumnus } = await checkUnsubscribe(token);
      if (outcome !== 'confirm') return outcome;
      if (alumnus.contactConsent !== false) {
        await strapi.documents(ALUMNUS as any).update({
          documentId: alumnus.documentId,
          data: { contactConsent: false, contactConsentAt: new Date().toISOString() } as any,
          // The consent history records it as the alumnus' own (personal-data/consents.ts).
          consent: { source: 'self', by: null },
        } as any);
      }
      return 'done';
    },

    /** The link a mail to this alumnus carries (for templates and tests); `issuedAt` starts its lifetime. */
    unsubscribeLink,

    /** Delivers due mail every OUTBOX_INTERVAL_SECONDS on this instance (one round at a time). */
    startWorker() {
      if (timer) return;
      const { intervalMs } = outboxSettings();
      timer = setInterval(() => {
        if (running) return;
        running = service
          .deliverDue()
          .catch((e) => strapi.log.error(`outbox worker: ${(e as Error).message}`))
          .finally(() => {
            running = null;
          });
      }, intervalMs);
      timer.unref?.();
    },

    async stopWorker() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
  return service;
};
