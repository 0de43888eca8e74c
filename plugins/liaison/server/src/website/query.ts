import { fieldError, type FieldError } from '../rules';
import type { PublicType, RelationSpec } from './public-types';
import { translateFilters, type ListFilter } from './filters';
import { asList, checkValue, isObject, own, schemaOf, type ValueSpec } from './values';

/**
 * Public queries, checked against what the website may see (public-types) and turned
 * into Document Service parameters. Strapi's REST conventions are kept (filters,
 * sort, fields, populate, pagination, locale, status), so `@strapi/client` and plain
 * fetch work; anything that names a field the website may not see is a 400 naming the
 * parameter, whether or not a record would match (no oracle). Every parameter of every
 * public endpoint is checked here, and the OpenAPI document describes them from the same
 * specs (`queryParameters`, `parameterDescriptions`), so the two agree.
 */
export const LOCALES = ['zh-Hans', 'en'] as const;
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;
/** The last page, and the last first row, a public list serves: further offsets would outgrow the databases' integers. */
export const MAX_PAGE = 100_000;
export const MAX_START = 10_000_000;

export type { ListFilter };

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

/** A parameter of its own of a public endpoint: its values, and what the OpenAPI document says of it. */
export interface Parameter {
  value: ValueSpec;
  description: string;
  default?: string | number;
}
export type Parameters = Record<string, Parameter>;

export const LOCALE: Parameter = { value: { type: 'enum', values: LOCALES }, description: 'zh-Hans (default) or en', default: 'zh-Hans' };
export const PAGE: Parameter = { value: { type: 'integer', min: 1, max: MAX_PAGE }, description: 'page, from 1', default: 1 };
export const PAGE_SIZE: Parameter = {
  value: { type: 'integer', min: 1, max: MAX_PAGE_SIZE, cut: true },
  description: `rows a page, at most ${MAX_PAGE_SIZE} (larger is cut)`,
  default: DEFAULT_PAGE_SIZE,
};
const START: ValueSpec = { type: 'integer', min: 0, max: MAX_START };
const TIMEFRAMES = ['upcoming', 'past'] as const;
export const TIMEFRAME: Parameter = { value: { type: 'enum', values: TIMEFRAMES }, description: 'upcoming (not over yet; soonest first) or past (latest first)' };

/** An empty parameter (`sort=`, `pageSize=`, or a bare `pageSize`) means the same as leaving it out. */
export const isEmpty = (v: unknown) => v === undefined || v === '' || v === null;

/**
 * The checks every public endpoint with parameters of its own makes (the feed, the chapter
 * directory, the honour roll): each unknown parameter, each value against its spec; an
 * empty one takes its default.
 */
export const checkParameters = (raw: Record<string, unknown>, parameters: Parameters, endpoint: string) => {
  const problems: FieldError[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(raw)) {
    const parameter = own(parameters, name);
    if (!parameter) problems.push(fieldError(name, `is not a parameter of ${endpoint} (it takes ${Object.keys(parameters).join(', ')})`));
    else if (!isEmpty(v)) values[name] = checkValue(parameter.value, v, name, problems);
  }
  for (const [name, parameter] of Object.entries(parameters)) values[name] ??= parameter.default;
  return { problems, values, locale: String(values.locale ?? LOCALE.default) };
};

const queryParameter = (name: string, description: string, schema: Record<string, unknown>, allowEmptyValue = true) => ({
  name,
  in: 'query',
  required: false,
  ...(allowEmptyValue ? { allowEmptyValue } : {}),
  description,
  schema,
});

/** The OpenAPI description of an endpoint's own parameters. */
export const parameterDescriptions = (parameters: Parameters) =>
  Object.entries(parameters).map(([name, p]) =>
    queryParameter(name, p.description, { ...schemaOf(p.value), ...(p.default !== undefined ? { default: p.default } : {}) })
  );

const PUBLISHED_ONLY = 'only published content is served: leave status out (or set it to published)';
const PARAMS = ['locale', 'filters', 'sort', 'fields', 'populate', 'pagination', 'status'];
const PAGINATION = ['page', 'pageSize', 'start', 'limit', 'withCount'];

/** A comma list (or qs list) of names; an empty name (`fields=title,`) is kept, to be refused as naming nothing. */
const words = (v: unknown): string[] | null => {
  const list = typeof v === 'string' ? v.split(',') : asList(v);
  return list && list.every((x) => typeof x === 'string') ? (list as string[]).map((s) => s.trim()) : null;
};

