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
const indexedMatches = async (strapi: Core.Strapi, q: string, fields: readonly string[], state?: any): Promise<number[] | null> => {
  const condition = indexedCondition(strapi, 'a', q.toLowerCase(), fields);
  if (!condition) return null;
  state ??= strapi.requestContext.get()?.state;
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
  // What was typed, without the spaces around it (a search box keeps a trailing space).
  const q = typeof params?._q === 'string' ? params._q.trim() : '';
  if (!q) return next();
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

/**
 * The Content Manager's relation picker of alumni (a post's holder, a story's featured
 * alumni): Strapi looks for `_q` in the main field (`name`, `$containsi`) and orders by it,
 * and PostgreSQL, expecting many matches, walks the name index from the start to find the
 * first ten (0.4 s for 王芳 at 300,000 alumni). The same matches, found through the search
 * indexes, go to the picker as an `id` filter instead. Added after the picker's checks and
 * scope (access/), which read `_q` and add their filters to the same parsed query.
 */
export const alumniPickerSearch = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const { model, targetField } = ctx.params ?? {};
  const target = typeof model === 'string' && model.startsWith('plugin::liaison.') ? (strapi.getModel(model as any)?.attributes as any)?.[targetField]?.target : undefined;
  // The parsed query is cached per query string: the controller reads this same object.
  const query = ctx.request.query ?? {};
  if (target !== ALUMNUS || typeof query._q !== 'string' || !query._q || query._filter !== undefined) return next();
  const config = await strapi.plugin('content-manager').service('content-types').findConfiguration(strapi.getModel(model as any));
  if (config?.metadatas?.[targetField]?.edit?.mainField !== 'name') return next();
  const ids = await indexedMatches(strapi, query._q, ['name'], ctx.state);
  if (!ids) return next();
  const byIds = ids.length ? { id: { $in: ids } } : NOTHING;
  delete query._q;
  query.filters = query.filters ? { $and: [query.filters, byIds] } : byIds;
  return next();
};
