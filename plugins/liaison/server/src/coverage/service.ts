import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnOf, isoDate, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';
import { validationError } from '../utils/errors';
import { DIMENSIONS, type Dimension } from '../rules/liaison-post';
import { DEFAULT_POSTS } from '../rules/quotas';
import type { NetworkScope } from '../access/types';
import {
  addDays,
  ENDING_WITHIN_DAYS,
  perLiaisonOf,
  shareOf,
  SUMMARY_TOP,
  type CoverageFilters,
  type CoverageQuery,
  type SortKey,
} from './rules';

const UID = {
  alumnus: 'plugin::liaison.alumnus',
  cohort: 'plugin::liaison.cohort',
  college: 'plugin::liaison.college',
  chapter: 'plugin::liaison.chapter',
  industry: 'plugin::liaison.industry-group',
  post: 'plugin::liaison.liaison',
  quota: 'plugin::liaison.quota',
} as const;

/** The content type of each dimension's scopes, the field naming it, and the post relation. */
const SCOPE = {
  cohort: { uid: UID.cohort, name: 'className', postField: 'cohort', alumnusKey: 'cohort_id' },
  college: { uid: UID.college, name: 'name', postField: 'college', alumnusKey: 'college_id' },
  region: { uid: UID.chapter, name: 'name', postField: 'chapter', alumnusKey: 'chapter_id' },
  industry: { uid: UID.industry, name: 'name', postField: 'industry', alumnusKey: 'industry_id' },
} as const;

/** Filters resolved to ids, with the reader's own scope folded in. */
export interface Resolved {
  /** Only these colleges (the `college` filter and, for College Staff, their colleges); null: all. */
  colleges: number[] | null;
  yearFrom?: number;
  yearTo?: number;
  country?: string;
  province?: string;
  sector?: number;
  today: string;
  horizon: string;
}

export interface CoverageRow {
  scope: { documentId: string; name: string };
  alumni: number;
  posts: number;
  active: number;
  vacancies: number;
  pending: number;
  ending: number;
  /** Active or approved liaisons still provisional (required training not completed). */
  provisional: number;
  perLiaison: number | null;
}

