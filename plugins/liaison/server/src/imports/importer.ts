import type { Core } from '@strapi/strapi';
import { searchKeyOf } from '../rules/search-key';
import { isPostgres } from '../utils/db';
import type { RowProblem } from './messages';
import type { CleanRow } from './rows';
import { changeOf, matcherFor, type Change, type ColumnNames, type ExistingAlumnus, type ImportScope, type Ref, type Resolved } from './resolve';
import { recordCreator, loadExisting, loadSnapshot, type Knex } from './store';
import { alumniWriter, deleteNewAlumni, updateAlumni, type ChangedAlumnus } from './write-alumni';
import type { Counts, RejectedRow, Settings } from './job';

/** The cells of a row rejected after it was let go: read again from the file at the end (execute.ts). */
export const LATER: string[] = [];

/**
 * Rows judged at a time: their stored alumni looked up in one statement, then judged and (a
 * real run) written while the file goes on being read.
 */
const CHUNK = 1000;

/** What became of a student number's first row. */
const enum Fate {
  New,
  Updated,
  Unchanged,
  Rejected,
  Twice,
  Waiting,
}
const COUNTED = { [Fate.New]: 'new', [Fate.Updated]: 'updated', [Fate.Unchanged]: 'unchanged' } as const;

export interface ImportResult {
  counts: Counts;
  rejected: RejectedRow[];
  created: { colleges: number; cohorts: number; industries: number };
}

/**
 * The rows of an import as they are read: `reject` each row the checks refused, `add` each
 * checked row (with its cells, kept only while its chunk waits), then `finish`. Each chunk is
 * matched (college, class, industry), compared with the stored alumni of its student numbers
 * and, in a real run, written at once on `knex` (the import's transaction): new alumni in
 * batches, with the colleges, classes and industry groups they need created as they come;
 * changed alumni are held and written at the end.
 *
 * A student number that comes twice rejects every row that has it, whatever else was wrong
 * with them, as if the whole file had been read first. Its first row may be written by then:
 * `finish` deletes those new alumni, the records created only for them, and leaves out their
 * held changes. A dry run judges the same way and writes nothing.
 */
