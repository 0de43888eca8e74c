import type { Core } from '@strapi/strapi';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import { columnOf, joinOf, rowsOf, tableOf, jsonColumn } from '../utils/db';
import { measureOf } from './measures';
import { DEFAULT_SORT, type Criterion, type SortColumn, type SortKey } from './rules';
import { day, n, UID } from './deps';

const SCOPE_FIELD: Record<Dimension, 'cohort' | 'college' | 'chapter' | 'industry'> = {
  cohort: 'cohort',
  college: 'college',
  region: 'chapter',
  industry: 'industry',
};
/** Posts appraised in a cycle: those that held their post at some time in the period. */
const APPRAISED_STATUSES = ['active', 'approved', 'ended'];
const ORDER_BY: Record<SortColumn, (desc: string) => string> = {
  rank: (desc) => `dimension_order, a_rank${desc}, alumnus_name`,
  total: (desc) => `a_total${desc}, alumnus_name`,
  name: (desc) => `alumnus_name${desc}, id`,
};

const t = (strapi: Core.Strapi, uid: string) => tableOf(strapi, uid);
const c = (strapi: Core.Strapi, uid: string, attribute: string) => columnOf(strapi, uid, attribute);
const raw = async (strapi: Core.Strapi, sql: string, bindings: unknown[] = [], trx?: any) =>
  rowsOf(await (trx ?? strapi.db.connection).raw(sql, bindings as any));

/** The posts held at some time in the cycle's period, with their dimension, scope and college. */
export const postsOfPeriod = async (strapi: Core.Strapi, cycle: any, trx?: any) => {
  const col = (attribute: string) => c(strapi, UID.post, attribute);
  const link = (f: string) => joinOf(strapi, UID.post, f);
  const [lk, lc, lh, li] = ['cohort', 'college', 'chapter', 'industry'].map(link);
  const toCollege = joinOf(strapi, UID.cohort, 'college');
  const rows = await raw(
    strapi,
    `SELECT p.id AS id, p.${col('dimension')} AS dimension,
       lk.${lk.to} AS cohort_id, lc.${lc.to} AS college_id, lh.${lh.to} AS chapter_id, li.${li.to} AS industry_id,
       kc.${toCollege.to} AS cohort_college_id
     FROM ${t(strapi, UID.post)} p
       LEFT JOIN ${lk.table} lk ON lk.${lk.from} = p.id
       LEFT JOIN ${lc.table} lc ON lc.${lc.from} = p.id
       LEFT JOIN ${lh.table} lh ON lh.${lh.from} = p.id
       LEFT JOIN ${li.table} li ON li.${li.from} = p.id
       LEFT JOIN ${toCollege.table} kc ON kc.${toCollege.from} = lk.${lk.to}
     WHERE p.${col('postStatus')} IN (${APPRAISED_STATUSES.map(() => '?').join(', ')})
       AND p.${col('termStart')} <= ?
       AND (p.${col('termEnd')} IS NULL OR p.${col('termEnd')} >= ?)`,
    [...APPRAISED_STATUSES, day(cycle.periodEnd), day(cycle.periodStart)],
    trx,
  );
  return rows.map((r) => {
    const dimension = r.dimension as Dimension;
    const scopeId = n(r[`${SCOPE_FIELD[dimension]}_id`]);
    return {
      postId: Number(r.id),
      dimension,
      scopeKey: `${dimension}:${scopeId ?? ''}`,
      collegeId: dimension === 'college' ? n(r.college_id) : dimension === 'cohort' ? n(r.cohort_college_id) : null,
    };
  });
};

