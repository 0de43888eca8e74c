import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, tableOf } from '../utils/db';

/**
 * How many published rows each website type has in each locale, kept by PostgreSQL
 * triggers in the writing transaction. A website list's total (`meta.pagination.total`)
 * is then one row read instead of a count of every published row: the count was most of
 * an uncached page's database time. Filtered lists still count what they match.
 *
 * The triggers are statement-level with transition tables, so a bulk write adjusts each
 * locale's total once; writes of drafts touch nothing. At every start the totals are
 * counted afresh under a share lock (writers wait for the few milliseconds it takes), so
 * a total can never drift, whatever wrote to the tables while the triggers were absent.
 */
export const TOTALS_TABLE = 'liaison_published_totals';
const COUNTED = ['plugin::liaison.story', 'plugin::liaison.event'] as const;
type Counted = (typeof COUNTED)[number];

const columns = (strapi: Core.Strapi, uid: Counted) => ({
  table: tableOf(strapi, uid),
  locale: columnOf(strapi, uid, 'locale'),
  published: columnOf(strapi, uid, 'publishedAt'),
});

const adjust = (rows: string, sign: '' | '-', c: ReturnType<typeof columns>) => `
  INSERT INTO ${TOTALS_TABLE} AS t (table_name, locale, total)
  SELECT TG_TABLE_NAME, ${c.locale}, ${sign}count(*) FROM ${rows} WHERE ${c.published} IS NOT NULL
   GROUP BY ${c.locale} ORDER BY ${c.locale}
  ON CONFLICT (table_name, locale) DO UPDATE SET total = t.total + EXCLUDED.total;`;

const triggerFunction = (c: ReturnType<typeof columns>) => `
  CREATE OR REPLACE FUNCTION ${c.table}_published_total() RETURNS trigger AS $$
  BEGIN
    IF TG_OP = 'TRUNCATE' THEN
      DELETE FROM ${TOTALS_TABLE} WHERE table_name = TG_TABLE_NAME;
    ELSIF TG_OP = 'INSERT' THEN ${adjust('new_rows', '', c)}
    ELSIF TG_OP = 'DELETE' THEN ${adjust('old_rows', '-', c)}
    ELSE
      INSERT INTO ${TOTALS_TABLE} AS t (table_name, locale, total)
      SELECT TG_TABLE_NAME, d.locale, sum(d.n) FROM (
        SELECT ${c.locale} AS locale, 1 AS n FROM new_rows WHERE ${c.published} IS NOT NULL
        UNION ALL
        SELECT ${c.locale}, -1 FROM old_rows WHERE ${c.published} IS NOT NULL
      ) d GROUP BY d.locale HAVING sum(d.n) <> 0 ORDER BY d.locale
      ON CONFLICT (table_name, locale) DO UPDATE SET total = t.total + EXCLUDED.total;
    END IF;
    RETURN NULL;
  END $$ LANGUAGE plpgsql`;

const TRIGGERS = [
  { suffix: 'ins', event: 'INSERT', referencing: 'REFERENCING NEW TABLE AS new_rows' },
  { suffix: 'upd', event: 'UPDATE', referencing: 'REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows' },
  { suffix: 'del', event: 'DELETE', referencing: 'REFERENCING OLD TABLE AS old_rows' },
  { suffix: 'trunc', event: 'TRUNCATE', referencing: '' },
];

/** Creates the totals table and triggers (PostgreSQL) and counts the totals afresh; run inside the start-up transaction. */
export const installPublishedTotals = async (strapi: Core.Strapi, trx: any) => {
  if (!isPostgres(strapi)) return;
  await trx.raw(`CREATE TABLE IF NOT EXISTS ${TOTALS_TABLE} (
    table_name varchar(63) NOT NULL, locale varchar(32) NOT NULL, total bigint NOT NULL, PRIMARY KEY (table_name, locale))`);
  const all = COUNTED.map((uid) => columns(strapi, uid));
  await trx.raw(`LOCK TABLE ${all.map((c) => c.table).join(', ')} IN SHARE MODE`);
  for (const c of all) {
    await trx.raw(triggerFunction(c));
    for (const t of TRIGGERS) {
      const name = `${c.table}_published_total_${t.suffix}`;
      const exists = await trx.raw('SELECT 1 FROM pg_trigger WHERE tgname = ?', [name]);
      if (exists.rows.length) continue;
      await trx.raw(
        `CREATE TRIGGER ${name} AFTER ${t.event} ON ${c.table} ${t.referencing} FOR EACH STATEMENT EXECUTE FUNCTION ${c.table}_published_total()`,
      );
    }
    await trx.raw(`DELETE FROM ${TOTALS_TABLE} WHERE table_name = ?`, [c.table]);
    await trx.raw(
      `INSERT INTO ${TOTALS_TABLE} (table_name, locale, total)
       SELECT ?, ${c.locale}, count(*) FROM ${c.table} WHERE ${c.published} IS NOT NULL GROUP BY ${c.locale}`,
      [c.table],
    );
  }
};

/** The SQL of a type's published total in a locale (PostgreSQL), for use inside a larger statement. */
export const publishedTotalSql = (strapi: Core.Strapi, uid: Counted, locale: string) =>
  strapi.db.connection.raw(`COALESCE((SELECT total FROM ${TOTALS_TABLE} WHERE table_name = ? AND locale = ?), 0)`, [
    tableOf(strapi, uid),
    locale,
  ]);
