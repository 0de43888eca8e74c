import { fieldError, type FieldError } from '../rules';
import type { PublicType, RelationSpec, ScalarSpec, TargetSpec } from './public-types';

/**
 * Public queries, checked against what the website may see (public-types) and turned
 * into Document Service parameters. Strapi's REST conventions are kept (filters,
 * sort, fields, populate, pagination, locale, status), so `@strapi/client` and plain
 * fetch work; anything that names a field the website may not see is a 400 naming the
 * parameter, whether or not a record would match (no oracle).
 */
export const LOCALES = ['zh-Hans', 'en'] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

const OPERATORS = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$in', '$notIn', '$between',
  '$contains', '$notContains', '$containsi', '$notContainsi', '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$null', '$notNull',
]);
const LIST_OPERATORS = new Set(['$in', '$notIn', '$between']);
const LOGICAL = new Set(['$and', '$or']);

/** A filter on a list field (cohort years, tags) that SQL answers: "the list contains this value". */
export interface ListFilter {
  field: string;
  value: string | number;
}

export interface TranslatedQuery {
  locale: string;
  filters: Record<string, unknown> | undefined;
  listFilters: ListFilter[];
  sort: string[];
  fields: string[];
  populate: Record<string, RelationSpec>;
  page: number;
  pageSize: number;
  /** Whether the answer uses start/limit (Strapi's other pagination) rather than page/pageSize. */
  offset: { start: number; limit: number } | null;
  withCount: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays (over 20 items) into objects with numeric keys. */
const asList = (v: unknown): unknown[] | null => {
  if (Array.isArray(v)) return v;
  if (isObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k))) return Object.values(v);
  return null;
};
const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

class Problems {
  list: FieldError[] = [];
  add(path: string, message: string) {
    this.list.push(fieldError(path, message));
  }
}

const checkValue = (spec: ScalarSpec, field: string, path: string, value: unknown, problems: Problems): unknown => {
  if (spec.kind === 'yearList' || spec.kind === 'tagList') {
    // Lists are asked for one value at a time: "which stories include 2006".
    if (!scalar(value)) problems.add(path, 'must be a single value');
    else if (spec.kind === 'yearList' && !/^\d{4}$/.test(String(value))) problems.add(path, 'must be a four-digit year');
    return value;
  }
  if (spec.kind === 'blocks') {
    problems.add(path, `${field} cannot be filtered on`);
    return value;
  }
  return value;
};

const translateField = (spec: ScalarSpec, field: string, path: string, value: unknown, problems: Problems, lists: ListFilter[]) => {
  if (spec.kind === 'yearList' || spec.kind === 'tagList') {
    const ops = scalar(value) ? { $contains: value } : value;
    if (!isObject(ops) || Object.keys(ops).length !== 1 || !('$contains' in ops || '$eq' in ops)) {
      problems.add(path, `${field} is filtered with $contains (or $eq): the stories whose list includes the value`);
      return undefined;
    }
    const v = (ops as any).$contains ?? (ops as any).$eq;
    checkValue(spec, field, `${path}[${Object.keys(ops)[0]}]`, v, problems);
    lists.push({ field, value: spec.kind === 'yearList' ? Number(v) : String(v) });
    return undefined;
  }
  if (scalar(value)) {
    checkValue(spec, field, path, value, problems);
    return { $eq: value };
  }
  if (!isObject(value)) {
    problems.add(path, 'must be a value or an object of operators');
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [op, v] of Object.entries(value)) {
    if (!OPERATORS.has(op)) {
      problems.add(`${path}[${op}]`, 'is not a filter operator');
      continue;
    }
    if (LIST_OPERATORS.has(op)) {
      const list = asList(v);
      if (!list || !list.every(scalar)) problems.add(`${path}[${op}]`, 'must be a list of values');
      else list.forEach((item, i) => checkValue(spec, field, `${path}[${op}][${i}]`, item, problems));
      out[op] = list ?? [];
    } else {
      if (!scalar(v)) problems.add(`${path}[${op}]`, 'must be a single value');
      else checkValue(spec, field, `${path}[${op}]`, v, problems);
      out[op] = v;
    }
  }
  return out;
};