const translatePopulate = (type: PublicType, value: unknown, problems: FieldError[]): Record<string, RelationSpec> => {
  const names = words(value);
  // `*` is every relation; any other name given with it must still be one.
  const asked: Record<string, unknown> = names
    ? Object.fromEntries((names.includes('*') ? [...names.filter((n) => n !== '*'), ...Object.keys(type.relations)] : names).map((n) => [n, true]))
    : isObject(value)
      ? value
      : {};
  if (!names && !isObject(value)) problems.push(fieldError('populate', 'website.populate'));
  const out: Record<string, RelationSpec> = {};
  for (const [name, spec] of Object.entries(asked)) {
    const relation = own(type.relations, name);
    if (!relation) {
      problems.push(fieldError(`populate[${name}]`, `is not a public relation (${Object.keys(type.relations).join(', ')})`));
      continue;
    }
    if (spec === false || spec === 'false') continue;
    if (isObject(spec)) {
      for (const [key, v] of Object.entries(spec)) {
        if (key === 'fields') {
          const fields = words(v);
          const unknown = (fields ?? []).filter((f) => !own(relation.target.fields, f) && f !== 'documentId' && f !== 'id');
          if (!fields || unknown.length) problems.push(fieldError(`populate[${name}][fields]`, `may name only ${Object.keys(relation.target.fields).join(', ')}`));
        } else {
          // Nothing beyond the relation's public fields is reachable: no populate of its own relations.
          problems.push(fieldError(`populate[${name}][${key}]`, 'website.unsupported'));
        }
      }
    }
    out[name] = relation;
  }
  return out;
};

const translatePagination = (p: unknown, problems: FieldError[]) => {
  const none = { page: 1, pageSize: DEFAULT_PAGE_SIZE, offset: null, withCount: true };
  if (!isObject(p)) {
    problems.push(fieldError('pagination', 'website.paginationObject'));
    return none;
  }
  for (const key of Object.keys(p)) {
    if (!PAGINATION.includes(key)) problems.push(fieldError(`pagination[${key}]`, 'website.notPagination'));
  }
  const value = (key: string, spec: ValueSpec) => (isEmpty(p[key]) ? undefined : checkValue(spec, p[key], `pagination[${key}]`, problems));
  const page = value('page', PAGE.value) as number | undefined;
  const pageSize = value('pageSize', PAGE_SIZE.value) as number | undefined;
  const start = value('start', START) as number | undefined;
  const limit = value('limit', PAGE_SIZE.value) as number | undefined;
  const withCount = value('withCount', { type: 'boolean' }) as boolean | undefined;
  const byOffset = !isEmpty(p.start) || !isEmpty(p.limit);
  if (byOffset && (!isEmpty(p.page) || !isEmpty(p.pageSize))) problems.push(fieldError('pagination', 'website.paginationBoth'));
  return {
    page: page ?? 1,
    pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
    offset: byOffset ? { start: start ?? 0, limit: limit ?? DEFAULT_PAGE_SIZE } : null,
    withCount: withCount ?? true,
  };
};

