import type { Core } from '@strapi/strapi';
import { pinyin } from 'pinyin-pro';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import { insertDocuments } from '../utils/bulk-insert';
import { ALUMNUS_ATTRIBUTES } from './rows';
import type { CohortRecord, CollegeRecord, ExistingAlumnus, IndustryRecord, NewCohort, NewCollege, NewIndustry, Ref, Snapshot } from './resolve';

/**
 * The import's reads and writes, in batched SQL on the caller's knex (a transaction for
 * writes): rows are written as the Document Service writes them (documentId, timestamps,
 * published_at, schema defaults, link tables with their order), the alumni's search key is
 * computed as the write pipeline computes it, and the labels that name an alumnus follow a
 * change of name (services/record-labels.ts). Here the reads, and the colleges, classes and
 * industry groups an import creates; the alumni it writes in ./write-alumni.ts.
 */
export const ALUMNUS = 'plugin::liaison.alumnus';
const MERGE = 'plugin::liaison.alumni-merge';
const COLLEGE = 'plugin::liaison.college';
const COHORT = 'plugin::liaison.cohort';
const INDUSTRY = 'plugin::liaison.industry-group';

export type Knex = any;

/** Rows a statement looks up by key. */
export const LOOKUP_CHUNK = 5000;

export const chunks = <T>(items: T[], size: number): T[][] => {
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
export const withDefaults = (strapi: Core.Strapi, uid: string, data: Record<string, unknown>) => {
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

/**
 * Creates the colleges, classes and industry groups accepted rows name, as they come: `create`
 * makes those of `wanted` not made yet (each once, with a code no other record has) and
 * answers the id of any reference; `drop` takes back made ones no row kept wanting.
 */
export const recordCreator = (strapi: Core.Strapi, trx: Knex, snapshot: Snapshot) => {
  const ids = { colleges: new Map<string, number>(), cohorts: new Map<string, number>(), industries: new Map<string, number>() };
  const collegeCodes = new Set(snapshot.colleges.map((c) => c.code.toUpperCase()));
  const collegeCodeOf = new Map<number, string>(snapshot.colleges.map((c) => [c.id, c.code]));
  const cohortCodes = new Set(snapshot.cohorts.map((c) => c.code.toUpperCase()));
  const industryCodes = new Set(snapshot.industries.map((s) => s.code.toUpperCase()));
  const collegeId = (ref: Ref<NewCollege>) => ('id' in ref ? ref.id : (ids.colleges.get(ref.created.key) as number));
  const idOf = (ref: Ref<any> | undefined): number | undefined => {
    if (!ref) return undefined;
    if ('id' in ref) return ref.id;
    const c = ref.created;
    return c.kind === 'cohort' ? ids.cohorts.get(c.key) : c.kind === 'college' ? ids.colleges.get(c.key) : ids.industries.get(c.key);
  };

  const create = async (wanted: Creations) => {
    const colleges = wanted.colleges.filter((c) => !ids.colleges.has(c.key));
    if (colleges.length) {
      const records = colleges.map((c) => ({
        data: withDefaults(strapi, COLLEGE, { name: c.name.slice(0, 100), code: freeCode(initials(c.name) || 'C', collegeCodes, 32) }),
      }));
      const inserted = await insertDocuments(strapi, trx, COLLEGE, records);
      colleges.forEach((c, i) => {
        ids.colleges.set(c.key, inserted[i].id);
        collegeCodeOf.set(inserted[i].id, records[i].data.code as string);
      });
    }
    const cohorts = wanted.cohorts.filter((k) => !ids.cohorts.has(k.key));
    if (cohorts.length) {
      const records = cohorts.map((k) => {
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
      cohorts.forEach((k, i) => ids.cohorts.set(k.key, inserted[i].id));
    }
    const industries = wanted.industries.filter((s) => !ids.industries.has(s.key));
    if (industries.length) {
      const records = industries.map((s) => ({
        data: withDefaults(strapi, INDUSTRY, {
          name: s.name.slice(0, 100),
          code: freeCode(/^[A-Za-z0-9]{1,8}$/.test(s.name) ? s.name.toUpperCase() : initials(s.name).slice(0, 6) || 'I', industryCodes, 8),
        }),
      }));
      const inserted = await insertDocuments(strapi, trx, INDUSTRY, records);
      industries.forEach((s, i) => ids.industries.set(s.key, inserted[i].id));
    }
    return { idOf };
  };

  /** Deletes made records by key (classes first: they link to colleges). */
  const drop = async (keys: { colleges: string[]; cohorts: string[]; industries: string[] }) => {
    const made = (map: Map<string, number>, list: string[]) => list.map((k) => map.get(k)).filter((id): id is number => id !== undefined);
    const cohorts = made(ids.cohorts, keys.cohorts);
    if (cohorts.length) {
      const link = joinOf(strapi, COHORT, 'college');
      await trx(link.table).whereIn(link.from, cohorts).delete();
      await trx(tableOf(strapi, COHORT)).whereIn('id', cohorts).delete();
    }
    for (const [uid, list] of [[COLLEGE, made(ids.colleges, keys.colleges)], [INDUSTRY, made(ids.industries, keys.industries)]] as const) {
      if (list.length) await trx(tableOf(strapi, uid)).whereIn('id', list).delete();
    }
  };

  return { create, drop };
};

// ------------------------------------------------------------------ alumni
