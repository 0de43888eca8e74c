import type { Core } from '@strapi/strapi';
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
