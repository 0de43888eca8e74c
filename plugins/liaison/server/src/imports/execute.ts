import { rm } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { columnOf, tableOf } from '../utils/db';
import { searchKeyOf } from '../rules/search-key';
import { announceChange } from '../website/invalidation';
import { planColumns, type ColumnPlan, type Mapping } from './columns';
import type { RowProblem } from './messages';
import { ImportFileError, openFile, withHeader, type OpenedFile } from './read';
import { checkRow, duplicatesInFile, type CleanRow } from './rows';
import { HeldRows } from './held';
import { changeOf, matcherFor, type Change, type NewCohort, type NewCollege, type NewIndustry, type Ref, type Resolved } from './resolve';
import { createRecords, loadExisting, loadSnapshot } from './store';
import { alumniWriter, updateAlumni, type ChangedAlumnus } from './write-alumni';
import { IMPORT, MAX_STORED_REJECTED, ZERO, type Counts, type Progress, type RejectedRow, type RunOutcome, type Settings } from './job';

/**
 * One run of an import the queue has claimed (service.ts `run`): read and check every row
 * (progress written as it goes), then match, compare and, for a real run, write everything
 * in ONE transaction guarded by the jobs ledger (jobs.runOnce, keyed by the import): a
 * failure leaves nothing behind, and the same import is never written twice.
 */
const HEARTBEAT_MS = 5_000;

/** What went wrong, without the SQL statement knex puts before a database's own message. */
const failureDetail = (error: unknown) => {
  const message = String((error as Error)?.message ?? error);
  const at = message.lastIndexOf(' - ');
  return (at >= 0 && /^\s*(insert|update|delete|select|with)\b/i.test(message) ? message.slice(at + 3) : message).slice(0, 300);
};

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

/** The cells of a row rejected after the read: read again from the file before they are stored. */
const LATER: string[] = [];

/** The cells of these rows, read again from the file. */
const cellsOfRows = async (file: OpenedFile, mapping: Mapping, rows: Set<number>) => {
  const found = new Map<number, string[]>();
  for await (const item of withHeader(file, mapping)) {
    if (!('data' in item) || !rows.has(item.data.row)) continue;
    found.set(item.data.row, item.data.cells);
    if (found.size === rows.size) break;
  }
  return found;
};

/**
 * The runner of claimed imports. `local` holds the latest progress of the imports running on
 * this instance (fresher than their rows; the service answers from it).
 */