const translateFilters = (
  value: unknown,
  target: { fields: Record<string, ScalarSpec>; relations?: Record<string, RelationSpec> },
  path: string,
  problems: Problems,
  lists: ListFilter[],
  depth = 0
): Record<string, unknown> | undefined => {
  if (!isObject(value)) {
    problems.add(path, 'must be an object of fields and operators');
    return undefined;
  }
  if (depth > 6) {
    problems.add(path, 'is nested too deeply');
    return undefined;
  }
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const at = `${path}[${key}]`;
    if (LOGICAL.has(key)) {
      const list = asList(v);
      if (!list) {
        problems.add(at, 'must be a list of filters');
        continue;
      }
      out[key] = list.map((item, i) => translateFilters(item, target, `${at}[${i}]`, problems, lists, depth + 1) ?? {});
    } else if (key === '$not') {
      out[key] = translateFilters(v, target, at, problems, lists, depth + 1);
    } else if (target.fields[key]) {
      const translated = translateField(target.fields[key], key, at, v, problems, lists);
      if (translated !== undefined) out[key] = translated;
    } else if (target.relations?.[key]?.target.filterable) {
      out[key] = translateFilters(v, { fields: target.relations[key].target.fields }, at, problems, lists, depth + 1);
    } else {
      problems.add(at, 'is not a public field that can be filtered on');
    }
  }
  return out;
};

const PUBLISHED_ONLY = 'only published content is served: leave status out (or set it to published)';
const PARAMS = ['locale', 'filters', 'sort', 'fields', 'populate', 'pagination', 'status'];

const words = (v: unknown): string[] | null => {
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  const list = asList(v);
  return list && list.every((x) => typeof x === 'string') ? (list as string[]) : null;
};

/** A whole number of at least `min` from a query parameter; undefined (and a problem) when it is not one. */
export const wholeNumber = (v: unknown, path: string, min: number, problems: FieldError[]): number | undefined => {
  if (v === undefined) return undefined;
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : typeof v === 'number' ? v : NaN;
  if (!Number.isInteger(n) || n < min) {
    problems.push(fieldError(path, `must be a whole number of at least ${min}`));
    return undefined;
  }
  return n;
};

const integer = (v: unknown, path: string, min: number, problems: Problems) => wholeNumber(v, path, min, problems.list);

/**
 * The checks every public endpoint with parameters of its own makes (the feed, the chapter
 * directory, the honour roll): each unknown parameter, and the locale.
 */
export const checkParameters = (raw: Record<string, unknown>, allowed: string[], endpoint: string) => {
  const problems: FieldError[] = Object.keys(raw)
    .filter((k) => !allowed.includes(k))
    .map((k) => fieldError(k, `is not a parameter of ${endpoint} (it takes ${allowed.join(', ')})`));
  const locale = raw.locale ?? 'zh-Hans';
  if (typeof locale !== 'string' || !(LOCALES as readonly string[]).includes(locale)) problems.push(fieldError('locale', `must be one of ${LOCALES.join(', ')}`));
  return { problems, locale: locale as string };
};

const translatePopulate = (type: PublicType, value: unknown, problems: Problems): Record<string, RelationSpec> => {
  if (value === undefined) return {};
  if (value === '*') return { ...type.relations };
  const names = words(value);
  const asked: Record<string, unknown> = names ? Object.fromEntries(names.map((n) => [n, true])) : isObject(value) ? value : {};
  if (!names && !isObject(value)) problems.add('populate', 'must be *, a list of relations or an object');
  const out: Record<string, RelationSpec> = {};
  for (const [name, spec] of Object.entries(asked)) {
    const relation = type.relations[name];
    if (!relation) {
      problems.add(`populate[${name}]`, `is not a public relation (${Object.keys(type.relations).join(', ')})`);
      continue;
    }
    if (spec === false || spec === 'false') continue;
    if (isObject(spec)) {
      for (const [key, v] of Object.entries(spec)) {
        if (key === 'fields') {
          const fields = words(v);
          const unknown = (fields ?? []).filter((f) => !relation.target.fields[f] && f !== 'documentId' && f !== 'id');
          if (!fields || unknown.length) problems.add(`populate[${name}][fields]`, `may name only ${Object.keys(relation.target.fields).join(', ')}`);
        } else {
          // Nothing beyond the relation's public fields is reachable: no populate of its own relations.
          problems.add(`populate[${name}][${key}]`, 'is not supported on the public API');
        }
      }
    }
    out[name] = relation;
  }
  return out;
};

