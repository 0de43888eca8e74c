import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { prepareValue } from 'pg/lib/utils';
import { newDocumentId } from '../outbox/service';
import { columnOf, joinOf, isPostgres } from './db';

/**
 * Inserts many documents of a type without draft & publish or locales, as the Document
 * Service writes them (documentId, timestamps, published_at), with their manyToOne links,
 * in batched statements inside the caller's transaction. For server-made records only
 * (appraisal rows of a new cycle …): no lifecycle hooks or middlewares run.
 */
export async function insertDocuments(
  strapi: Core.Strapi,
  trx: any,
  uid: string,
  records: {
    data: Record<string, unknown>;
    links?: Record<string, number | null>;
  }[],
): Promise<{ id: number; documentId: string }[]> {
  if (!records.length) return [];
  const meta = strapi.db.metadata.get(uid as any);
  const col = (attribute: string) => columnOf(strapi, uid, attribute);
  const now = new Date();
  const json = (attribute: string) => (meta.attributes[attribute] as any)?.type === 'json';
  const rows = records.map((r) => {
    const row: Record<string, unknown> = {
      [col('documentId')]: newDocumentId(),
      [col('createdAt')]: now,
      [col('updatedAt')]: now,
      [col('publishedAt')]: now,
    };
    for (const [attribute, value] of Object.entries(r.data)) {
      row[col(attribute)] = json(attribute) && value !== null && value !== undefined ? JSON.stringify(value) : value;
    }
    return row;
  });
  const columnsPerRow = Object.keys(rows[0]).length;
  // SQLite binds at most 32,766 variables per statement, and knex writes its multi-row
  // INSERT as a compound SELECT of at most 500 terms.
  const chunk = Math.max(1, Math.min(isPostgres(strapi) ? 1000 : 400, Math.floor(30000 / columnsPerRow)));
  const inserted: { id: number; documentId: string }[] = [];
  for (let from = 0; from < rows.length; from += chunk) {
    const written = await trx(meta.tableName)
      .insert(rows.slice(from, from + chunk))
      .returning(['id', col('documentId')]);
    for (const w of written) inserted.push({ id: Number(w.id), documentId: w[col('documentId')] });
  }
  // RETURNING keeps the order of VALUES on both databases.
  const linkNames = [...new Set(records.flatMap((r) => Object.keys(r.links ?? {})))];
  for (const name of linkNames) {
    const join = joinOf(strapi, uid, name);
    const jt = (meta.attributes[name] as any).joinTable;
    const targets = records.map((r) => r.links?.[name]).filter((t): t is number => typeof t === 'number');
    // The position of each new record in its target's inverse list continues after what is there.
    const next = new Map<number, number>();
    if (jt.inverseOrderColumnName && targets.length) {
      const unique = [...new Set(targets)];
      for (let from = 0; from < unique.length; from += 5000) {
        const rows = await trx(join.table)
          .select(join.to)
          .max({ last: jt.inverseOrderColumnName })
          .whereIn(join.to, unique.slice(from, from + 5000))
          .groupBy(join.to);
        for (const r of rows) next.set(Number(r[join.to]), Number(r.last ?? 0));
      }
    }
    const links = records
      .map((r, i) => {
        const target = r.links?.[name];
        if (typeof target !== 'number') return null;
        const link: Record<string, number> = {
          [join.from]: inserted[i].id,
          [join.to]: target,
        };
        if (jt.orderColumnName) link[jt.orderColumnName] = 1;
        if (jt.inverseOrderColumnName) {
          const position = (next.get(target) ?? 0) + 1;
          next.set(target, position);
          link[jt.inverseOrderColumnName] = position;
        }
        return link;
      })
      .filter((l): l is Record<string, number> => l !== null);
    const perLink = links.length ? Object.keys(links[0]).length : 1;
    const linkChunk = Math.min(isPostgres(strapi) ? 5000 : 400, Math.floor(30000 / perLink));
    for (let from = 0; from < links.length; from += linkChunk) await trx(join.table).insert(links.slice(from, from + linkChunk));
  }
  return inserted;
}

