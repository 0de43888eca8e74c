import type { ColumnPlan, ImportField } from './columns';
import type { RowProblem } from './messages';
import {
  cleanText,
  normaliseCountry,
  normaliseDegree,
  normaliseEmail,
  normaliseGender,
  normaliseName,
  normalisePhone,
  normaliseStudentNo,
  normaliseYear,
  type Degree,
  type Normalised,
} from './normalise';

/**
 * One data row of the file, checked cell by cell (pure: no database). What it says about
 * the alumnus, normalised; the college, class and industry as written (matched later,
 * against the database); or the problems of its cells.
 */
export interface CleanRow {
  row: number;
  values: AlumnusValues;
  refs: { college: string | null; cohort: string | null; industry: string | null };
  gradYear: number | null;
  degree: Degree | null;
}

/** The alumnus' own attributes a file can set; null: the cell was empty (the stored value stays). */
export interface AlumnusValues {
  name: string;
  studentNo: string;
  gender?: string | null;
  major?: string | null;
  degree?: string | null;
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
  employer?: string | null;
  jobTitle?: string | null;
  country?: string | null;
  province?: string | null;
  city?: string | null;
}

/** The attributes of AlumnusValues, as written to the alumni table. */
export const ALUMNUS_ATTRIBUTES = [
  'name',
  'gender',
  'major',
  'degree',
  'phone',
  'email',
  'wechat',
  'employer',
  'jobTitle',
  'country',
  'province',
  'city',
] as const;

/** Longest values, as the alumnus schema allows. */
const MAX_LENGTH: Partial<Record<ImportField, number>> = {
  name: 100,
  studentNo: 32,
  major: 100,
  wechat: 64,
  employer: 200,
  jobTitle: 100,
  province: 64,
  city: 64,
  college: 200,
  cohort: 100,
  industry: 100,
};

type Checker = (raw: string, today: Date) => Normalised<string | number>;

const text: Checker = (raw) => ({ value: cleanText(raw) });

const CHECKS: Record<ImportField, Checker> = {
  name: normaliseName,
  studentNo: normaliseStudentNo,
  gender: normaliseGender,
  college: text,
  major: text,
  degree: normaliseDegree,
  gradYear: normaliseYear,
  cohort: text,
  phone: normalisePhone,
  email: normaliseEmail,
  wechat: text,
  employer: text,
  jobTitle: text,
  country: normaliseCountry,
  province: text,
  city: text,
  industry: text,
};

/**
 * Texts a registrar's file repeats row after row (the college, major, class, place, employer):
 * one string each, however many rows say it, so that a large file's rows, held until they
 * are written, cost their own values only. Bounded: emptied when full.
 */
const SHARED_FIELDS = new Set<ImportField>(['college', 'major', 'cohort', 'province', 'city', 'industry', 'employer', 'jobTitle']);
const shared = new Map<string, string>();
const MAX_SHARED = 50_000;
const once = (text: string) => {
  const known = shared.get(text);
  if (known !== undefined) return known;
  if (shared.size >= MAX_SHARED) shared.clear();
  shared.set(text, text);
  return text;
};

export type RowResult = { ok: true; row: CleanRow } | { ok: false; row: number; cells: string[]; problems: RowProblem[] };

/** Checks one row against the file's columns. */
export const checkRow = (plan: ColumnPlan, row: number, cells: string[], today: Date = new Date()): RowResult => {
  const problems: RowProblem[] = [];
  const value: Partial<Record<ImportField, string | number | null>> = {};
  for (const column of plan.columns) {
    if (!column.field) continue;
    const raw = cells[column.index] ?? '';
    const checked = CHECKS[column.field](raw, today);
    if (checked.error) {
      problems.push({ column: column.header, id: checked.error as RowProblem['id'], values: { value: String(raw).trim().slice(0, 100) } });
      continue;
    }
    const max = MAX_LENGTH[column.field];
    if (max && typeof checked.value === 'string' && checked.value.length > max) {
      problems.push({ column: column.header, id: 'imports.row.tooLong', values: { max } });
      continue;
    }
    value[column.field] = typeof checked.value === 'string' && SHARED_FIELDS.has(column.field) ? once(checked.value) : (checked.value ?? null);
  }
  const header = (field: ImportField) => plan.columns.find((c) => c.field === field)?.header ?? field;
  for (const field of ['name', 'studentNo'] as const) {
    if (!value[field] && !problems.some((p) => p.column === header(field))) problems.push({ column: header(field), id: 'imports.row.required' });
  }
  if (problems.length) return { ok: false, row, cells, problems };
  const values: AlumnusValues = { name: value.name as string, studentNo: value.studentNo as string };
  for (const attribute of ALUMNUS_ATTRIBUTES) {
    if (attribute === 'name') continue;
    if (attribute in value) (values as any)[attribute] = value[attribute as ImportField] ?? null;
  }
  return {
    ok: true,
    row: {
      row,
      values,
      refs: {
        college: (value.college as string | null | undefined) ?? null,
        cohort: (value.cohort as string | null | undefined) ?? null,
        industry: (value.industry as string | null | undefined) ?? null,
      },
      gradYear: (value.gradYear as number | null | undefined) ?? null,
      degree: (value.degree as Degree | null | undefined) ?? null,
    },
  };
};
