import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { columnOf, isoDate, joinOf, rowsOf, tableOf } from '../utils/db';
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
   */
  const alumniCte = (
    need: { cohort?: boolean; college?: boolean; year?: boolean; chapter?: boolean; industry?: boolean; place?: boolean },
    where: { colleges?: number[] | null; yearFrom?: number; yearTo?: number; country?: string; province?: string; sector?: number }
  ) => {
    const A = t(UID.alumnus);
    const toCohort = joinOf(strapi, UID.alumnus, 'cohort');
    const toCollege = joinOf(strapi, UID.cohort, 'college');
    const toChapter = joinOf(strapi, UID.alumnus, 'chapter');
    const toIndustry = joinOf(strapi, UID.alumnus, 'industry');
    const wantCollege = need.college || where.colleges != null;
    const wantYear = need.year || where.yearFrom !== undefined || where.yearTo !== undefined;
    const wantCohort = need.cohort || wantCollege || wantYear;
    const wantIndustry = need.industry || where.sector !== undefined;
    const cols = ['a.id AS id'];
    const joins: string[] = [];
    const conds = [`(a.${c(UID.alumnus, 'alumnusStatus')} IS NULL OR a.${c(UID.alumnus, 'alumnusStatus')} <> 'deceased')`];
    if (wantCohort) {
      joins.push(`LEFT JOIN ${toCohort.table} ak ON ak.${toCohort.from} = a.id`);
      cols.push(`ak.${toCohort.to} AS cohort_id`);
    }
    if (wantCollege) {
      joins.push(`LEFT JOIN ${toCollege.table} kc ON kc.${toCollege.from} = ak.${toCohort.to}`);
      cols.push(`kc.${toCollege.to} AS college_id`);
      if (where.colleges != null) conds.push(`kc.${toCollege.to} IN (${ids(where.colleges)})`);
    }
    if (wantYear) {
      const year = c(UID.cohort, 'gradYear');
      joins.push(`LEFT JOIN ${t(UID.cohort)} k ON k.id = ak.${toCohort.to}`);
      cols.push(`k.${year} AS grad_year`);
      if (where.yearFrom !== undefined) conds.push(`k.${year} >= :yearFrom`);
      if (where.yearTo !== undefined) conds.push(`k.${year} <= :yearTo`);
    }
    if (need.chapter) {
      joins.push(`LEFT JOIN ${toChapter.table} ah ON ah.${toChapter.from} = a.id`);
      cols.push(`ah.${toChapter.to} AS chapter_id`);
    }
    if (wantIndustry) {
      joins.push(`LEFT JOIN ${toIndustry.table} ai ON ai.${toIndustry.from} = a.id`);
      cols.push(`ai.${toIndustry.to} AS industry_id`);
      if (where.sector !== undefined) conds.push(`ai.${toIndustry.to} = :sector`);
    }
    const [country, province, city] = ['country', 'province', 'city'].map((f) => c(UID.alumnus, f));
    if (need.place) cols.push(`a.${country} AS country`, `a.${province} AS province`, `a.${city} AS city`);
    if (where.country !== undefined) conds.push(`a.${country} = :country`);
    if (where.province !== undefined) conds.push(`a.${province} = :province`);
    return `SELECT ${cols.join(', ')} FROM ${A} a ${joins.join(' ')} WHERE ${conds.join(' AND ')}`;
  };

  /**
   * One dimension's scopes as rows (CTEs `fa_<d>`, `ps_<d>`, `v_<d>`): alumni counted, posts
   * (override, else the dimension's default, else the built-in one), active, approved,
   * nominated and ending posts, vacancies. A filter that describes the scopes themselves
   * chooses the scopes; the others only narrow the alumni counted, and then a scope with
   * none of those alumni is left out.
   */
  const dimensionCtes = (dimension: Dimension, r: Resolved) => {
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
      fa_${d} AS (${alumniCte(need, where)}),
      ac_${d} AS (SELECT ${key} AS sid, COUNT(*) AS alumni FROM fa_${d} WHERE ${key} IS NOT NULL GROUP BY ${key}),
      ps_${d} AS (
        SELECT l.${link.to} AS sid,
          SUM(CASE WHEN p.${status} = 'active' THEN 1 ELSE 0 END) AS active,
          SUM(CASE WHEN p.${status} = 'approved' THEN 1 ELSE 0 END) AS approved,
          SUM(CASE WHEN p.${status} = 'nominated' THEN 1 ELSE 0 END) AS pending,
          SUM(CASE WHEN p.${status} = 'active' AND p.${termEnd} IS NOT NULL AND p.${termEnd} <= :horizon THEN 1 ELSE 0 END) AS ending
        FROM ${P} p JOIN ${link.table} l ON l.${link.from} = p.id
        WHERE p.${c(UID.post, 'dimension')} = '${d}' AND p.${status} IN ('active', 'approved', 'nominated')
        GROUP BY l.${link.to}),
      r_${d} AS (
        SELECT s.id AS id, s.${docId(S.uid)} AS document_id, s.${c(S.uid, S.name)} AS name,
          COALESCE(ac.alumni, 0) AS alumni,
          COALESCE(qo.${qPosts}, qd.${qPosts}, ${Number(DEFAULT_POSTS[d])}) AS posts,
          COALESCE(ps.active, 0) AS active, COALESCE(ps.approved, 0) AS approved,
          COALESCE(ps.pending, 0) AS pending, COALESCE(ps.ending, 0) AS ending
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
    perLiaison: perLiaisonOf(n(row.alumni), n(row.active)),
  });

  const totalsSql = (d: Dimension) => `
    SELECT COUNT(*) AS scopes, SUM(CASE WHEN active > 0 THEN 1 ELSE 0 END) AS covered,
      COALESCE(SUM(alumni), 0) AS t_alumni, COALESCE(SUM(posts), 0) AS t_posts, COALESCE(SUM(active), 0) AS t_active,
      COALESCE(SUM(vacancies), 0) AS t_vacancies, COALESCE(SUM(pending), 0) AS t_pending, COALESCE(SUM(ending), 0) AS t_ending
    FROM v_${d}`;

  const totalsOf = (row: any) => ({
    alumni: n(row?.t_alumni),
    posts: n(row?.t_posts),
    active: n(row?.t_active),
    vacancies: n(row?.t_vacancies),
    pending: n(row?.t_pending),
    ending: n(row?.t_ending),
  });

  const raw = async (sql: string, bindings: Record<string, unknown>) => rowsOf(await strapi.db.connection.raw(sql, bindings as any));

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
     * The network at a glance: each dimension's totals and its worst gaps (one statement per
     * dimension, run together), reach by college and graduation decade (one statement), and
     * where the next chapter could be founded (one statement).
     */
    async summary(r: Resolved) {
      const bindings = bindingsOf(r);
      const perDimension = DIMENSIONS.map(async (d) => {
        const rows = await raw(
          `WITH ${dimensionCtes(d, r)},
           t AS (${totalsSql(d)}),
           w AS (SELECT v_${d}.*, ROW_NUMBER() OVER (ORDER BY alumni DESC, id ASC) AS rn FROM v_${d} WHERE active = 0 AND alumni > 0)
           SELECT t.*, w.* FROM t LEFT JOIN w ON w.rn <= ${SUMMARY_TOP} ORDER BY w.rn`,
          bindings
        );
        const totals = totalsOf(rows[0]);
        return {
          dimension: {
            dimension: d,
            scopes: n(rows[0]?.scopes),
            covered: n(rows[0]?.covered),
            posts: totals.posts,
            active: totals.active,
            vacancies: totals.vacancies,
            pending: totals.pending,
            ending: totals.ending,
            alumni: totals.alumni,
          },
          gaps: rows.filter((row) => row.rn != null).map((row) => ({ dimension: d, ...toRow(row) })),
        };
      });
      const [dimensions, reach, places] = await Promise.all([Promise.all(perDimension), this.reach(r), this.nextChapters(r)]);
      const worstGaps = dimensions
        .flatMap((x) => x.gaps)
        .sort((a, b) => b.alumni - a.alumni || DIMENSIONS.indexOf(a.dimension) - DIMENSIONS.indexOf(b.dimension))
        .slice(0, SUMMARY_TOP);
      return { dimensions: dimensions.map((x) => x.dimension), ...reach, worstGaps, ...places };
    },

    /**
     * Reach: how many of the alumni counted have an active liaison in their own cohort,
     * college, chapter and industry group, and how many in none; by college and graduation
     * decade for the heat map. One statement; the totals are the sum of the grid.
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
      const sql = `
        WITH fa AS (${alumniCte(
          { cohort: true, college: true, year: true, chapter: true, industry: true },
          { colleges: r.colleges, yearFrom: r.yearFrom, yearTo: r.yearTo, country: r.country, province: r.province, sector: r.sector }
        )}),
        cv_cohort AS (${covered('cohort')}), cv_college AS (${covered('college')}),
        cv_region AS (${covered('region')}), cv_industry AS (${covered('industry')}),
        x AS (
          SELECT fa.college_id AS college_id, fa.grad_year AS grad_year,
            CASE WHEN k.sid IS NULL THEN 0 ELSE 1 END AS in_cohort,
            CASE WHEN g.sid IS NULL THEN 0 ELSE 1 END AS in_college,
            CASE WHEN h.sid IS NULL THEN 0 ELSE 1 END AS in_region,
            CASE WHEN i.sid IS NULL THEN 0 ELSE 1 END AS in_industry
          FROM fa
            LEFT JOIN cv_cohort k ON k.sid = fa.cohort_id
            LEFT JOIN cv_college g ON g.sid = fa.college_id
            LEFT JOIN cv_region h ON h.sid = fa.chapter_id
            LEFT JOIN cv_industry i ON i.sid = fa.industry_id),
        grid AS (
          SELECT college_id, CASE WHEN grad_year IS NULL THEN NULL ELSE grad_year - (grad_year % 10) END AS decade,
            COUNT(*) AS alumni, SUM(in_cohort) AS cohort, SUM(in_college) AS college, SUM(in_region) AS region,
            SUM(in_industry) AS industry,
            SUM(CASE WHEN in_cohort + in_college + in_region + in_industry > 0 THEN 1 ELSE 0 END) AS reached
          FROM x GROUP BY college_id, CASE WHEN grad_year IS NULL THEN NULL ELSE grad_year - (grad_year % 10) END)
        SELECT grid.*, col.${docId(UID.college)} AS college_document_id, col.${c(UID.college, 'name')} AS college_name
        FROM grid LEFT JOIN ${t(UID.college)} col ON col.id = grid.college_id
        ORDER BY col.${c(UID.college, 'name')}, grid.college_id, grid.decade`;
      const rows = await raw(sql, bindingsOf(r));
      const sum = (key: string) => rows.reduce((acc, row) => acc + n(row[key]), 0);
      const alumni = sum('alumni');
      const reached = sum('reached');
      const counts = { cohort: sum('cohort'), college: sum('college'), region: sum('region'), industry: sum('industry') };
      return {
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
        pl AS (
          SELECT CASE WHEN country IS NULL OR country = '' THEN 'CN' ELSE country END AS country,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN province END AS province,
            CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN city END AS city,
            COUNT(*) AS alumni
          FROM fa
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
  };
};
