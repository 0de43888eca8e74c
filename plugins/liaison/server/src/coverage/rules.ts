import type { Dimension } from '../rules/liaison-post';

/** The number columns of a coverage row, and the name: what `sort` accepts. */
export const SORT_COLUMNS = ['name', 'alumni', 'posts', 'active', 'vacancies', 'pending', 'ending', 'perLiaison'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface SortKey {
  column: SortColumn;
  direction: 'asc' | 'desc';
}

/**
 * Which scopes of a dimension the network counts, as an SQL condition on the scope's table
 * (aliased `alias`, its status column `statusColumn`): a dissolved chapter is no longer a
 * scope to cover, a dormant one still is (it awaits its next team). The board's coverage
 * and the overview count by it, so that they say the same.
 */
export const countedScopeSql = (dimension: Dimension, alias: string, statusColumn: string): string | null =>
  dimension === 'region' ? `(${alias}.${statusColumn} IS NULL OR ${alias}.${statusColumn} <> 'dissolved')` : null;

/** Worst gaps first: most free posts, then the most alumni. */
export const DEFAULT_SORT: SortKey[] = [
  { column: 'vacancies', direction: 'desc' },
  { column: 'alumni', direction: 'desc' },
];

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;
/** Terms ending within this many days count as `ending`. */
export const ENDING_WITHIN_DAYS = 60;
/** How many scopes and places the summary lists. */
export const SUMMARY_TOP = 10;

/** The filters every coverage question accepts (documentIds and codes as given). */
export interface CoverageFilters {
  college?: string;
  yearFrom?: number;
  yearTo?: number;
  country?: string;
  province?: string;
  sector?: string;
}

export interface CoverageQuery {
  dimension: Dimension;
  page: number;
  pageSize: number;
  sort: SortKey[];
  filters: CoverageFilters;
}

/** `<column>[:asc|desc]`, several keys separated by commas (each column once), or null when it is not. */
export const parseSortKeys = (value: string): SortKey[] | null => {
  const keys: SortKey[] = [];
  for (const part of value.split(',')) {
    const [column, direction = 'asc', ...rest] = part.trim().split(':');
    if (!SORT_COLUMNS.includes(column as SortColumn) || !['asc', 'desc'].includes(direction.toLowerCase()) || rest.length) return null;
    if (!keys.some((k) => k.column === column)) keys.push({ column: column as SortColumn, direction: direction.toLowerCase() as 'asc' | 'desc' });
  }
  return keys;
};

/** Free posts: posts not taken by an active or an approved (starting later) liaison. */
export const vacanciesOf = (posts: number, active: number, approved: number) => Math.max(posts - active - approved, 0);

/** Alumni per active liaison, one decimal; null when the scope has no active liaison. */
export const perLiaisonOf = (alumni: number, active: number): number | null =>
  active > 0 ? Math.round((alumni / active) * 10) / 10 : null;

/** The decade of a graduation year: 1987 → 1980. */
export const decadeOf = (year: number) => Math.floor(year / 10) * 10;

/** 'YYYY-MM-DD' `days` after `today` ('YYYY-MM-DD'). */
export const addDays = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A share 0..1 with four decimals; 0 when there is nobody. */
export const shareOf = (count: number, total: number) => (total > 0 ? Math.round((count / total) * 10_000) / 10_000 : 0);
