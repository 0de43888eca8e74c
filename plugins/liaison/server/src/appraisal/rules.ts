import { fieldError, type FieldError } from '../rules/field-error';

/**
 * The appraisal's rules as plain functions: a cycle's criteria and thresholds, the
 * normalisation of measured figures, the total, the grade and the rank.
 */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** The seed's three reviewer-scored criteria (performance evaluation, case analysis, personal presentation). */
export const SCORED_CRITERIA = ['performance', 'case', 'presentation'] as const;

export interface Criterion {
  key: string;
  kind: 'measured' | 'scored';
  measure?: string;
  weight: number;
}

/** Minimum totals of each grade; below `pass` is `fail`. */
export interface Thresholds {
  excellent: number;
  good: number;
  pass: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  excellent: 85,
  good: 70,
  pass: 60,
};

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Problems of a criteria list, named `criteria` (the field staff correct). */
export const checkCriteria = (criteria: unknown, knownMeasures: string[]): FieldError[] => {
  if (!Array.isArray(criteria) || criteria.length === 0) return [fieldError('criteria', 'must be a list of at least one criterion')];
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  criteria.forEach((c: any, i) => {
    const at = `criterion ${i + 1}`;
    if (!c || typeof c !== 'object') return problems.push(fieldError('criteria', `${at} must be an object`));
    if (typeof c.key !== 'string' || !KEY.test(c.key)) {
      problems.push(fieldError('criteria', `${at} needs a key of lower-case letters, digits and _`));
    } else if (seen.has(c.key)) {
      problems.push(fieldError('criteria', `the key ${c.key} is used twice`));
    } else seen.add(c.key);
    if (c.kind !== 'measured' && c.kind !== 'scored') problems.push(fieldError('criteria', `${at} must be of kind measured or scored`));
    if (c.kind === 'measured' && !knownMeasures.includes(c.measure)) {
      problems.push(fieldError('criteria', `${at} names an unknown measure (${String(c.measure ?? '')})`));
    }
    if (c.kind === 'scored' && c.measure !== undefined && c.measure !== null) {
      problems.push(fieldError('criteria', `${at} is scored by reviewers and cannot name a measure`));
    }
    if (!isNumber(c.weight) || c.weight <= 0 || c.weight > 100) problems.push(fieldError('criteria', `${at} needs a weight from 1 to 100`));
  });
  if (problems.length) return problems;
  const sum = criteria.reduce((s: number, c: any) => s + c.weight, 0);
  if (Math.abs(sum - 100) > 1e-9) problems.push(fieldError('criteria', `the weights must sum to 100 (they sum to ${round2(sum)})`));
  return problems;
};

export const checkThresholds = (t: unknown): FieldError[] => {
  if (t === undefined || t === null) return [];
  const v = t as any;
  if (typeof v !== 'object' || !['excellent', 'good', 'pass'].every((g) => isNumber(v[g]) && v[g] >= 0 && v[g] <= 100)) {
    return [fieldError('thresholds', 'must give excellent, good and pass as numbers from 0 to 100')];
  }
  if (!(v.excellent > v.good && v.good > v.pass)) return [fieldError('thresholds', 'must be ordered: excellent above good above pass')];
  return [];
};

const isDateString = (v: unknown): v is string => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const date = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
};

export const checkPeriod = (start: unknown, end: unknown): FieldError[] => {
  const problems: FieldError[] = [];
  if (!isDateString(start)) problems.push(fieldError('periodStart', 'must be a date written yyyy-MM-dd'));
  if (!isDateString(end)) problems.push(fieldError('periodEnd', 'must be a date written yyyy-MM-dd'));
  if (!problems.length && String(end) <= String(start)) problems.push(fieldError('periodEnd', 'must be after periodStart'));
  return problems;
};

