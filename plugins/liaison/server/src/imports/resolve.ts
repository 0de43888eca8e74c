import { matchKey } from './chinese';
import type { RowProblem } from './messages';
import type { Degree } from './normalise';
import { ALUMNUS_ATTRIBUTES, type AlumnusValues, type CleanRow } from './rows';

/**
 * Matching a row's college, class and industry against the network (pure, over a snapshot
 * read once), the records the import may create, the College Staff's scope, and whether
 * the alumnus is new, changed or unchanged.
 */
export interface CollegeRecord {
  id: number;
  code: string;
  name: string;
  nameEn?: string | null;
}
export interface CohortRecord {
  id: number;
  code: string;
  className: string;
  gradYear: number;
  degreeLevel: string;
  college: number | null;
}
export interface IndustryRecord {
  id: number;
  code: string;
  name: string;
  nameEn?: string | null;
}
export interface Snapshot {
  colleges: CollegeRecord[];
  cohorts: CohortRecord[];
  industries: IndustryRecord[];
}

export interface CreateOptions {
  colleges?: boolean;
  cohorts?: boolean;
  industries?: boolean;
}

/** A record the import creates, once however many rows name it. */
export interface NewCollege {
  kind: 'college';
  key: string;
  name: string;
}
export interface NewCohort {
  kind: 'cohort';
  key: string;
  className: string;
  gradYear: number;
  degreeLevel: Degree;
  college: Ref<NewCollege>;
}
export interface NewIndustry {
  kind: 'industry';
  key: string;
  name: string;
}
/** An existing record's id, or one the import creates. */
export type Ref<N> = { id: number } | { created: N };

export interface Resolved {
  /** undefined: the file says nothing about it (the stored one stays). */
  cohort?: Ref<NewCohort>;
  industry?: Ref<NewIndustry>;
  /** The college the alumnus belongs to after the import, if the row places them. */
  college?: Ref<NewCollege>;
}

/** Who imports: the whole network, or College Staff with their colleges' ids. */
export type ImportScope = { all: true } | { all: false; colleges: number[] };

export interface ColumnNames {
  college: string;
  cohort: string;
  industry: string;
  gradYear: string;
  studentNo: string;
}

const list = <T>(map: Map<string, T[]>, key: string, value: T) => {
  if (!key) return;
  const l = map.get(key);
  if (l) l.push(value);
  else map.set(key, [value]);
};

const unique = <T>(items: T[] | undefined): T[] => [...new Set(items ?? [])];

export class Matcher {
  private collegeByCode = new Map<string, CollegeRecord[]>();
  private collegeByName = new Map<string, CollegeRecord[]>();
  private cohortByCode = new Map<string, CohortRecord[]>();
  private cohortByName = new Map<string, CohortRecord[]>();
  private industryByCode = new Map<string, IndustryRecord[]>();
  private industryByName = new Map<string, IndustryRecord[]>();
  private collegeById = new Map<number, CollegeRecord>();
  private cohortsOfCollegeYear = new Map<string, CohortRecord[]>();
  /** What the rows ask to create, by key. */
  readonly created = { colleges: new Map<string, NewCollege>(), cohorts: new Map<string, NewCohort>(), industries: new Map<string, NewIndustry>() };

  constructor(
    snapshot: Snapshot,
    private readonly create: CreateOptions,
    private readonly scope: ImportScope,
    private readonly columns: ColumnNames
  ) {
    for (const c of snapshot.colleges) {
      this.collegeById.set(c.id, c);
      list(this.collegeByCode, c.code.toUpperCase(), c);
      list(this.collegeByName, matchKey(c.name), c);
      if (c.nameEn) list(this.collegeByName, matchKey(c.nameEn), c);
    }
    for (const c of snapshot.cohorts) {
      list(this.cohortByCode, c.code.toUpperCase(), c);
      list(this.cohortByName, matchKey(c.className), c);
      list(this.cohortsOfCollegeYear, `${c.college}|${c.gradYear}`, c);
    }
    for (const i of snapshot.industries) {
      list(this.industryByCode, i.code.toUpperCase(), i);
      list(this.industryByName, matchKey(i.name), i);
      if (i.nameEn) list(this.industryByName, matchKey(i.nameEn), i);
    }
  }