/** The cycle's appraisal rows: id, post, dimension, scope, stored figures. */
export const appraisalsOf = async (strapi: Core.Strapi, cycleId: number, trx?: any, dimension?: string) => {
  const col = (attribute: string) => c(strapi, UID.appraisal, attribute);
  const lc = joinOf(strapi, UID.appraisal, 'cycle');
  const lp = joinOf(strapi, UID.appraisal, 'liaison');
  const rows = await raw(
    strapi,
    `SELECT a.id AS id, lp.${lp.to} AS post_id, a.${col('dimension')} AS dimension,
       a.${col('scopeKey')} AS scope_key, a.${col('measures')} AS measures,
       a.${col('scores')} AS scores, a.${col('total')} AS total,
       a.${col('grade')} AS grade, a.${col('rank')} AS a_rank,
       a.${col('scopeRank')} AS scope_rank
     FROM ${t(strapi, UID.appraisal)} a JOIN ${lc.table} lc ON lc.${lc.from} = a.id
       LEFT JOIN ${lp.table} lp ON lp.${lp.from} = a.id
     WHERE lc.${lc.to} = ?${dimension ? ` AND a.${col('dimension')} = ?` : ''}`,
    dimension ? [cycleId, dimension] : [cycleId],
    trx,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    postId: n(r.post_id),
    dimension: r.dimension as string | null,
    scopeKey: r.scope_key as string | null,
    measures: (jsonColumn(r.measures) ?? {}) as Record<string, number>,
    scores: (jsonColumn(r.scores) ?? {}) as Record<string, number | null>,
    total: n(r.total),
    grade: r.grade as string | null,
    rank: n(r.a_rank),
    scopeRank: n(r.scope_rank),
  }));
};

/** Mean reviewer score per appraisal and criterion, for a cycle. */
export const meanScores = async (strapi: Core.Strapi, cycleId: number, trx?: any) => {
  const ls = joinOf(strapi, UID.score, 'appraisal');
  const lc = joinOf(strapi, UID.appraisal, 'cycle');
  const criterion = `s.${c(strapi, UID.score, 'criterion')}`;
  const rows = await raw(
    strapi,
    `SELECT ls.${ls.to} AS appraisal_id, ${criterion} AS criterion, AVG(s.${c(strapi, UID.score, 'score')}) AS mean
     FROM ${t(strapi, UID.score)} s JOIN ${ls.table} ls ON ls.${ls.from} = s.id
       JOIN ${lc.table} lc ON lc.${lc.from} = ls.${ls.to}
     WHERE lc.${lc.to} = ?
     GROUP BY ls.${ls.to}, ${criterion}`,
    [cycleId],
    trx,
  );
  const out = new Map<number, Record<string, number>>();
  for (const r of rows) {
    const id = Number(r.appraisal_id);
    (out.get(id) ?? out.set(id, {}).get(id)!)[r.criterion] = Math.round(Number(r.mean) * 100) / 100;
  }
  return out;
};

/** Each post's raw figure of each measured criterion over the cycle's period: one statement per measure. */
export const measuredFigures = async (strapi: Core.Strapi, cycle: any, criteria: Criterion[], trx?: any) => {
  const period = {
    strapi,
    periodStart: day(cycle.periodStart)!,
    periodEnd: day(cycle.periodEnd)!,
  };
  const figures = new Map<number, Record<string, number>>();
  for (const criterion of criteria.filter((x) => x.kind === 'measured')) {
    const measure = measureOf(criterion.measure!);
    if (!measure) continue;
    const { sql, bindings } = measure.query(period);
    for (const r of await raw(strapi, sql, bindings, trx)) {
      const postId = Number(r.post_id);
      (figures.get(postId) ?? figures.set(postId, {}).get(postId)!)[criterion.key] = Number(r.value) || 0;
    }
  }
  return figures;
};

export interface ResultsFilter {
  dimension?: string;
  scopeKey?: string;
  grade?: string;
  sort?: SortKey;
  page?: number;
  pageSize?: number;
}

/**
 * The rows of a cycle's results with the post, holder and scope: one statement. With
 * `page`, also the total count and the grade counts (window aggregates over the
 * filtered rows, before the grade filter, so the chart shows the whole distribution).
 */
