import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import { columnOf, isPostgres, tableOf } from '../utils/db';
import { MEDIA_FIELDS, type PublicType } from './public-types';
import type { TranslatedQuery } from './query';
import { publishedTotalSql } from './published-totals';

/**
 * A website list page as one PostgreSQL statement that returns the page's JSON: the
 * rows (Strapi's own query builder turns the filters, sort and page into SQL), each
 * record built by `json_build_object` with its cover, and the total. Node then only
 * joins the records into the answer; reading rows through the query engine and
 * serialising them again was most of an uncached request's time.
 *
 * Used on PostgreSQL when every populated relation is an image; other lists (and SQLite)
 * go through the query engine (reads.ts), and a test holds the two answers equal.
 */
export const compilable = (strapi: Core.Strapi, type: PublicType, query: TranslatedQuery, filters: unknown) =>
  isPostgres(strapi) && Object.values(query.populate).every((spec) => spec.media) && !namesRelation(type, filters);

/**
 * Whether a filter reaches through a relation (`colleges.code`, `chapter.documentId`):
 * Strapi then joins and selects DISTINCT, with the sort columns repeated, which this
 * statement does not take apart; such lists go through the query engine.
 */
const namesRelation = (type: PublicType, filters: unknown): boolean => {
  if (Array.isArray(filters)) return filters.some((f) => namesRelation(type, f));
  if (typeof filters !== 'object' || filters === null) return false;
  return Object.entries(filters).some(([key, value]) => key in type.relations || namesRelation(type, value));
};

/** Strapi's JSON dates: UTC with milliseconds (timestamps are stored in UTC without a zone). */
const ISO_DATE = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const quoted = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** A type's column names by attribute, `id` included. */
const columnsOf = (strapi: Core.Strapi, uid: string) => (attribute: string) =>
  attribute === 'id' ? 'id' : columnOf(strapi, uid, attribute);

/** A string literal of a name this code chose (field names, type UIDs), never of request input. */
const literal = (name: string) => {
  if (!/^[A-Za-z0-9:._-]+$/.test(name)) throw new Error(`list-statement: unexpected name ${name}`);
  return `'${name}'`;
};

/** `json_build_object(…)` of named SQL expressions. */
const jsonObject = (pairs: [string, string][]) =>
  `json_build_object(${pairs.map(([name, expression]) => `${literal(name)}::text, ${expression}`).join(', ')})`;

/** The first image of `field` of the row `s`, as the public answer shows it, or null. */
const imageSql = (strapi: Core.Strapi, uid: string, field: string) => {
  const morph = (strapi.db.metadata.get('plugin::upload.file').attributes as any).related.joinTable;
  const fileColumn = columnsOf(strapi, 'plugin::upload.file');
  const object = jsonObject([
    ['id', 'f.id'],
    ['documentId', `f.${quoted(fileColumn('documentId'))}`],
    ...MEDIA_FIELDS.map((name): [string, string] => [name, `f.${quoted(fileColumn(name))}`]),
  ]);
  return `(SELECT ${object} FROM ${quoted(morph.name)} m JOIN ${quoted(tableOf(strapi, 'plugin::upload.file'))} f ON f.id = m.${quoted(morph.joinColumn.name)}
            WHERE m.${quoted(morph.morphColumn.idColumn.name)} = s.id AND m.${quoted(morph.morphColumn.typeColumn.name)} = ${literal(uid)}
              AND m.field = ${literal(field)}
            ORDER BY m.${quoted('order')} LIMIT 1)`;
};

/**
 * Each pooled connection prepares (names) at most this many shapes of list, the first it
 * is asked; any other shape runs unnamed. A prepared statement is planned once per
 * connection (planning took three times as long as running), but stays in the server's
 * memory for the connection's life, and the shapes are the client's to invent: unbounded,
 * 6,000 of them took PostgreSQL's backends from 46 to 570 MB.
 */
export const PREPARED_PER_CONNECTION = 32;
const prepared = new WeakMap<object, Set<string>>();