  /** One Ref object per record, however many rows name it. */
  private refs = new Map<number, { id: number }>();
  private ref(id: number) {
    let r = this.refs.get(id);
    if (!r) this.refs.set(id, (r = { id }));
    return r;
  }

  collegeName(id: number) {
    return this.collegeById.get(id)?.name ?? String(id);
  }

  private findCollege(text: string, problems: RowProblem[]): Ref<NewCollege> | null {
    const byCode = this.collegeByCode.get(text.toUpperCase().trim());
    const found = byCode?.length ? byCode : unique(this.collegeByName.get(matchKey(text)));
    if (found.length === 1) return this.ref(found[0].id);
    if (found.length > 1) {
      problems.push({ column: this.columns.college, id: 'imports.row.ambiguous', values: { value: text, matches: found.slice(0, 3).map((c) => c.code).join(', ') } });
      return null;
    }
    if (this.create.colleges) {
      const key = matchKey(text);
      let created = this.created.colleges.get(key);
      if (!created) this.created.colleges.set(key, (created = { kind: 'college', key, name: text }));
      return { created };
    }
    problems.push({ column: this.columns.college, id: 'imports.row.unknownCollege', values: { value: text } });
    return null;
  }

  private findIndustry(text: string, problems: RowProblem[]): Ref<NewIndustry> | null {
    const byCode = this.industryByCode.get(text.toUpperCase().trim());
    const found = byCode?.length ? byCode : unique(this.industryByName.get(matchKey(text)));
    if (found.length === 1) return this.ref(found[0].id);
    if (found.length > 1) {
      problems.push({ column: this.columns.industry, id: 'imports.row.ambiguous', values: { value: text, matches: found.slice(0, 3).map((c) => c.code).join(', ') } });
      return null;
    }
    if (this.create.industries) {
      const key = matchKey(text);
      let created = this.created.industries.get(key);
      if (!created) this.created.industries.set(key, (created = { kind: 'industry', key, name: text }));
      return { created };
    }
    problems.push({ column: this.columns.industry, id: 'imports.row.unknownIndustry', values: { value: text } });
    return null;
  }

  private findCohort(row: CleanRow, college: Ref<NewCollege> | null | undefined, problems: RowProblem[]): Ref<NewCohort> | null | undefined {
    const text = row.refs.cohort;
    const collegeId = college && 'id' in college ? college.id : undefined;
    const year = row.gradYear;
    if (!text) {
      if (!college) return undefined;
      // No class named: the college's one class of that year (and degree), if there is exactly one.
      if (collegeId === undefined || year === null) {
        problems.push({ column: this.columns.cohort, id: 'imports.row.required' });
        return null;
      }
      const candidates = (this.cohortsOfCollegeYear.get(`${collegeId}|${year}`) ?? []).filter((c) => !row.degree || c.degreeLevel === row.degree);
      if (candidates.length === 1) return this.ref(candidates[0].id);
      problems.push({
        column: this.columns.cohort,
        id: 'imports.row.cohortMissing',
        values: { college: this.collegeName(collegeId), count: candidates.length, year },
      });
      return null;
    }
    const byCode = this.cohortByCode.get(text.toUpperCase().trim());
    if (byCode?.length === 1) {
      const c = byCode[0];
      if (college && (collegeId === undefined || c.college !== collegeId)) {
        problems.push({ column: this.columns.cohort, id: 'imports.row.cohortCollege', values: { value: text, college: c.college ? this.collegeName(c.college) : '—' } });
        return null;
      }
      if (year !== null && c.gradYear !== year) {
        problems.push({ column: this.columns.cohort, id: 'imports.row.cohortYear', values: { value: text, year: c.gradYear } });
        return null;
      }
      return this.ref(c.id);
    }
    const named = (this.cohortByName.get(matchKey(text)) ?? []).filter(
      (c) => (college ? c.college === collegeId : true) && (year === null || c.gradYear === year)
    );
    if (named.length === 1) return this.ref(named[0].id);
    if (named.length > 1) {
      problems.push({ column: this.columns.cohort, id: 'imports.row.ambiguous', values: { value: text, matches: named.slice(0, 3).map((c) => c.code).join(', ') } });
      return null;
    }
    if (this.create.cohorts) {
      if (!college || year === null) {
        problems.push({ column: this.columns.cohort, id: 'imports.row.cohortNeeds' });
        return null;
      }
      const collegeKey = 'id' in college ? `id:${college.id}` : `new:${college.created.key}`;
      const key = `${collegeKey}|${year}|${matchKey(text)}`;
      let created = this.created.cohorts.get(key);
      if (!created) {
        created = { kind: 'cohort', key, className: text, gradYear: year, degreeLevel: row.degree ?? 'bachelor', college };
        this.created.cohorts.set(key, created);
      }
      return { created };
    }
    problems.push({ column: this.columns.cohort, id: 'imports.row.unknownCohort', values: { value: text } });
    return null;
  }

