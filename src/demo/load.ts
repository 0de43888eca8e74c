/**
 * A fast loader for the demo data: batched multi-row INSERTs through Strapi's knex
 * connection, inside one transaction, writing rows exactly as the Document Service
 * would: document ids, timestamps, `published_at`, locales, draft and published rows
 * of draft & publish types, and the link tables of relations with their order columns.
 *
 * Table, column and link-table names all come from `strapi.db.metadata`.
 */
import { randomBytes } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import type { DemoData, LocalizedDocument } from './generate';

type Knex = Core.Strapi['db']['connection'];

/** The types the demo writes, in the order they are written, and where their records are. */
export const DEMO_TYPES = [
  { uid: 'plugin::liaison.college', key: 'colleges' },
  { uid: 'plugin::liaison.cohort', key: 'cohorts' },
  { uid: 'plugin::liaison.chapter', key: 'chapters' },
  { uid: 'plugin::liaison.industry-group', key: 'industries' },
  { uid: 'plugin::liaison.alumnus', key: 'alumni' },
  { uid: 'plugin::liaison.liaison', key: 'posts' },
  { uid: 'plugin::liaison.training-course', key: 'courses' },
  { uid: 'plugin::liaison.training-session', key: 'sessions' },
  { uid: 'plugin::liaison.training-record', key: 'trainingRecords' },
  { uid: 'plugin::liaison.appraisal-cycle', key: 'cycles' },
  { uid: 'plugin::liaison.appraisal', key: 'appraisals' },
  { uid: 'plugin::liaison.appraisal-score', key: 'appraisalScores' },
  { uid: 'plugin::liaison.honour', key: 'honours' },
  { uid: 'plugin::liaison.conduct-version', key: 'conductVersions' },
  { uid: 'plugin::liaison.conduct-acknowledgement', key: 'conductAcknowledgements' },
  { uid: 'plugin::liaison.contact-log', key: 'contactLogs' },
  { uid: 'plugin::liaison.feedback', key: 'feedback' },
  { uid: 'plugin::liaison.story', key: 'stories' },
  { uid: 'plugin::liaison.event', key: 'events' },
] as const satisfies readonly { uid: UID.ContentType; key: keyof DemoData }[];

export type DemoTypeUid = (typeof DEMO_TYPES)[number]['uid'];

/** Most bound parameters one statement may carry. */
export const MAX_PARAMETERS = { sqlite: 32766, postgres: 65535 } as const;

export interface LoadOptions {
  onProgress?: (step: string, done: number, total: number) => void;
  /** The time written to created_at / updated_at / published_at. */
  now?: Date;
}

// ------------------------------------------------------------------ metadata

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
}

interface AttributeMeta {
  type: string;
  columnName?: string;
  default?: unknown;
  relation?: string;
  target?: string;
  mappedBy?: string;
  joinTable?: JoinTable;
}

interface ModelMeta {
  tableName: string;
  attributes: Record<string, AttributeMeta>;
}

const modelMeta = (strapi: Core.Strapi, uid: string): ModelMeta =>
  strapi.db.metadata.get(uid as UID.ContentType) as unknown as ModelMeta;

