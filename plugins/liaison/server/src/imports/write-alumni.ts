import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { allocateIds, insertRows, newDocumentIds, updateRows } from '../utils/bulk-insert';
import { searchKeyOf } from '../rules/search-key';
import { refreshRecordLabels, sourcesOf } from '../services/record-labels';
import { ALUMNUS_ATTRIBUTES } from './rows';
import { ALUMNUS, LOOKUP_CHUNK, chunks, withDefaults, type Knex } from './store';

/** New and changed alumni of an import, written in batches on the import's transaction. */
export interface NewAlumnus {
  values: Record<string, string | null | undefined>;
  studentNo: string;
  cohort: number | null;
  industry: number | null;
}

/**
 * Rows of new alumni built and written at a time (the progress bar moves by these). What a
 * batch holds lives until its statement comes back, and the garbage collector promotes what
 * lives through its collections: smaller batches leave the old generation less to keep
 * (300,000 rows in 5,000-row batches took the heap a few hundred MB higher).
 */
const INSERT_BATCH = 1000;

/** Ids taken from the alumni table's sequence at a time (PostgreSQL), the next block asked for before it is needed. */
const ID_BLOCK = 10_000;

/**
 * The ids of new alumni, as they are needed. PostgreSQL: blocks from the table's sequence,
 * the next asked for half-way through the current one, so that it comes back while the batch
 * before is written (the transaction's statements run one after the other). SQLite: one
 * writer at a time holds the database, so the ids after the largest taken are this import's.
 */
const idSource = async (strapi: Core.Strapi, trx: Knex, table: string) => {
  if (!isPostgres(strapi)) {
    let next = (await allocateIds(strapi, trx, table, 1))[0];
    return { next: async () => next++ };
  }
  let block: number[] = [];
  let used = 0;
  let coming: Promise<number[]> | null = null;
  // A small import takes a small block first.
  const ask = () => {
    const taken = allocateIds(strapi, trx, table, block.length ? ID_BLOCK : 1000);
    // Awaited when needed; a failed transaction before then is not "unhandled".
    taken.catch(() => undefined);
    return taken;
  };
  return {
    async next() {
      if (used === block.length) {
        block = await (coming ?? ask());
        coming = null;
        used = 0;
      }
      if (!coming && used >= block.length / 2) coming = ask();
      return block[used++];
    },
  };
};

/**
 * Writes new alumni with their class and industry links as they come, as the Document
 * Service writes them (documentId, timestamps, published_at, schema defaults, link tables
 * with their order), a batch at a time: each takes its id when added (idSource), so that rows
 * and links go in together, each statement carrying a batch (PostgreSQL: one array a column,
 * `unnest`). `add` answers the new alumnus's id; `done()` writes what is left and says how many.
 */
