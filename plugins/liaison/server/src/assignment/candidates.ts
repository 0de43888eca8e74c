import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import type { CandidatesQuery } from './inputs';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { LIVE_STATUSES, dayOf, today } from './rules/lifecycle';
import { rankCandidates, type CandidateRow } from './rules/candidates';
import { ALUMNI, POSTS, SCOPE_UID, assertCanAct, findScope, occupiedIn, postsOf } from './scope';
import { notFound, type PostStore, type User } from './posts';
import type { CandidatesResponse } from '../admin-api-types';

/** Candidates for a scope's free post. */
export const candidates = (strapi: Core.Strapi, { raw }: PostStore) => ({
  /** Ranked suggestions for a scope's free post, with their reasons: the data from one SQL query. */
  async candidates({ dimension, scope: scopeId, limit }: CandidatesQuery, user: User): Promise<CandidatesResponse> {
    const scope = await findScope(strapi, dimension, scopeId);
    if (!scope) throw notFound('Scope');
    await assertCanAct(strapi, user, scope);
    const [{ posts: places }, occupied] = await Promise.all([postsOf(strapi, dimension, scope.documentId), occupiedIn(strapi, dimension, scope.id)]);
    const rows = await this.candidateRows(dimension, scope.id);
    return {
      data: rankCandidates(rows, dimension, today(), limit),
      meta: { posts: places, occupied, free: Math.max(0, places - occupied) },
    };
  },

  async candidateRows(dimension: Dimension, scopeId: number): Promise<CandidateRow[]> {
    const A = (attr: string) => `a.${columnOf(strapi, ALUMNI, attr)}`;
    const P = (attr: string) => columnOf(strapi, POSTS, attr);
    const TR = 'plugin::liaison.training-record';
    const alumnusCohort = joinOf(strapi, ALUMNI, 'cohort');
    const cohortCollege = joinOf(strapi, SCOPE_UID.cohort, 'college');
    const postAlumnus = joinOf(strapi, POSTS, 'alumnus');
    const postScope = joinOf(strapi, POSTS, SCOPE_FIELD[dimension]);
    const recordAlumnus = joinOf(strapi, TR, 'alumnus');
    const postsTable = tableOf(strapi, POSTS);
    const members = {
      cohort: `SELECT m.${alumnusCohort.from} FROM ${alumnusCohort.table} m WHERE m.${alumnusCohort.to} = ?`,
      college: `SELECT m.${alumnusCohort.from} FROM ${alumnusCohort.table} m JOIN ${cohortCollege.table} cc ON cc.${cohortCollege.from} = m.${alumnusCohort.to} WHERE cc.${cohortCollege.to} = ?`,
      region: (() => {
        const j = joinOf(strapi, ALUMNI, 'chapter');
        return `SELECT m.${j.from} FROM ${j.table} m WHERE m.${j.to} = ?`;
      })(),
      industry: (() => {
        const j = joinOf(strapi, ALUMNI, 'industry');
        return `SELECT m.${j.from} FROM ${j.table} m WHERE m.${j.to} = ?`;
      })(),
    }[dimension];
    const live = LIVE_STATUSES.map(() => '?').join(', ');
    const sql = `SELECT a.document_id AS "documentId", ${A('name')} AS name, ${A('contactConsent')} AS "contactConsent",
        ${A('email')} AS email, ${A('phone')} AS phone, ${A('lastVerifiedAt')} AS "lastVerifiedAt", c.${columnOf(strapi, SCOPE_UID.cohort, 'gradYear')} AS "gradYear",
        CASE WHEN EXISTS (SELECT 1 FROM ${tableOf(strapi, TR)} tr JOIN ${recordAlumnus.table} tra ON tra.${recordAlumnus.from} = tr.id
          WHERE tra.${recordAlumnus.to} = a.id AND tr.${columnOf(strapi, TR, 'attended')} = ? AND tr.${columnOf(strapi, TR, 'result')} = 'passed') THEN 1 ELSE 0 END AS trained,
        (SELECT COUNT(*) FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
          WHERE pa.${postAlumnus.to} = a.id AND p.${P('postStatus')} IN (${live})) AS posts,
        CASE WHEN EXISTS (SELECT 1 FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
          JOIN ${postScope.table} ps ON ps.${postScope.from} = p.id
          WHERE pa.${postAlumnus.to} = a.id AND ps.${postScope.to} = ? AND p.${P('postStatus')} = 'ended') THEN 1 ELSE 0 END AS "servedBefore"
      FROM ${tableOf(strapi, ALUMNI)} a
      LEFT JOIN ${alumnusCohort.table} ac ON ac.${alumnusCohort.from} = a.id
      LEFT JOIN ${tableOf(strapi, SCOPE_UID.cohort)} c ON c.id = ac.${alumnusCohort.to}
      WHERE a.id IN (${members}) AND ${A('alumnusStatus')} = 'active'
        AND NOT EXISTS (SELECT 1 FROM ${postAlumnus.table} pa JOIN ${postsTable} p ON p.id = pa.${postAlumnus.from}
          JOIN ${postScope.table} ps ON ps.${postScope.from} = p.id
          WHERE pa.${postAlumnus.to} = a.id AND ps.${postScope.to} = ? AND p.${P('postStatus')} IN (${live}))`;
    const rows = rowsOf<any>(await raw(sql, [true, ...LIVE_STATUSES, scopeId, scopeId, scopeId, ...LIVE_STATUSES]));
    return rows.map((r) => ({
      ...r,
      gradYear: r.gradYear === null || r.gradYear === undefined ? null : Number(r.gradYear),
      lastVerifiedAt: r.lastVerifiedAt ? (r.lastVerifiedAt instanceof Date ? dayOf(r.lastVerifiedAt) : String(r.lastVerifiedAt).slice(0, 10)) : null,
      posts: Number(r.posts),
      trained: Number(r.trained) === 1,
      servedBefore: Number(r.servedBefore) === 1,
    }));
  },
});
