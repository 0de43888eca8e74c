import { fieldError, type FieldError } from '../rules/field-error';
import { DIMENSIONS, type Dimension } from '../rules/liaison-post';

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

type Raw = Record<string, unknown>;

const text = (query: Raw, key: string, max: number, problems: FieldError[]): string | undefined => {
  const value = query[key];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') {
    problems.push(fieldError(key, 'common.once'));
    return undefined;
  }
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) problems.push(fieldError(key, `must be at most ${max} characters`));
  return trimmed;
};

const integer = (query: Raw, key: string, min: number, max: number, problems: FieldError[]): number | undefined => {
  const value = text(query, key, 12, problems);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    problems.push(fieldError(key, `must be a whole number from ${min} to ${max}`));
    return undefined;
  }
  return Number(value);
};

/** The filters of a coverage or summary request; problems name the parameter. */
export const parseFilters = (query: Raw, problems: FieldError[]): CoverageFilters => {
  const filters: CoverageFilters = {
    college: text(query, 'college', 64, problems),
    yearFrom: integer(query, 'yearFrom', 1900, 2100, problems),
    yearTo: integer(query, 'yearTo', 1900, 2100, problems),
    country: text(query, 'country', 64, problems),
    province: text(query, 'province', 64, problems),
    sector: text(query, 'sector', 64, problems),
  };
  if (filters.yearFrom !== undefined && filters.yearTo !== undefined && filters.yearFrom > filters.yearTo) {
    problems.push(fieldError('yearTo', 'date.notBefore', { field: 'yearFrom' }));
  }
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as CoverageFilters;
};

/** `sort=<column>[:asc|desc]`, several keys separated by commas. */
export const parseSort = (value: unknown, problems: FieldError[]): SortKey[] => {
  if (value === undefined || value === '') return DEFAULT_SORT;
  if (typeof value !== 'string') {
    problems.push(fieldError('sort', 'coverage.sortOnce'));
    return DEFAULT_SORT;
  }
  const keys: SortKey[] = [];
  for (const part of value.split(',')) {
    const [column, direction = 'asc', ...rest] = part.trim().split(':');
    if (!SORT_COLUMNS.includes(column as SortColumn) || !['asc', 'desc'].includes(direction.toLowerCase()) || rest.length) {
      problems.push(fieldError('sort', `must be <column>:asc|desc with column one of ${SORT_COLUMNS.join(', ')}`));
      return DEFAULT_SORT;
    }
    if (!keys.some((k) => k.column === column)) {
      keys.push({ column: column as SortColumn, direction: direction.toLowerCase() as 'asc' | 'desc' });
    }
  }
  return keys;
};

/** A coverage request's parameters, or the list of what is wrong with them. */
export const parseCoverageQuery = (query: Raw): { value?: CoverageQuery; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  const dimension = query.dimension;
  if (dimension === undefined || dimension === '') problems.push(fieldError('dimension', `is required: one of ${DIMENSIONS.join(', ')}`));
  else if (!DIMENSIONS.includes(dimension as Dimension)) problems.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
  const page = integer(query, 'page', 1, 1_000_000, problems) ?? 1;
  const pageSize = integer(query, 'pageSize', 1, MAX_PAGE_SIZE, problems) ?? DEFAULT_PAGE_SIZE;
  const sort = parseSort(query.sort, problems);
  const filters = parseFilters(query, problems);
  if (problems.length) return { problems };
  return { value: { dimension: dimension as Dimension, page, pageSize, sort, filters }, problems };
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
