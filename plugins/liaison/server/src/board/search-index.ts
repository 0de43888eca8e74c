import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, tableOf } from '../utils/db';

const ALUMNUS = 'plugin::liaison.alumnus';

/**
 * What a search for a person reads: the name with its pinyin and initials (the search key),
 * the published names, the student number, the contact details, where they work. The
 * Content Manager's search of alumni (`_q`) looks in these, lower-cased, for what was typed
 * (alumni-cm-search.ts); a scoped user's only in those of them they may read.
 */
export const ALUMNI_SEARCH_FIELDS = [
  'name',
  'searchKey',
  'displayName',
  'displayNameEn',
  'studentNo',
  'phone',
  'email',
  'wechat',
  'employer',
  'jobTitle',
] as const;

/** The two indexes: trigrams of the search text (3 characters and more), its 1- and 2-character pieces (shorter). */
export const SEARCH_INDEXES = { trigrams: 'liaison_alumni_search_trgm', pieces: 'liaison_alumni_search_pieces' } as const;
const PIECES = 'liaison_search_pieces';
const LOCK = 774412;

/** Whether this database has the indexes (PostgreSQL with pg_trgm), per Strapi instance. */
const ready = new WeakMap<Core.Strapi, boolean>();
export const searchIndexReady = (strapi: Core.Strapi) => ready.get(strapi) === true;

/**
 * All the search fields of one alumnus as one lower-cased text, fields separated by a
 * line feed, which a search term never holds: the expression both indexes are built on,
 * and that the search repeats word for word so that PostgreSQL uses them.
 */
export const searchTextSql = (strapi: Core.Strapi, alias: string) =>
  `lower(${ALUMNI_SEARCH_FIELDS.map((f) => `coalesce(${alias}.${columnOf(strapi, ALUMNUS, f)}::text, '')`).join(` || E'\\n' || `)})`;

/**
 * On PostgreSQL, at each start (idempotent, one instance at a time): the pg_trgm extension,
 * a function giving a text's distinct 1- and 2-character pieces, and two GIN indexes on the
 * alumni's search text: its trigrams (`LIKE '%term%'` for terms of three characters and
 * more) and its pieces (a 2-character name such as 王芳, initials, where trigrams find
 * nothing). Without the right to create the extension, a warning, and searches scan.
 */
export const installSearchIndexes = async (strapi: Core.Strapi) => {
  if (!isPostgres(strapi)) return;
  const knex = strapi.db.connection;
  try {
    await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
  } catch (error) {
    const available = await knex.raw(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`);
    if (!available.rows.length) {
      strapi.log.warn(
        `liaison: could not create the PostgreSQL extension pg_trgm (${(error as Error).message}); alumni searches will scan the table. ` +
          'Run "CREATE EXTENSION pg_trgm" as a database owner and restart.',
      );
      ready.set(strapi, false);
      return;
    }
  }
  const table = tableOf(strapi, ALUMNUS);
  const text = searchTextSql(strapi, table);
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK]);
    await trx.raw(`CREATE OR REPLACE FUNCTION ${PIECES}(t text) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(DISTINCT p), '{}') FROM (
        SELECT substr(t, i, 1) AS p FROM generate_series(1, char_length(t)) i
        UNION ALL SELECT substr(t, i, 2) FROM generate_series(1, char_length(t) - 1) i
      ) pieces WHERE p !~ '\\s'
    $$`);
    await trx.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_INDEXES.trigrams} ON ${table} USING gin ((${text}) gin_trgm_ops)`);
    await trx.raw(`CREATE INDEX IF NOT EXISTS ${SEARCH_INDEXES.pieces} ON ${table} USING gin (${PIECES}(${text}))`);
  });
  ready.set(strapi, true);
};

/** `LIKE` pattern of a term, its wildcards escaped (`\` is PostgreSQL's default LIKE escape). */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * How the indexes can find a term: by trigrams when it has a run of three letters or
 * digits (what pg_trgm makes trigrams of), by its piece when it is one or two characters
 * without spaces; otherwise they cannot (`null`: search without them).
 */
export const indexedBy = (term: string): 'trigrams' | 'pieces' | null => {
  if (!term || term.includes('\n')) return null;
  if (/[\p{L}\p{N}]{3}/u.test(term)) return 'trigrams';
  if ([...term].length <= 2 && !/\s/.test(term)) return 'pieces';
  return null;
};

/**
 * The SQL condition (with its bindings) under which alumnus row `alias` holds the
 * lower-cased `term` in one of `fields`, written so that PostgreSQL finds the rows through
 * the search indexes: the index's condition on the whole search text first, each field's
 * own `LIKE` after it, so the answer is exactly the fields' (the search text holds the
 * term whenever a field does). Null when the indexes cannot serve this term here.
 */
export const indexedCondition = (strapi: Core.Strapi, alias: string, term: string, fields: readonly string[]) => {
  const how = searchIndexReady(strapi) ? indexedBy(term) : null;
  if (!how || !fields.length) return null;
  const text = searchTextSql(strapi, alias);
  const pattern = containsPattern(term);
  const eachField = fields.map((f) => `lower(${alias}.${columnOf(strapi, ALUMNUS, f)}::text) LIKE lower(?)`).join(' OR ');
  const first = how === 'trigrams' ? `${text} LIKE lower(?)` : `${PIECES}(${text}) @> ARRAY[lower(?)]`;
  return { sql: `(${first} AND (${eachField}))`, bindings: [how === 'trigrams' ? pattern : term, ...fields.map(() => pattern)] };
};
