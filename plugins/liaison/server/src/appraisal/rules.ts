import { fieldError, type FieldError } from '../rules/field-error';

/**
 * The appraisal's rules as plain functions: a cycle's criteria and thresholds, the
 * normalisation of measured figures, the total, the grade and the rank.
 */
export const GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type Grade = (typeof GRADES)[number];

/** The seed's three reviewer-scored criteria (performance evaluation, case analysis, personal presentation). */
export const SCORED_CRITERIA = ['performance', 'case', 'presentation'] as const;

// A cycle's criteria and grade thresholds: the shapes the admin API answers with too.
import type { Criterion, Thresholds } from '../admin-api-types';
export type { Criterion, Thresholds };

export const DEFAULT_THRESHOLDS: Thresholds = {
  excellent: 85,
  good: 70,
  pass: 60,
};

/** A score is for one of the cycle's scored criteria (a measured one is the server's figure). */
export const checkScoredCriterion = (criteria: Criterion[], key: unknown): FieldError[] => {
  if (criteria.some((c) => c.key === key && c.kind === 'scored')) return [];
  const scored = criteria.filter((c) => c.kind === 'scored').map((c) => c.key);
  return [fieldError('criterion', 'appraisal.scoredCriterion', { list: scored.join(', ') || 'none' })];
};

/** A closed cycle is frozen: its criteria, figures, scores and feedback. */
export const checkOpen = (cycle: { cycleStatus?: string | null } | null | undefined): FieldError[] =>
  cycle?.cycleStatus === 'closed' ? [fieldError('cycle', 'appraisal.closed')] : [];

export const SORT_COLUMNS = ['rank', 'total', 'name'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface SortKey {
  column: SortColumn;
  direction: 'asc' | 'desc';
}
export const DEFAULT_SORT: SortKey = { column: 'rank', direction: 'asc' };
const SORT = /^(-?)(\w+)(?::(asc|desc))?$/i;
/** The forms `sort` takes, as the admin API writes them. */
export const SORT_FORMS = SORT_COLUMNS.flatMap((c) => [`${c}:asc`, `${c}:desc`]);

/**
 * The results' order, written `<column>:asc|desc` (or `<column>`, ascending) as across the
 * admin API; the older `-<column>` is still read as descending. Null when it is none of these.
 */
export const parseSort = (value: string): SortKey | null => {
  const m = SORT.exec(value);
  if (!m || (m[1] && m[3]) || !SORT_COLUMNS.includes(m[2] as SortColumn)) return null;
  const direction = m[1] ? 'desc' : ((m[3]?.toLowerCase() ?? 'asc') as 'asc' | 'desc');
  return { column: m[2] as SortColumn, direction };
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