export const resultRows = async (strapi: Core.Strapi, cycle: any, colleges: number[] | null, q: ResultsFilter, trx?: any) => {
  const A = t(strapi, UID.appraisal);
  const P = t(strapi, UID.post);
  const AL = t(strapi, UID.alumnus);
  const cc = (uid: string, attribute: string) => c(strapi, uid, attribute);
  const lc = joinOf(strapi, UID.appraisal, 'cycle');
  const lp = joinOf(strapi, UID.appraisal, 'liaison');
  const la = joinOf(strapi, UID.post, 'alumnus');
  const links = {
    cohort: joinOf(strapi, UID.post, 'cohort'),
    college: joinOf(strapi, UID.post, 'college'),
    chapter: joinOf(strapi, UID.post, 'chapter'),
    industry: joinOf(strapi, UID.post, 'industry'),
  };
  const ac = (a: string) => `a.${cc(UID.appraisal, a)}`;
  const where: string[] = [`lc.${lc.to} = ?`];
  const bindings: unknown[] = [cycle.id];
  if (colleges) {
    if (!colleges.length) where.push('1 = 0');
    else {
      where.push(`${ac('collegeId')} IN (${colleges.map(() => '?').join(', ')})`);
      bindings.push(...colleges);
    }
  }
  if (q.dimension) {
    where.push(`${ac('dimension')} = ?`);
    bindings.push(q.dimension);
  }
  if (q.scopeKey) {
    where.push(`${ac('scopeKey')} = ?`);
    bindings.push(q.scopeKey);
  }
  const gradeFilter = q.grade ? `WHERE a_grade = ?` : '';
  const dimOrder = `CASE ${ac('dimension')} ${DIMENSIONS.map((d, i) => `WHEN '${d}' THEN ${i}`).join(' ')} ELSE 9 END`;
  const sort = q.sort ?? DEFAULT_SORT;
  const sql = `
    WITH r AS (
      SELECT a.id AS id, ${ac('documentId')} AS document_id, ${ac('dimension')} AS dimension, ${dimOrder} AS dimension_order,
        ${ac('measures')} AS measures, ${ac('scores')} AS scores, ${ac('total')} AS a_total, ${ac('grade')} AS a_grade,
        ${ac('rank')} AS a_rank, ${ac('scopeRank')} AS scope_rank,
        p.id AS post_id, p.${cc(UID.post, 'documentId')} AS post_document_id, p.${cc(UID.post, 'label')} AS post_label,
        al.id AS alumnus_id, al.${cc(UID.alumnus, 'documentId')} AS alumnus_document_id, al.${cc(UID.alumnus, 'name')} AS alumnus_name,
        al.${cc(UID.alumnus, 'email')} AS alumnus_email, al.${cc(UID.alumnus, 'contactConsent')} AS alumnus_consent,
        al.${cc(UID.alumnus, 'language')} AS alumnus_language,
        COALESCE(k.${cc(UID.cohort, 'documentId')}, co.${cc(UID.college, 'documentId')}, ch.${cc(UID.chapter, 'documentId')}, ig.${cc(UID.industry, 'documentId')}) AS scope_document_id,
        COALESCE(k.${cc(UID.cohort, 'className')}, co.${cc(UID.college, 'name')}, ch.${cc(UID.chapter, 'name')}, ig.${cc(UID.industry, 'name')}) AS scope_name,
        COALESCE(co.${cc(UID.college, 'nameEn')}, ch.${cc(UID.chapter, 'nameEn')}, ig.${cc(UID.industry, 'nameEn')}) AS scope_name_en
      FROM ${A} a
        JOIN ${lc.table} lc ON lc.${lc.from} = a.id
        LEFT JOIN ${lp.table} lp ON lp.${lp.from} = a.id
        LEFT JOIN ${P} p ON p.id = lp.${lp.to}
        LEFT JOIN ${la.table} la ON la.${la.from} = p.id
        LEFT JOIN ${AL} al ON al.id = la.${la.to}
        LEFT JOIN ${links.cohort.table} lk ON lk.${links.cohort.from} = p.id AND ${ac('dimension')} = 'cohort'
        LEFT JOIN ${t(strapi, UID.cohort)} k ON k.id = lk.${links.cohort.to}
        LEFT JOIN ${links.college.table} lo ON lo.${links.college.from} = p.id AND ${ac('dimension')} = 'college'
        LEFT JOIN ${t(strapi, UID.college)} co ON co.id = lo.${links.college.to}
        LEFT JOIN ${links.chapter.table} lh ON lh.${links.chapter.from} = p.id AND ${ac('dimension')} = 'region'
        LEFT JOIN ${t(strapi, UID.chapter)} ch ON ch.id = lh.${links.chapter.to}
        LEFT JOIN ${links.industry.table} li ON li.${links.industry.from} = p.id AND ${ac('dimension')} = 'industry'
        LEFT JOIN ${t(strapi, UID.industry)} ig ON ig.id = li.${links.industry.to}
      WHERE ${where.join(' AND ')}),
    g AS (SELECT r.*, COUNT(*) OVER () AS all_rows,
        SUM(CASE WHEN a_grade = 'excellent' THEN 1 ELSE 0 END) OVER () AS g_excellent,
        SUM(CASE WHEN a_grade = 'good' THEN 1 ELSE 0 END) OVER () AS g_good,
        SUM(CASE WHEN a_grade = 'pass' THEN 1 ELSE 0 END) OVER () AS g_pass,
        SUM(CASE WHEN a_grade = 'fail' THEN 1 ELSE 0 END) OVER () AS g_fail
      FROM r),
    f AS (SELECT g.*, COUNT(*) OVER () AS filtered_rows FROM g ${gradeFilter})
    SELECT * FROM f ORDER BY ${ORDER_BY[sort.column](sort.direction === 'desc' ? ' DESC' : '')}
    ${q.page ? `LIMIT ${Number(q.pageSize)} OFFSET ${(Number(q.page) - 1) * Number(q.pageSize)}` : ''}`;
  if (q.grade) bindings.push(q.grade);
  return raw(strapi, sql, bindings, trx);
};