export const rowImporter = async (
  strapi: Core.Strapi,
  knex: Knex,
  options: { settings: Settings; columns: ColumnNames; write: boolean; counts: Counts; onWritten?: (done: number) => void }
) => {
  const { settings, columns, write, counts } = options;
  const scope: ImportScope = settings.scope ?? { all: true };
  const snapshot = await loadSnapshot(strapi, knex);
  const matcher = matcherFor(snapshot, settings.create ?? {}, scope, columns);
  const creator = write ? recordCreator(strapi, knex, snapshot) : null;
  const writer = write ? await alumniWriter(strapi, knex, options.onWritten) : null;
  /** Rejected rows; a first row later found twice has its entry replaced (null). */
  const rejected: (RejectedRow | null)[] = [];

  // Each student number's first row (by its place `at`): row number, number as written, fate.
  const seen = new Map<string, number>();
  const fates: Fate[] = [];
  const firstRows: number[] = [];
  const numbers: string[] = [];
  const newIds = new Map<number, number>();
  const rejectedAt = new Map<number, number>();
  /** The records to create each first row wants (keys), and how many accepted rows want each. */
  const wantsOf = new Map<number, string[]>();
  const wanted = new Map<string, { kind: 'college' | 'cohort' | 'industry'; users: number; record: any }>();
  /** Later rows of a number seen before, with their cells. */
  const again: { key: string; row: number; cells: string[] }[] = [];
  const held: (ChangedAlumnus & { at: number })[] = [];
  let chunk: { row: CleanRow; cells: string[]; at: number }[] = [];

  const want = (at: number, ref: Ref<any> | undefined) => {
    if (!ref || 'id' in ref) return;
    const c = ref.created;
    const key = `${c.kind}:${c.key}`;
    const entry = wanted.get(key) ?? { kind: c.kind, users: 0, record: c };
    entry.users++;
    wanted.set(key, entry);
    wantsOf.set(at, [...(wantsOf.get(at) ?? []), key]);
    if (c.kind === 'cohort') want(at, c.college);
  };
  const stillWanted = (kind: string) => [...wanted.values()].filter((w) => w.kind === kind && w.users > 0).map((w) => w.record);

  /** The row's college, class and industry and what it changes; or its problems. */
  const judge = (row: CleanRow, before: ExistingAlumnus | undefined): { problems: RowProblem[] } | { resolved: Resolved; change: Change } => {
    const result = matcher.resolve(row);
    if ('problems' in result) return result;
    if (!scope.all) {
      if (before && !(before.college !== null && scope.colleges.includes(before.college))) {
        return { problems: [{ column: columns.studentNo, id: 'imports.row.alumnusOtherCollege', values: { value: row.values.studentNo } }] };
      }
      if (!before && !result.resolved.college) return { problems: [{ column: columns.college, id: 'imports.row.noCollege' }] };
    }
    return { resolved: result.resolved, change: changeOf(row.values, result.resolved, before) };
  };

  // PostgreSQL: the stored alumni are looked up on a connection of their own, so that a lookup
  // does not wait behind the batch the transaction is writing (rows this import wrote are known
  // here: `seen`). SQLite has the one connection.
  const lookups = isPostgres(strapi) ? strapi.db.connection : knex;

  const judgeChunk = async (rows: typeof chunk) => {
    const existing = await loadExisting(strapi, lookups, rows.map((r) => r.row.values.studentNo));
    const accepted: { row: CleanRow; at: number; resolved: Resolved; change: Change }[] = [];
    for (const { row, cells, at } of rows) {
      if (fates[at] === Fate.Twice) continue; // its number came again within the chunk
      const judged = judge(row, existing.get(row.values.studentNo));
      if ('problems' in judged) {
        fates[at] = Fate.Rejected;
        rejectedAt.set(at, rejected.length);
        rejected.push({ row: row.row, cells, problems: judged.problems });
        counts.rejected++;
        continue;
      }
      const { resolved, change } = judged;
      fates[at] = change.kind === 'new' ? Fate.New : change.kind === 'updated' ? Fate.Updated : Fate.Unchanged;
      counts[change.kind]++;
      if (change.kind === 'unchanged') continue;
      want(at, resolved.cohort);
      want(at, resolved.college);
      want(at, resolved.industry);
      accepted.push({ row, at, resolved, change });
    }
    if (!creator || !writer) return;
    const ids = await creator.create({ colleges: stillWanted('college'), cohorts: stillWanted('cohort'), industries: stillWanted('industry') });
    for (const { row, at, resolved, change } of accepted) {
      if (change.kind === 'new') {
        newIds.set(at, await writer.add({ values: row.values as any, studentNo: row.values.studentNo, cohort: ids.idOf(resolved.cohort) ?? null, industry: ids.idOf(resolved.industry) ?? null }));
      } else if (change.kind === 'updated') {
        const before = existing.get(row.values.studentNo)!;
        const values = { ...before.values };
        for (const attribute of change.attributes) values[attribute] = (row.values as any)[attribute];
        const nameChanged = change.attributes.includes('name');
        held.push({
          at,
          id: before.id,
          values,
          searchKey: nameChanged ? searchKeyOf(values.name) : before.searchKey,
          nameChanged,
          ...(change.cohort ? { cohort: ids.idOf(change.cohort) } : {}),
          ...(change.industry ? { industry: ids.idOf(change.industry) } : {}),
        });
      }
    }
  };

  /** The first row of a number that came again: rejected as twice, whatever it was. */
  const takeBack = (at: number) => {
    const fate = fates[at];
    if (fate === Fate.Twice) return;
    if (fate === Fate.New || fate === Fate.Updated || fate === Fate.Unchanged) {
      counts[COUNTED[fate]]--;
      counts.rejected++;
      for (const key of wantsOf.get(at) ?? []) wanted.get(key)!.users--;
    } else if (fate === Fate.Rejected) rejected[rejectedAt.get(at)!] = null;
    else counts.rejected++; // waiting in the chunk: never judged
    fates[at] = Fate.Twice;
  };

  return {
    /** A row the checks refused. */
    reject(row: RejectedRow) {
      rejected.push(row);
      counts.rejected++;
    },

    /** A checked row; judged (and written) with its chunk. */
    async add(row: CleanRow, cells: string[]) {
      const key = row.values.studentNo.toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) {
        takeBack(first);
        again.push({ key, row: row.row, cells });
        counts.rejected++;
      } else {
        const at = fates.length;
        seen.set(key, at);
        fates.push(Fate.Waiting);
        firstRows.push(row.row);
        numbers.push(row.values.studentNo);
        chunk.push({ row, cells, at });
      }
      if (chunk.length >= CHUNK) await judgeChunk(chunk.splice(0));
    },

    /** The last chunk; the rows of numbers that came twice rejected and their writes taken back; the held changes written. */
    async finish(): Promise<ImportResult> {
      if (chunk.length) await judgeChunk(chunk.splice(0));
      // Each row of a twice-seen number names the number and every row that has it.
      const groups = new Map<string, number[]>();
      for (const a of again) groups.set(a.key, [...(groups.get(a.key) ?? [firstRows[seen.get(a.key)!]]), a.row]);
      const twice = (at: number, key: string, row: number, cells: string[]): RejectedRow => ({
        row,
        cells,
        problems: [{ column: columns.studentNo, id: 'imports.row.studentNoTwice', values: { value: numbers[at], rows: groups.get(key)!.join(', ') } }],
      });
      const out = rejected.filter((r): r is RejectedRow => r !== null);
      const undo: number[] = [];
      for (const [key] of groups) {
        const at = seen.get(key)!;
        out.push(twice(at, key, firstRows[at], LATER));
        if (newIds.has(at)) undo.push(newIds.get(at)!);
      }
      for (const a of again) out.push(twice(seen.get(a.key)!, a.key, a.row, a.cells));
      const created = { colleges: stillWanted('college').length, cohorts: stillWanted('cohort').length, industries: stillWanted('industry').length };
      if (writer && creator) {
        await writer.done();
        if (undo.length) {
          await deleteNewAlumni(strapi, knex, undo);
          await creator.drop({ colleges: unwanted('college'), cohorts: unwanted('cohort'), industries: unwanted('industry') });
        }
        await updateAlumni(strapi, knex, held.filter((c) => fates[c.at] !== Fate.Twice), new Date());
      }
      return { counts, rejected: out, created };
    },
  };

  function unwanted(kind: string) {
    return [...wanted.values()].filter((w) => w.kind === kind && w.users <= 0).map((w) => w.record.key as string);
  }
};