/** Checks a public list or single-record query; throws nothing, returns the problems found. */
export const translateQuery = (
  type: PublicType,
  query: Record<string, unknown>,
  extra: string[] = []
): { query: TranslatedQuery; problems: FieldError[] } => {
  const problems = new Problems();
  for (const key of Object.keys(query)) {
    if (!PARAMS.includes(key) && !extra.includes(key)) problems.add(key, `is not a parameter of this endpoint (it takes ${[...PARAMS, ...extra].join(', ')})`);
  }

  const locale = query.locale === undefined ? 'zh-Hans' : query.locale;
  if (typeof locale !== 'string' || !(LOCALES as readonly string[]).includes(locale)) problems.add('locale', `must be one of ${LOCALES.join(', ')}`);
  // Drafts never leave: `status=published` changes nothing, any other status (a list, empty) is refused.
  if ('status' in query && query.status !== 'published') problems.add('status', PUBLISHED_ONLY);

  const lists: ListFilter[] = [];
  const filters = query.filters === undefined ? undefined : translateFilters(query.filters, type, 'filters', problems, lists);

  const sort: string[] = [];
  if (query.sort !== undefined) {
    const keys = words(query.sort);
    if (!keys) problems.add('sort', 'must be a field, field:asc or field:desc, or a list of them');
    for (const key of keys ?? []) {
      const [field, direction = 'asc', ...rest] = key.split(':');
      if (!type.fields[field]?.sortable) problems.add('sort', `${field} is not a public field that can be sorted on`);
      else if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) problems.add('sort', `${key}: the direction is asc or desc`);
      else sort.push(`${field}:${direction.toLowerCase()}`);
    }
  }

  let fields: string[] = [];
  if (query.fields !== undefined) {
    const asked = words(query.fields);
    if (!asked) problems.add('fields', 'must be a list of field names');
    for (const f of asked ?? []) {
      if (!type.fields[f]) problems.add('fields', `${f} is not a public field`);
      else fields.push(f);
    }
  }
  if (!fields.length) fields = Object.keys(type.fields);

  const populate = translatePopulate(type, query.populate, problems);

  let page = 1;
  let pageSize = DEFAULT_PAGE_SIZE;
  let offset: TranslatedQuery['offset'] = null;
  let withCount = true;
  if (query.pagination !== undefined) {
    const p = query.pagination;
    if (!isObject(p)) problems.add('pagination', 'must be an object: page and pageSize, or start and limit');
    else {
      for (const key of Object.keys(p)) {
        if (!['page', 'pageSize', 'start', 'limit', 'withCount'].includes(key)) problems.add(`pagination[${key}]`, 'is not a pagination parameter');
      }
      const byPage = p.page !== undefined || p.pageSize !== undefined;
      const byOffset = p.start !== undefined || p.limit !== undefined;
      if (byPage && byOffset) problems.add('pagination', 'use page and pageSize, or start and limit, not both');
      page = integer(p.page, 'pagination[page]', 1, problems) ?? 1;
      // Larger pages are cut to the maximum, as Strapi's own maxLimit does.
      pageSize = Math.min(integer(p.pageSize, 'pagination[pageSize]', 1, problems) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
      if (byOffset) {
        offset = {
          start: integer(p.start, 'pagination[start]', 0, problems) ?? 0,
          limit: Math.min(integer(p.limit, 'pagination[limit]', 1, problems) ?? DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
        };
      }
      if (p.withCount !== undefined) {
        if (!['true', 'false', true, false].includes(p.withCount as any)) problems.add('pagination[withCount]', 'must be true or false');
        withCount = String(p.withCount) !== 'false';
      }
    }
  }

  return {
    query: {
      locale: typeof locale === 'string' ? locale : 'zh-Hans',
      filters,
      listFilters: lists,
      sort: sort.length ? sort : type.defaultSort,
      fields,
      populate,
      page,
      pageSize,
      offset,
      withCount,
    },
    problems: problems.list,
  };
};

export type { TargetSpec };