/** The attributes Strapi fills itself: values come from the loader, not the records. */
const SYSTEM_ATTRIBUTES = new Set(['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'locale']);

// ------------------------------------------------------------------ values

type Cell = string | number | boolean | Date | null;

/** What Strapi's field classes do to a value before it reaches knex (see @strapi/database fields). */
const toCell = (type: string, value: unknown): Cell => {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'datetime':
    case 'timestamp':
      return value instanceof Date ? value : new Date(value as string);
    case 'json':
    case 'blocks':
      return typeof value === 'object' ? JSON.stringify(value) : (value as string);
    case 'boolean':
      return Boolean(value);
    case 'date':
      return typeof value === 'string' ? value.slice(0, 10) : (value as Date).toISOString().slice(0, 10);
    default:
      return value as Cell;
  }
};

/**
 * Document ids in the shape of Strapi's (cuid2): 24 characters, a letter first, then
 * lower-case letters and digits, from the operating system's random source.
 */
export const createDocumentIds = (count: number): string[] => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const ids: string[] = new Array(count);
  let pool = randomBytes(Math.max(64, count * 30));
  let at = 0;
  const nextChar = (limit: number) => {
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
  for (let i = 0; i < count; i += 1) {
    let id = nextChar(26);
    for (let k = 1; k < 24; k += 1) id += nextChar(36);
    ids[i] = id;
  }
  return ids;
};

// ------------------------------------------------------------------ writing

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Rows one PostgreSQL statement carries: each column travels as one array parameter. */
export const POSTGRES_ROWS_PER_STATEMENT = 5000;

class BatchWriter {
  private readonly columnTypes = new Map<string, Map<string, string>>();

  constructor(
    private readonly trx: Knex,
    private readonly client: 'sqlite' | 'postgres',
    private readonly progress: (step: string, done: number, total: number) => void
  ) {}

  async insert(table: string, columns: string[], rows: Cell[][], step: string) {
    if (rows.length === 0) return;
    if (this.client === 'postgres') await this.insertArrays(table, columns, rows, step);
    else await this.insertValues(table, columns, rows, step);
  }

  /**
   * SQLite: multi-row INSERT … VALUES, as many rows a statement as its limit of bound
   * variables allows.
   */
  private async insertValues(table: string, columns: string[], rows: Cell[][], step: string) {
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS.sqlite / columns.length));
    const head = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    let fullSql: string | null = null;
    for (let from = 0; from < rows.length; from += perStatement) {
      const chunk = rows.slice(from, from + perStatement);
      const sql =
        chunk.length === perStatement
          ? (fullSql ??= head + new Array(perStatement).fill(tuple).join(', '))
          : head + new Array(chunk.length).fill(tuple).join(', ');
      const bindings: Cell[] = new Array(chunk.length * columns.length);
      let b = 0;
      for (const row of chunk) for (const cell of row) bindings[b++] = cell;
      await this.trx.raw(sql, bindings as never);
      this.progress(step, Math.min(rows.length, from + chunk.length), rows.length);
    }
  }

  /**
   * PostgreSQL: INSERT … SELECT FROM unnest($1::type[], $2::type[], …), one array
   * parameter a column. PostgreSQL parses and plans a VALUES list of 65,535 parameters
   * slowly; arrays of the same rows go in about 2.5× faster. Values reach the server
   * through the same driver serialisation as Strapi's own writes (dates included).
   */
  private async insertArrays(table: string, columns: string[], rows: Cell[][], step: string) {
    const types = await this.typesOf(table);
    const casts = columns.map((c) => {
      const type = types.get(c);
      if (!type) throw new Error(`seedDemo: ${table} has no column ${c}`);
      return `?::${type}[]`;
    });
    const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`;
    for (let from = 0; from < rows.length; from += POSTGRES_ROWS_PER_STATEMENT) {
      const chunk = rows.slice(from, from + POSTGRES_ROWS_PER_STATEMENT);
      const arrays = columns.map((_, k) => chunk.map((row) => row[k]));
      await this.trx.raw(sql, arrays as never);
      this.progress(step, Math.min(rows.length, from + chunk.length), rows.length);
    }
  }

  private async typesOf(table: string) {
    let types = this.columnTypes.get(table);
    if (!types) {
      const result = await this.trx.raw(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type
           FROM pg_attribute WHERE attrelid = ?::regclass AND attnum > 0 AND NOT attisdropped`,
        [quote(table)]
      );
      types = new Map((result.rows as { name: string; type: string }[]).map((r) => [r.name, r.type]));
      this.columnTypes.set(table, types);
    }
    return types;
  }
}

/**
 * Row ids for `count` new rows. PostgreSQL: taken from the table's own sequence, so that
 * concurrent writers can never collide with them (normally one contiguous range; the
 * list itself when another writer interleaved). SQLite: the next ids after the highest
 * ever used (AUTOINCREMENT never reuses one); the transaction holds the only write lock.
 */
const allocateIds = async (trx: Knex, client: 'sqlite' | 'postgres', table: string, idColumn: string, count: number) => {
  if (count === 0) return [];
  if (client === 'postgres') {
    const result = await trx.raw(
      `SELECT MIN(id) AS lo, MAX(id) AS hi,
              CASE WHEN MAX(id) - MIN(id) + 1 = COUNT(*) THEN NULL ELSE array_agg(id ORDER BY id) END AS ids
         FROM (SELECT nextval(pg_get_serial_sequence(?, ?)) AS id FROM generate_series(1, ?)) taken`,
      [quote(table), idColumn, count]
    );
    const { lo, ids } = result.rows[0] as { lo: string; ids: string[] | null };
    return ids ? ids.map(Number) : Array.from({ length: count }, (_, i) => Number(lo) + i);
  }
  const [max] = await trx.raw(`SELECT MAX(${quote(idColumn)}) AS id FROM ${quote(table)}`);
  const sequence = await trx.raw('SELECT seq FROM sqlite_sequence WHERE name = ?', [table]).catch(() => []);
  const base = Math.max(Number(max?.id ?? 0), Number(sequence[0]?.seq ?? 0));
  return Array.from({ length: count }, (_, i) => base + 1 + i);
};