const run = async (strapi: Core.Strapi, statement: Statement) => {
  const client = (strapi.db.connection as any).client;
  const connection = await client.acquireConnection();
  try {
    let names = prepared.get(connection);
    if (!names) prepared.set(connection, (names = new Set()));
    const named = names.has(statement.name) || names.size < PREPARED_PER_CONNECTION;
    if (named) names.add(statement.name);
    return await connection.query({ ...(named ? { name: statement.name } : {}), text: statement.sql, values: statement.bindings });
  } finally {
    await client.releaseConnection(connection);
  }
};

export interface PageSpec {
  where: Record<string, unknown>;
  /** Adds the list-value conditions (tags, cohort years) to a builder whose table alias is given. */
  lists: (builder: any, alias: string) => unknown;
  /** Whether the page is all published rows of the locale (the kept total applies). */
  unfiltered: boolean;
  orderBy: Record<string, 'asc' | 'desc'>[];
  offset: number;
  limit: number;
}

interface Statement {
  name: string;
  sql: string;
  bindings: readonly unknown[];
}

/**
 * The SQL of the lists asked lately, by the query that asked: building it with Strapi's
 * query builder and knex cost a tenth of a request. It depends on nothing but the query
 * and the schema, so nothing needs clearing.
 */
const statements = new LRUCache<string, Statement>({ max: 1000 });

/** The page's records as JSON text (comma-separated, in order) and the total (undefined unless asked). */
export const readPage = async (strapi: Core.Strapi, type: PublicType, query: TranslatedQuery, spec: PageSpec) => {
  const key = JSON.stringify([type.uid, query.locale, query.fields, Object.keys(query.populate), query.withCount, query.listFilters, spec]);
  let statement = statements.get(key);
  if (!statement) {
    statement = buildStatement(strapi, type, query, spec);
    statements.set(key, statement);
  }
  const row = (await run(strapi, statement)).rows[0];
  return { records: (row.data as string | null) ?? '', total: row.total === null ? undefined : Number(row.total) };
};

const buildStatement = (strapi: Core.Strapi, type: PublicType, query: TranslatedQuery, spec: PageSpec): Statement => {
  const knex = strapi.db.connection;
  const column = columnsOf(strapi, type.uid);
  const sortFields = spec.orderBy.map((o) => Object.keys(o)[0]);
  const select = [...new Set(['id', 'documentId', ...query.fields, ...sortFields])];
  // Strapi's builder reads the table as "t0" (its first alias) whenever it has a where clause.
  const page = strapi.db
    .queryBuilder(type.uid)
    .init({ where: spec.where, select, orderBy: spec.orderBy, offset: spec.offset, limit: spec.limit })
    .getKnexQuery();
  spec.lists(page, 't0');

  const value = (field: string) =>
    type.fields[field]?.kind === 'datetime' ? `to_char(s.${quoted(column(field))}, ${ISO_DATE})` : `s.${quoted(column(field))}`;
  const record = jsonObject([
    ['id', 's.id'],
    ['documentId', value('documentId')],
    ...query.fields.filter((f) => f !== 'id' && f !== 'documentId').map((f): [string, string] => [f, value(f)]),
    ...Object.keys(query.populate).map((name): [string, string] => [name, imageSql(strapi, type.uid, name)]),
  ]);
  const order = spec.orderBy.map((o) => {
    const [field, direction] = Object.entries(o)[0];
    return `p.${quoted(column(field))} ${direction === 'desc' ? 'DESC' : 'ASC'}`;
  });

  const total = !query.withCount
    ? knex.raw('NULL')
    : spec.unfiltered
      ? publishedTotalSql(strapi, type.uid, query.locale)
      : knex.raw('(SELECT c.count FROM (?) AS c)', [
          spec.lists(strapi.db.queryBuilder(type.uid).init({ where: spec.where }).count().getKnexQuery(), 't0'),
        ]);

  const { sql, bindings } = knex
    .raw(
      `SELECT ? AS total,
            (SELECT string_agg(p.doc, ',' ORDER BY ${order.join(', ')})
               FROM (SELECT ${record}::text AS doc, s.* FROM (?) AS s) p) AS data`,
      [total, page],
    )
    .toSQL()
    .toNative();
  return { name: `liaison_list_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`, sql, bindings };
};
