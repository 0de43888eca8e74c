import { createHash, createHmac } from 'crypto';
import type { Core } from '@strapi/strapi';
import { alumniOfScope } from '../liaison-work/posts';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { mailLinkBase, mailLinkKey } from '../utils/mail-links';
import type { Dimension } from '../vocabulary';

export const SURVEY = 'plugin::liaison.survey';
export const INVITATION = 'plugin::liaison.survey-invitation';
export const ANSWER = 'plugin::liaison.survey-answer';
export const ALUMNUS = 'plugin::liaison.alumnus';

/** The relation of a survey holding its scopes of each dimension, and the scope's type and name. */
export const SCOPE_RELATIONS: Record<Dimension, { field: 'cohorts' | 'colleges' | 'chapters' | 'industries'; uid: string; name: string }> = {
  cohort: { field: 'cohorts', uid: 'plugin::liaison.cohort', name: 'className' },
  college: { field: 'colleges', uid: 'plugin::liaison.college', name: 'name' },
  region: { field: 'chapters', uid: 'plugin::liaison.chapter', name: 'name' },
  industry: { field: 'industries', uid: 'plugin::liaison.industry-group', name: 'name' },
};

/** One scope of a survey, as stored (ids) and shown (documentId, name). */
export interface SurveyScope {
  kind: Dimension;
  id: number;
  documentId: string;
  name: string;
  /** The college it belongs to (a class's, a college's own), for College Staff's reach. */
  collegeId: number | null;
}

/** A scope's key in results: `cohort:<documentId>`. */
export const scopeKey = (s: Pick<SurveyScope, 'kind' | 'documentId'>) => `${s.kind}:${s.documentId}`;

/**
 * The invitations as a derived table: `id, document_id, survey_id, alumnus_id, answered_at,
 * last_reminder_at` (the links read through their join tables).
 */
export const invitationsTable = (strapi: Core.Strapi) => {
  const s = joinOf(strapi, INVITATION, 'survey');
  const a = joinOf(strapi, INVITATION, 'alumnus');
  const col = (attribute: string) => `i.${columnOf(strapi, INVITATION, attribute)}`;
  return `(SELECT i.id, ${col('documentId')} AS document_id, si.${s.to} AS survey_id, ia.${a.to} AS alumnus_id,
      ${col('answeredAt')} AS answered_at, ${col('lastReminderAt')} AS last_reminder_at
    FROM ${tableOf(strapi, INVITATION)} i
      JOIN ${s.table} si ON si.${s.from} = i.id
      JOIN ${a.table} ia ON ia.${a.from} = i.id)`;
};

/**
 * `(s, alumnus_id)` rows: for each scope (s = its index) the alumni in it, and with `overall`
 * an "all" row set (s = -1): every invitation's alumnus of the survey, or (`overall: 'scopes'`)
 * the alumni of these scopes only (a College Staff's part of a survey).
 */
export const membership = (
  strapi: Core.Strapi,
  scopes: Pick<SurveyScope, 'kind' | 'id'>[],
  overall: { surveyId: number; of: 'invitations' | 'scopes' } | null,
): { sql: string; bindings: unknown[] } => {
  const alumni = tableOf(strapi, ALUMNUS);
  const parts = scopes.map((scope, i) => {
    const inner = alumniOfScope(strapi, scope);
    return { sql: `SELECT ${i} AS s, x.id AS alumnus_id FROM ${alumni} x WHERE x.id IN (${inner.sql})`, bindings: inner.bindings as unknown[] };
  });
  if (overall?.of === 'invitations') {
    parts.push({ sql: `SELECT -1 AS s, inv.alumnus_id FROM ${invitationsTable(strapi)} inv WHERE inv.survey_id = ?`, bindings: [overall.surveyId] });
  } else if (overall && scopes.length) {
    const inner = scopes.map((scope) => alumniOfScope(strapi, scope));
    parts.push({
      sql: `SELECT -1 AS s, x.id AS alumnus_id FROM ${alumni} x WHERE ${inner.map((q) => `x.id IN (${q.sql})`).join(' OR ')}`,
      bindings: inner.flatMap((q) => q.bindings),
    });
  }
  if (!parts.length) return { sql: 'SELECT -1 AS s, 0 AS alumnus_id WHERE 1 = 0', bindings: [] };
  return { sql: parts.map((p) => p.sql).join(' UNION ALL '), bindings: parts.flatMap((p) => p.bindings) };
};

/**
 * Each answered value of a survey's answers as rows `answer_id, question, value`: a choice
 * of a multiple-choice question is one row each. JSON is read by each database's own functions.
 */
export const answerValues = (strapi: Core.Strapi) => {
  const answers = columnOf(strapi, ANSWER, 'answers');
  const s = joinOf(strapi, ANSWER, 'survey');
  const a = joinOf(strapi, ANSWER, 'alumnus');
  const from = `${tableOf(strapi, ANSWER)} an JOIN ${s.table} ans ON ans.${s.from} = an.id JOIN ${a.table} ana ON ana.${a.from} = an.id`;
  if (isPostgres(strapi)) {
    return {
      from: `${from}
        CROSS JOIN LATERAL jsonb_each(an.${answers}) q
        CROSS JOIN LATERAL jsonb_array_elements_text(CASE WHEN jsonb_typeof(q.value) = 'array' THEN q.value ELSE jsonb_build_array(q.value) END) v`,
      surveyId: `ans.${s.to}`,
      alumnusId: `ana.${a.to}`,
      question: 'q.key',
      value: 'v.value',
      number: (expr: string) => `CAST(${expr} AS double precision)`,
    };
  }
  return {
    from: `${from}, json_each(an.${answers}) q, json_each(CASE WHEN q.type = 'array' THEN q.value ELSE json_array(q.value) END) v`,
    surveyId: `ans.${s.to}`,
    alumnusId: `ana.${a.to}`,
    question: 'q.key',
    value: 'v.value',
    number: (expr: string) => `CAST(${expr} AS REAL)`,
  };
};

// ------------------------------------------------------------------ the personal link

/**
 * An invitation's token: a keyed hash of its documentId with the key of the links in mails,
 * so that a reminder can carry the same link again without the token being stored. Only
 * its SHA-256 is kept (tokenHash): the database alone gives no link away.
 */
export const surveyToken = (strapi: Core.Strapi, invitationDocumentId: string) =>
  createHmac('sha256', mailLinkKey(strapi)).update(`liaison survey link\n${invitationDocumentId}`).digest('base64url');

export const hashSurveyToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Where a survey's mailed link points: the alumni page's survey view (ALUMNI_PAGE_URL, or the plugin's own page). */
export const surveyLink = (strapi: Core.Strapi, token: string) => {
  const configured = process.env.ALUMNI_PAGE_URL;
  const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/+$/, '');
  const base = configured && /^https?:\/\/\S+$/i.test(configured) ? configured.replace(/\/+$/, '') : `${mailLinkBase(strapi)}${prefix}/liaison/app`;
  return `${base}/survey?token=${encodeURIComponent(token)}`;
};