interface Plan {
  uid: DemoTypeUid;
  meta: ModelMeta;
  records: readonly object[];
  localized: boolean;
  draftAndPublish: boolean;
  locales: readonly string[];
  /** Row ids: for each document, one per locale and status (draft then published). */
  rowIds: number[][];
}

/** Rows a document has: one per locale, twice with draft & publish (draft, then published). */
const rowsPerDocument = (plan: Pick<Plan, 'localized' | 'draftAndPublish' | 'locales'>) =>
  (plan.localized ? plan.locales.length : 1) * (plan.draftAndPublish ? 2 : 1);

/**
 * Writes the data with `trx`, which must be a transaction: the caller commits or rolls back.
 * Returns the number of documents written per content type.
 */
export async function writeDemo(
  strapi: Core.Strapi,
  trx: Knex,
  data: DemoData,
  options: LoadOptions = {}
): Promise<Record<string, number>> {
  const client = strapi.db.dialect.client === 'postgres' ? 'postgres' : 'sqlite';
  if (strapi.db.dialect.client !== client) throw new Error(`seedDemo: unsupported database client ${strapi.db.dialect.client}`);
  const progress = options.onProgress ?? (() => undefined);
  const writer = new BatchWriter(trx, client, progress);
  const now = options.now ?? new Date();

  // Plan every type first: ids must be known before any relation can be written.
  const plans = new Map<string, Plan>();
  for (const { uid, key } of DEMO_TYPES) {
    const contentType = strapi.contentType(uid);
    const meta = modelMeta(strapi, uid);
    const localized = (contentType.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized === true;
    const draftAndPublish = contentType.options?.draftAndPublish === true;
    const records = data[key] as readonly object[];
    const locales = localized ? Object.keys((records[0] as LocalizedDocument<object, object> | undefined)?.locales ?? {}) : [];
    const plan: Plan = { uid, meta, records, localized, draftAndPublish, locales, rowIds: [] };
    const perDocument = rowsPerDocument(plan);
    const ids = await allocateIds(trx, client, meta.tableName, meta.attributes.id.columnName ?? 'id', records.length * perDocument);
    plan.rowIds = records.map((_, i) => ids.slice(i * perDocument, (i + 1) * perDocument));
    plans.set(uid, plan);
  }

  const counts: Record<string, number> = {};
  for (const plan of plans.values()) {
    await writeRows(plan, writer, now);
    counts[plan.uid] = plan.records.length;
  }
  for (const plan of plans.values()) await writeLinks(plan, plans, writer);
  // The planner still believes the tables it just filled are empty: without fresh statistics
  // PostgreSQL runs the naming statements' look-ups as scans (minutes at 300,000 alumni).
  if (client === 'postgres') await trx.raw('ANALYZE');
  // Posts ("<holder> · <scope> · <role>"), appraisals, training, contact logs and feedback are
  // named by the plugin, one statement per type.
  await strapi.plugin('liaison').service('record-labels').refreshAll(trx);
  return counts;
}

/** Separates a record into the attributes it sets and the relations it links. */
const splitRecord = (plan: Plan) => {
  const sample = plan.records[0] as Record<string, unknown> | undefined;
  const fields = plan.localized
    ? { ...(sample as unknown as LocalizedDocument<object, object>)?.shared, ...Object.values((sample as unknown as LocalizedDocument<object, object>)?.locales ?? {})[0] }
    : sample ?? {};
  const relations: string[] = [];
  for (const name of Object.keys(fields)) {
    const attribute = plan.meta.attributes[name];
    if (!attribute) throw new Error(`seedDemo: ${plan.uid} has no attribute "${name}"`);
    if (attribute.type === 'relation') {
      if (attribute.mappedBy || !attribute.joinTable) throw new Error(`seedDemo: ${plan.uid}.${name} is not the owning side of its relation`);
      relations.push(name);
    }
  }
  return relations;
};

/** The values of a record for one row: the locale's own fields over the shared ones. */
const fieldsOf = (plan: Plan, record: object, locale: string | null): Record<string, unknown> => {
  if (!plan.localized) return record as Record<string, unknown>;
  const doc = record as LocalizedDocument<Record<string, unknown>, Record<string, unknown>>;
  return { ...doc.shared, ...(doc.locales as Record<string, Record<string, unknown>>)[locale as string] };
};

async function writeRows(plan: Plan, writer: BatchWriter, now: Date) {
  splitRecord(plan);
  const columns: { name: string; attribute: string; type: string; default: unknown }[] = [];
  for (const [name, attribute] of Object.entries(plan.meta.attributes)) {
    if (attribute.type === 'relation' || !attribute.columnName) continue;
    columns.push({ name: attribute.columnName, attribute: name, type: attribute.type, default: attribute.default });
  }
  const documentIds = createDocumentIds(plan.records.length);
  const rows: Cell[][] = [];
  plan.records.forEach((record, i) => {
    const ids = plan.rowIds[i];
    let r = 0;
    for (const locale of plan.localized ? plan.locales : [null]) {
      const fields = fieldsOf(plan, record, locale);
      for (const published of plan.draftAndPublish ? [false, true] : [true]) {
        const system: Record<string, Cell> = {
          id: ids[r++],
          documentId: documentIds[i],
          createdAt: now,
          updatedAt: now,
          // Types without draft & publish store their one row as published.
          publishedAt: published ? now : null,
          locale,
        };
        rows.push(
          columns.map((c) => {
            if (SYSTEM_ATTRIBUTES.has(c.attribute)) return system[c.attribute];
            let value = fields[c.attribute];
            if (value === undefined) value = typeof c.default === 'function' ? (c.default as () => unknown)() : c.default;
            return toCell(c.type, value);
          })
        );
      }
    }
  });
  await writer.insert(
    plan.meta.tableName,
    columns.map((c) => c.name),
    rows,
    plan.uid
  );
}

async function writeLinks(plan: Plan, plans: Map<string, Plan>, writer: BatchWriter) {
  for (const name of splitRecord(plan)) {
    const attribute = plan.meta.attributes[name];
    const joinTable = attribute.joinTable as JoinTable;
    const target = plans.get(attribute.target as string);
    if (!target) throw new Error(`seedDemo: ${plan.uid}.${name} links to ${attribute.target}, which the demo does not write`);
    if (target.draftAndPublish || target.localized) {
      throw new Error(`seedDemo: ${plan.uid}.${name} links to a draft & publish or localised type; not supported`);
    }
    const columns = [joinTable.joinColumn.name, joinTable.inverseJoinColumn.name];
    if (joinTable.orderColumnName) columns.push(joinTable.orderColumnName);
    if (joinTable.inverseOrderColumnName) columns.push(joinTable.inverseOrderColumnName);

    // Position of the source among the target's inverse relation: 1, 2, 3… per target.
    const inverseOrder = new Map<number, number>();
    const rows: Cell[][] = [];
    plan.records.forEach((record, i) => {
      let r = 0;
      for (const locale of plan.localized ? plan.locales : [null]) {
        const value = fieldsOf(plan, record, locale)[name] as number | number[] | null | undefined;
        const targets = value === null || value === undefined ? [] : Array.isArray(value) ? value : [value];
        for (let s = 0; s < (plan.draftAndPublish ? 2 : 1); s += 1) {
          const sourceId = plan.rowIds[i][r++];
          targets.forEach((t, position) => {
            const targetId = target.rowIds[t]?.[0];
            if (targetId === undefined) throw new Error(`seedDemo: ${plan.uid}.${name} points at ${attribute.target} #${t}, which does not exist`);
            const row: Cell[] = [sourceId, targetId];
            if (joinTable.orderColumnName) row.push(position + 1);
            if (joinTable.inverseOrderColumnName) {
              const next = (inverseOrder.get(targetId) ?? 0) + 1;
              inverseOrder.set(targetId, next);
              row.push(next);
            }
            rows.push(row);
          });
        }
      }
    });
    await writer.insert(joinTable.name, columns, rows, `${plan.uid}.${name}`);
  }
}