/** Checks a public list or single-record query; throws nothing, returns the problems found. */
export const translateQuery = (
  type: PublicType,
  query: Record<string, unknown>,
  extra: string[] = []
): { query: TranslatedQuery; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  const add = (path: string, message: string) => problems.push(fieldError(path, message));
  for (const key of Object.keys(query)) {
    if (!PARAMS.includes(key) && !extra.includes(key)) add(key, `is not a parameter of this endpoint (it takes ${[...PARAMS, ...extra].join(', ')})`);
  }

  const locale = isEmpty(query.locale) ? LOCALE.default : checkValue(LOCALE.value, query.locale, 'locale', problems);
  // Drafts never leave: `status=published` changes nothing, any other status (a list, empty) is refused.
  if ('status' in query && query.status !== 'published') add('status', PUBLISHED_ONLY);

  const lists: ListFilter[] = [];
  const filters = isEmpty(query.filters) ? undefined : translateFilters(query.filters, type, 'filters', problems, lists);

  const sort: string[] = [];
  if (!isEmpty(query.sort)) {
    const keys = words(query.sort);
    if (!keys) add('sort', 'must be a field, field:asc or field:desc, or a list of them');
    for (const key of keys ?? []) {
      const [field, direction = 'asc', ...rest] = key.split(':');
      if (!own(type.fields, field)?.sortable) add('sort', `${field} is not a public field that can be sorted on`);
      else if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) add('sort', `${key}: the direction is asc or desc`);
      else sort.push(`${field}:${direction.toLowerCase()}`);
    }
  }

  let fields: string[] = [];
  if (!isEmpty(query.fields)) {
    const asked = words(query.fields);
    if (!asked) add('fields', 'must be a list of field names');
    for (const f of asked ?? []) {
      if (!own(type.fields, f)) add('fields', `${f} is not a public field`);
      else fields.push(f);
    }
  }
  if (!fields.length) fields = Object.keys(type.fields);

  const populate = isEmpty(query.populate) ? {} : translatePopulate(type, query.populate, problems);
  const pagination = isEmpty(query.pagination) ? translatePagination({}, problems) : translatePagination(query.pagination, problems);

  return {
    query: {
      locale: typeof locale === 'string' ? locale : String(LOCALE.default),
      filters,
      listFilters: lists,
      sort: sort.length ? sort : type.defaultSort,
      fields,
      populate,
      ...pagination,
    },
    problems,
  };
};

const listOf = (values: string[]) => ({ type: 'array', items: { type: 'string', enum: values }, uniqueItems: true });
const commaSeparated = { style: 'form', explode: false };

/**
 * The OpenAPI description of a type's query parameters, from the same lists `translateQuery`
 * checks against: a list (`list`) or one record. `filters` names its schema among the components.
 */
export const queryParameters = (type: PublicType, kind: 'list' | 'one', filters = { schema: '', help: '' }) => {
  const sortable = Object.entries(type.fields).filter(([, s]) => s.sortable).map(([f]) => f);
  const fields = queryParameter('fields', `public fields to return, comma-separated: ${Object.keys(type.fields).join(', ')}`, listOf(Object.keys(type.fields)));
  const populate = queryParameter('populate', `* or relations, comma-separated: ${Object.keys(type.relations).join(', ')}`, listOf(['*', ...Object.keys(type.relations)]));
  const locale = queryParameter('locale', LOCALE.description, { ...schemaOf(LOCALE.value), default: LOCALE.default });
  if (kind === 'one') return [locale, { ...fields, ...commaSeparated }, { ...populate, ...commaSeparated }];
  // An empty value (`pagination[pageSize]=`) is the default, as for every parameter.
  const orEmpty = (schema: Record<string, unknown>, description: string) => ({ anyOf: [schema, { type: 'string', maxLength: 0 }], description });
  const integer = (spec: ValueSpec, description: string) => orEmpty(schemaOf(spec), description);
  const byPage = { page: integer(PAGE.value, PAGE.description), pageSize: integer(PAGE_SIZE.value, PAGE_SIZE.description) };
  const byOffset = { start: integer(START, 'first row, from 0'), limit: integer(PAGE_SIZE.value, PAGE_SIZE.description) };
  const withCount = { withCount: orEmpty({ type: 'boolean' }, 'whether meta.pagination has the total (default true)') };
  return [
    locale,
    { ...queryParameter('filters', filters.help, { $ref: `#/components/schemas/${filters.schema}` }), style: 'deepObject', explode: true },
    {
      ...queryParameter('sort', `field, field:asc or field:desc, comma-separated; fields: ${sortable.join(', ')}`, listOf(sortable.flatMap((f) => [f, `${f}:asc`, `${f}:desc`]))),
      ...commaSeparated,
    },
    { ...fields, ...commaSeparated },
    { ...populate, ...commaSeparated },
    {
      ...queryParameter('pagination', `page & pageSize (at most ${MAX_PAGE_SIZE}, larger is cut), or start & limit; withCount`, {
        type: 'object',
        anyOf: [
          { type: 'object', properties: { ...byPage, ...withCount }, additionalProperties: false },
          { type: 'object', properties: { ...byOffset, ...withCount }, additionalProperties: false },
        ],
      }),
      style: 'deepObject',
      explode: true,
    },
    // An empty status is refused like any other that is not `published`.
    queryParameter('status', 'published only (any other value is a 400)', { type: 'string', enum: ['published'] }, false),
  ];
};
