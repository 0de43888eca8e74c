import { rm } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { columnOf, tableOf } from '../utils/db';
import { announceChange } from '../website/invalidation';
import { planColumns, type ColumnPlan, type Mapping } from './columns';
import { ImportFileError, openFile, withHeader, type OpenedFile } from './read';
import { checkRow } from './rows';
import { LATER, rowImporter, type ImportResult } from './importer';
import { IMPORT, MAX_STORED_REJECTED, ZERO, type Counts, type Progress, type RunOutcome, type Settings } from './job';

/**
 * One run of an import the queue has claimed (service.ts `run`): read the file and check each
 * row, then match, compare and, for a real run, write them (importer.ts) as the file is read,
 * all in ONE transaction guarded by the jobs ledger (jobs.runOnce, keyed by the import): a
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
    try {
      const file = await openFile(record.storedAs, record.fileName).catch((error) => {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ImportFileError('imports.file.vanished');
        throw error;
      });
      const mapping = settings.mapping ?? {};
      let headers: string[] = [];

      /**
       * Reads the file and hands each row to the importer as it comes (judged and, a real run,
       * written in chunks while the rest is read). `inTransaction`: the progress stays in
       * memory (the heartbeat writes it on PostgreSQL; SQLite's one connection is the
       * transaction's).
       */
      const importFile = async (knex: any, write: boolean, inTransaction: boolean): Promise<ImportResult> => {
        const today = new Date();
        let importer: Awaited<ReturnType<typeof rowImporter>> | null = null;
        let plan: ColumnPlan | null = null;
        for await (const item of withHeader(file, mapping)) {
          if ('header' in item) {
            headers = item.header.cells.map((c) => String(c ?? '').trim());
            plan = planColumns(headers, mapping, record.fileName);
            if (plan.problems.length) throw new ImportFileError(plan.problems[0].id, plan.problems[0].values, plan.problems[0].path);
            const header = (field: string) => plan!.columns.find((c) => c.field === field)?.header ?? field;
            const columns = { college: header('college'), cohort: header('cohort'), industry: header('industry'), gradYear: header('gradYear'), studentNo: header('studentNo') };
            importer = await rowImporter(strapi, knex, { settings, columns, write, counts });
            continue;
          }
          counts.rows++;
          const checked = checkRow(plan as ColumnPlan, item.data.row, item.data.cells, today);
          if (checked.ok) await importer!.add(checked.row, item.data.cells);
          else importer!.reject({ row: checked.row, cells: checked.cells, problems: checked.problems });
          if (counts.rows % 2000 === 0) {
            const progress = (file.bytesRead() / Math.max(1, file.size)) * 0.95;
            if (inTransaction) {
              state.progress = Math.max(state.progress, progress);
              onProgress?.(state);
            } else await report(progress);
            await yieldToLoop();
          }
        }
        if (!plan || !importer) throw new ImportFileError('imports.file.empty', { file: record.fileName });
        if (!counts.rows) throw new ImportFileError('imports.file.onlyHeaders', { file: record.fileName });
        return importer.finish();
      };

      const finish = async (result: ImportResult) => {
        const kept = result.rejected.sort((a, b) => a.row - b.row).slice(0, MAX_STORED_REJECTED);
        // The cells of rows rejected after they were let go, read again.
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
      const announce = async (result: ImportResult) => {
        const c = result.counts;
        if (!(c.new || c.updated || result.created.colleges + result.created.cohorts + result.created.industries)) return;
        const cache = strapi.plugin('liaison').service('website')?.invalidated?.();
        if (cache) await announceChange(strapi, cache);
      };

      let outcome: RunOutcome = 'ran';
      if (dryRun) {
        const result = await importFile(strapi.db.connection, false, false);
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
              const result = await importFile(trx, true, true);
              await announce(result);
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