/** A reviewer's score: a whole number from 0 to 100. */
export const checkScore = (score: unknown): FieldError[] =>
  Number.isInteger(score) && (score as number) >= 0 && (score as number) <= 100
    ? []
    : [fieldError('score', 'must be a whole number from 0 to 100')];

/** A score is for one of the cycle's scored criteria (a measured one is the server's figure). */
export const checkScoredCriterion = (criteria: Criterion[], key: unknown): FieldError[] => {
  if (criteria.some((c) => c.key === key && c.kind === 'scored')) return [];
  const scored = criteria.filter((c) => c.kind === 'scored').map((c) => c.key);
  return [fieldError('criterion', `must be a scored criterion of the cycle: ${scored.join(', ') || 'none'}`)];
};

/** A closed cycle is frozen: its criteria, figures, scores and feedback. */
export const checkOpen = (cycle: { cycleStatus?: string | null } | null | undefined): FieldError[] =>
  cycle?.cycleStatus === 'closed' ? [fieldError('cycle', 'the appraisal cycle is closed: its results are frozen')] : [];

export const SORT_COLUMNS = ['rank', 'total', 'name'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface SortKey {
  column: SortColumn;
  direction: 'asc' | 'desc';
}
export const DEFAULT_SORT: SortKey = { column: 'rank', direction: 'asc' };
const SORT = /^(-?)(\w+)(?::(asc|desc))?$/i;

/**
 * The results' order, written `<column>:asc|desc` (or `<column>`, ascending) as across the
 * admin API; the older `-<column>` is still read as descending.
 */
export const parseSort = (value: unknown): { value?: SortKey; problems: FieldError[] } => {
  const m = typeof value === 'string' ? SORT.exec(value) : null;
  if (!m || (m[1] && m[3]) || !SORT_COLUMNS.includes(m[2] as SortColumn)) {
    const forms = SORT_COLUMNS.flatMap((c) => [`${c}:asc`, `${c}:desc`]);
    return { problems: [fieldError('sort', `must be one of ${forms.join(', ')}`)] };
  }
  const direction = m[1] ? 'desc' : ((m[3]?.toLowerCase() ?? 'asc') as 'asc' | 'desc');
  return { value: { column: m[2] as SortColumn, direction }, problems: [] };
};

export const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Normalisation of a measured figure within its dimension: the best liaison of the
 * dimension gets 100, the others in proportion; nobody scores when nobody did anything.
 */
export const normalise = (value: number, best: number): number => {
  if (!(best > 0) || !(value > 0)) return 0;
  return round2(Math.min(100, (value / best) * 100));
};

/**
 * The weighted total (0–100): measured criteria by their normalised figure, scored ones
 * by the reviewers' mean. A scored criterion nobody has scored yet counts 0 and is listed
 * as missing.
 */
export const totalOf = (criteria: Criterion[], measures: Record<string, number>, scores: Record<string, number | null>) => {
  let total = 0;
  const missing: string[] = [];
  for (const c of criteria) {
    const value = c.kind === 'measured' ? (measures[c.key] ?? 0) : scores[c.key];
    if (value === null || value === undefined) missing.push(c.key);
    total += ((value ?? 0) * c.weight) / 100;
  }
  return { total: round2(total), missing };
};

export const gradeOf = (total: number, t: Thresholds = DEFAULT_THRESHOLDS): Grade =>
  total >= t.excellent ? 'excellent' : total >= t.good ? 'good' : total >= t.pass ? 'pass' : 'fail';

/** Competition ranking (1, 2, 2, 4) by total, highest first, within each group. */
export const rankWithin = <T extends { total: number }>(rows: T[], groupOf: (row: T) => string): Map<T, number> => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = groupOf(row);
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(row);
  }
  const ranks = new Map<T, number>();
  for (const members of groups.values()) {
    members.sort((a, b) => b.total - a.total);
    members.forEach((row, i) => ranks.set(row, i > 0 && members[i - 1].total === row.total ? ranks.get(members[i - 1])! : i + 1));
  }
  return ranks;
};