const n = (v: unknown) => Number(v ?? 0);
const ids = (list: number[]) => (list.length ? list.map((id) => Math.trunc(Number(id))).join(', ') : 'NULL');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = (uid: string) => tableOf(strapi, uid);
  const c = (uid: string, attribute: string) => columnOf(strapi, uid, attribute);
  const docId = (uid: string) => {
    try {
      return c(uid, 'documentId');
    } catch {
      return 'document_id';
    }
  };

  /**
   * The alumni counted: one row per living alumnus (the deceased need no liaison), with
   * only the columns this question needs, narrowed by the filters that concern alumni.
   * Unless a question needs where alumni live, it reads only the narrow link tables
   * (driven by the first one it needs; an alumnus without that link is in no scope of it)
   * and leaves out the deceased through the small, indexed set of them.
   */
  const alumniCte = (
    need: { cohort?: boolean; college?: boolean; year?: boolean; chapter?: boolean; industry?: boolean; place?: boolean },
    where: { colleges?: number[] | null; yearFrom?: number; yearTo?: number; country?: string; province?: string; sector?: number }
  ) => {
    const A = t(UID.alumnus);
    const statusCol = c(UID.alumnus, 'alumnusStatus');
    const links = {
      cohort: joinOf(strapi, UID.alumnus, 'cohort'),
      chapter: joinOf(strapi, UID.alumnus, 'chapter'),
      industry: joinOf(strapi, UID.alumnus, 'industry'),
    };
    const toCollege = joinOf(strapi, UID.cohort, 'college');
    const wantCollege = need.college || where.colleges != null;
    const wantYear = need.year || where.yearFrom !== undefined || where.yearTo !== undefined;
    const wantCohort = need.cohort || wantCollege || wantYear;
    const wantIndustry = need.industry || where.sector !== undefined;
    const wantPlace = need.place || where.country !== undefined || where.province !== undefined;
    const alias = { cohort: 'ak', chapter: 'ah', industry: 'ai' } as const;
    const wanted = (['cohort', 'chapter', 'industry'] as const).filter((l) =>
      l === 'cohort' ? wantCohort : l === 'chapter' ? need.chapter : wantIndustry
    );
    const driver = wantPlace || wanted.length === 0 ? null : wanted[0];
    const idExpr = driver ? `${alias[driver]}.${links[driver].from}` : 'a.id';
    const from = driver ? `${links[driver].table} ${alias[driver]}` : `${A} a`;
    const cols = [`${idExpr} AS id`];
    const joins: string[] = [];
    // NOT IN over the few deceased (found through their index): a hashed subplan on
    // PostgreSQL, one ephemeral index on SQLite, and on SQLite an alumni scan stays
    // within the (country, province, city) index, which holds the id.
    // Scanning the alumni table itself (places), the status is read in the row: on both
    // databases the scan then stays within the (country, province, city, status) index.
    const conds = [
      driver
        ? `${idExpr} NOT IN (SELECT d.id FROM ${A} d WHERE d.${statusCol} = 'deceased')`
        : `(a.${statusCol} IS NULL OR a.${statusCol} <> 'deceased')`,
    ];
    for (const l of wanted) {
      if (l !== driver) joins.push(`LEFT JOIN ${links[l].table} ${alias[l]} ON ${alias[l]}.${links[l].from} = ${idExpr}`);
    }
    if (wantCohort) cols.push(`ak.${links.cohort.to} AS cohort_id`);
    if (wantCollege) {
      joins.push(`LEFT JOIN ${toCollege.table} kc ON kc.${toCollege.from} = ak.${links.cohort.to}`);
      cols.push(`kc.${toCollege.to} AS college_id`);
      if (where.colleges != null) conds.push(`kc.${toCollege.to} IN (${ids(where.colleges)})`);
    }
    if (wantYear) {
      const year = c(UID.cohort, 'gradYear');
      joins.push(`LEFT JOIN ${t(UID.cohort)} k ON k.id = ak.${links.cohort.to}`);
      cols.push(`k.${year} AS grad_year`);
      if (where.yearFrom !== undefined) conds.push(`k.${year} >= :yearFrom`);
      if (where.yearTo !== undefined) conds.push(`k.${year} <= :yearTo`);
    }
    if (need.chapter) cols.push(`ah.${links.chapter.to} AS chapter_id`);
    if (wantIndustry) {
      cols.push(`ai.${links.industry.to} AS industry_id`);
      if (where.sector !== undefined) conds.push(`ai.${links.industry.to} = :sector`);
    }
    const [country, province, city] = ['country', 'province', 'city'].map((f) => c(UID.alumnus, f));
    if (need.place) cols.push(`a.${country} AS country`, `a.${province} AS province`, `a.${city} AS city`);
    if (where.country !== undefined) conds.push(`a.${country} = :country`);
    if (where.province !== undefined) conds.push(`a.${province} = :province`);
    return `SELECT ${cols.join(', ')} FROM ${from} ${joins.join(' ')} WHERE ${conds.join(' AND ')}`;
  };

  /**
   * One dimension's scopes as rows (CTEs `fa_<d>`, `ps_<d>`, `v_<d>`): alumni counted, posts
   * (override, else the dimension's default, else the built-in one), active, approved,
   * nominated and ending posts, vacancies. A filter that describes the scopes themselves
   * chooses the scopes; the others only narrow the alumni counted, and then a scope with
   * none of those alumni is left out.
   */
  const dimensionCtes = (dimension: Dimension, r: Resolved, alumniSource?: string) => {
    const d = dimension;
    const S = SCOPE[d];
    const P = t(UID.post);
    const Q = t(UID.quota);
    const link = joinOf(strapi, UID.post, S.postField);
    const status = c(UID.post, 'postStatus');
    const termEnd = c(UID.post, 'termEnd');
    const [qDim, qScope, qPosts] = ['dimension', 'scope', 'posts'].map((f) => c(UID.quota, f));

    // Which filters choose scopes of this dimension, and which narrow the alumni.
    const scopeConds: string[] = [];
    const where: Parameters<typeof alumniCte>[1] = {};
    if (d === 'cohort') {
      const toCollege = joinOf(strapi, UID.cohort, 'college');
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
      scopeConds.push(`(s.${c(UID.chapter, 'chapterStatus')} IS NULL OR s.${c(UID.chapter, 'chapterStatus')} <> 'dissolved')`);
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
    const sql = `
      ${
        alumniSource
          ? `ac_${d} AS (${alumniSource}),`
          : `fa_${d} AS (${alumniCte(need, where)}),
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
    return sql;
  };

  const bindingsOf = (r: Resolved) => {
    const b: Record<string, unknown> = { horizon: r.horizon };
    if (r.yearFrom !== undefined) b.yearFrom = r.yearFrom;
    if (r.yearTo !== undefined) b.yearTo = r.yearTo;
    if (r.country !== undefined) b.country = r.country;
    if (r.province !== undefined) b.province = r.province;
    if (r.sector !== undefined) b.sector = r.sector;
    return b;
  };

  const orderBy = (sort: SortKey[], alias: string) =>
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

  const toRow = (row: any): CoverageRow => ({
    scope: { documentId: row.document_id, name: row.name },
    alumni: n(row.alumni),
    posts: n(row.posts),
    active: n(row.active),
    vacancies: n(row.vacancies),
    pending: n(row.pending),
    ending: n(row.ending),
    provisional: n(row.provisional),
    perLiaison: perLiaisonOf(n(row.alumni), n(row.active)),
  });

  const totalsSql = (d: Dimension) => `
    SELECT COUNT(*) AS scopes, SUM(CASE WHEN active > 0 THEN 1 ELSE 0 END) AS covered,
      COALESCE(SUM(alumni), 0) AS t_alumni, COALESCE(SUM(posts), 0) AS t_posts, COALESCE(SUM(active), 0) AS t_active,
      COALESCE(SUM(vacancies), 0) AS t_vacancies, COALESCE(SUM(pending), 0) AS t_pending, COALESCE(SUM(ending), 0) AS t_ending,
      COALESCE(SUM(provisional), 0) AS t_provisional
    FROM v_${d}`;

  const totalsOf = (row: any) => ({
    alumni: n(row?.t_alumni),
    posts: n(row?.t_posts),
    active: n(row?.t_active),
    vacancies: n(row?.t_vacancies),
    pending: n(row?.t_pending),
    ending: n(row?.t_ending),
    provisional: n(row?.t_provisional),
  });

  /** A dimension's line of the summary, from its totals row. */
  const dimensionOf = (d: Dimension, row: any) => {
    const totals = totalsOf(row);
    return {
      dimension: d,
      scopes: n(row?.scopes),
      covered: n(row?.covered),
      posts: totals.posts,
      active: totals.active,
      vacancies: totals.vacancies,
      pending: totals.pending,
      ending: totals.ending,
      provisional: totals.provisional,
      alumni: totals.alumni,
    };
  };

  /** One of the worst gaps, named by its dimension. */
  const gapRow = (d: Dimension) => (row: any) => ({ dimension: d, ...toRow(row) });

  /** A dimension's uncovered scopes with alumni, most alumni first (numbered by `rn`). */
  const worstSql = (d: Dimension) =>
    `SELECT v_${d}.*, ROW_NUMBER() OVER (ORDER BY alumni DESC, id ASC) AS rn FROM v_${d} WHERE active = 0 AND alumni > 0`;

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

  /**
   * Runs one report statement. On PostgreSQL with JIT compilation off for it: these are
   * large statements over small row counts, where compiling them costs seconds (measured:
   * 3.7 s instead of 60 ms on a small, freshly created database, whose planner estimates
   * cross jit_above_cost) and saves nothing. The statement itself is the same on both databases.
   */
  const raw = async (sql: string, bindings: Record<string, unknown>, options: { mergeJoins?: boolean } = {}) => {
    if (!isPostgres(strapi)) return rowsOf(await strapi.db.connection.raw(sql, bindings as any));
    return strapi.db.connection.transaction(async (trx: any) => {
      await trx.raw('SET LOCAL jit = off');
      // The alumni's link tables, joined row by row on alumnus_id, are read in index order
      // and merged: half the work of hashing 300,000 rows twice (measured 75 ms against 125 ms).
      if (options.mergeJoins) await trx.raw('SET LOCAL enable_hashjoin = off');
      return rowsOf(await trx.raw(sql, bindings as any));
    });
  };

  return {
    /** Filters as ids, the reader's colleges folded in; 400 for unknown records, 403 for another college. */
    async resolve(filters: CoverageFilters, access: NetworkScope, today = isoDate()): Promise<Resolved> {
      const resolved: Resolved = {
        colleges: access.all ? null : access.colleges,
        yearFrom: filters.yearFrom,
        yearTo: filters.yearTo,
        country: filters.country,
        province: filters.province,
        today,
        horizon: addDays(today, ENDING_WITHIN_DAYS),
      };
      const db = strapi.db.connection;
      if (filters.college !== undefined) {
        const college = await db(t(UID.college)).where(docId(UID.college), filters.college).first('id');
        if (!college) throw validationError([{ path: 'college', message: 'no college has this documentId' }]);
        const id = Number(college.id);
        if (resolved.colleges && !resolved.colleges.includes(id)) {
          throw new errors.ForbiddenError('college: you may only read the coverage of your own colleges');
        }
        resolved.colleges = [id];
      }
      if (filters.sector !== undefined) {
        const group = await db(t(UID.industry))
          .where(docId(UID.industry), filters.sector)
          .orWhere(c(UID.industry, 'code'), filters.sector)
          .first('id');
        if (!group) throw validationError([{ path: 'sector', message: 'no industry group has this code or documentId' }]);
        resolved.sector = Number(group.id);
      }
      return resolved;
    },

    /** One dimension's scopes, a page of them in the order asked, and the totals: one SQL statement. */
    async coverage(query: CoverageQuery, r: Resolved) {
      const d = query.dimension;
      const offset = (query.page - 1) * query.pageSize;
      const sql = `
        WITH ${dimensionCtes(d, r)},
        t AS (${totalsSql(d)}),
        o AS (SELECT v_${d}.*, ROW_NUMBER() OVER (ORDER BY ${orderBy(query.sort, `v_${d}`)}) AS rn FROM v_${d})
        SELECT t.*, o.* FROM t LEFT JOIN o ON o.rn > ${offset} AND o.rn <= ${offset + query.pageSize}
        ORDER BY o.rn`;
      const rows = await raw(sql, bindingsOf(r));
      const total = n(rows[0]?.scopes);
      return {
        data: rows.filter((row) => row.rn != null).map(toRow),
        meta: {
          totals: totalsOf(rows[0]),
          pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
        },
      };
    },

    /**
     * The network at a glance, in four statements run together: reach with the cohort and
     * college dimensions (they share the per-cohort counts), the region dimension, the
     * industry dimension, and where the next chapter could be founded.
     */
    async summary(r: Resolved) {
      const bindings = bindingsOf(r);
      const separate = (['region', 'industry'] as const).map(async (d) => {
        const rows = await raw(
          `WITH ${dimensionCtes(d, r)},
           t AS (${totalsSql(d)}),
           w AS (${worstSql(d)})
           SELECT t.*, w.* FROM t LEFT JOIN w ON w.rn <= ${SUMMARY_TOP} ORDER BY w.rn`,
          bindings
        );
        return { dimension: dimensionOf(d, rows[0]), gaps: rows.filter((row) => row.rn != null).map(gapRow(d)) };
      });
      const [combined, region, industry, places] = await Promise.all([
        this.reach(r),
        separate[0],
        separate[1],
        this.nextChapters(r),
      ]);
      const dimensions = [...combined.dimensions, region, industry];
      const worstGaps = dimensions
        .flatMap((x) => x.gaps)
        .sort((a, b) => b.alumni - a.alumni || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension))
        .slice(0, SUMMARY_TOP);
      return {
        dimensions: dimensions.map((x) => x.dimension),
        reach: combined.reach,
        reachGrid: combined.reachGrid,
        worstGaps,
        ...places,
      };
    },

    /**
     * Reach: how many of the alumni counted (those who belong to a cohort) have an active
     * liaison in their own cohort, college, chapter and industry group, and how many in none;
     * by college and graduation decade for the heat map (the totals are the sum of the grid).
     * The same statement answers the cohort and college dimensions from its per-cohort counts.
     */
    async reach(r: Resolved) {
      const P = t(UID.post);
      const status = c(UID.post, 'postStatus');
      const dim = c(UID.post, 'dimension');
      const covered = (d: Dimension) => {
        const link = joinOf(strapi, UID.post, SCOPE[d].postField);
        return `SELECT DISTINCT l.${link.to} AS sid FROM ${P} p JOIN ${link.table} l ON l.${link.from} = p.id
          WHERE p.${dim} = '${d}' AND p.${status} = 'active'`;
      };
      const toCollege = joinOf(strapi, UID.cohort, 'college');
      const year = c(UID.cohort, 'gradYear');
      const decade = `CASE WHEN grad_year IS NULL THEN NULL ELSE grad_year - (grad_year % 10) END`;
      // Per alumnus only what is not a property of the cohort (chapter, industry); the
      // cohort's and its college's liaisons are looked up once per cohort.
      const sql = `
        WITH fa AS (${alumniCte(
          { cohort: true, chapter: true, industry: true },
          { colleges: r.colleges, yearFrom: r.yearFrom, yearTo: r.yearTo, country: r.country, province: r.province, sector: r.sector }
        )}),
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
        ${dimensionCtes('cohort', r, 'SELECT cohort_id AS sid, alumni FROM pc')},
        ${dimensionCtes('college', r, 'SELECT college_id AS sid, SUM(alumni) AS alumni FROM pk WHERE college_id IS NOT NULL GROUP BY college_id')},
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
      const all = await raw(sql, bindingsOf(r), { mergeJoins: true });
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
    },

    /**
     * Places without a chapter, by the alumni living there: a city in China (covered by a
     * chapter of that city, or of its whole province), or a country abroad (covered by any
     * chapter in it). Dissolved chapters cover nothing. One statement.
     */
    async nextChapters(r: Resolved) {
      const CH = t(UID.chapter);
      const [cc, cp, cy, cs] = ['country', 'province', 'city', 'chapterStatus'].map((f) => c(UID.chapter, f));
      const sql = `
        WITH fa AS (${alumniCte(
          { place: true },
          { colleges: r.colleges, yearFrom: r.yearFrom, yearTo: r.yearTo, country: r.country, province: r.province, sector: r.sector }
        )}),
        -- materialized: the place filter below must not be pushed into the scan of every alumnus
        raw_pl AS MATERIALIZED (SELECT country, province, city, COUNT(*) AS alumni FROM fa GROUP BY country, province, city),
        pl AS (
          SELECT CASE WHEN country IS NULL OR country = '' THEN 'CN' ELSE country END AS country,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN province END AS province,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN city END AS city,
            SUM(alumni) AS alumni
          FROM raw_pl
          GROUP BY CASE WHEN country IS NULL OR country = '' THEN 'CN' ELSE country END,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN province END,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN city END),
        ch AS (SELECT ${cc} AS country, ${cp} AS province, ${cy} AS city FROM ${CH}
          WHERE ${cs} IS NULL OR ${cs} <> 'dissolved')
        SELECT pl.country, pl.province, pl.city, pl.alumni FROM pl
        WHERE NOT (pl.country = 'CN' AND (pl.province IS NULL OR pl.city IS NULL))
          AND NOT EXISTS (
            SELECT 1 FROM ch WHERE ch.country = pl.country AND (
              pl.country <> 'CN'
              OR (ch.province = pl.province AND (ch.city IS NULL OR ch.city = '' OR ch.city = pl.city))))
        ORDER BY pl.alumni DESC, pl.country, pl.province, pl.city
        LIMIT ${SUMMARY_TOP}`;
      const rows = await raw(sql, bindingsOf(r));
      return {
        nextChapters: rows.map((row) => ({
          country: row.country,
          province: row.province ?? null,
          city: row.city ?? null,
          alumni: n(row.alumni),
        })),
      };
    },

    /**
     * What the board's filters offer: the countries and provinces alumni live in (as stored:
     * ISO country codes, the admin names them) and the industry groups (the sector filter
     * takes a group's code). Two small statements over indexed columns.
     */
    async filterOptions() {
      const db = strapi.db.connection;
      const [country, province] = ['country', 'province'].map((f) => c(UID.alumnus, f));
      const [places, groups] = await Promise.all([
        db(t(UID.alumnus))
          .distinct({ country, province })
          .whereNotNull(country)
          .andWhere(country, '<>', '')
          .orderBy([country, province]),
        db(t(UID.industry))
          .select({
            documentId: docId(UID.industry),
            code: c(UID.industry, 'code'),
            name: c(UID.industry, 'name'),
            nameEn: c(UID.industry, 'nameEn'),
          })
          .orderBy(c(UID.industry, 'code')),
      ]);
      const countries = [...new Set(places.map((p: any) => String(p.country)))];
      return {
        countries,
        provinces: places
          .filter((p: any) => p.province !== null && p.province !== '')
          .map((p: any) => ({ country: String(p.country), province: String(p.province) })),
        sectors: groups.map((g: any) => ({ documentId: g.documentId, code: g.code, name: g.name, nameEn: g.nameEn ?? null })),
      };
    },
  };
};