/**
 * Updates many rows by id in batched statements: `UPDATE t SET c = v.c … FROM (VALUES …) v`.
 * `columns` are attribute names; JSON attributes are serialised.
 */
export async function updateRows(
  strapi: Core.Strapi,
  trx: any,
  uid: string,
  attributes: string[],
  rows: { id: number; values: unknown[] }[],
) {
  if (!rows.length) return;
  const meta = strapi.db.metadata.get(uid as any);
  const pg = isPostgres(strapi);
  const types = attributes.map((a) => (meta.attributes[a] as any)?.type as string);
  const cols = attributes.map((a) => columnOf(strapi, uid, a));
  // PostgreSQL types VALUES' columns from their text parameters: cast each to its column type.
  const cast = (i: number) => {
    if (!pg) return `v.c${i}`;
    const t = types[i];
    const sql =
      t === 'json'
        ? 'jsonb'
        : t === 'integer' || t === 'biginteger'
          ? 'integer'
          : t === 'decimal' || t === 'float'
            ? 'numeric'
            : t === 'datetime'
              ? 'timestamp'
              : t === 'date'
                ? 'date'
                : t === 'boolean'
                  ? 'boolean'
                  : 'varchar';
    return `CAST(v.c${i} AS ${sql})`;
  };
  const chunk = Math.max(1, Math.floor(30000 / (attributes.length + 1)));
  const valueOf = (v: unknown, i: number) => (types[i] === 'json' && v !== null && v !== undefined ? JSON.stringify(v) : (v ?? null));
  const names = ['id', ...attributes.map((_, i) => `c${i}`)];
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk);
    const placeholders = part.map(() => `(${names.map(() => '?').join(', ')})`).join(', ');
    const bindings = part.flatMap((r) => [r.id, ...r.values.map(valueOf)]);
    const sets = cols.map((c, i) => `${c} = ${cast(i)}`).join(', ');
    const idCast = pg ? 'CAST(v.id AS integer)' : 'v.id';
    await trx.raw(
      `WITH v(${names.join(', ')}) AS (VALUES ${placeholders}) UPDATE ${meta.tableName} SET ${sets} FROM v WHERE ${meta.tableName}.id = ${idCast}`,
      bindings,
    );
  }
}

// ------------------------------------------------------------------ rows of known columns, ids allocated first

/**
 * `count` document ids in the shape of newDocumentId's (and Strapi's cuid2): 24 characters,
 * a letter first, then lower-case letters and digits, from the operating system's random
 * source, drawn in one pool rather than one call an id.
 */
export const newDocumentIds = (count: number): string[] => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const ids: string[] = new Array(count);
  let pool = randomBytes(Math.max(64, count * 26));
  let at = 0;
  const next = (limit: number) => {
    // Rejection sampling keeps every character equally likely.
    for (;;) {
      if (at >= pool.length) {
        pool = randomBytes(4096);
        at = 0;
      }
      const byte = pool[at++];
      if (byte < 252) return alphabet[byte % limit];
    }
  };
  for (let i = 0; i < count; i++) {
    let id = next(26);
    for (let k = 1; k < 24; k++) id += next(36);
    ids[i] = id;
  }
  return ids;
};

type Cell = string | number | boolean | Date | null;

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Rows one PostgreSQL statement carries (each column travels as one array parameter), as the demo loader writes. */
export const POSTGRES_ROWS_PER_STATEMENT = 5000;
/** Bound variables one SQLite statement may carry. */
const SQLITE_VARIABLES = 32766;

const columnTypes = new Map<string, Map<string, string>>();