export const executor = (strapi: Core.Strapi, local: Map<string, Progress>) => {
  const table = () => tableOf(strapi, IMPORT);
  const col = (attribute: string) => columnOf(strapi, IMPORT, attribute);
  const jobs = () => strapi.plugin('liaison').service('jobs');
  const update = (id: number, data: Record<string, unknown>) => strapi.db.query(IMPORT).update({ where: { id }, data });

  /** One run of a claimed import. */
  const execute = async (record: any, onProgress?: (p: Progress) => void): Promise<RunOutcome> => {
    const documentId = record.documentId as string;
    const settings = (record.settings ?? {}) as Settings;
    const dryRun = !!record.dryRun;
    const counts: Counts = { ...ZERO };
    const state: Progress = { status: 'running', progress: 0, counts };
    local.set(documentId, state);
    let lastWrite = Date.now();
    /** Progress and counts so far; written to the record at most once a second (never inside the write transaction). */
    const report = async (progress: number, force = false) => {
      state.progress = Math.min(1, Math.max(state.progress, progress));
      onProgress?.(state);
      if (!force && Date.now() - lastWrite < 1000) return;
      lastWrite = Date.now();
      await update(record.id, { progress: state.progress, counts: { ...counts }, heartbeatAt: new Date() });
    };
    const readShare = dryRun ? 0.8 : 0.5;
    try {
      // ---------------------------------------------------------------- read and check every row
      const file = await openFile(record.storedAs, record.fileName).catch((error) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImportFileError('imports.file.vanished');
        throw error;
      });
      const mapping = settings.mapping ?? {};
      let plan: ColumnPlan | null = null;
      let headers: string[] = [];
      // A good row is held packed, without its cells (a large file's would fill the memory):
      // should it be rejected later, its cells are read again from the file (cellsOfRows).
      const held = new HeldRows();
      const rejected: RejectedRow[] = [];
      const today = new Date();
      for await (const item of withHeader(file, mapping)) {
        if ('header' in item) {
          headers = item.header.cells.map((c) => String(c ?? '').trim());
          plan = planColumns(headers, mapping, record.fileName);
          if (plan.problems.length) throw new ImportFileError(plan.problems[0].id, plan.problems[0].values, plan.problems[0].path);
          continue;
        }
        counts.rows++;
        const checked = checkRow(plan as ColumnPlan, item.data.row, item.data.cells, today);
        if (checked.ok) held.add(checked.row);
        else {
          rejected.push({ row: checked.row, cells: checked.cells, problems: checked.problems });
          counts.rejected++;
        }
        if (counts.rows % 2000 === 0) {
          await report((file.bytesRead() / Math.max(1, file.size)) * readShare);
          await yieldToLoop();
        }
      }
      if (!plan) throw new ImportFileError('imports.file.empty', { file: record.fileName });
      if (!counts.rows) throw new ImportFileError('imports.file.onlyHeaders', { file: record.fileName });
      const studentNoHeader = plan.columns.find((c) => c.field === 'studentNo')?.header ?? 'studentNo';
      const twice = duplicatesInFile(
        (function* numbers() {
          for (let i = 0; i < held.length; i++) yield { row: held.numbers[i], studentNo: held.studentNos[i] };
        })()
      );
      for (let i = 0; twice.size && i < held.length; i++) {
        const others = twice.get(held.numbers[i]);
        if (!others) continue;
        rejected.push({ row: held.numbers[i], cells: LATER, problems: [{ column: studentNoHeader, id: 'imports.row.studentNoTwice', values: { value: held.studentNos[i], rows: others.join(', ') } }] });
        counts.rejected++;
        held.release(i);
      }
      await report(readShare, true);

      // ---------------------------------------------------------------- match, compare, write
      const header = (field: string) => plan!.columns.find((c) => c.field === field)?.header ?? field;
      const columns = { college: header('college'), cohort: header('cohort'), industry: header('industry'), gradYear: header('gradYear'), studentNo: studentNoHeader };
      const scope = settings.scope ?? { all: true };
      const settle = async (knex: any, write: boolean) => {
        const tally = { ...counts, new: 0, updated: 0, unchanged: 0 };
        const settledRejected = [...rejected];
        const snapshot = await loadSnapshot(strapi, knex);
        const matcher = matcherFor(snapshot, settings.create ?? {}, scope, columns);
        const existing = await loadExisting(
          strapi,
          knex,
          held.studentNos.filter((_, i) => held.has(i))
        );
        /** A row's college, class and industry and what it changes; or its problems. */
        const judge = (row: CleanRow): { problems: RowProblem[] } | { resolved: Resolved; change: Change } => {
          const result = matcher.resolve(row);
          if ('problems' in result) return result;
          const before = existing.get(row.values.studentNo);
          if (!scope.all) {
            if (before && !(before.college !== null && scope.colleges.includes(before.college))) {
              return { problems: [{ column: studentNoHeader, id: 'imports.row.alumnusOtherCollege', values: { value: row.values.studentNo } }] };
            }
            if (!before && !result.resolved.college) return { problems: [{ column: columns.college, id: 'imports.row.noCollege' }] };
          }
          return { resolved: result.resolved, change: changeOf(row.values, result.resolved, before) };
        };
        // Only what accepted rows name is created.
        const wanted = { colleges: new Map<string, NewCollege>(), cohorts: new Map<string, NewCohort>(), industries: new Map<string, NewIndustry>() };
        const want = (ref: Ref<any> | undefined) => {
          if (!ref || 'id' in ref) return;
          const c = ref.created;
          if (c.kind === 'cohort') {
            wanted.cohorts.set(c.key, c);
            want(c.college);
          } else if (c.kind === 'college') wanted.colleges.set(c.key, c);
          else wanted.industries.set(c.key, c);
        };
        // First pass: every row judged and counted; the rows to write marked.
        const toWrite = new Uint8Array(held.length);
        let writes = 0;
        for (let i = 0; i < held.length; i++) {
          const row = held.at(i);
          if (!row) continue;
          const judged = judge(row);
          if ('problems' in judged) {
            settledRejected.push({ row: row.row, cells: LATER, problems: judged.problems });
            tally.rejected++;
            held.release(i);
            continue;
          }
          tally[judged.change.kind]++;
          if (judged.change.kind === 'unchanged') continue;
          toWrite[i] = 1;
          writes++;
          want(judged.resolved.cohort);
          want(judged.resolved.college);
          want(judged.resolved.industry);
        }
        const created = { colleges: wanted.colleges.size, cohorts: wanted.cohorts.size, industries: wanted.industries.size };
        if (write) {
          // In the transaction: progress in memory only (the heartbeat writes it on PostgreSQL).
          state.progress = Math.max(state.progress, readShare + 0.05);
          onProgress?.(state);
          const ids = await createRecords(strapi, knex, snapshot, {
            colleges: [...wanted.colleges.values()],
            cohorts: [...wanted.cohorts.values()],
            industries: [...wanted.industries.values()],
          });
          const idOf = (ref: Ref<any> | undefined): number | undefined => {
            if (!ref) return undefined;
            if ('id' in ref) return ref.id;
            const c = ref.created;
            return c.kind === 'cohort' ? ids.cohorts.get(c.key) : c.kind === 'college' ? ids.colleges.get(c.key) : ids.industries.get(c.key);
          };
          // Second pass: the rows to write, judged again (the same answer: the same snapshot,
          // the same matcher), new ones written in batches as they come and let go.
          const total = Math.max(1, writes);
          const fresh = await alumniWriter(strapi, knex, tally.new, (done) => {
            state.progress = Math.max(state.progress, readShare + 0.05 + (0.9 - readShare) * (done / total));
            onProgress?.(state);
          });
          const changed: ChangedAlumnus[] = [];
          for (let i = 0; i < held.length; i++) {
            if (!toWrite[i]) continue;
            const row = held.at(i)!;
            held.release(i);
            const judged = judge(row);
            if ('problems' in judged) throw new Error(`import: row ${row.row} judged twice, differently`);
            const { resolved, change } = judged;
            if (change.kind === 'new') {
              await fresh.add({ values: row.values as any, studentNo: row.values.studentNo, cohort: idOf(resolved.cohort) ?? null, industry: idOf(resolved.industry) ?? null });
            } else if (change.kind === 'updated') {
              const before = existing.get(row.values.studentNo)!;
              const values = { ...before.values };
              for (const attribute of change.attributes) values[attribute] = (row.values as any)[attribute];
              const nameChanged = change.attributes.includes('name');
              changed.push({
                id: before.id,
                values,
                searchKey: nameChanged ? searchKeyOf(values.name) : before.searchKey,
                nameChanged,
                ...(change.cohort ? { cohort: idOf(change.cohort) } : {}),
                ...(change.industry ? { industry: idOf(change.industry) } : {}),
              });
            }
          }
          const inserted = await fresh.done();
          await updateAlumni(strapi, knex, changed, new Date());
          if (inserted || changed.length || created.colleges + created.cohorts + created.industries) {
            const website = strapi.plugin('liaison').service('website');
            const cache = website?.invalidated?.();
            if (cache) await announceChange(strapi, cache);
          }
        }
        return { counts: tally, rejected: settledRejected, created };
      };

      const finish = async (result: { counts: Counts; rejected: RejectedRow[]; created: Record<string, number> }) => {
        const kept = result.rejected.sort((a, b) => a.row - b.row).slice(0, MAX_STORED_REJECTED);
        // The cells of rows rejected after the read, read again.
        const later = kept.filter((r) => r.cells === LATER);
        if (later.length) {
          const cells = await cellsOfRows(file, mapping, new Set(later.map((r) => r.row)));
          for (const r of later) r.cells = cells.get(r.row) ?? [];
        }
        return {
          importStatus: 'done',
          progress: 1,
          counts: result.counts,
          created: result.created,
          rejected: kept,
          settings: { ...settings, headers },
          finishedAt: new Date(),
          heartbeatAt: new Date(),
        };
      };

      let outcome: RunOutcome = 'ran';
      if (dryRun) {
        const result = await settle(strapi.db.connection, false);
        Object.assign(counts, result.counts);
        await update(record.id, await finish(result));
      } else {
        const heartbeat = startHeartbeat(record.id, state);
        try {
          outcome = await jobs().runOnce(`import:${documentId}`, new Date(record.createdAt), async () =>
            strapi.db.transaction(async ({ trx }) => {
              // Imports write one at a time: each sees what the one before wrote.
              if (strapi.db.dialect.client === 'postgres') {
                await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:imports']);
                // The alumni search indexes (GIN) take new rows into their pending list and sort them in at once, not one by one.
                await trx.raw(`SET LOCAL gin_pending_list_limit = '64MB'`);
              }
              const result = await settle(trx, true);
              Object.assign(counts, result.counts);
              await heartbeat.stop();
              await trx(table())
                .where('id', record.id)
                .update(toColumns(await finish(result)));
              return result.counts;
            })
          );
        } finally {
          await heartbeat.stop();
        }
      }
      if (outcome !== 'ran') return outcome; // another instance has it: its state, its file
      state.status = 'done';
      state.progress = 1;
      onProgress?.(state);
      await removeFile(record.storedAs);
      // New and changed records are compared with everyone else's (and each other) at once.
      if (!dryRun && counts.new + counts.updated > 0) strapi.plugin('liaison').service('duplicates')?.scan().catch(() => undefined);
      return outcome;
    } catch (error) {
      const failure =
        error instanceof ImportFileError
          ? { id: error.id, values: error.values }
          : { id: 'imports.failed', values: { detail: failureDetail(error) } };
      if (!(error instanceof ImportFileError)) strapi.log.error(`import ${documentId} failed: ${(error as Error)?.stack ?? error}`);
      await update(record.id, { importStatus: 'failed', failure, finishedAt: new Date(), counts: { ...counts } });
      state.status = 'failed';
      onProgress?.(state);
      await removeFile(record.storedAs);
      return 'ran';
    }
  };

  /** The record's attributes as columns, for a write through the transaction's knex. */
  const toColumns = (data: Record<string, unknown>) => {
    const meta = strapi.db.metadata.get(IMPORT as any);
    const out: Record<string, unknown> = {};
    for (const [attribute, value] of Object.entries(data)) {
      const type = (meta.attributes[attribute] as any)?.type;
      out[col(attribute)] = type === 'json' ? JSON.stringify(value) : value;
    }
    out[col('updatedAt')] = new Date();
    return out;
  };

  /**
   * Signs of life while the write transaction runs: on PostgreSQL written by another
   * connection (the transaction's own writes are invisible until it commits), so other
   * instances see progress and do not take the import over. SQLite has one connection,
   * held by the transaction: nothing to write there (and one process).
   */
  const startHeartbeat = (id: number, state: Progress) => {
    let stopped = strapi.db.dialect.client !== 'postgres';
    let inflight: Promise<unknown> = Promise.resolve();
    const timer = stopped
      ? null
      : setInterval(() => {
          if (stopped) return;
          inflight = strapi.db
            .connection(table())
            .where('id', id)
            .andWhere(col('importStatus'), 'running')
            .update({ [col('heartbeatAt')]: new Date(), [col('progress')]: state.progress })
            .catch(() => undefined);
        }, HEARTBEAT_MS);
    return {
      async stop() {
        stopped = true;
        if (timer) clearInterval(timer);
        await inflight;
      },
    };
  };

  const removeFile = async (file: string | null | undefined) => {
    if (file) await rm(file, { force: true }).catch(() => undefined);
  };

  return execute;
};
