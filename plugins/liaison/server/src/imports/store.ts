import type { Core } from '@strapi/strapi';
import { pinyin } from 'pinyin-pro';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { allocateIds, insertDocuments, insertRows, newDocumentIds, updateRows } from '../utils/bulk-insert';
import { searchKeyOf } from '../rules/search-key';
import { refreshRecordLabels, sourcesOf } from '../services/record-labels';
import { ALUMNUS_ATTRIBUTES } from './rows';
import type { CohortRecord, CollegeRecord, ExistingAlumnus, IndustryRecord, NewCohort, NewCollege, NewIndustry, Ref, Snapshot } from './resolve';

/**
 * The import's reads and writes, in batched SQL on the caller's knex (a transaction for
 * writes): rows are written as the Document Service writes them (documentId, timestamps,
 * published_at, schema defaults, link tables with their order), the alumni's search key is
 * computed as the write pipeline computes it, and the labels that name an alumnus follow a
 * change of name (services/record-labels.ts).
 */
export const ALUMNUS = 'plugin::liaison.alumnus';
const MERGE = 'plugin::liaison.alumni-merge';
const COLLEGE = 'plugin::liaison.college';
const COHORT = 'plugin::liaison.cohort';
const INDUSTRY = 'plugin::liaison.industry-group';

type Knex = any;

/** Rows a statement looks up by key. */
const LOOKUP_CHUNK = 5000;

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** Colleges, classes and industry groups: a few thousand rows, read whole. */
export const loadSnapshot = async (strapi: Core.Strapi, knex: Knex): Promise<Snapshot> => {
  const c = (uid: string, attribute: string) => columnOf(strapi, uid, attribute);
  const colleges = (await knex(tableOf(strapi, COLLEGE)).select({
    id: 'id',
    code: c(COLLEGE, 'code'),
    name: c(COLLEGE, 'name'),
    nameEn: c(COLLEGE, 'nameEn'),
  })) as CollegeRecord[];
  const link = joinOf(strapi, COHORT, 'college');
  const cohorts = (await knex(`${tableOf(strapi, COHORT)} as k`)
    .leftJoin(`${link.table} as l`, `l.${link.from}`, 'k.id')
    .select({
      id: 'k.id',
      code: `k.${c(COHORT, 'code')}`,
      className: `k.${c(COHORT, 'className')}`,
      gradYear: `k.${c(COHORT, 'gradYear')}`,
      degreeLevel: `k.${c(COHORT, 'degreeLevel')}`,
      college: `l.${link.to}`,
    })) as CohortRecord[];
  const industries = (await knex(tableOf(strapi, INDUSTRY)).select({
    id: 'id',
    code: c(INDUSTRY, 'code'),
    name: c(INDUSTRY, 'name'),
    nameEn: c(INDUSTRY, 'nameEn'),
  })) as IndustryRecord[];
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    colleges: colleges.map((r) => ({ ...r, id: Number(r.id) })),
    cohorts: cohorts.map((r) => ({ ...r, id: Number(r.id), gradYear: Number(r.gradYear), college: num(r.college) })),
    industries: industries.map((r) => ({ ...r, id: Number(r.id) })),
  };
};

