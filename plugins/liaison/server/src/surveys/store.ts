import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { SurveyDetail, SurveySending, SurveyStatus, SurveySummary } from '../api-types/surveys';
import { requestAdminUser, scopeForRequest } from '../access/request';
import type { NetworkScope } from '../access/types';
import { fieldError, type FieldError } from '../rules/field-error';
import { format } from '../rules/messages';
import { forbiddenError, requestLanguage, validationError } from '../utils/errors';
import { joinOf, rowsOf } from '../utils/db';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import type { ScopeInput } from './inputs';
import { storedQuestions } from './questions';
import { ALUMNUS, invitationsTable, SCOPE_RELATIONS, SURVEY, type SurveyScope } from './sql';

/**
 * The survey records as staff reach them: loading one with its scopes, who may see and
 * change it (College Staff: surveys of their colleges), and how the admin API shows it.
 */

export const notFound = () => new errors.NotFoundError(format('surveys.noSurvey', {}, requestLanguage()));

const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

/** A survey row with its scopes. */
export interface SurveyRow {
  id: number;
  documentId: string;
  title: string;
  titleEn: string | null;
  intro: string | null;
  introEn: string | null;
  questions: unknown;
  opensAt: string | null;
  closesAt: string | null;
  surveyStatus: 'draft' | 'sent' | 'closed';
  sentAt: string | null;
  sending: SurveySending | null;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  scopes: SurveyScope[];
}

export const SURVEY_POPULATE = {
  cohorts: { select: ['id', 'documentId', 'className'], populate: { college: { select: ['id'] } } },
  colleges: { select: ['id', 'documentId', 'name'] },
  chapters: { select: ['id', 'documentId', 'name'] },
  industries: { select: ['id', 'documentId', 'name'] },
  createdByUser: { select: ['id'] },
};

export const toRow = (r: any): SurveyRow => ({
  id: r.id,
  documentId: r.documentId,
  title: r.title,
  titleEn: r.titleEn ?? null,
  intro: r.intro ?? null,
  introEn: r.introEn ?? null,
  questions: r.questions,
  opensAt: iso(r.opensAt),
  closesAt: iso(r.closesAt),
  surveyStatus: r.surveyStatus ?? 'draft',
  sentAt: iso(r.sentAt),
  sending: r.sending ?? null,
  createdAt: iso(r.createdAt)!,
  updatedAt: iso(r.updatedAt)!,
  createdBy: r.createdByUser?.id ?? null,
  scopes: DIMENSIONS.flatMap((kind) => {
    const rel = SCOPE_RELATIONS[kind];
    return ((r[rel.field] ?? []) as any[]).map((s) => ({
      kind,
      id: s.id,
      documentId: s.documentId,
      name: s[rel.name] ?? '',
      collegeId: kind === 'college' ? s.id : kind === 'cohort' ? (s.college?.id ?? null) : null,
    }));
  }),
});

export const loadSurvey = async (strapi: Core.Strapi, where: { documentId?: string; id?: number }): Promise<SurveyRow | null> => {
  const r = await strapi.db.query(SURVEY as any).findOne({ where, populate: SURVEY_POPULATE });
  return r ? toRow(r) : null;
};

/** What staff see as the status: a sent survey past its close date is closed. */
export const statusOf = (row: Pick<SurveyRow, 'surveyStatus' | 'closesAt'>, now = Date.now()): SurveyStatus =>
  row.surveyStatus === 'sent' && row.closesAt && new Date(row.closesAt).getTime() <= now ? 'closed' : row.surveyStatus;

// ------------------------------------------------------------------ who reaches what

/** The caller's reach: everything, or their colleges (College Staff). */
export interface Reach {
  all: boolean;
  colleges: number[];
  userId: number | null;
}

export const reachOf = async (strapi: Core.Strapi, state: any): Promise<Reach> => {
  const user = await requestAdminUser(strapi, state);
  if (!user) return { all: true, colleges: [], userId: null };
  const scope: NetworkScope = await scopeForRequest(strapi, user);
  return scope.all ? { all: true, colleges: [], userId: user.id } : { all: false, colleges: scope.colleges, userId: user.id };
};

/** Whether one scope lies inside the caller's colleges. */
export const reaches = (reach: Reach, scope: Pick<SurveyScope, 'collegeId'>) =>
  reach.all || (scope.collegeId !== null && reach.colleges.includes(scope.collegeId));

/** The scopes of a survey the caller sees results of. */
export const visibleScopes = (reach: Reach, row: SurveyRow) => row.scopes.filter((s) => reaches(reach, s));

/** A survey the caller may see: the office's every one; College Staff's their colleges' and their own drafts. */
export const canSee = (reach: Reach, row: SurveyRow) =>
  reach.all || (reach.userId !== null && row.createdBy === reach.userId) || visibleScopes(reach, row).length > 0;

/** A survey the caller may change and send: every scope theirs. */
export const canEdit = (reach: Reach, row: SurveyRow) => reach.all || (canSee(reach, row) && row.scopes.every((s) => reaches(reach, s)));

/** The survey named in the path as the caller may reach it: 404 otherwise. */
export const surveyFor = async (strapi: Core.Strapi, documentId: string, reach: Reach) => {
  const row = await loadSurvey(strapi, { documentId });
  if (!row || !canSee(reach, row)) throw notFound();
  return row;
};

