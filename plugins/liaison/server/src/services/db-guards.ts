import type { Core, UID } from '@strapi/strapi';
import { checkMessage } from '../utils/db-errors';
import { installPublishedTotals } from '../website/published-totals';
import { installRateTable } from '../website/rate-limit';

/**
 * Rules the database itself keeps, so that writers that bypass the Document Service
 * (the bulk importer, SQL) cannot break them either. The Document Service guard
 * checks the same rules and names the field; these triggers are the backstop.
 */
export const DATE_ORDER = [
  { uid: 'plugin::liaison.liaison', earlier: 'termStart', later: 'termEnd' },
  { uid: 'plugin::liaison.appraisal-cycle', earlier: 'periodStart', later: 'periodEnd' },
  { uid: 'plugin::liaison.training-session', earlier: 'startsAt', later: 'endsAt' },
  { uid: 'plugin::liaison.event', earlier: 'startsAt', later: 'endsAt' },
  { uid: 'plugin::liaison.event', earlier: 'registrationOpensAt', later: 'registrationClosesAt' },
] as const;

/**
 * Slugs are unique per locale across documents. A document's draft and published
 * rows share their slug, hence the "is draft" part of the key.
 */
export const SLUG_INDEXES = [
  { uid: 'plugin::liaison.story', name: 'stories_slug_locale_uq', field: 'slug' },
  { uid: 'plugin::liaison.event', name: 'events_slug_locale_uq', field: 'slug' },
] as const;

/**
 * The website's lists read published rows of one locale in their usual order: newest
 * stories first, events by start. Partial indexes on exactly that make a page an index
 * scan of its rows and the total an index-only count, however many drafts there are.
 */
const PUBLIC_LIST_INDEXES = [
  { uid: 'plugin::liaison.story', name: 'stories_published_idx', order: ['publishedAt DESC', 'id DESC'] },
  { uid: 'plugin::liaison.event', name: 'events_published_idx', order: ['startsAt', 'id'] },
] as const;

export const indexFieldNames = (): Record<string, string> =>
  Object.fromEntries(SLUG_INDEXES.map((i) => [i.name, i.field]));

const columnOf = (strapi: Core.Strapi, uid: UID.Schema, attribute: string) => {
  const meta = strapi.db.metadata.get(uid);
  const column = (meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName;
  if (!column) throw new Error(`db-guards: ${uid} has no column for ${attribute}`);
  return { table: meta.tableName, column };
};

export const installDatabaseGuards = async (strapi: Core.Strapi) => {
  const isPostgres = strapi.db.dialect.client === 'postgres';

  await strapi.db.transaction(async ({ trx }) => {
    if (isPostgres) await trx.raw('SELECT pg_advisory_xact_lock(?)', [774411]);

    for (const index of SLUG_INDEXES) {
      const { table, column } = columnOf(strapi, index.uid, index.field);
      const locale = columnOf(strapi, index.uid, 'locale').column;
      const published = columnOf(strapi, index.uid, 'publishedAt').column;
      await trx.raw(
        `CREATE UNIQUE INDEX IF NOT EXISTS ${index.name} ON ${table} (${column}, ${locale}, (${published} IS NULL))`
      );
    }

    for (const index of PUBLIC_LIST_INDEXES) {
      const { table } = columnOf(strapi, index.uid, 'locale');
      const col = (attribute: string) => (attribute === 'id' ? 'id' : columnOf(strapi, index.uid, attribute).column);
      const order = index.order.map((o) => {
        const [attribute, direction] = o.split(' ');
        return `${col(attribute)}${direction ? ` ${direction}` : ''}`;
      });
      const published = col('publishedAt');
      await trx.raw(
        `CREATE INDEX IF NOT EXISTS ${index.name} ON ${table} (${col('locale')}, ${order.join(', ')}) WHERE ${published} IS NOT NULL`
      );
    }

    await installPublishedTotals(strapi, trx);
    await installRateTable(trx);
    // The rate limits' table of earlier releases (a row written per request).
    await trx.schema.dropTableIfExists('liaison_rate_limits');

    for (const rule of DATE_ORDER) {
      const a = columnOf(strapi, rule.uid, rule.earlier);
      const b = columnOf(strapi, rule.uid, rule.later);
      const name = `${a.table}_${b.column}_chk`.slice(0, 55);
      const message = checkMessage(rule.later, 'date.after', { field: rule.earlier });
      const broken = `NEW.${b.column} IS NOT NULL AND NEW.${a.column} IS NOT NULL AND NEW.${b.column} <= NEW.${a.column}`;
      if (isPostgres) {
        await trx.raw(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger AS $$
          BEGIN
            IF ${broken} THEN RAISE EXCEPTION '${message}' USING ERRCODE = '23514'; END IF;
            RETURN NEW;
          END $$ LANGUAGE plpgsql`);
        const exists = await trx.raw('SELECT 1 FROM pg_trigger WHERE tgname = ?', [name]);
        if (exists.rows.length === 0) {
          await trx.raw(
            `CREATE TRIGGER ${name} BEFORE INSERT OR UPDATE ON ${a.table} FOR EACH ROW EXECUTE FUNCTION ${name}()`
          );
        }
      } else {
        for (const op of ['INSERT', 'UPDATE']) {
          // Made again at each start, so that its message is the current one (SQLite has no CREATE OR REPLACE TRIGGER).
          await trx.raw(`DROP TRIGGER IF EXISTS ${name}_${op.toLowerCase()}`);
          await trx.raw(
            `CREATE TRIGGER ${name}_${op.toLowerCase()} BEFORE ${op} ON ${a.table} FOR EACH ROW
             WHEN ${broken} BEGIN SELECT RAISE(ABORT, '${message}'); END`
          );
        }
      }
    }
  });
};
