import type { Core } from '@strapi/strapi';
import type { SurveySending } from '../api-types/surveys';
import { fieldError, type FieldError } from '../rules/field-error';
import { alumniOfScope } from '../liaison-work/posts';
import { columnOf, isPostgres, rowsOf, tableOf } from '../utils/db';
import { conflictError, validationError } from '../utils/errors';
import { insertDocuments, newDocumentIds } from '../utils/bulk-insert';
import { storedQuestions } from './questions';
import { surveyMail } from './mails';
import { ALUMNUS, hashSurveyToken, INVITATION, invitationsTable, SURVEY, surveyLink, surveyToken, type SurveyScope } from './sql';
import type { SurveyRow } from './store';

/** Invitations (and their mails) written per step. */
const BATCH = 500;
/** A send that has shown no progress for this long belongs to an instance that stopped: it may be started again. */
const STALE_MS = 15 * 60_000;

/** What keeps a survey from being sent: every problem at once, each naming its field. */
export const sendProblems = (row: SurveyRow, now = Date.now()): FieldError[] => {
  const problems: FieldError[] = [];
  if (!storedQuestions(row.questions).length) problems.push(fieldError('questions', 'surveys.noQuestions'));
  if (!row.scopes.length) problems.push(fieldError('scopes', 'surveys.noScopes'));
  if (!row.titleEn) problems.push(fieldError('titleEn', 'surveys.noEnglish'));
  if (!row.closesAt) problems.push(fieldError('closesAt', 'surveys.noClose'));
  else if (new Date(row.closesAt).getTime() <= now) problems.push(fieldError('closesAt', 'surveys.closePast', { closesAt: row.closesAt }));
  else if (row.opensAt && new Date(row.opensAt).getTime() >= new Date(row.closesAt).getTime()) problems.push(fieldError('closesAt', 'date.after', { field: 'opensAt' }));
  return problems;
};

/**
 * The alumni a send invites: in any of the scopes, consenting to be contacted, with an
 * address, neither deceased nor unreachable, and not invited to this survey before (so a
 * second send adds only those who came into the scopes since). One statement.
 */
export const recipientsOf = async (strapi: Core.Strapi, trx: any, surveyId: number, scopes: SurveyScope[]) => {
  const col = (a: string) => `x.${columnOf(strapi, ALUMNUS, a)}`;
  const inner = scopes.map((s) => alumniOfScope(strapi, s));
  const rows = rowsOf(
    await trx.raw(
      `SELECT x.id, ${col('name')} AS name, ${col('email')} AS email, ${col('language')} AS language
        FROM ${tableOf(strapi, ALUMNUS)} x
        WHERE (${inner.map((q) => `x.id IN (${q.sql})`).join(' OR ')})
          AND ${col('contactConsent')} = TRUE
          AND ${col('email')} IS NOT NULL AND ${col('email')} <> ''
          AND (${col('alumnusStatus')} IS NULL OR ${col('alumnusStatus')} = 'active')
          AND x.id NOT IN (SELECT inv.alumnus_id FROM ${invitationsTable(strapi)} inv WHERE inv.survey_id = ?)
        ORDER BY x.id`,
      [...inner.flatMap((q) => q.bindings), surveyId],
    ),
  );
  return rows.map((r: any) => ({ id: Number(r.id), name: String(r.name ?? ''), email: String(r.email), language: r.language ?? null }));
};

/**
 * Sending a survey as a job: `claim` marks it sent and its send running (one at a time per
 * survey, across instances: a lock on PostgreSQL, SQLite writes one at a time), the answer
 * (202) goes, then `run` writes the invitations and queues their mails in one transaction,
 * a batch of 500 per statement, reporting its progress on this instance as it goes.
 */
export const sender = (strapi: Core.Strapi) => {
  const progress = new Map<number, SurveySending>();
  const pending = new Set<Promise<unknown>>();
  const query = () => strapi.db.query(SURVEY as any);

  const claim = async (row: SurveyRow): Promise<SurveySending> => {
    const problems = sendProblems(row);
    if (problems.length) throw validationError(problems);
    return strapi.db.transaction(async ({ trx }) => {
      if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:survey:${row.id}`]);
      const now = new Date();
      const current: any = await query().findOne({ where: { id: row.id }, select: ['sending', 'sentAt'] });
      const running = current?.sending?.status === 'running' && now.getTime() - new Date(current.sending.startedAt).getTime() < STALE_MS;
      if (running) throw conflictError([fieldError('sending', 'surveys.sending')]);
      const sending: SurveySending = { status: 'running', total: 0, invited: 0, startedAt: now.toISOString(), finishedAt: null, error: null };
      await query().update({ where: { id: row.id }, data: { surveyStatus: 'sent', sentAt: current?.sentAt ?? now, sending } });
      progress.set(row.id, sending);
      return sending;
    });
  };

  const run = async (row: SurveyRow, sending: SurveySending) => {
    const state = { ...sending };
    try {
      await strapi.db.transaction(async ({ trx }) => {
        const people = await recipientsOf(strapi, trx, row.id, row.scopes);
        state.total = people.length;
        progress.set(row.id, { ...state });
        const outbox = strapi.plugin('liaison').service('outbox');
        for (let from = 0; from < people.length; from += BATCH) {
          const batch = people.slice(from, from + BATCH);
          const ids = newDocumentIds(batch.length);
          const tokens = ids.map((id) => surveyToken(strapi, id));
          const now = new Date();
          await insertDocuments(
            strapi,
            trx,
            INVITATION,
            batch.map((p, i) => ({
              data: { documentId: ids[i], pairKey: `${row.id}:${p.id}`, tokenHash: hashSurveyToken(tokens[i]), sentAt: now },
              links: { survey: row.id, alumnus: p.id },
            })),
          );
          await outbox.enqueue(
            batch.map((p, i) =>
              surveyMail('invitation', row, { alumnusId: p.id, name: p.name, email: p.email, language: p.language }, surveyLink(strapi, tokens[i]), `survey:${ids[i]}`),
            ),
            { quiet: true },
          );
          state.invited += batch.length;
          progress.set(row.id, { ...state });
        }
        state.status = 'done';
        state.finishedAt = new Date().toISOString();
        await strapi.db.query(SURVEY as any).update({ where: { id: row.id }, data: { sending: state } });
      });
    } catch (error) {
      strapi.log.error(`surveys: sending ${row.documentId} failed: ${(error as Error)?.stack ?? error}`);
      Object.assign(state, { status: 'failed', invited: 0, finishedAt: new Date().toISOString(), error: String((error as Error)?.message ?? error).slice(0, 500) });
      await strapi.db.query(SURVEY as any).update({ where: { id: row.id }, data: { sending: state } }).catch(() => undefined);
    } finally {
      progress.delete(row.id);
    }
  };

  return {
    /** Claims the send (400: not ready; 409: already running) and runs it after the answer. */
    async start(row: SurveyRow): Promise<SurveySending> {
      const sending = await claim(row);
      const job: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
        .then(() => run(row, sending))
        .finally(() => pending.delete(job));
      pending.add(job);
      return sending;
    },
    /** A running send's progress on this instance (fresher than the stored row), if any. */
    progressOf: (surveyId: number) => progress.get(surveyId) ?? null,
    /** Resolves once the sends started here are done (tests; the shutdown). */
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
};
