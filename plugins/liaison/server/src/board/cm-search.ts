import type { Core } from '@strapi/strapi';
import { scopedReader } from '../access/query-guard';
import { NOTHING } from '../access/rules';
import { rowsOf, tableOf } from '../utils/db';
import type { DocumentMiddleware } from '../writes/types';
import { indexedCondition, searchFieldsFor } from './search-index';

const ALUMNUS = 'plugin::liaison.alumnus';
const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/**
 * Up to this many alumni found through the indexes become the read's `id` filter; a term
 * that more match (a single letter, a common surname's pinyin) is searched without them.
 */
export const MAX_INDEXED_MATCHES = 10000;

/**
 * The ids of the alumni whose `fields` hold `q` (any case), through the search indexes;
 * null when they cannot answer (SQLite, no pg_trgm, a term they cannot find, too many).
 * Asked once per request: the Content Manager's list reads the page and counts it.
 */
const indexedMatches = async (strapi: Core.Strapi, q: string, fields: readonly string[]): Promise<number[] | null> => {
  const condition = indexedCondition(strapi, 'a', q.toLowerCase(), fields);
  if (!condition) return null;
  const state = strapi.requestContext.get()?.state as any;
  const memo: Map<string, Promise<number[] | null>> | undefined = state ? (state.liaisonAlumniSearch ??= new Map()) : undefined;
  const key = `${fields.join(',')}\u0000${q}`;
  const known = memo?.get(key);
  if (known) return known;
  const found = (async () => {
    const rows = rowsOf<{ id: number }>(
      await strapi.db.connection.raw(`SELECT a.id FROM ${tableOf(strapi, ALUMNUS)} a WHERE ${condition.sql} LIMIT ${MAX_INDEXED_MATCHES + 1}`, condition.bindings),
    );
    return rows.length > MAX_INDEXED_MATCHES ? null : rows.map((r) => Number(r.id));
  })();
  memo?.set(key, found);
  return found;
};

/**
 * The Content Manager's search of alumni (`_q`, and any Document Service read with it):
 * Strapi would look for the words in every text column, the id and the enumerations
 * included, with `ILIKE` on each, which no index serves (1.4 s at 300,000 alumni). Here
 * it looks in the fields that find a person (ALUMNI_SEARCH_FIELDS: name, pinyin, initials,
 * student number, phone, e-mail, WeChat; a term of one or two characters in the name,
 * pinyin and initials only), any case, and for a scoped user only in those they may read
 * (so a search cannot tell a phone number it may not show). On PostgreSQL the matches
 * come from the search indexes (search-index.ts) and the read gets them as an `id` filter;
 * otherwise it gets the same condition as filters (`$containsi` on each field).
 */
export const alumniSearch = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== ALUMNUS || !READS.has(ctx.action)) return next();
  const params = ctx.params as Record<string, any> | undefined;
  const q = params?._q;
  if (typeof q !== 'string' || !q) return next();
  const canRead = await scopedReader(strapi);
  const fields = searchFieldsFor(q).filter((f) => !canRead || canRead(ALUMNUS, f));
  let search: Record<string, unknown> = NOTHING;
  if (fields.length) {
    const ids = await indexedMatches(strapi, q, fields);
    search = ids ? { id: { $in: ids } } : { $or: fields.map((f) => ({ [f]: { $containsi: q } })) };
  }
  const { _q, ...rest } = params!;
  (ctx as any).params = { ...rest, filters: rest.filters ? { $and: [rest.filters, search] } : search };
  return next();
};
