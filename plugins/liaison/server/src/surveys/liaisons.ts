import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { type LivePost } from '../liaison-work/posts';
import { fieldError } from '../rules/field-error';
import { format } from '../rules/messages';
import { columnOf, rowsOf, tableOf } from '../utils/db';
import { conflictError, requestLanguage } from '../utils/errors';
import { surveyMail } from './mails';
import { rateOf } from './results';
import { ALUMNUS, INVITATION, invitationsTable, membership, SURVEY, surveyLink, surveyToken } from './sql';
import { loadSurvey, statusOf } from './store';

/** A liaison reminds each person at most once in this long. */
export const REMIND_EVERY_MS = 7 * 24 * 3600_000;

const noSurvey = () => new errors.NotFoundError(format('surveys.noScopeOfYours', {}, requestLanguage()));

/** The scopes of a liaison's live posts as membership rows (s = the post's index). */
const postMembership = (strapi: Core.Strapi, posts: LivePost[]) => membership(strapi, posts.map((p) => p.scope), null);

/**
 * The liaisons' side of surveys: the sent surveys that reached the alumni of their posts,
 * with each post's response rate, and a reminder to those of their scope who have not answered.
 */
export const liaisonSurveys = (strapi: Core.Strapi) => ({
  /** Sent surveys with invitations in any of the posts' scopes: invited, answered and the rate per post (one statement). */
  async mine(posts: LivePost[], lang: 'en' | 'zh-Hans') {
    if (!posts.length) return [];
    const m = postMembership(strapi, posts);
    const status = columnOf(strapi, SURVEY, 'surveyStatus');
    const rows = rowsOf(
      await strapi.db.connection.raw(
        `WITH m AS (${m.sql})
        SELECT inv.survey_id AS survey_id, m.s AS s, COUNT(*) AS invited, SUM(CASE WHEN inv.answered_at IS NULL THEN 0 ELSE 1 END) AS answered
          FROM ${invitationsTable(strapi)} inv JOIN m ON m.alumnus_id = inv.alumnus_id
            JOIN ${tableOf(strapi, SURVEY)} sv ON sv.id = inv.survey_id
          WHERE sv.${status} IN ('sent', 'closed')
          GROUP BY inv.survey_id, m.s`,
        m.bindings,
      ),
    );
    const ids = [...new Set(rows.map((r: any) => Number(r.survey_id)))];
    const surveys: any[] = ids.length
      ? await strapi.db.query(SURVEY as any).findMany({
          where: { id: { $in: ids } },
          select: ['id', 'documentId', 'title', 'titleEn', 'opensAt', 'closesAt', 'sentAt', 'surveyStatus'],
          orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
        })
      : [];
    return surveys.map((s) => ({
      documentId: s.documentId,
      title: lang === 'en' ? s.titleEn || s.title : s.title,
      status: statusOf({ surveyStatus: s.surveyStatus, closesAt: s.closesAt ? new Date(s.closesAt).toISOString() : null }),
      sentAt: s.sentAt ? new Date(s.sentAt).toISOString() : null,
      closesAt: s.closesAt ? new Date(s.closesAt).toISOString() : null,
      posts: rows
        .filter((r: any) => Number(r.survey_id) === s.id)
        .map((r: any) => {
          const post = posts[Number(r.s)];
          const invited = Number(r.invited);
          const answered = Number(r.answered ?? 0);
          return { post: post.documentId, scope: { kind: post.scope.kind, documentId: post.scope.documentId, name: post.scope.name }, invited, answered, rate: rateOf(invited, answered) };
        }),
    }));
  },

  /**
   * Reminds the people of the posts' scopes who were invited and have not answered, each at
   * most once a week (whoever sent the last reminder): one conditional UPDATE picks them, so
   * two liaisons reminding at once remind each person once. Those reminded in the last 7
   * days are skipped; those who have since withdrawn consent or have no address get nothing.
   */
  async remind(posts: LivePost[], documentId: string) {
    const survey = posts.length ? await loadSurvey(strapi, { documentId }) : null;
    if (!survey || survey.surveyStatus === 'draft') throw noSurvey();
    const m = postMembership(strapi, posts);
    const a = (attribute: string) => `x.${columnOf(strapi, ALUMNUS, attribute)}`;
    const waiting = rowsOf(
      await strapi.db.connection.raw(
        `WITH m AS (${m.sql})
        SELECT DISTINCT inv.id AS id, inv.document_id AS document_id, inv.last_reminder_at AS last_reminder_at,
            x.id AS alumnus_id, ${a('name')} AS name, ${a('email')} AS email, ${a('language')} AS language,
            ${a('contactConsent')} AS consent, ${a('alumnusStatus')} AS alumnus_status
          FROM ${invitationsTable(strapi)} inv JOIN m ON m.alumnus_id = inv.alumnus_id
            JOIN ${tableOf(strapi, ALUMNUS)} x ON x.id = inv.alumnus_id
          WHERE inv.survey_id = ? AND inv.answered_at IS NULL`,
        [...m.bindings, survey.id],
      ),
    ) as any[];
    // A survey that reached none of their alumni is not theirs to see.
    const reached = rowsOf(
      await strapi.db.connection.raw(
        `WITH m AS (${m.sql}) SELECT COUNT(*) AS n FROM ${invitationsTable(strapi)} inv JOIN m ON m.alumnus_id = inv.alumnus_id WHERE inv.survey_id = ?`,
        [...m.bindings, survey.id],
      ),
    )[0];
    if (!Number(reached?.n)) throw noSurvey();
    if (statusOf(survey) === 'closed') throw conflictError([fieldError('closesAt', 'surveys.closed', { closesAt: survey.closesAt ?? '' })]);

    const now = new Date();
    const since = now.getTime() - REMIND_EVERY_MS;
    const reachable = waiting.filter((w) => (w.consent === true || w.consent === 1) && w.email && (!w.alumnus_status || w.alumnus_status === 'active'));
    const ms = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'number' ? v : new Date(v as string).getTime());
    const due = reachable.filter((w) => (ms(w.last_reminder_at) ?? 0) <= since);
    let reminded: any[] = [];
    if (due.length) {
      reminded = await strapi.db.transaction(async () => {
        const query = strapi.db.query(INVITATION as any);
        const dueIds = due.map((w) => Number(w.id));
        // Conditional: a person another request reminded meanwhile stays out of this one; then
        // those stamped with this request's moment are this request's.
        await query.updateMany({
          where: { id: { $in: dueIds }, $or: [{ lastReminderAt: null }, { lastReminderAt: { $lte: new Date(since) } }] },
          data: { lastReminderAt: now },
        });
        const taken: any[] = await query.findMany({ where: { id: { $in: dueIds }, lastReminderAt: now }, select: ['id'] });
        const ids = taken.map((t) => Number(t.id));
        const chosen = due.filter((w) => ids.includes(Number(w.id)));
        await strapi.plugin('liaison').service('outbox').enqueue(
          chosen.map((w) =>
            surveyMail(
              'reminder',
              survey,
              { alumnusId: Number(w.alumnus_id), name: String(w.name ?? ''), email: String(w.email), language: w.language ?? null },
              surveyLink(strapi, surveyToken(strapi, w.document_id)),
              `survey-reminder:${w.document_id}:${now.toISOString()}`,
            ),
          ),
          { quiet: true },
        );
        return chosen;
      });
    }
    return { reminded: reminded.length, skipped: reachable.length - reminded.length, unreachable: waiting.length - reachable.length };
  },
});