export const alumniWriter = async (strapi: Core.Strapi, trx: Knex, onBatch?: (done: number) => void) => {
  const meta = strapi.db.metadata.get(ALUMNUS as any);
  const json = (attribute: string) => (meta.attributes[attribute] as any)?.type === 'json';
  const system = ['documentId', 'createdAt', 'updatedAt', 'publishedAt'];
  const defaults = withDefaults(strapi, ALUMNUS, {});
  const attributes = [...new Set(['studentNo', 'searchKey', ...ALUMNUS_ATTRIBUTES, ...Object.keys(defaults)])].filter((a) => !system.includes(a) && a !== 'id');
  const columns = ['id', ...[...system, ...attributes].map((a) => columnOf(strapi, ALUMNUS, a))];
  const now = new Date();
  // Names repeat (王芳, 张伟 …): each one's pinyin is worked out once.
  const keys = new Map<string, string>();
  const searchKey = (name: string) => {
    let key = keys.get(name);
    if (key === undefined) keys.set(name, (key = searchKeyOf(name)));
    return key;
  };
  const links = { cohort: new Map<number, number>(), industry: new Map<number, number>() };
  const ids = await idSource(strapi, trx, meta.tableName);
  let pending: (NewAlumnus & { id: number })[] = [];
  let written = 0;

  const flush = async () => {
    if (!pending.length) return;
    const part = pending;
    pending = [];
    const documentIds = newDocumentIds(part.length);
    const cohorts = part.map((a) => ({ id: a.id, target: a.cohort }));
    const industries = part.map((a) => ({ id: a.id, target: a.industry }));
    const rows = part.map((a, i) => {
      const data: Record<string, unknown> = { studentNo: a.studentNo, searchKey: searchKey(a.values.name as string) };
      for (const attribute of ALUMNUS_ATTRIBUTES) {
        const v = a.values[attribute];
        if (v !== undefined && v !== null) data[attribute] = v;
      }
      const full = withDefaults(strapi, ALUMNUS, data);
      return [
        a.id,
        documentIds[i],
        now,
        now,
        now,
        ...attributes.map((attribute) => {
          const value = full[attribute];
          if (value === undefined || value === null) return null;
          return json(attribute) ? JSON.stringify(value) : (value as string);
        }),
      ];
    });
    written += part.length;
    part.length = 0;
    const done = written;
    // One batch in the database while the next is judged and built here: the two cores work
    // at once (PostgreSQL's index upkeep is as long as this process's work).
    await inFlight;
    inFlight = (async () => {
      await insertRows(strapi, trx, meta.tableName, columns, rows);
      await insertLinks(strapi, trx, 'cohort', links.cohort, cohorts);
      await insertLinks(strapi, trx, 'industry', links.industry, industries);
      onBatch?.(done);
    })();
    // Awaited at the next batch or at the end; until then a failure is not "unhandled".
    inFlight.catch(() => undefined);
  };
  let inFlight: Promise<void> = Promise.resolve();

  return {
    async add(alumnus: NewAlumnus): Promise<number> {
      const id = await ids.next();
      pending.push({ ...alumnus, id });
      if (pending.length >= INSERT_BATCH) await flush();
      return id;
    },
    async done() {
      await flush();
      await inFlight;
      return written;
    },
  };
};

/** Takes back new alumni of this import (their student number came again later in the file): their links, then them. */
export const deleteNewAlumni = async (strapi: Core.Strapi, trx: Knex, ids: number[]) => {
  for (const part of chunks(ids, LOOKUP_CHUNK)) {
    for (const attribute of ['cohort', 'industry']) {
      const join = joinOf(strapi, ALUMNUS, attribute);
      await trx(join.table).whereIn(join.from, part).delete();
    }
    await trx(tableOf(strapi, ALUMNUS)).whereIn('id', part).delete();
  }
};

/**
 * Link rows of new alumni to the targets of a manyToOne relation: each takes the next place
 * in its target's list (`last`: the last place of each target seen so far, read from the
 * link table the first time a target comes).
 */
const insertLinks = async (strapi: Core.Strapi, trx: Knex, attribute: string, last: Map<number, number>, pairs: { id: number; target: number | null }[]) => {
  const linked = pairs.filter((p): p is { id: number; target: number } => p.target !== null);
  if (!linked.length) return;
  const join = joinOf(strapi, ALUMNUS, attribute);
  const jt = (strapi.db.metadata.get(ALUMNUS as any).attributes[attribute] as any).joinTable;
  if (jt.inverseOrderColumnName) {
    const unseen = [...new Set(linked.map((p) => p.target))].filter((t) => !last.has(t));
    for (const part of chunks(unseen, LOOKUP_CHUNK)) {
      for (const t of part) last.set(t, 0);
      const rows = await trx(join.table).select(join.to).max({ last: jt.inverseOrderColumnName }).whereIn(join.to, part).groupBy(join.to);
      for (const r of rows) last.set(Number(r[join.to]), Number(r.last ?? 0));
    }
  }
  const columns = [join.from, join.to, ...(jt.orderColumnName ? [jt.orderColumnName] : []), ...(jt.inverseOrderColumnName ? [jt.inverseOrderColumnName] : [])];
  const rows = linked.map((p) => {
    const row: number[] = [p.id, p.target];
    if (jt.orderColumnName) row.push(1);
    if (jt.inverseOrderColumnName) {
      const position = (last.get(p.target) ?? 0) + 1;
      last.set(p.target, position);
      row.push(position);
    }
    return row;
  });
  await insertRows(strapi, trx, join.table, columns, rows);
};

