import { rm } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { columnOf, tableOf } from '../utils/db';
import { searchKeyOf } from '../rules/search-key';
import { announceChange } from '../website/invalidation';
import { planColumns, type ColumnPlan } from './columns';
import type { RowProblem } from './messages';
import { ImportFileError, openFile, withHeader } from './read';
import { checkRow, duplicatesInFile, type CleanRow } from './rows';
import { changeOf, matcherFor, type NewCohort, type NewCollege, type NewIndustry, type Ref, type Resolved } from './resolve';
import { createRecords, insertAlumni, loadExisting, loadSnapshot, updateAlumni, type ChangedAlumnus, type NewAlumnus } from './store';
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
      const valid: CleanRow[] = [];
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
        if (checked.ok) valid.push(checked.row);
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
      const twice = duplicatesInFile(valid.map((r) => ({ row: r.row, studentNo: r.values.studentNo })));
      const rows = twice.size ? valid.filter((r) => !twice.has(r.row)) : valid;
      if (twice.size) {
        for (const r of valid) {
          const others = twice.get(r.row);
          if (!others) continue;
          rejected.push({ row: r.row, cells: r.cells, problems: [{ column: studentNoHeader, id: 'imports.row.studentNoTwice', values: { value: r.values.studentNo, rows: others.join(', ') } }] });
          counts.rejected++;
        }
      }
      await report(readShare, true);

      // ---------------------------------------------------------------- match, compare, write
      const header = (field: string) => plan!.columns.find((c) => c.field === field)?.header ?? field;
      const columns = { college: header('college'), cohort: header('cohort'), industry: header('industry'), gradYear: header('gradYear'), studentNo: studentNoHeader };
      const settle = async (knex: any, write: boolean) => {
        const tally = { ...counts, new: 0, updated: 0, unchanged: 0 };
        const settledRejected = [...rejected];
        const snapshot = await loadSnapshot(strapi, knex);
        const matcher = matcherFor(snapshot, settings.create ?? {}, settings.scope ?? { all: true }, columns);
        const existing = await loadExisting(strapi, knex, rows.map((r) => r.values.studentNo));
        const accepted: { row: CleanRow; resolved: Resolved; change: ReturnType<typeof changeOf> }[] = [];
        const scope = settings.scope ?? { all: true };
        for (const row of rows) {
          const reject = (problems: RowProblem[]) => {
            settledRejected.push({ row: row.row, cells: row.cells, problems });
            tally.rejected++;
          };
          const result = matcher.resolve(row);
          if ('problems' in result) {
            reject(result.problems);
            continue;
          }
          const before = existing.get(row.values.studentNo);
          if (!scope.all) {
            if (before && !(before.college !== null && scope.colleges.includes(before.college))) {
              reject([{ column: studentNoHeader, id: 'imports.row.alumnusOtherCollege', values: { value: row.values.studentNo } }]);
              continue;
            }
            if (!before && !result.resolved.college) {
              reject([{ column: columns.college, id: 'imports.row.noCollege' }]);
              continue;
            }
          }
          const change = changeOf(row.values, result.resolved, before);
          tally[change.kind]++;
          accepted.push({ row, resolved: result.resolved, change });
        }
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
        for (const a of accepted) {
          if (a.change.kind === 'unchanged') continue;
          want(a.resolved.cohort);
          want(a.resolved.college);
          want(a.resolved.industry);
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
          const fresh: NewAlumnus[] = [];
          const changed: ChangedAlumnus[] = [];
          for (const a of accepted) {
            if (a.change.kind === 'new') {
              fresh.push({ values: a.row.values as any, studentNo: a.row.values.studentNo, cohort: idOf(a.resolved.cohort) ?? null, industry: idOf(a.resolved.industry) ?? null });
            } else if (a.change.kind === 'updated') {
              const before = existing.get(a.row.values.studentNo)!;
              const values = { ...before.values };
              for (const attribute of a.change.attributes) values[attribute] = (a.row.values as any)[attribute];
              const nameChanged = a.change.attributes.includes('name');
              changed.push({
                id: before.id,
                values,
                searchKey: nameChanged ? searchKeyOf(values.name) : before.searchKey,
                nameChanged,
                ...(a.change.cohort ? { cohort: idOf(a.change.cohort) } : {}),
                ...(a.change.industry ? { industry: idOf(a.change.industry) } : {}),
              });
            }
          }
          const total = Math.max(1, fresh.length + changed.length);
          await insertAlumni(strapi, knex, fresh, (done) => {
            state.progress = Math.max(state.progress, readShare + 0.05 + (0.9 - readShare) * (done / total));
            onProgress?.(state);
          });
          await updateAlumni(strapi, knex, changed, new Date());
          if (fresh.length || changed.length || created.colleges + created.cohorts + created.industries) {
            const website = strapi.plugin('liaison').service('website');
            const cache = website?.invalidated?.();
            if (cache) await announceChange(strapi, cache);
          }
        }
        return { counts: tally, rejected: settledRejected, created };
      };

      const finish = (result: { counts: Counts; rejected: RejectedRow[]; created: Record<string, number> }) => {
        const sorted = result.rejected.sort((a, b) => a.row - b.row);
        return {
          importStatus: 'done',
          progress: 1,
          counts: result.counts,
          created: result.created,
          rejected: sorted.slice(0, MAX_STORED_REJECTED),
          settings: { ...settings, headers },
          finishedAt: new Date(),
          heartbeatAt: new Date(),
        };
      };

      let outcome: RunOutcome = 'ran';
      if (dryRun) {
        const result = await settle(strapi.db.connection, false);
        Object.assign(counts, result.counts);
        await update(record.id, finish(result));
      } else {
        const heartbeat = startHeartbeat(record.id, state);
        try {
          outcome = await jobs().runOnce(`import:${documentId}`, new Date(record.createdAt), async () =>
            strapi.db.transaction(async ({ trx }) => {
              // Imports write one at a time: each sees what the one before wrote.
              if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:imports']);
              const result = await settle(trx, true);
              Object.assign(counts, result.counts);
              await heartbeat.stop();
              await trx(table())
                .where('id', record.id)
                .update(toColumns(finish(result)));
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