/** The alumni with these student numbers, as stored, with their class, its college, and industry. */
export const loadExisting = async (strapi: Core.Strapi, knex: Knex, studentNos: string[]): Promise<Map<string, ExistingAlumnus & { searchKey: string | null }>> => {
  const out = new Map<string, ExistingAlumnus & { searchKey: string | null }>();
  const a = (attribute: string) => columnOf(strapi, ALUMNUS, attribute);
  const cohortLink = joinOf(strapi, ALUMNUS, 'cohort');
  const industryLink = joinOf(strapi, ALUMNUS, 'industry');
  const collegeLink = joinOf(strapi, COHORT, 'college');
  const select: Record<string, string> = {
    id: 'a.id',
    documentId: `a.${a('documentId')}`,
    studentNo: `a.${a('studentNo')}`,
    searchKey: `a.${a('searchKey')}`,
    cohort: `lc.${cohortLink.to}`,
    industry: `li.${industryLink.to}`,
    college: `cc.${collegeLink.to}`,
  };
  for (const attribute of ALUMNUS_ATTRIBUTES) select[`v_${attribute}`] = `a.${a(attribute)}`;
  const read = (column: string, values: string[]) =>
    knex(`${tableOf(strapi, ALUMNUS)} as a`)
      .leftJoin(`${cohortLink.table} as lc`, `lc.${cohortLink.from}`, 'a.id')
      .leftJoin(`${collegeLink.table} as cc`, `cc.${collegeLink.from}`, `lc.${cohortLink.to}`)
      .leftJoin(`${industryLink.table} as li`, `li.${industryLink.from}`, 'a.id')
      .whereIn(`a.${a(column)}`, values)
      .select(select);
  const keep = (key: string, r: any) => {
    const values: Record<string, string | null> = {};
    for (const attribute of ALUMNUS_ATTRIBUTES) values[attribute] = r[`v_${attribute}`] ?? null;
    out.set(key, {
      id: Number(r.id),
      documentId: r.documentId,
      studentNo: r.studentNo,
      searchKey: r.searchKey ?? null,
      values,
      cohort: r.cohort === null || r.cohort === undefined ? null : Number(r.cohort),
      industry: r.industry === null || r.industry === undefined ? null : Number(r.industry),
      college: r.college === null || r.college === undefined ? null : Number(r.college),
    });
  };
  for (const part of chunks([...new Set(studentNos)], LOOKUP_CHUNK)) {
    for (const r of await read('studentNo', part)) keep(r.studentNo, r);
    // The number of a record merged into another is that record's (duplicates/merge.ts): its row updates it.
    const missing = part.filter((n) => !out.has(n));
    if (!missing.length) continue;
    const merges = await knex(tableOf(strapi, MERGE))
      .whereIn(columnOf(strapi, MERGE, 'mergedStudentNo'), missing)
      .select({ studentNo: columnOf(strapi, MERGE, 'mergedStudentNo'), kept: columnOf(strapi, MERGE, 'keptDocumentId') });
    if (!merges.length) continue;
    const kept = new Map<string, any>((await read('documentId', [...new Set<string>(merges.map((m: any) => String(m.kept)))])).map((r: any) => [r.documentId, r]));
    for (const m of merges) if (kept.has(m.kept)) keep(m.studentNo, kept.get(m.kept));
  }
  return out;
};

// ------------------------------------------------------------------ codes of created records

const initials = (name: string) =>
  pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .map((s) => s.replace(/[^a-zA-Z0-9]/g, '').slice(0, 1))
    .join('')
    .toUpperCase();

/** A code not yet taken: the base, else the base with 2, 3 … (cut to `max` characters). */
const freeCode = (base: string, taken: Set<string>, max: number) => {
  const clean = base.replace(/[^A-Za-z0-9_-]/g, '').slice(0, max) || 'X';
  let code = clean;
  for (let n = 2; taken.has(code.toUpperCase()); n++) code = `${clean.slice(0, max - String(n).length)}${n}`;
  taken.add(code.toUpperCase());
  return code;
};

const DEGREE_LETTER: Record<string, string> = { associate: 'A', bachelor: 'B', master: 'M', doctor: 'D' };

const defaultsByType = new WeakMap<object, Map<string, [string, unknown][]>>();

/** The schema's defaults for attributes the data leaves out, as the Document Service fills them on create. */
const withDefaults = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) => {
  let byUid = defaultsByType.get(strapi);
  if (!byUid) defaultsByType.set(strapi, (byUid = new Map()));
  let defaults = byUid.get(uid);
  if (!defaults) {
    const attributes = (strapi.contentType(uid as any) as any).attributes as Record<string, { type: string; default?: unknown }>;
    defaults = Object.entries(attributes)
      .filter(([, a]) => a.type !== 'relation' && a.default !== undefined)
      .map(([name, a]) => [name, a.default]);
    byUid.set(uid, defaults);
  }
  const out = { ...data };
  for (const [name, value] of defaults) {
    if (out[name] === undefined) out[name] = typeof value === 'function' ? (value as () => unknown)() : value;
  }
  return out;
};

export interface Creations {
  colleges: NewCollege[];
  cohorts: NewCohort[];
  industries: NewIndustry[];
}

