import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError } from '../rules/field-error';
import { requestLanguage, validationError } from '../utils/errors';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { bestGrade, isEligible, type Grade } from './rules';
import type { EligibleQuery, ListQuery } from './inputs';
import { day, UID, type Deps, type User } from './deps';
import { postLabelIn } from '../services/post-labels';
import type { AppraisedPost, Eligible, Honour, HonoursResponse } from '../admin-api-types';

export interface Standing {
  alumnusId: number;
  documentId: string;
  name: string;
  grade: Grade | null;
  appraisalId: number | null;
  collegeId: number | null;
  post: AppraisedPost | null;
}

const sqlOf = (strapi: Core.Strapi) => ({
  t: (uid: string) => tableOf(strapi, uid),
  c: (uid: string, a: string) => columnOf(strapi, uid, a),
  raw: async (sql: string, bindings: unknown[] = [], trx?: any) => rowsOf(await (trx ?? strapi.db.connection).raw(sql, bindings as any)),
});

/**
 * Each alumnus's best appraisal in a cycle (grade, the post it was for and its college):
 * one statement for the cycle, or for the given alumni.
 */
export const standings = async (strapi: Core.Strapi, cycleId: number, alumnusIds?: number[], trx?: any): Promise<Map<number, Standing>> => {
  const { t, c, raw } = sqlOf(strapi);
  const lc = joinOf(strapi, UID.appraisal, 'cycle');
  const lp = joinOf(strapi, UID.appraisal, 'liaison');
  const la = joinOf(strapi, UID.post, 'alumnus');
  const a = (x: string) => `a.${c(UID.appraisal, x)}`;
  const only = alumnusIds ? ` AND al.id IN (${alumnusIds.map(() => '?').join(', ') || 'NULL'})` : '';
  const rows = await raw(
    `SELECT al.id AS alumnus_id, al.${c(UID.alumnus, 'documentId')} AS document_id, al.${c(UID.alumnus, 'name')} AS name,
       a.id AS appraisal_id, ${a('grade')} AS grade, ${a('collegeId')} AS college_id, ${a('total')} AS total,
       p.${c(UID.post, 'documentId')} AS post_document_id, p.${c(UID.post, 'dimension')} AS dimension, p.${c(UID.post, 'label')} AS label
     FROM ${t(UID.appraisal)} a
       JOIN ${lc.table} lc ON lc.${lc.from} = a.id
       JOIN ${lp.table} lp ON lp.${lp.from} = a.id
       JOIN ${t(UID.post)} p ON p.id = lp.${lp.to}
       JOIN ${la.table} la ON la.${la.from} = p.id
       JOIN ${t(UID.alumnus)} al ON al.id = la.${la.to}
     WHERE lc.${lc.to} = ?${only}`,
    [cycleId, ...(alumnusIds ?? [])],
    trx,
  );
  const out = new Map<number, Standing>();
  for (const r of rows) {
    const id = Number(r.alumnus_id);
    const seen = out.get(id);
    const grade = bestGrade([seen?.grade, r.grade]);
    // The alumnus's best appraisal of the cycle (several posts may have one each).
    if (!seen || (grade !== seen.grade && grade === r.grade)) {
      out.set(id, {
        alumnusId: id,
        documentId: r.document_id,
        name: r.name,
        grade: (r.grade ?? null) as Grade | null,
        appraisalId: Number(r.appraisal_id),
        collegeId: r.college_id === null || r.college_id === undefined ? null : Number(r.college_id),
        post: {
          documentId: r.post_document_id,
          dimension: r.dimension,
          label: postLabelIn(r.label, requestLanguage()),
        },
      });
    }
  }
  return out;
};

const findCycle = async (strapi: Core.Strapi, documentId: string, path = 'cycle') => {
  const row = await strapi.db.query(UID.cycle).findOne({ where: { documentId } });
  if (!row) throw validationError([fieldError(path, 'honours.cycle')]);
  return row;
};

