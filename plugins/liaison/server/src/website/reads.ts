import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ListFilter, TranslatedQuery } from './query';
import type { PublicType } from './public-types';
import { compilable, readPage } from './list-statement';
import { columnOf, isPostgres, tableOf } from '../utils/db';

/**
 * "The list contains this value" for a JSON list column, which Strapi's filters cannot
 * say portably, as a condition on a knex builder that reads the type's table as `alias`.
 */
const whereListsContain = (strapi: Core.Strapi, q: any, uid: string, alias: string, lists: ListFilter[]) => {
  const pg = isPostgres(strapi);
  for (const { field, value } of lists) {
    const column = `${alias}.${columnOf(strapi, uid, field)}`;
    if (pg) q.whereRaw('??::jsonb @> ?::jsonb', [column, JSON.stringify([value])]);
    else q.whereRaw(`EXISTS (SELECT 1 FROM json_each(??) WHERE json_each.value = ?)`, [column, value]);
  }
  return q;
};

/** The ids of the published rows whose lists contain all the values: one query. */
const idsWithListValues = async (strapi: Core.Strapi, uid: string, lists: ListFilter[]): Promise<number[]> => {
  const table = tableOf(strapi, uid);
  const q = strapi.db.connection(table).select('id').whereNotNull(columnOf(strapi, uid, 'publishedAt'));
  return (await whereListsContain(strapi, q, uid, table, lists)).map((r: { id: number }) => Number(r.id));
};

/** A relation's load spec (Document Service words: fields, filters, populate) in the query engine's words. */
const engineSpec = (load: any): any => ({
  ...(load.fields ? { select: [...new Set(['id', 'documentId', ...load.fields])] } : {}),
  ...(load.filters ? { where: load.filters } : {}),
  ...(load.populate ? { populate: Object.fromEntries(Object.entries(load.populate).map(([k, v]) => [k, engineSpec(v)])) } : {}),
});

const populateOf = (query: TranslatedQuery) =>
  Object.fromEntries(Object.entries(query.populate).map(([name, spec]) => [name, engineSpec(spec.load)]));

/** 'field:dir' → the query engine's { field: dir }. */
const orderOf = (sort: string[]) =>
  sort.map((key) => {
    const [field, direction = 'asc'] = key.split(':');
    return { [field]: direction === 'desc' ? 'desc' : 'asc' } as Record<string, 'asc' | 'desc'>;
  });

/**
 * Published rows of one locale. The website's reads go to the query engine directly: the
 * same rows the Document Service would give (`publishedAt` set, the locale's), without its
 * parameter transforms and middlewares, which are most of a request's cost.
 */
const publishedWhere = (locale: string, filters?: Record<string, unknown>) => ({
  $and: [{ publishedAt: { $notNull: true } }, { locale }, ...(filters ? [filters] : [])],
});

/** One public record: the asked fields, then each populated relation as the website may see it. */
export const present = (type: PublicType, query: TranslatedQuery, doc: any) => {
  const out: Record<string, unknown> = { id: doc.id, documentId: doc.documentId };
  for (const f of query.fields) out[f] = doc[f] ?? null;
  for (const [name, spec] of Object.entries(query.populate)) out[name] = spec.present(doc[name], query.locale);
  return out;
};

/** The query's filters in the query engine's words; list filters become an id list unless `withoutLists`. */
const filtersOf = async (strapi: Core.Strapi, type: PublicType, query: TranslatedQuery, extra?: Record<string, unknown>, withoutLists = false) => {
  const parts: Record<string, unknown>[] = [];
  if (query.filters && Object.keys(query.filters).length) parts.push(query.filters);
  if (extra) parts.push(extra);
  if (query.listFilters.length && !withoutLists) parts.push({ id: { $in: await idsWithListValues(strapi, type.uid, query.listFilters) } });
  if (!parts.length) return undefined;
  return parts.length === 1 ? parts[0] : { $and: parts };
};

/**
 * GET /api/<type>: published records of the locale, Strapi's `{ data, meta: { pagination } }`,
 * as JSON text. On PostgreSQL a page that populates only images is one statement
 * (list-statement.ts); `statement: false` reads it through the query engine instead.
 * `extra`: filters of the endpoint's own (the events' timeframe), and its order when the
 * request names none.
 */
export const findPublic = async (
  strapi: Core.Strapi,
  type: PublicType,
  query: TranslatedQuery,
  options: { statement?: boolean; extra?: { filters?: Record<string, unknown>; sort?: string[] } } = {}
) => {
  const extra = options.extra ?? {};
  const start = query.offset ? query.offset.start : (query.page - 1) * query.pageSize;
  const limit = query.offset ? query.offset.limit : query.pageSize;
  const sort = !query.sorted && extra.sort ? extra.sort : query.sort;
  const orderBy = orderOf(sort);
  const paginationOf = (total: number | undefined) =>
    query.offset
      ? { start, limit, ...(total !== undefined ? { total } : {}) }
      : { page: query.page, pageSize: query.pageSize, ...(total !== undefined ? { pageCount: Math.ceil(total / query.pageSize), total } : {}) };

  if (options.statement !== false) {
    const filters = await filtersOf(strapi, type, query, extra.filters, true);
    if (compilable(strapi, type, query, filters)) {
      const where = publishedWhere(query.locale, filters);
      const lists = (q: any, alias: string) => whereListsContain(strapi, q, type.uid, alias, query.listFilters);
      const { records, total } = await readPage(strapi, type, query, { where, lists, unfiltered: !filters && !query.listFilters.length, orderBy, offset: start, limit });
      return `{"data":[${records}],"meta":${JSON.stringify({ pagination: paginationOf(total) })}}`;
    }
  }
  const where = publishedWhere(query.locale, await filtersOf(strapi, type, query, extra.filters));
  const rows = strapi.db.query(type.uid);
  const [found, total] = await Promise.all([
    rows.findMany({ where, select: [...query.fields, 'id', 'documentId'], populate: populateOf(query), orderBy, offset: start, limit }),
    query.withCount ? rows.count({ where }) : Promise.resolve(undefined),
  ]);
  return JSON.stringify({ data: found.map((doc: any) => present(type, query, doc)), meta: { pagination: paginationOf(total) } });
};

const DOCUMENT_ID = /^[a-z0-9]{24}$/;

/** GET /api/<type>/:idOrSlug: one published record by its slug in the locale, or by documentId. */
export const findOnePublic = async (strapi: Core.Strapi, type: PublicType, idOrSlug: string, query: TranslatedQuery) => {
  const byKey = DOCUMENT_ID.test(idOrSlug) ? { $or: [{ documentId: idOrSlug }, { slug: idOrSlug }] } : { slug: idOrSlug };
  const filters = await filtersOf(strapi, type, query, byKey);
  const doc = await strapi.db.query(type.uid).findOne({
    where: publishedWhere(query.locale, filters),
    select: [...query.fields, 'id', 'documentId'],
    populate: populateOf(query),
  });
  if (!doc) throw new errors.NotFoundError('Not Found');
  return { data: present(type, query, doc), meta: {} };
};
