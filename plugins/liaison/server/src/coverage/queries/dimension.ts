import type { Dimension } from '../../rules/liaison-post';
import { DEFAULT_POSTS } from '../../rules/quotas';
import { countedScopeSql, type SortKey } from '../rules';
import { alumniCte, type AlumniWhere } from './alumni';
import { SCOPE, UID, ids, type Resolved, type Sql } from './context';

/**
 * One dimension's scopes as rows (CTEs `fa_<d>`, `ps_<d>`, `v_<d>`): alumni counted, posts
 * (override, else the dimension's default, else the built-in one), active, approved,
 * nominated and ending posts, vacancies. A filter that describes the scopes themselves
 * chooses the scopes; the others only narrow the alumni counted, and then a scope with
 * none of those alumni is left out.
 */
export const dimensionCtes = (sql: Sql, dimension: Dimension, r: Resolved, alumniSource?: string) => {
  const { t, c, docId, join } = sql;
  const d = dimension;
  const S = SCOPE[d];
  const P = t(UID.post);
  const Q = t(UID.quota);
  const link = join(UID.post, S.postField);
  const status = c(UID.post, 'postStatus');
  const termEnd = c(UID.post, 'termEnd');
  const [qDim, qScope, qPosts] = ['dimension', 'scope', 'posts'].map((f) => c(UID.quota, f));

  // Which filters choose scopes of this dimension, and which narrow the alumni.
  const scopeConds: string[] = [];
  const where: AlumniWhere = {};
  if (d === 'cohort') {
    const toCollege = join(UID.cohort, 'college');
    if (r.colleges != null)
      scopeConds.push(`s.id IN (SELECT ${toCollege.from} FROM ${toCollege.table} WHERE ${toCollege.to} IN (${ids(r.colleges)}))`);
    if (r.yearFrom !== undefined) scopeConds.push(`s.${c(UID.cohort, 'gradYear')} >= :yearFrom`);
    if (r.yearTo !== undefined) scopeConds.push(`s.${c(UID.cohort, 'gradYear')} <= :yearTo`);
  } else {
    if (r.colleges != null && d !== 'college') where.colleges = r.colleges;
    if (r.colleges != null && d === 'college') scopeConds.push(`s.id IN (${ids(r.colleges)})`);
    where.yearFrom = r.yearFrom;
    where.yearTo = r.yearTo;
  }
  if (d === 'region') {
    scopeConds.push(countedScopeSql('region', 's', c(UID.chapter, 'chapterStatus'))!);
    if (r.country !== undefined) scopeConds.push(`s.${c(UID.chapter, 'country')} = :country`);
    if (r.province !== undefined) scopeConds.push(`s.${c(UID.chapter, 'province')} = :province`);
  } else {
    where.country = r.country;
    where.province = r.province;
  }
  if (d === 'industry') {
    if (r.sector !== undefined) scopeConds.push(`s.id = :sector`);
  } else {
    where.sector = r.sector;
  }
  const narrowed = Object.values(where).some((v) => v !== undefined && v !== null);

  const need = { cohort: d === 'cohort', college: d === 'college', chapter: d === 'region', industry: d === 'industry' };
  const key = S.alumnusKey;
  return `
    ${
      alumniSource
        ? `ac_${d} AS (${alumniSource}),`
        : `fa_${d} AS (${alumniCte(sql, need, where)}),
    ac_${d} AS (SELECT ${key} AS sid, COUNT(*) AS alumni FROM fa_${d} WHERE ${key} IS NOT NULL GROUP BY ${key}),`
    }
    ps_${d} AS (
      SELECT l.${link.to} AS sid,
        SUM(CASE WHEN p.${status} = 'active' THEN 1 ELSE 0 END) AS active,
        SUM(CASE WHEN p.${status} = 'approved' THEN 1 ELSE 0 END) AS approved,
        SUM(CASE WHEN p.${status} = 'nominated' THEN 1 ELSE 0 END) AS pending,
        SUM(CASE WHEN p.${status} IN ('active', 'approved') AND p.${c(UID.post, 'provisional')} = TRUE THEN 1 ELSE 0 END) AS provisional,
        SUM(CASE WHEN p.${status} = 'active' AND p.${termEnd} IS NOT NULL AND p.${termEnd} <= :horizon THEN 1 ELSE 0 END) AS ending
      FROM ${P} p JOIN ${link.table} l ON l.${link.from} = p.id
      WHERE p.${c(UID.post, 'dimension')} = '${d}' AND p.${status} IN ('active', 'approved', 'nominated')
      GROUP BY l.${link.to}),
    r_${d} AS (
      SELECT s.id AS id, s.${docId(S.uid)} AS document_id, s.${c(S.uid, S.name)} AS name,
        COALESCE(ac.alumni, 0) AS alumni,
        COALESCE(qo.${qPosts}, qd.${qPosts}, ${Number(DEFAULT_POSTS[d])}) AS posts,
        COALESCE(ps.active, 0) AS active, COALESCE(ps.approved, 0) AS approved,
        COALESCE(ps.pending, 0) AS pending, COALESCE(ps.ending, 0) AS ending, COALESCE(ps.provisional, 0) AS provisional
      FROM ${t(S.uid)} s
        LEFT JOIN ac_${d} ac ON ac.sid = s.id
        LEFT JOIN ps_${d} ps ON ps.sid = s.id
        LEFT JOIN ${Q} qo ON qo.${qDim} = '${d}' AND qo.${qScope} = s.${docId(S.uid)}
        LEFT JOIN ${Q} qd ON qd.${qDim} = '${d}' AND qd.${qScope} = '*'
      WHERE ${[...scopeConds, ...(narrowed ? ['ac.alumni IS NOT NULL'] : [])].join(' AND ') || '1 = 1'}),
    v_${d} AS (
      SELECT r_${d}.*, CASE WHEN posts - active - approved > 0 THEN posts - active - approved ELSE 0 END AS vacancies
      FROM r_${d})`;
};