/** The SQL types of a PostgreSQL table's columns (read once per table and process). */
const typesOf = async (trx: any, table: string) => {
  let types = columnTypes.get(table);
  if (!types) {
    const result = await trx.raw(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
         FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
      [quote(table)],
    );
    types = new Map((result.rows as { name: string; type: string }[]).map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
};

/**
 * Ids for `count` new rows of a table. PostgreSQL: taken from the table's own sequence, so
 * that concurrent writers never collide with them. SQLite: the next ids after the highest
 * ever used (AUTOINCREMENT never reuses one); the caller's transaction holds the only write lock.
 */
export async function allocateIds(strapi: Core.Strapi, trx: any, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  if (isPostgres(strapi)) {
    const result = await trx.raw(
      `SELECT MIN(id) AS lo, MAX(id) AS hi,
              CASE WHEN MAX(id) - MIN(id) + 1 = COUNT(*) THEN NULL ELSE array_agg(id ORDER BY id) END AS ids
         FROM (SELECT nextval(pg_get_serial_sequence(?, 'id')) AS id FROM generate_series(1, ?)) taken`,
      [quote(table), count],
    );
    const { lo, ids } = result.rows[0] as { lo: string; ids: string[] | null };
    return ids ? ids.map(Number) : Array.from({ length: count }, (_, i) => Number(lo) + i);
  }
  const [max] = await trx.raw(`SELECT MAX(id) AS id FROM ${quote(table)}`);
  const sequence = await trx.raw('SELECT seq FROM sqlite_sequence WHERE name = ?', [table]).catch(() => []);
  const base = Math.max(Number(max?.id ?? 0), Number(sequence[0]?.seq ?? 0));
  return Array.from({ length: count }, (_, i) => base + 1 + i);
}

/**
 * Inserts rows whose every column is given (ids included), in as few statements as the
 * database takes: PostgreSQL `INSERT … SELECT * FROM unnest($1::type[], …)`, 5,000 rows a
 * statement (PostgreSQL parses and plans a long VALUES list slowly; arrays of the same rows
 * go in faster); SQLite multi-row `VALUES` up to its limit of bound variables. Values pass
 * the driver's own serialisation, as in Strapi's writes (dates included).
 *
 * `rows` is emptied: every statement is made before the first is sent, so that the rows'
 * values need not live through the round trips (a large import's batches would otherwise,
 * one after the other, reach the old generation of the heap).
 */
export async function insertRows(strapi: Core.Strapi, trx: any, table: string, columns: string[], rows: Cell[][]) {
  if (!rows.length) return;
  if (isPostgres(strapi)) {
    const types = await typesOf(trx, table);
    const casts = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`insertRows: ${table} has no column ${c}`);
      return `?::${type}[]`;
    });
    const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
    const statements: string[][] = [];
    for (let from = 0; from < rows.length; from += POSTGRES_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(from, from + POSTGRES_ROWS_PER_STATEMENT);
      // Each column as the array literal the driver would make of it (its own serialisation),
      // made now: the rows' values can go before the statement's round trip, rather than
      // live through it (and into the old generation of the heap, batch after batch).
      statements.push(columns.map((_, k) => prepareValue(chunk.map((row) => row[k])) as string));
    }
    rows.length = 0;
    for (const literals of statements.splice(0)) await trx.raw(sql, literals);
    return;
  }
  const statements: { sql: string; bindings: Cell[] }[] = [];
  const perStatement = Math.max(1, Math.floor(SQLITE_VARIABLES / columns.length));
  const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  for (let from = 0; from < rows.length; from += perStatement) {
    const chunk = rows.slice(from, from + perStatement);
    const bindings: Cell[] = [];
    for (const row of chunk) for (const cell of row) bindings.push(cell);
    statements.push({ sql: head + new Array(chunk.length).fill(tuple).join(', '), bindings });
  }
  rows.length = 0;
  for (const { sql, bindings } of statements.splice(0)) await trx.raw(sql, bindings);
}
