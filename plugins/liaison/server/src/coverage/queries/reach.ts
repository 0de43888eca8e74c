import type { Dimension } from '../../rules/liaison-post';
import { SUMMARY_TOP, shareOf } from '../rules';
import { alumniCte, alumniWhere } from './alumni';
import { SCOPE, UID, n, type Resolved, type Sql } from './context';
import { bindingsOf, dimensionCtes, totalsSql, worstSql } from './dimension';
import { dimensionOf, gapRow } from './rows';
import type { CoverageGap, DimensionSummary, Reach, ReachCell } from '../../admin-api-types';

/** One branch of the summary's UNION: every column, NULL where this kind of row has none. */
const UNION_COLUMNS = [
  'kind', 'dim', 'id', 'college_id', 'decade', 'document_id', 'name', 'alumni', 'posts', 'active', 'vacancies', 'pending',
  'ending', 'provisional', 'scopes', 'covered', 't_alumni', 't_posts', 't_active', 't_vacancies', 't_pending', 't_ending', 't_provisional',
  'r_cohort', 'r_college', 'r_region', 'r_industry', 'reached', 'rn',
];
// Typed NULLs: PostgreSQL types a UNION's columns pair by pair.
const TEXT_COLUMNS = ['dim', 'document_id', 'name'];
const branch = (kind: string, from: string, values: Record<string, string>) =>
  `SELECT ${UNION_COLUMNS.map(
    (col) => `${col === 'kind' ? `'${kind}'` : values[col] ?? (TEXT_COLUMNS.includes(col) ? 'CAST(NULL AS VARCHAR(255))' : 'CAST(NULL AS NUMERIC)')} AS ${col}`
  ).join(', ')} FROM ${from}`;

/** The cohort and college dimensions with their worst gaps, the network's reach, and reach by college and decade. */
export interface ReachAnswer {
  dimensions: { dimension: DimensionSummary; gaps: CoverageGap[] }[];
  reach: Reach;
  reachGrid: ReachCell[];
}

/**
 * Reach: how many of the alumni counted (those who belong to a cohort) have an active
 * liaison in their own cohort, college, chapter and industry group, and how many in none;
 * by college and graduation decade for the heat map (the totals are the sum of the grid).
 * The same statement answers the cohort and college dimensions from its per-cohort counts.
 */
