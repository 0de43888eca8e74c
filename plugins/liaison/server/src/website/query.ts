import { z } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { addProblem, always, parseWith, says, translated, type PathStyle } from '../rules/inputs';
import type { PublicType, RelationSpec } from './public-types';
import { translateFilters, type ListFilter } from './filters';
import { asList, isObject, own, schemaOf, zodOf, type ValueSpec } from './values';

/**
 * Public queries, checked against what the website may see (public-types) and turned
 * into Document Service parameters. Strapi's REST conventions are kept (filters,
 * sort, fields, populate, pagination, locale, status), so `@strapi/client` and plain
 * fetch work; anything that names a field the website may not see is a 400 naming the
 * parameter, whether or not a record would match (no oracle). Every parameter of every
 * public endpoint is checked here by a zod schema (`publicQuery`, `parametersInput`) that
 * the controllers parse with, and the OpenAPI document describes them from the same specs
 * (`queryParameters`, `parameterDescriptions`), so the two agree.
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
  /** Whether the request named its order (else `sort` is the type's default). */
  sorted: boolean;
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

/** An endpoint's own parameter: its spec's values, an empty one taking the default. */
const parameter = (p: Parameter) =>
  z.preprocess((v) => (isEmpty(v) ? undefined : v), zodOf(p.value).optional()).transform((v) => v ?? p.default);

/** Any parameter the endpoint does not take: a 400 naming it, and what the endpoint takes. */
const unknownParameter = (endpoint: string, names: string[]) => z.custom(() => false, says('website.notParameter', { endpoint, list: names.join(', ') }));

/**
 * The schema of a public endpoint with parameters of its own (the feed, the chapter
 * directory, the honour roll): each parameter against its spec, an empty one taking its
 * default, any other parameter refused.
 */
export const parametersInput = (parameters: Parameters, endpoint: string) =>
  z
    .object(Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, parameter(p)])))
    .catchall(unknownParameter(endpoint, Object.keys(parameters)))
    .transform((values): Record<string, unknown> & { locale: (typeof LOCALES)[number] } => ({
      ...values,
      locale: String(values.locale ?? LOCALE.default) as (typeof LOCALES)[number],
    }));

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