export type GradeCounts = { excellent: number; good: number; pass: number; fail: number };

/** The grade counts a result row carries (window aggregates over the filtered rows). */
export const gradesOfRow = (r: any): GradeCounts => ({
  excellent: Number(r.g_excellent),
  good: Number(r.g_good),
  pass: Number(r.g_pass),
  fail: Number(r.g_fail),
});

/** Past the last page there is no row to read the counts from. */
export const countFiltered = async (strapi: Core.Strapi, cycle: any, colleges: number[] | null, q: ResultsFilter) => {
  const rows = await resultRows(strapi, cycle, colleges, { ...q, page: undefined });
  return rows.length;
};

export const gradeCounts = async (strapi: Core.Strapi, cycle: any, colleges: number[] | null, q: ResultsFilter): Promise<GradeCounts> => {
  const rows = await resultRows(strapi, cycle, colleges, { ...q, grade: undefined, page: 1, pageSize: 1 });
  return rows[0] ? gradesOfRow(rows[0]) : { excellent: 0, good: 0, pass: 0, fail: 0 };
};

/** Every reviewer's score and comment on the given appraisals. */
export const commentsOf = async (strapi: Core.Strapi, appraisalIds: number[], trx?: any) => {
  const out = new Map<
    number,
    {
      criterion: string;
      score: number;
      comment: string | null;
      reviewer: string;
      reviewerId: number | null;
    }[]
  >();
  if (!appraisalIds.length) return out;
  const col = (attribute: string) => c(strapi, UID.score, attribute);
  const ls = joinOf(strapi, UID.score, 'appraisal');
  const lr = joinOf(strapi, UID.score, 'reviewer');
  for (let from = 0; from < appraisalIds.length; from += 5000) {
    const ids = appraisalIds.slice(from, from + 5000);
    const rows = await raw(
      strapi,
      `SELECT ls.${ls.to} AS appraisal_id, s.${col('criterion')} AS criterion, s.${col('score')} AS score,
         s.${col('comment')} AS comment, u.id AS reviewer_id, u.firstname AS firstname, u.lastname AS lastname
       FROM ${t(strapi, UID.score)} s JOIN ${ls.table} ls ON ls.${ls.from} = s.id
         LEFT JOIN ${lr.table} lr ON lr.${lr.from} = s.id LEFT JOIN admin_users u ON u.id = lr.${lr.to}
       WHERE ls.${ls.to} IN (${ids.map(() => '?').join(', ')})
       ORDER BY s.id`,
      ids,
      trx,
    );
    for (const r of rows) {
      const id = Number(r.appraisal_id);
      (out.get(id) ?? out.set(id, []).get(id)!).push({
        criterion: r.criterion,
        score: Number(r.score),
        comment: r.comment ?? null,
        reviewer: [r.firstname, r.lastname].filter(Boolean).join(' '),
        reviewerId: n(r.reviewer_id),
      });
    }
  }
  return out;
};