/** The survey for a change: 403 naming the scope that is not theirs. */
export const editableSurvey = async (strapi: Core.Strapi, documentId: string, reach: Reach) => {
  const row = await surveyFor(strapi, documentId, reach);
  if (!canEdit(reach, row)) throw forbiddenError('scopes', 'surveys.outsideColleges');
  return row;
};

/**
 * The scopes named by documentId, resolved (one query per dimension named): 400 naming
 * `scopes[i].documentId` for one that does not exist or is named twice, 403 for one
 * outside a College Staff's colleges.
 */
export const resolveScopes = async (strapi: Core.Strapi, input: ScopeInput[], reach: Reach): Promise<SurveyScope[]> => {
  const found = new Map<string, SurveyScope>();
  for (const kind of DIMENSIONS) {
    const ids = [...new Set(input.filter((s) => s.kind === kind).map((s) => s.documentId))];
    if (!ids.length) continue;
    const rel = SCOPE_RELATIONS[kind];
    const rows: any[] = await strapi.db.query(rel.uid as any).findMany({
      where: { documentId: { $in: ids } },
      select: ['id', 'documentId', rel.name],
      ...(kind === 'cohort' ? { populate: { college: { select: ['id'] } } } : {}),
    });
    for (const r of rows) {
      found.set(`${kind}:${r.documentId}`, {
        kind,
        id: r.id,
        documentId: r.documentId,
        name: r[rel.name] ?? '',
        collegeId: kind === 'college' ? r.id : kind === 'cohort' ? (r.college?.id ?? null) : null,
      });
    }
  }
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const scopes: SurveyScope[] = [];
  input.forEach((s, i) => {
    const key = `${s.kind}:${s.documentId}`;
    const scope = found.get(key);
    if (!scope) problems.push(fieldError(`scopes[${i}].documentId`, 'surveys.scopeUnknown', { kind: s.kind }));
    else if (seen.has(key)) problems.push(fieldError(`scopes[${i}].documentId`, 'surveys.scopeTwice'));
    else scopes.push(scope);
    seen.add(key);
  });
  if (problems.length) throw validationError(problems);
  const outside = input.findIndex((s) => {
    const scope = found.get(`${s.kind}:${s.documentId}`);
    return scope && !reaches(reach, scope);
  });
  if (outside >= 0) throw forbiddenError(`scopes[${outside}].documentId`, 'surveys.outsideColleges');
  return scopes;
};

/** The relations' values of a survey's scopes, as the Document Service sets them. */
export const scopeRelations = (scopes: SurveyScope[]) =>
  Object.fromEntries(DIMENSIONS.map((kind) => [SCOPE_RELATIONS[kind].field, { set: scopes.filter((s) => s.kind === kind).map((s) => ({ documentId: s.documentId })) }]));

// ------------------------------------------------------------------ how the API shows it

/** Invited and answered per survey (one statement for a page of surveys). */
export const countsOf = async (strapi: Core.Strapi, surveyIds: number[], reach: Reach) => {
  const counts = new Map<number, { invited: number; answered: number }>();
  if (!surveyIds.length) return counts;
  // College Staff count their colleges' alumni only.
  const ac = joinOf(strapi, ALUMNUS, 'cohort');
  const cc = joinOf(strapi, 'plugin::liaison.cohort', 'college');
  const colleges = reach.all ? [] : reach.colleges.length ? reach.colleges : [0];
  const theirs = reach.all
    ? ''
    : ` AND inv.alumnus_id IN (SELECT ac.${ac.from} FROM ${ac.table} ac JOIN ${cc.table} cc ON cc.${cc.from} = ac.${ac.to}
        WHERE cc.${cc.to} IN (${colleges.map(() => '?').join(', ')}))`;
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `SELECT inv.survey_id AS survey_id, COUNT(*) AS invited, SUM(CASE WHEN inv.answered_at IS NULL THEN 0 ELSE 1 END) AS answered
        FROM ${invitationsTable(strapi)} inv WHERE inv.survey_id IN (${surveyIds.map(() => '?').join(', ')})${theirs} GROUP BY inv.survey_id`,
      [...surveyIds, ...colleges],
    ),
  );
  for (const r of rows) counts.set(Number(r.survey_id), { invited: Number(r.invited), answered: Number(r.answered ?? 0) });
  return counts;
};

export const summaryOf = (row: SurveyRow, counts?: { invited: number; answered: number }): SurveySummary => ({
  documentId: row.documentId,
  title: row.title,
  titleEn: row.titleEn,
  status: statusOf(row),
  opensAt: row.opensAt,
  closesAt: row.closesAt,
  sentAt: row.sentAt,
  invited: counts?.invited ?? 0,
  answered: counts?.answered ?? 0,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

export const detailOf = (row: SurveyRow, reach: Reach, counts?: { invited: number; answered: number }, sending?: SurveySending | null): SurveyDetail => ({
  ...summaryOf(row, counts),
  intro: row.intro,
  introEn: row.introEn,
  questions: storedQuestions(row.questions),
  scopes: row.scopes.map((s) => ({ kind: s.kind as Dimension, documentId: s.documentId, name: s.name })),
  sending: sending ?? row.sending ?? null,
  editable: canEdit(reach, row),
});