export const present = (h: any): Honour => ({
  documentId: h.documentId,
  alumnus: h.alumnus ? { documentId: h.alumnus.documentId, name: h.alumnus.name } : null,
  kind: h.kind,
  title: h.title,
  amount: h.amount === null || h.amount === undefined ? null : Number(h.amount),
  citation: h.citation ?? null,
  cycle: h.cycle ? { documentId: h.cycle.documentId, name: h.cycle.name } : null,
  honourStatus: h.honourStatus,
  year: h.year ?? null,
  awardedOn: day(h.awardedOn),
  grade: h.appraisal?.grade ?? null,
  post: h.appraisal?.liaison
    ? {
        documentId: h.appraisal.liaison.documentId,
        dimension: h.appraisal.liaison.dimension,
        label: postLabelIn(h.appraisal.liaison.label, requestLanguage()),
      }
    : null,
  showPublicly: !!h.showPublicly,
  rejectionReason: h.rejectionReason ?? null,
  nominatedBy: h.nominatedBy ? [h.nominatedBy.firstname, h.nominatedBy.lastname].filter(Boolean).join(' ') : null,
  decidedBy: h.decidedBy ? [h.decidedBy.firstname, h.decidedBy.lastname].filter(Boolean).join(' ') : null,
});
export const POPULATE = {
  alumnus: { select: ['documentId', 'name'] },
  cycle: { select: ['documentId', 'name'] },
  appraisal: {
    select: ['grade', 'collegeId'],
    populate: { liaison: { select: ['documentId', 'dimension', 'label'] } },
  },
  nominatedBy: { select: ['firstname', 'lastname'] },
  decidedBy: { select: ['firstname', 'lastname'] },
};