const PARAMS = ['locale', 'filters', 'sort', 'fields', 'populate', 'pagination', 'status'];

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
      problems.push(fieldError(`populate[${name}]`, 'website.notRelation', { list: Object.keys(type.relations).join(', ') }));
      continue;
    }
    if (spec === false || spec === 'false') continue;
    if (isObject(spec)) {
      for (const [key, v] of Object.entries(spec)) {
        if (key === 'fields') {
          const fields = words(v);
          const unknown = (fields ?? []).filter((f) => !own(relation.target.fields, f) && f !== 'documentId' && f !== 'id');
          if (!fields || unknown.length) problems.push(fieldError(`populate[${name}][fields]`, 'website.onlyFields', { list: Object.keys(relation.target.fields).join(', ') }));
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

/** A value of a spec, empty being absent. */
export const given = (spec: ValueSpec) => z.preprocess((v) => (isEmpty(v) ? undefined : v), zodOf(spec).optional());

/** `pagination`: page and pageSize (larger sizes are cut), or start and limit; withCount. */
const paginationInput = z.preprocess(
  (v) => (isEmpty(v) ? {} : v),
  z
    .object(
      {
        page: given(PAGE.value),
        pageSize: given(PAGE_SIZE.value),
        start: given(START),
        limit: given(PAGE_SIZE.value),
        withCount: given({ type: 'boolean' }),
      },
      says('website.paginationObject'),
    )
    .catchall(z.custom(() => false, says('website.notPagination')))
    .superRefine((p, ctx) => {
      if ((!isEmpty(p.start) || !isEmpty(p.limit)) && (!isEmpty(p.page) || !isEmpty(p.pageSize))) addProblem(ctx, [], 'website.paginationBoth');
    }, always)
    .transform((p) => ({
      page: (p.page as number | undefined) ?? 1,
      pageSize: (p.pageSize as number | undefined) ?? DEFAULT_PAGE_SIZE,
      offset:
        p.start !== undefined || p.limit !== undefined
          ? { start: (p.start as number | undefined) ?? 0, limit: (p.limit as number | undefined) ?? DEFAULT_PAGE_SIZE }
          : null,
      withCount: (p.withCount as boolean | undefined) ?? true,
    })),
);
const FIRST_PAGE = { page: 1, pageSize: DEFAULT_PAGE_SIZE, offset: null, withCount: true };

/** `sort`: fields of the type that can be sorted on, each with its direction. */
const translateSort = (type: PublicType, value: unknown, problems: FieldError[]): string[] => {
  const sort: string[] = [];
  if (isEmpty(value)) return sort;
  const keys = words(value);
  if (!keys) problems.push(fieldError('sort', 'website.sort'));
  for (const key of keys ?? []) {
    const [field, direction = 'asc', ...rest] = key.split(':');
    if (!own(type.fields, field)?.sortable) problems.push(fieldError('sort', 'website.notSortable', { field }));
    else if (rest.length || !['asc', 'desc'].includes(direction.toLowerCase())) problems.push(fieldError('sort', 'website.direction', { key }));
    else sort.push(`${field}:${direction.toLowerCase()}`);
  }
  return sort;
};

/** `fields`: public fields of the type (all of them when none is named). */
const translateFields = (type: PublicType, value: unknown, problems: FieldError[]): string[] => {
  const fields: string[] = [];
  if (!isEmpty(value)) {
    const asked = words(value);
    if (!asked) problems.push(fieldError('fields', 'website.fieldList'));
    for (const f of asked ?? []) {
      if (!own(type.fields, f)) problems.push(fieldError('fields', 'website.notField', { field: f }));
      else fields.push(f);
    }
  }
  return fields.length ? fields : Object.keys(type.fields);
};

/** A parameter a single record does not take. */
const notForOne = (name: string) =>
  translated((value, problems) => {
    if (value !== undefined) problems.push(fieldError(name, 'website.notForOne'));
  });

/**
 * The schema of a public list (`list`) or single-record (`one`) query of a type, whose
 * output is the query in the Document Service's words; `extra`, the endpoint's parameters
 * of its own (the events' `timeframe`), found in the output's `extra`.
 */
export const publicQuery = <E extends Record<string, z.ZodType> = {}>(type: PublicType, kind: 'list' | 'one', extra: E = {} as E) =>
  z
    .object({
      locale: parameter(LOCALE),
      // Drafts never leave: `status=published` changes nothing, any other status (a list, empty) is refused.
      status: translated((value, problems) => {
        if (value !== undefined && value !== 'published') problems.push(fieldError('status', 'website.publishedOnly'));
      }),
      filters: translated((value, problems) => {
        const lists: ListFilter[] = [];
        const filters = isEmpty(value) ? undefined : translateFilters(value, type, 'filters', problems, lists);
        return { filters, lists };
      }),
      sort: kind === 'list' ? translated((value, problems) => translateSort(type, value, problems)) : notForOne('sort').transform((): string[] => []),
      fields: translated((value, problems) => translateFields(type, value, problems)),
      populate: translated((value, problems) => (isEmpty(value) ? {} : translatePopulate(type, value, problems))),
      pagination: kind === 'list' ? paginationInput : notForOne('pagination').transform(() => FIRST_PAGE),
      ...extra,
    })
    .catchall(unknownParameter('this endpoint', [...PARAMS, ...Object.keys(extra)]))
    .transform((parsed) => {
      const { locale, filters, sort, fields, populate, pagination, status: _status, ...rest } = parsed as unknown as Translated;
      const query: TranslatedQuery = {
        locale: String(locale),
        filters: filters.filters,
        listFilters: filters.lists,
        sort: sort.length ? sort : type.defaultSort,
        sorted: sort.length > 0,
        fields,
        populate,
        ...pagination,
      };
      return { query, extra: rest as { [K in keyof E]: z.output<E[K]> } };
    });

/** What the public query's schema gives for each of Strapi's parameters, before they are put together. */
interface Translated {
  locale: unknown;
  status: unknown;
  filters: { filters: Record<string, unknown> | undefined; lists: ListFilter[] };
  sort: string[];
  fields: string[];
  populate: Record<string, RelationSpec>;
  pagination: z.output<typeof paginationInput>;
}

/** How the public API's answers name a parameter: `pagination[page]`, `filters[title][$eq]`; always in English. */
export const PUBLIC_PATHS: { style: PathStyle; root: string; lang: 'en' } = { style: 'brackets', root: 'query', lang: 'en' };

/** A public list or single-record query, checked: the query in the Document Service's words, or the problems found. */
export const translateQuery = (type: PublicType, raw: Record<string, unknown>, kind: 'list' | 'one' = 'list') => {
  const { value, problems } = parseWith(publicQuery(type, kind), raw, PUBLIC_PATHS);
  return { query: value?.query, problems };
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
