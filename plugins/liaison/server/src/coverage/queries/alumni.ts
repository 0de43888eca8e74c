import { UID, ids, type Sql } from './context';

export interface AlumniNeed {
  cohort?: boolean;
  college?: boolean;
  year?: boolean;
  chapter?: boolean;
  industry?: boolean;
  place?: boolean;
}

export interface AlumniWhere {
  colleges?: number[] | null;
  yearFrom?: number;
  yearTo?: number;
  country?: string;
  province?: string;
  sector?: number;
}

/**
 * The alumni counted: one row per living alumnus (the deceased need no liaison), with
 * only the columns this question needs, narrowed by the filters that concern alumni.
 * Unless a question needs where alumni live, it reads only the narrow link tables
 * (driven by the first one it needs; an alumnus without that link is in no scope of it)
 * and leaves out the deceased through the small, indexed set of them.
 */
export const alumniCte = ({ t, c, join }: Sql, need: AlumniNeed, where: AlumniWhere) => {
  const A = t(UID.alumnus);
  const statusCol = c(UID.alumnus, 'alumnusStatus');
  const links = {
    cohort: join(UID.alumnus, 'cohort'),
    chapter: join(UID.alumnus, 'chapter'),
    industry: join(UID.alumnus, 'industry'),
  };
  const toCollege = join(UID.cohort, 'college');
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

/** Every alumni filter of the question (for the statements that are not about one dimension). */
export const alumniWhere = (r: AlumniWhere): AlumniWhere => ({
  colleges: r.colleges,
  yearFrom: r.yearFrom,
  yearTo: r.yearTo,
  country: r.country,
  province: r.province,
  sector: r.sector,
});
