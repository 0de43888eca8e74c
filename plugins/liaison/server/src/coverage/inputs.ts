import { z } from '@strapi/utils';
import { DIMENSIONS, type Dimension } from '../rules/liaison-post';
import { addProblem, always, says, text, wholeNumber } from '../rules/inputs';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, MAX_PAGE_SIZE, parseSortKeys, SORT_COLUMNS, type CoverageFilters, type CoverageQuery } from './rules';

/**
 * The coverage board's query strings, as zod schemas: each parameter given once, trimmed
 * (blank is absent), numbers as whole numbers in range; problems name the parameter.
 * Which college or industry group a filter names is the service's to find (resolve).
 */

/** A parameter as a query string carries it: trimmed, blank or spaces being absent. */
const trimmed = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() || undefined : v), schema.optional());

const textParam = (max: number) => trimmed(text(max, 'common.once'));
const wholeParam = (min: number, max: number) =>
  trimmed(
    z
      .string(says('common.once'))
      .regex(/^-?\d+$/, says('common.wholeNumber', { min, max }))
      .transform(Number)
      .pipe(wholeNumber(min, max)),
  );

const filterFields = {
  college: textParam(64),
  yearFrom: wholeParam(1900, 2100),
  yearTo: wholeParam(1900, 2100),
  country: textParam(64),
  province: textParam(64),
  sector: textParam(64),
};

const yearsInOrder = (f: { yearFrom?: unknown; yearTo?: unknown }, ctx: z.core.$RefinementCtx) => {
  if (typeof f.yearFrom === 'number' && typeof f.yearTo === 'number' && f.yearFrom > f.yearTo) {
    addProblem(ctx, ['yearTo'], 'date.notBefore', { field: 'yearFrom' });
  }
};

/** The filters named, without the absent ones. */
const filtersOf = (q: Record<string, unknown>): CoverageFilters =>
  Object.fromEntries(Object.keys(filterFields).flatMap((k) => (q[k] === undefined ? [] : [[k, q[k]]])));

/** GET /coverage/summary: the filters every coverage question accepts. */
export const coverageFilters = z.object(filterFields).superRefine(yearsInOrder, always).transform(filtersOf);

/** `sort=<column>[:asc|desc]`, several keys separated by commas; worst gaps first by default. */
const sortParam = trimmed(
  z.string(says('coverage.sortOnce')).transform((value, ctx) => {
    const keys = parseSortKeys(value);
    if (keys) return keys;
    addProblem(ctx, [], 'coverage.sort', { list: SORT_COLUMNS.join(', ') });
    return z.NEVER;
  }),
).transform((keys) => keys ?? DEFAULT_SORT);

const dimensionParam = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z.enum(DIMENSIONS as readonly Dimension[] as [Dimension, ...Dimension[]], {
    error: (issue) => says(issue.input === undefined ? 'common.requiredOneOf' : 'common.oneOf', { list: DIMENSIONS.join(', ') }),
  }),
);

/** GET /coverage: one dimension's scopes, a page of them in the order asked. */
export const coverageQuery = z
  .object({
    dimension: dimensionParam,
    page: wholeParam(1, 1_000_000).transform((n) => n ?? 1),
    pageSize: wholeParam(1, MAX_PAGE_SIZE).transform((n) => n ?? DEFAULT_PAGE_SIZE),
    sort: sortParam,
    ...filterFields,
  })
  .superRefine(yearsInOrder, always)
  .transform((q): CoverageQuery => ({ dimension: q.dimension, page: q.page, pageSize: q.pageSize, sort: q.sort, filters: filtersOf(q) }));