export const reach = async (sql: Sql, r: Resolved): Promise<ReachAnswer> => {
  const { t, c, docId, join } = sql;
  const P = t(UID.post);
  const status = c(UID.post, 'postStatus');
  const dim = c(UID.post, 'dimension');
  const covered = (d: Dimension) => {
    const link = join(UID.post, SCOPE[d].postField);
    return `SELECT DISTINCT l.${link.to} AS sid FROM ${P} p JOIN ${link.table} l ON l.${link.from} = p.id
      WHERE p.${dim} = '${d}' AND p.${status} = 'active'`;
  };
  const toCollege = join(UID.cohort, 'college');
  const year = c(UID.cohort, 'gradYear');
  const decade = `CASE WHEN grad_year IS NULL THEN NULL ELSE grad_year - (grad_year % 10) END`;
  // Per alumnus only what is not a property of the cohort (chapter, industry); the
  // cohort's and its college's liaisons are looked up once per cohort.
  const statement = `
    WITH fa AS (${alumniCte(sql, { cohort: true, chapter: true, industry: true }, alumniWhere(r))}),
    cv_cohort AS (${covered('cohort')}), cv_college AS (${covered('college')}),
    cv_region AS (${covered('region')}), cv_industry AS (${covered('industry')}),
    pc AS MATERIALIZED (
      SELECT cohort_id, COUNT(*) AS alumni, SUM(region) AS region, SUM(industry) AS industry,
        SUM(CASE WHEN region + industry > 0 THEN 1 ELSE 0 END) AS either
      FROM (
        -- A hashed look-up of the few covered chapters and groups, not a join per alumnus
        SELECT fa.cohort_id AS cohort_id,
          CASE WHEN fa.chapter_id IN (SELECT sid FROM cv_region) THEN 1 ELSE 0 END AS region,
          CASE WHEN fa.industry_id IN (SELECT sid FROM cv_industry) THEN 1 ELSE 0 END AS industry
        FROM fa WHERE fa.cohort_id IS NOT NULL) covered_alumni
      GROUP BY cohort_id),
    pk AS MATERIALIZED (
      SELECT pc.*, kc.${toCollege.to} AS college_id, k.${year} AS grad_year,
        CASE WHEN cc.sid IS NULL THEN 0 ELSE 1 END AS in_cohort,
        CASE WHEN cg.sid IS NULL THEN 0 ELSE 1 END AS in_college
      FROM pc
        LEFT JOIN ${t(UID.cohort)} k ON k.id = pc.cohort_id
        LEFT JOIN ${toCollege.table} kc ON kc.${toCollege.from} = pc.cohort_id
        LEFT JOIN cv_cohort cc ON cc.sid = pc.cohort_id
        LEFT JOIN cv_college cg ON cg.sid = kc.${toCollege.to}),
    grid AS (
      SELECT college_id, ${decade} AS decade, SUM(alumni) AS alumni,
        SUM(in_cohort * alumni) AS cohort, SUM(in_college * alumni) AS college,
        SUM(region) AS region, SUM(industry) AS industry,
        SUM(CASE WHEN in_cohort + in_college > 0 THEN alumni ELSE either END) AS reached
      FROM pk GROUP BY college_id, ${decade}),
    ${dimensionCtes(sql, 'cohort', r, 'SELECT cohort_id AS sid, alumni FROM pc')},
    ${dimensionCtes(sql, 'college', r, 'SELECT college_id AS sid, SUM(alumni) AS alumni FROM pk WHERE college_id IS NOT NULL GROUP BY college_id')},
    t_cohort AS (${totalsSql('cohort')}), w_cohort AS (${worstSql('cohort')}),
    t_college AS (${totalsSql('college')}), w_college AS (${worstSql('college')})
    ${branch('grid', `grid LEFT JOIN ${t(UID.college)} col ON col.id = grid.college_id`, {
      college_id: 'grid.college_id',
      decade: 'grid.decade',
      document_id: `col.${docId(UID.college)}`,
      name: `col.${c(UID.college, 'name')}`,
      alumni: 'grid.alumni',
      r_cohort: 'grid.cohort',
      r_college: 'grid.college',
      r_region: 'grid.region',
      r_industry: 'grid.industry',
      reached: 'grid.reached',
    })}
    ${(['cohort', 'college'] as const)
      .map(
        (d) => `UNION ALL ${branch('total', `t_${d}`, {
          dim: `'${d}'`,
          scopes: 'scopes',
          covered: 'covered',
          t_alumni: 't_alumni',
          t_posts: 't_posts',
          t_active: 't_active',
          t_vacancies: 't_vacancies',
          t_pending: 't_pending',
          t_ending: 't_ending',
          t_provisional: 't_provisional',
        })}
        UNION ALL ${branch('gap', `w_${d}`, {
          dim: `'${d}'`,
          id: 'id',
          document_id: 'document_id',
          name: 'name',
          alumni: 'alumni',
          posts: 'posts',
          active: 'active',
          vacancies: 'vacancies',
          pending: 'pending',
          ending: 'ending',
          provisional: 'provisional',
          rn: 'rn',
        })} WHERE rn <= ${SUMMARY_TOP}`
      )
      .join('\n')}`;
  const all = await sql.raw(statement, bindingsOf(r), { mergeJoins: true });
  const rows = all
    .filter((row) => row.kind === 'grid')
    .sort(
      (a, b) =>
        String(a.name ?? '').localeCompare(String(b.name ?? '')) || n(a.college_id) - n(b.college_id) || n(a.decade) - n(b.decade)
    )
    .map((row): any => ({
      ...row,
      college_document_id: row.document_id,
      college_name: row.name,
      cohort: row.r_cohort,
      college: row.r_college,
      region: row.r_region,
      industry: row.r_industry,
    }));
  const dimensions = (['cohort', 'college'] as const).map((d) => ({
    dimension: dimensionOf(d, all.find((x) => x.kind === 'total' && x.dim === d)),
    gaps: all
      .filter((x) => x.kind === 'gap' && x.dim === d)
      .sort((a, b) => n(a.rn) - n(b.rn))
      .map(gapRow(d)),
  }));
  const sum = (key: string) => rows.reduce((acc, row) => acc + n(row[key]), 0);
  const alumni = sum('alumni');
  const reached = sum('reached');
  const counts = { cohort: sum('cohort'), college: sum('college'), region: sum('region'), industry: sum('industry') };
  return {
    dimensions,
    reach: {
      alumni,
      cohort: counts.cohort,
      college: counts.college,
      region: counts.region,
      industry: counts.industry,
      any: reached,
      none: alumni - reached,
      shares: {
        cohort: shareOf(counts.cohort, alumni),
        college: shareOf(counts.college, alumni),
        region: shareOf(counts.region, alumni),
        industry: shareOf(counts.industry, alumni),
        any: shareOf(reached, alumni),
        none: shareOf(alumni - reached, alumni),
      },
    },
    reachGrid: rows
      .filter((row) => row.college_id != null && row.decade != null)
      .map((row) => ({
        college: { documentId: row.college_document_id, name: row.college_name },
        decade: n(row.decade),
        alumni: n(row.alumni),
        reached: n(row.reached),
        share: shareOf(n(row.reached), n(row.alumni)),
      })),
  };
};