/** The named bindings of the statements, for the filters that are set. */
export const bindingsOf = (r: Resolved) => {
  const b: Record<string, unknown> = { horizon: r.horizon };
  if (r.yearFrom !== undefined) b.yearFrom = r.yearFrom;
  if (r.yearTo !== undefined) b.yearTo = r.yearTo;
  if (r.country !== undefined) b.country = r.country;
  if (r.province !== undefined) b.province = r.province;
  if (r.sector !== undefined) b.sector = r.sector;
  return b;
};

export const orderBy = (sort: SortKey[], alias: string) =>
  [
    ...sort.flatMap(({ column, direction }) => {
      const dir = direction.toUpperCase();
      if (column === 'perLiaison')
        return [
          `CASE WHEN ${alias}.active > 0 THEN 0 ELSE 1 END ${dir}`,
          `CASE WHEN ${alias}.active > 0 THEN ${alias}.alumni * 1.0 / ${alias}.active END ${dir}`,
        ];
      return [`${alias}.${column} ${dir}`];
    }),
    `${alias}.id ASC`,
  ].join(', ');

/** A dimension's totals over its scopes (`v_<d>`). */
export const totalsSql = (d: Dimension) => `
  SELECT COUNT(*) AS scopes, SUM(CASE WHEN active > 0 THEN 1 ELSE 0 END) AS covered,
    COALESCE(SUM(alumni), 0) AS t_alumni, COALESCE(SUM(posts), 0) AS t_posts, COALESCE(SUM(active), 0) AS t_active,
    COALESCE(SUM(vacancies), 0) AS t_vacancies, COALESCE(SUM(pending), 0) AS t_pending, COALESCE(SUM(ending), 0) AS t_ending,
    COALESCE(SUM(provisional), 0) AS t_provisional
  FROM v_${d}`;

/** A dimension's uncovered scopes with alumni, most alumni first (numbered by `rn`). */
export const worstSql = (d: Dimension) =>
  `SELECT v_${d}.*, ROW_NUMBER() OVER (ORDER BY alumni DESC, id ASC) AS rn FROM v_${d} WHERE active = 0 AND alumni > 0`;