export interface ChangedAlumnus {
  id: number;
  /** Every attribute of ALUMNUS_ATTRIBUTES as it is to be stored (unchanged ones as they were). */
  values: Record<string, string | null>;
  searchKey: string | null;
  nameChanged: boolean;
  cohort?: number;
  industry?: number;
}

/** Points a manyToOne relation of these alumni at new targets: their old link rows go, new ones take the next place in the target's list. */
const relink = async (strapi: Core.Strapi, trx: Knex, attribute: string, pairs: { id: number; target: number }[]) => {
  if (!pairs.length) return;
  const join = joinOf(strapi, ALUMNUS, attribute);
  const jt = (strapi.db.metadata.get(ALUMNUS as any).attributes[attribute] as any).joinTable;
  for (const part of chunks(pairs, LOOKUP_CHUNK)) {
    await trx(join.table)
      .whereIn(
        join.from,
        part.map((p) => p.id)
      )
      .delete();
  }
  const next = new Map<number, number>();
  if (jt.inverseOrderColumnName) {
    for (const part of chunks([...new Set(pairs.map((p) => p.target))], LOOKUP_CHUNK)) {
      const rows = await trx(join.table).select(join.to).max({ last: jt.inverseOrderColumnName }).whereIn(join.to, part).groupBy(join.to);
      for (const r of rows) next.set(Number(r[join.to]), Number(r.last ?? 0));
    }
  }
  const links = pairs.map((p) => {
    const link: Record<string, number> = { [join.from]: p.id, [join.to]: p.target };
    if (jt.orderColumnName) link[jt.orderColumnName] = 1;
    if (jt.inverseOrderColumnName) {
      const position = (next.get(p.target) ?? 0) + 1;
      next.set(p.target, position);
      link[jt.inverseOrderColumnName] = position;
    }
    return link;
  });
  const perStatement = Math.floor((isPostgres(strapi) ? 30000 : 30000) / Math.max(1, Object.keys(links[0]).length));
  for (const part of chunks(links, Math.min(5000, perStatement))) await trx(join.table).insert(part);
};

/** Updates changed alumni in batched statements, their links, and the labels that name them. */
export const updateAlumni = async (strapi: Core.Strapi, trx: Knex, changed: ChangedAlumnus[], now: Date) => {
  if (!changed.length) return;
  const attributes = [...ALUMNUS_ATTRIBUTES, 'searchKey', 'updatedAt'];
  await updateRows(
    strapi,
    trx,
    ALUMNUS,
    attributes,
    changed.map((c) => ({ id: c.id, values: [...ALUMNUS_ATTRIBUTES.map((a) => c.values[a] ?? null), c.searchKey, now] }))
  );
  await relink(
    strapi,
    trx,
    'cohort',
    changed.filter((c) => c.cohort !== undefined).map((c) => ({ id: c.id, target: c.cohort as number }))
  );
  await relink(
    strapi,
    trx,
    'industry',
    changed.filter((c) => c.industry !== undefined).map((c) => ({ id: c.id, target: c.industry as number }))
  );
  // Posts, appraisals, training records, contact logs and feedback are named after their alumnus.
  const renamed = changed.filter((c) => c.nameChanged).map((c) => c.id);
  if (renamed.length) {
    const sources = sourcesOf(strapi)[ALUMNUS] ?? [];
    for (const part of chunks(renamed, LOOKUP_CHUNK)) {
      for (const { labelled, path } of sources) await refreshRecordLabels(strapi, labelled, { path, ids: part }, trx);
    }
  }
};