/** Creates the colleges, classes and industry groups the accepted rows name; returns their ids by key. */
export const createRecords = async (strapi: Core.Strapi, trx: Knex, snapshot: Snapshot, wanted: Creations) => {
  const ids = { colleges: new Map<string, number>(), cohorts: new Map<string, number>(), industries: new Map<string, number>() };
  const collegeCodes = new Set(snapshot.colleges.map((c) => c.code.toUpperCase()));
  const collegeCodeOf = new Map<number, string>(snapshot.colleges.map((c) => [c.id, c.code]));
  if (wanted.colleges.length) {
    const records = wanted.colleges.map((c) => ({
      data: withDefaults(strapi, COLLEGE, { name: c.name.slice(0, 100), code: freeCode(initials(c.name) || 'C', collegeCodes, 32) }),
    }));
    const inserted = await insertDocuments(strapi, trx, COLLEGE, records);
    wanted.colleges.forEach((c, i) => {
      ids.colleges.set(c.key, inserted[i].id);
      collegeCodeOf.set(inserted[i].id, records[i].data.code as string);
    });
  }
  const collegeId = (ref: Ref<NewCollege>) => ('id' in ref ? ref.id : (ids.colleges.get(ref.created.key) as number));
  if (wanted.cohorts.length) {
    const cohortCodes = new Set(snapshot.cohorts.map((c) => c.code.toUpperCase()));
    const records = wanted.cohorts.map((k) => {
      const college = collegeId(k.college);
      const base = `${collegeCodeOf.get(college) ?? 'C'}${k.gradYear}${DEGREE_LETTER[k.degreeLevel] ?? 'B'}`.slice(0, 36);
      let code = '';
      for (let seq = 1; !code || cohortCodes.has(code.toUpperCase()); seq++) code = `${base}${String(seq).padStart(2, '0')}`;
      cohortCodes.add(code.toUpperCase());
      return {
        data: withDefaults(strapi, COHORT, { code, className: k.className.slice(0, 100), gradYear: k.gradYear, degreeLevel: k.degreeLevel }),
        links: { college },
      };
    });
    const inserted = await insertDocuments(strapi, trx, COHORT, records);
    wanted.cohorts.forEach((k, i) => ids.cohorts.set(k.key, inserted[i].id));
  }
  if (wanted.industries.length) {
    const codes = new Set(snapshot.industries.map((s) => s.code.toUpperCase()));
    const records = wanted.industries.map((s) => ({
      data: withDefaults(strapi, INDUSTRY, {
        name: s.name.slice(0, 100),
        code: freeCode(/^[A-Za-z0-9]{1,8}$/.test(s.name) ? s.name.toUpperCase() : initials(s.name).slice(0, 6) || 'I', codes, 8),
      }),
    }));
    const inserted = await insertDocuments(strapi, trx, INDUSTRY, records);
    wanted.industries.forEach((s, i) => ids.industries.set(s.key, inserted[i].id));
  }
  return ids;
};

// ------------------------------------------------------------------ alumni

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

/**
 * Writes `count` new alumni with their class and industry links as they come, as the
 * Document Service writes them (documentId, timestamps, published_at, schema defaults, link
 * tables with their order), a batch at a time: their ids are taken first (the table's sequence
 * on PostgreSQL), so that rows and links go in together, each statement carrying a batch
 * (PostgreSQL: one array a column, `unnest`). `done()` writes what is left and says how many.
 */
export const alumniWriter = async (strapi: Core.Strapi, trx: Knex, count: number, onBatch?: (done: number) => void) => {
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
  // Every id at once: a batch is then made and sent without waiting on anything before.
  const ids = await allocateIds(strapi, trx, meta.tableName, count);
  let pending: NewAlumnus[] = [];
  let written = 0;

  const flush = async () => {
    if (!pending.length) return;
    if (written + pending.length > ids.length) throw new Error(`alumniWriter: more than the ${count} alumni announced`);
    const part = pending;
    pending = [];
    const from = written;
    const documentIds = newDocumentIds(part.length);
    const cohorts = part.map((a, i) => ({ id: ids[from + i], target: a.cohort }));
    const industries = part.map((a, i) => ({ id: ids[from + i], target: a.industry }));
    const rows = part.map((a, i) => {
      const data: Record<string, unknown> = { studentNo: a.studentNo, searchKey: searchKey(a.values.name as string) };
      for (const attribute of ALUMNUS_ATTRIBUTES) {
        const v = a.values[attribute];
        if (v !== undefined && v !== null) data[attribute] = v;
      }
      const full = withDefaults(strapi, ALUMNUS, data);
      return [
        ids[from + i],
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
    async add(alumnus: NewAlumnus) {
      pending.push(alumnus);
      if (pending.length >= INSERT_BATCH) await flush();
    },
    async done() {
      await flush();
      await inFlight;
      return written;
    },
  };
};

/** Inserts new alumni (alumniWriter for a list). */
export const insertAlumni = async (strapi: Core.Strapi, trx: Knex, alumni: NewAlumnus[], onBatch?: (done: number) => void) => {
  const writer = await alumniWriter(strapi, trx, alumni.length, onBatch);
  for (const a of alumni) await writer.add(a);
  return writer.done();
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