  /** The row's college, class and industry, or its problems. */
  resolve(row: CleanRow): { resolved: Resolved } | { problems: RowProblem[] } {
    const problems: RowProblem[] = [];
    const resolved: Resolved = {};
    const college = row.refs.college ? this.findCollege(row.refs.college, problems) : undefined;
    const cohort = this.findCohort(row, college, problems);
    if (row.refs.industry) {
      const industry = this.findIndustry(row.refs.industry, problems);
      if (industry) resolved.industry = industry;
    }
    if (cohort) {
      resolved.cohort = cohort;
      resolved.college = 'created' in cohort ? cohort.created.college : this.collegeOfCohort(cohort.id);
    } else if (college) {
      resolved.college = college;
    }
    if (problems.length) return { problems };
    if (!this.scope.all) {
      const c = resolved.college;
      if (c && !('id' in c && this.scope.colleges.includes(c.id))) {
        return { problems: [{ column: row.refs.college ? this.columns.college : this.columns.cohort, id: 'imports.row.otherCollege' }] };
      }
    }
    return { resolved };
  }

  private cohortCollege = new Map<number, number | null>();
  setCohortColleges(cohorts: CohortRecord[]) {
    for (const c of cohorts) this.cohortCollege.set(c.id, c.college);
  }
  private collegeOfCohort(id: number): Ref<NewCollege> | undefined {
    const college = this.cohortCollege.get(id);
    return college ? this.ref(college) : undefined;
  }
}

/** Builds a matcher over a snapshot. */
export const matcherFor = (snapshot: Snapshot, create: CreateOptions, scope: ImportScope, columns: ColumnNames) => {
  const m = new Matcher(snapshot, create, scope, columns);
  m.setCohortColleges(snapshot.cohorts);
  return m;
};

// ------------------------------------------------------------------ new, changed, unchanged

/** An alumnus as stored: the attributes a file can set, and the ids it links to. */
export interface ExistingAlumnus {
  id: number;
  documentId: string;
  studentNo: string;
  values: Record<string, string | null>;
  cohort: number | null;
  industry: number | null;
  /** The college of their class. */
  college: number | null;
}

export type Change =
  | { kind: 'new' }
  | { kind: 'unchanged' }
  | { kind: 'updated'; attributes: string[]; cohort?: Ref<NewCohort>; industry?: Ref<NewIndustry> };

const sameRef = (ref: Ref<unknown> | undefined, id: number | null) => ref === undefined || ('id' in ref && ref.id === id);

/**
 * What the row changes of the stored alumnus: only what the file says (an empty cell keeps
 * what is stored), compared as stored. A file imported twice changes nothing the second time.
 */
const NEW: Change = Object.freeze({ kind: 'new' });
const UNCHANGED: Change = Object.freeze({ kind: 'unchanged' });

export const changeOf = (values: AlumnusValues, resolved: Resolved, existing: ExistingAlumnus | undefined): Change => {
  if (!existing) return NEW;
  const attributes: string[] = [];
  for (const attribute of ALUMNUS_ATTRIBUTES) {
    const value = (values as unknown as Record<string, string | null | undefined>)[attribute];
    if (value === undefined || value === null) continue;
    if ((existing.values[attribute] ?? null) !== value) attributes.push(attribute);
  }
  const cohortChanged = !sameRef(resolved.cohort, existing.cohort);
  const industryChanged = !sameRef(resolved.industry, existing.industry);
  if (!attributes.length && !cohortChanged && !industryChanged) return UNCHANGED;
  return {
    kind: 'updated',
    attributes,
    ...(cohortChanged ? { cohort: resolved.cohort } : {}),
    ...(industryChanged ? { industry: resolved.industry } : {}),
  };
};