/** The honours' reads: the committee's rules, the honours list, who is eligible, and the public roll. */
export const queries = ({ strapi, scopeOf, rules }: Deps) => ({
  rules,

  /** Honours with filters: a liaison's history is `?alumnus=`. */
  async list(query: ListQuery, user: User): Promise<HonoursResponse> {
    const problems: FieldError[] = [];
    const where: any = {};
    if (query.alumnus) {
      const a = await strapi.db.query(UID.alumnus).findOne({ where: { documentId: query.alumnus }, select: ['id'] });
      if (!a) problems.push(fieldError('alumnus', 'assignment.noAlumnus'));
      else where.alumnus = { id: a.id };
    }
    if (query.cycle) {
      const cy = await strapi.db.query(UID.cycle).findOne({ where: { documentId: query.cycle }, select: ['id'] });
      if (!cy) problems.push(fieldError('cycle', 'honours.cycle'));
      else where.cycle = { id: cy.id };
    }
    if (query.kind) where.kind = query.kind;
    if (query.status) where.honourStatus = query.status;
    const { page, pageSize } = query;
    if (problems.length) throw validationError(problems);
    const scope = await scopeOf(user);
    if (!scope.all)
      where.appraisal = {
        collegeId: { $in: scope.colleges.length ? scope.colleges : [-1] },
      };
    const [rows, total] = await Promise.all([
      strapi.db.query(UID.honour).findMany({
        where,
        populate: POPULATE,
        orderBy: [{ year: 'desc' }, { id: 'desc' }],
        limit: pageSize,
        offset: (page - 1) * pageSize,
      }),
      strapi.db.query(UID.honour).count({ where }),
    ]);
    return {
      data: rows.map(present),
      meta: {
        pagination: {
          page,
          pageSize,
          pageCount: Math.ceil(total / pageSize),
          total,
        },
      },
    };
  },

  /** Who may have an honour of this kind for the cycle, by their best grade in it (one statement). */
  async eligible(query: EligibleQuery, user: User): Promise<Eligible[]> {
    const cycle = await findCycle(strapi, query.cycle);
    const { kind } = query;
    const eligibility = await rules();
    const scope = await scopeOf(user);
    const all = await standings(strapi, cycle.id);
    const taken = await strapi.db.query(UID.honour).findMany({
      where: {
        cycle: { id: cycle.id },
        kind,
        honourStatus: { $ne: 'rejected' },
      },
      populate: { alumnus: { select: ['id'] } },
    });
    const nominated = new Set(taken.map((h: any) => h.alumnus?.id));
    return [...all.values()]
      // An eligible grade is a grade: never null past this filter.
      .filter(
        (s): s is Standing & { grade: Grade } =>
          s.grade !== null && isEligible(kind, s.grade, eligibility) && !!(scope.all || (s.collegeId && scope.colleges.includes(s.collegeId))),
      )
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans'))
      .map((s) => ({
        alumnus: { documentId: s.documentId, name: s.name },
        grade: s.grade,
        post: s.post,
        nominated: nominated.has(s.alumnusId),
      }));
  },

  /**
   * The public honour roll: awarded honours shown publicly, of alumni who consented to
   * publication, with only public fields; the scope named in the asked locale.
   */
  async roll(q: { locale: 'zh-Hans' | 'en'; year?: number; dimension?: string; page: number; pageSize: number }) {
    const { t, c, raw } = sqlOf(strapi);
    const H = t(UID.honour);
    const h = (x: string) => `h.${c(UID.honour, x)}`;
    const lh = {
      alumnus: joinOf(strapi, UID.honour, 'alumnus'),
      appraisal: joinOf(strapi, UID.honour, 'appraisal'),
    };
    const lp = joinOf(strapi, UID.appraisal, 'liaison');
    const post = (f: string) => joinOf(strapi, UID.post, f);
    const [lk, lc, lch, li] = [post('cohort'), post('college'), post('chapter'), post('industry')];
    const en = q.locale === 'en';
    const named = (uid: string, alias: string) =>
      en ? `COALESCE(${alias}.${c(uid, 'nameEn')}, ${alias}.${c(uid, 'name')})` : `${alias}.${c(uid, 'name')}`;
    // TRUE is a keyword on both databases (SQLite keeps booleans as 1 and 0).
    const where = [`${h('honourStatus')} = 'awarded'`, `${h('showPublicly')} = TRUE`, `al.${c(UID.alumnus, 'publishConsent')} = TRUE`];
    const bindings: unknown[] = [];
    if (q.year) {
      where.push(`${h('year')} = ?`);
      bindings.push(q.year);
    }
    if (q.dimension) {
      where.push(`p.${c(UID.post, 'dimension')} = ?`);
      bindings.push(q.dimension);
    }
    const rows = await raw(
      `SELECT ${en ? `COALESCE(NULLIF(al.${c(UID.alumnus, 'displayNameEn')}, ''), NULLIF(al.${c(UID.alumnus, 'displayName')}, ''), al.${c(UID.alumnus, 'name')})` : `COALESCE(NULLIF(al.${c(UID.alumnus, 'displayName')}, ''), al.${c(UID.alumnus, 'name')})`} AS name, ${h('kind')} AS kind, ${h('title')} AS title, ${h('year')} AS year,
         p.${c(UID.post, 'dimension')} AS dimension,
         COALESCE(k.${c(UID.cohort, 'className')}, ${named(UID.college, 'co')}, ${named(UID.chapter, 'ch')}, ${named(UID.industry, 'ig')}) AS scope,
         COUNT(*) OVER () AS all_rows
       FROM ${H} h
         JOIN ${lh.alumnus.table} la ON la.${lh.alumnus.from} = h.id
         JOIN ${t(UID.alumnus)} al ON al.id = la.${lh.alumnus.to}
         LEFT JOIN ${lh.appraisal.table} lap ON lap.${lh.appraisal.from} = h.id
         LEFT JOIN ${lp.table} lp ON lp.${lp.from} = lap.${lh.appraisal.to}
         LEFT JOIN ${t(UID.post)} p ON p.id = lp.${lp.to}
         LEFT JOIN ${lk.table} lk ON lk.${lk.from} = p.id LEFT JOIN ${t(UID.cohort)} k ON k.id = lk.${lk.to}
         LEFT JOIN ${lc.table} lc ON lc.${lc.from} = p.id LEFT JOIN ${t(UID.college)} co ON co.id = lc.${lc.to}
         LEFT JOIN ${lch.table} lch ON lch.${lch.from} = p.id LEFT JOIN ${t(UID.chapter)} ch ON ch.id = lch.${lch.to}
         LEFT JOIN ${li.table} li ON li.${li.from} = p.id LEFT JOIN ${t(UID.industry)} ig ON ig.id = li.${li.to}
       WHERE ${where.join(' AND ')}
       ORDER BY ${h('year')} DESC, ${h('kind')}, al.${c(UID.alumnus, 'name')}, h.id
       LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      bindings,
    );
    const total = rows.length ? Number(rows[0].all_rows) : 0;
    return {
      data: rows.map((r) => ({
        name: r.name,
        kind: r.kind,
        title: r.title,
        year: r.year === null ? null : Number(r.year),
        dimension: r.dimension ?? null,
        scope: r.scope ?? null,
      })),
      meta: {
        pagination: {
          page: q.page,
          pageSize: q.pageSize,
          pageCount: Math.ceil(total / q.pageSize),
          total,
        },
      },
    };
  },
});
