import type { Core } from '@strapi/strapi';
import { createHash } from 'crypto';
import { columnOf, isPostgres, tableOf } from '../utils/db';

const ALUMNUS = 'plugin::liaison.alumnus';

/**
 * What a search for a person reads: the name with its pinyin and initials (the search key),
 * the published names, the student number, the contact details. The Content Manager's
 * search of alumni (`_q`) looks in these, lower-cased, for what was typed (cm-search.ts);
 * a scoped user's only in those of them they may read.
 */
export const ALUMNI_SEARCH_FIELDS = ['name', 'searchKey', 'displayName', 'displayNameEn', 'studentNo', 'phone', 'email', 'wechat'] as const;
/**
 * What a term of one or two characters is looked for in: the name, its pinyin and
 * initials (王芳, 芳, wf). Two digits of a phone number or letters of an address find
 * half the network, not a person.
 */
export const SHORT_TERM_FIELDS = ['name', 'searchKey'] as const;
export const isShortTerm = (term: string) => [...term].length <= 2;
/** The fields a term is looked for in, by its length. */
export const searchFieldsFor = (term: string): readonly string[] => (isShortTerm(term) ? SHORT_TERM_FIELDS : ALUMNI_SEARCH_FIELDS);

const PIECES = 'liaison_search_pieces';
/** A text's characters and pairs of neighbouring characters, word by word (2 µs a name). */
const PIECES_FUNCTION = `CREATE OR REPLACE FUNCTION ${PIECES}(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
  DECLARE pieces text[] := '{}'; word text; chars text[]; i int;
  BEGIN
    FOREACH word IN ARRAY regexp_split_to_array(t, '\\s+') LOOP
      chars := regexp_split_to_array(word, '');
      pieces := pieces || chars;
      FOR i IN 1 .. coalesce(array_length(chars, 1), 0) - 1 LOOP
        pieces := pieces || (chars[i] || chars[i + 1]);
      END LOOP;
    END LOOP;
    RETURN pieces;
  END $$`;
const LOCK = 774412;

/** Whether this database has the indexes (PostgreSQL with pg_trgm), per Strapi instance. */
const ready = new WeakMap<Core.Strapi, boolean>();
export const searchIndexReady = (strapi: Core.Strapi) => ready.get(strapi) === true;

/**
 * Fields of one alumnus as one lower-cased text, separated by line feeds (which a search
 * term never holds): the expression an index is built on, and that the search repeats
 * word for word so that PostgreSQL uses it.
 */
const textOf = (strapi: Core.Strapi, alias: string, fields: readonly string[]) =>
  `lower(${fields.map((f) => `coalesce(${alias}.${columnOf(strapi, ALUMNUS, f)}::text, '')`).join(` || E'\\n' || `)})`;
const trigramsOn = (strapi: Core.Strapi, alias: string) => textOf(strapi, alias, ALUMNI_SEARCH_FIELDS);
const piecesOn = (strapi: Core.Strapi, alias: string) => `${PIECES}(${textOf(strapi, alias, SHORT_TERM_FIELDS)})`;

/**
 * The two GIN indexes: trigrams of the search fields (`LIKE '%term%'` for terms of three
 * characters and more), and the name's pieces (1 and 2 characters, where trigrams find
 * nothing). Each is named after a hash of its definition, so that a release that changes
 * the fields or the function builds it anew (and drops the old one) instead of keeping an
 * index no search uses.
 */
export const searchIndexes = (strapi: Core.Strapi) => {
  const table = tableOf(strapi, ALUMNUS);
  const named = (base: string, definition: string, uses = '') => ({
    name: `${base}_${createHash('sha1').update(definition + uses).digest('hex').slice(0, 8)}`,
    base,
    definition,
  });
  return [
    named('liaison_alumni_search_trgm', `USING gin ((${trigramsOn(strapi, table)}) gin_trgm_ops)`),
    named('liaison_alumni_search_pieces', `USING gin (${piecesOn(strapi, table)})`, PIECES_FUNCTION),
  ];
};

/**
 * On PostgreSQL, at each start (idempotent, one instance at a time): the pg_trgm extension,
 * the pieces function and the two indexes (searchIndexes). Without the right to create the
 * extension, a warning, and searches read the table.
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
        `liaison: could not create the PostgreSQL extension pg_trgm (${(error as Error).message}); alumni searches will read the whole table. ` +
          'Run "CREATE EXTENSION pg_trgm" as a database owner and restart.',
      );
      ready.set(strapi, false);
      return;
    }
  }
  const table = tableOf(strapi, ALUMNUS);
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SELECT pg_advisory_xact_lock(?)', [LOCK]);
    await trx.raw(PIECES_FUNCTION);
    for (const index of searchIndexes(strapi)) {
      const stale = await trx.raw(
        `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ? AND indexname LIKE ? AND indexname <> ?`,
        [table, `${index.base}\\_%`, index.name],
      );
      for (const row of stale.rows) await trx.raw(`DROP INDEX IF EXISTS ${row.indexname}`);
      await trx.raw(`CREATE INDEX IF NOT EXISTS ${index.name} ON ${table} ${index.definition}`);
    }
  });
  ready.set(strapi, true);
};

/** `LIKE` pattern of a term, its wildcards escaped (`\` is PostgreSQL's default LIKE escape). */
export const containsPattern = (term: string) => `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/**
 * How the indexes can find a term: by trigrams when it has a run of three letters or
 * digits (what pg_trgm makes trigrams of), by its piece when it is one or two characters
 * without spaces (in the name, pinyin and initials only); otherwise they cannot (`null`:
 * search without them).
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
  const covered: readonly string[] = how === 'pieces' ? SHORT_TERM_FIELDS : ALUMNI_SEARCH_FIELDS;
  if (!how || !fields.length || !fields.every((f) => covered.includes(f))) return null;
  const pattern = containsPattern(term);
  const eachField = fields.map((f) => `lower(${alias}.${columnOf(strapi, ALUMNUS, f)}::text) LIKE lower(?)`).join(' OR ');
  const first = how === 'trigrams' ? `${trigramsOn(strapi, alias)} LIKE lower(?)` : `${piecesOn(strapi, alias)} @> ARRAY[lower(?)]`;
  return { sql: `(${first} AND (${eachField}))`, bindings: [how === 'trigrams' ? pattern : term, ...fields.map(() => pattern)] };
};
