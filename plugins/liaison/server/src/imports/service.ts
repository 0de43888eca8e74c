import { copyFile, mkdir, rename, rm, stat } from 'fs/promises';
import os from 'os';
import path from 'path';
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../utils/spreadsheet';
import type { ImportJob, ImportPreview, RejectedRowsResponse } from '../admin-api-types';
import { columnOf, isPostgres, rowsOf, tableOf } from '../utils/db';
import { searchKeyOf } from '../rules/search-key';
import { announceChange } from '../website/invalidation';
import { newDocumentId } from '../outbox/service';
import { IMPORT_FIELDS, REQUIRED_FIELDS, columnsUsed, planColumns, recognise, type ColumnPlan, type Mapping } from './columns';
import { importMessage, reasonOf, type ImportLang, type RowProblem } from './messages';
import { ImportFileError, openFile, withHeader, type OpenedFile } from './read';
import { checkRow, duplicatesInFile, type CleanRow } from './rows';
import { changeOf, matcherFor, type CreateOptions, type ImportScope, type NewCohort, type NewCollege, type NewIndustry, type Ref, type Resolved } from './resolve';
import { ALUMNUS, createRecords, insertAlumni, loadExisting, loadSnapshot, updateAlumni, type ChangedAlumnus, type NewAlumnus } from './store';

/**
 * Imports of the registrar's files as jobs. `enqueue` checks the file (400s), keeps it in
 * the import directory and records the import as queued; `run` claims it (one instance
 * only: a conditional UPDATE from queued to running), reads and checks every row
 * (progress written as it goes), then matches, compares and, for a real run, writes
 * everything in ONE transaction guarded by the jobs ledger (jobs.runOnce, keyed by the
 * import): a failure leaves nothing behind, and the same import is never written twice.
 */
export const IMPORT = 'plugin::liaison.data-import';

/** A running import whose instance has shown no sign of life for this long is taken over. */
export const STALE_AFTER_MS = 2 * 60_000;
const HEARTBEAT_MS = 5_000;
/** A queued or stopped import whose file no instance has had for this long is failed. */
const VANISHED_AFTER_MS = 60 * 60_000;
/** Rejected rows kept with the import (the count is always exact). */
export const MAX_STORED_REJECTED = 50_000;

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';
export interface Counts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}
const ZERO: Counts = { rows: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };

export interface RejectedRow {
  row: number;
  cells: string[];
  problems: RowProblem[];
}

interface Settings {
  mapping: Mapping;
  create: CreateOptions;
  scope: ImportScope;
  headers?: string[];
}

export interface EnqueueInput {
  /** Where the uploaded file is now (it is moved into the import directory). */
  path: string;
  fileName: string;
  dryRun: boolean;
  mapping?: Mapping;
  create?: CreateOptions;
  user?: { id: number; roles?: { code?: string; name?: string }[] } | null;
  source?: 'admin' | 'cli';
}

export interface Progress {
  status: ImportStatus;
  progress: number;
  counts: Counts;
}

type RunOutcome = 'ran' | 'busy' | 'done-elsewhere';

const INSTANCE = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** Rows a preview shows after the header. */
export const PREVIEW_ROWS = 10;

const present = (r: any, lang: ImportLang, withColumns = false): ImportJob => ({
  documentId: r.documentId as string,
  status: r.importStatus as ImportStatus,
  dryRun: !!r.dryRun,
  counts: { ...ZERO, ...(r.counts ?? {}) } as Counts,
  progress: Math.max(0, Math.min(1, Number(r.progress ?? 0))),
  fileName: r.fileName as string,
  format: r.format ?? null,
  source: r.source ?? null,
  startedBy: r.startedBy
    ? { id: r.startedBy.id, firstname: r.startedBy.firstname ?? null, lastname: r.startedBy.lastname ?? null, email: r.startedBy.email ?? null }
    : null,
  createdAt: r.createdAt,
  startedAt: r.startedAt ?? null,
  finishedAt: r.finishedAt ?? null,
  created: r.created ?? { colleges: 0, cohorts: 0, industries: 0 },
  failure: r.failure ? { id: r.failure.id, values: r.failure.values ?? {}, message: importMessage(r.failure.id, r.failure.values, lang) } : null,
  ...(withColumns ? { columns: r.columns ?? {} } : {}),
});

const PRESENTED = ['documentId', 'importStatus', 'dryRun', 'counts', 'progress', 'fileName', 'format', 'source', 'createdAt', 'startedAt', 'finishedAt', 'created', 'failure'];

/** Moves a file, copying across file systems. */
const moveFile = async (from: string, to: string) => {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
};

/** What went wrong, without the SQL statement knex puts before a database's own message. */
const failureDetail = (error: unknown) => {
  const message = String((error as Error)?.message ?? error);
  const at = message.lastIndexOf(' - ');
  return (at >= 0 && /^\s*(insert|update|delete|select|with)\b/i.test(message) ? message.slice(at + 3) : message).slice(0, 300);
};

const yieldToLoop = () => new Promise((resolve) => setImmediate(resolve));

/** The rejected rows as CSV (UTF-8 with BOM, for Excel): `row`, the file's columns as they were, `reason`. */
export const rejectedCsv = (headers: string[], rows: RejectedRow[], lang: ImportLang, more = 0) => {
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const head = ['row', ...Array.from({ length: width }, (_, i) => headers[i] ?? ''), 'reason'];
  const body = rows.map((r) => [String(r.row), ...Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), reasonOf(r.problems, lang)]);
  if (more > 0) body.push(['', ...Array.from({ length: width }, () => ''), importMessage('imports.rejectedTruncated', { more }, lang)]);
  return `\ufeff${stringify([head, ...body].map((line) => line.map(neutralise)), { eof: true })}`;
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Imports running on this instance: their latest progress, fresher than the row. */
  const local = new Map<string, Progress>();
  const table = () => tableOf(strapi, IMPORT);
  const col = (attribute: string) => columnOf(strapi, IMPORT, attribute);
  const jobs = () => strapi.plugin('liaison').service('jobs');

  const importDir = () => {
    const configured = strapi.plugin('liaison').config('importDir') as string | undefined;
    return path.resolve(strapi.dirs.app.root, configured || path.join('.tmp', 'imports'));
  };

  const scopeOf = async (user: EnqueueInput['user']): Promise<ImportScope> => {
    if (!user) return { all: true };
    const scope = await strapi.plugin('liaison').service('access').scopeOf(user);
    return scope.all ? { all: true } : { all: false, colleges: scope.colleges };
  };

  const update = (id: number, data: Record<string, unknown>) => strapi.db.query(IMPORT).update({ where: { id }, data });

  /** Reads the header and the first data row: the problems a person should hear about at once. */
  const inspect = async (file: OpenedFile, fileName: string, mapping: Mapping) => {
    let plan: ColumnPlan | null = null;
    let headers: string[] = [];
    let data = false;
    for await (const item of withHeader(file, mapping)) {
      if ('header' in item) {
        headers = item.header.cells.map((c) => String(c ?? '').trim());
        plan = planColumns(headers, mapping, fileName);
        continue;
      }
      data = true;
      break;
    }
    if (!plan) throw new ImportFileError('imports.file.empty', { file: fileName });
    if (plan.problems.length) {
      const [first] = plan.problems;
      const error = new ImportFileError(first.id, first.values, first.path);
      (error as any).all = plan.problems;
      throw error;
    }
    if (!data) throw new ImportFileError('imports.file.onlyHeaders', { file: fileName });
    return { plan, headers };
  };

  const service = {
    importDir,
    instance: () => INSTANCE,
    /** An import message in a language (the command line prints them). */
    message: (id: string, values: Record<string, unknown> = {}, lang: ImportLang = 'en') => importMessage(id, values, lang),

    /** Checks the file, keeps it, records the import as queued. Throws ImportFileError (a 400) for a file that cannot be imported. */
    async enqueue(input: EnqueueInput) {
      const mapping = input.mapping ?? {};
      const create = input.create ?? {};
      const file = await openFile(input.path, input.fileName);
      const { plan, headers } = await inspect(file, input.fileName, mapping);
      const scope = await scopeOf(input.user);
      const dir = importDir();
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const stored = path.join(dir, `${Date.now().toString(36)}-${randomBytes(8).toString('hex')}.${file.format}`);
      await moveFile(input.path, stored);
      const settings: Settings = { mapping, create, scope, headers };
      const record = await strapi.db.query(IMPORT).create({
        data: {
          fileName: input.fileName.slice(0, 255),
          fileSize: file.size,
          format: file.format,
          encoding: file.encoding,
          dryRun: input.dryRun,
          importStatus: 'queued',
          progress: 0,
          counts: { ...ZERO },
          columns: columnsUsed(plan),
          settings,
          source: input.source ?? 'admin',
          startedBy: input.user?.id ?? null,
          storedAs: stored,
          attempts: 0,
          // As the Document Service writes a type without draft & publish.
          documentId: newDocumentId(),
          publishedAt: new Date(),
        },
      });
      return { id: record.id as number, documentId: record.documentId as string };
    },

    /** The import as the API answers it (with `columns`); null when unknown or not the user's to see. */
    async findOne(documentId: string, user: EnqueueInput['user'] | null, lang: ImportLang) {
      const row = await strapi.db.query(IMPORT).findOne({
        where: { documentId },
        select: [...PRESENTED, 'columns'],
        populate: { startedBy: { select: ['id', 'firstname', 'lastname', 'email'] } },
      });
      if (!row) return null;
      if (user && !(await service.visibleTo(row, user))) return null;
      const answer = present(row, lang, true);
      const live = local.get(documentId);
      if (live && answer.status === 'running') Object.assign(answer, { progress: Math.max(answer.progress, live.progress), counts: live.counts });
      return answer;
    },

    /** The office sees every import; College Staff their own. */
    async visibleTo(row: { startedBy?: { id: number } | null }, user: EnqueueInput['user']) {
      const scope = await scopeOf(user);
      return scope.all || row.startedBy?.id === user?.id;
    },

    /** Newest first, paginated. */
    async list(query: { page: number; pageSize: number }, user: EnqueueInput['user'] | null, lang: ImportLang) {
      const scope = await scopeOf(user);
      const { results, pagination } = await strapi.db.query(IMPORT).findPage({
        where: scope.all || !user ? {} : { startedBy: { id: user.id } },
        select: PRESENTED,
        populate: { startedBy: { select: ['id', 'firstname', 'lastname', 'email'] } },
        page: query.page,
        pageSize: query.pageSize,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      });
      return { data: results.map((r: any) => present(r, lang)), meta: { pagination } };
    },

    /** The rejected rows as CSV, or null when the import is unknown (or not the user's). */
    async rejected(documentId: string, user: EnqueueInput['user'] | null, lang: ImportLang) {
      const row = await strapi.db.query(IMPORT).findOne({
        where: { documentId },
        select: ['id', 'fileName', 'rejected', 'settings', 'counts'],
        populate: { startedBy: { select: ['id'] } },
      });
      if (!row || (user && !(await service.visibleTo(row, user)))) return null;
      const rows = (row.rejected ?? []) as RejectedRow[];
      const total = Number(row.counts?.rejected ?? rows.length);
      return {
        fileName: row.fileName as string,
        csv: rejectedCsv((row.settings as Settings | null)?.headers ?? [], rows, lang, Math.max(0, total - rows.length)),
      };
    },

    /**
     * The header, the first rows and what each column is read as, for the mapping step:
     * nothing is kept or imported. Throws ImportFileError (a 400) for a file that cannot be
     * read at all; what the columns lack is answered as `problems`, to be put right by a mapping.
     */
    async preview(input: { path: string; fileName: string; mapping?: Mapping; rows?: number; user?: EnqueueInput['user'] }, lang: ImportLang): Promise<ImportPreview> {
      const mapping = input.mapping ?? {};
      const file = await openFile(input.path, input.fileName);
      const wanted = Math.max(1, Math.min(50, input.rows ?? PREVIEW_ROWS));
      let header: { row: number; cells: string[] } | null = null;
      const rows: { row: number; cells: string[] }[] = [];
      for await (const item of withHeader(file, mapping)) {
        if ('header' in item) {
          header = item.header;
          continue;
        }
        rows.push(item.data);
        if (rows.length >= wanted) break;
      }
      if (!header) throw new ImportFileError('imports.file.empty', { file: input.fileName });
      if (!rows.length) throw new ImportFileError('imports.file.onlyHeaders', { file: input.fileName });
      const headers = header.cells.map((c) => String(c ?? '').trim());
      const plan = planColumns(headers, mapping, input.fileName);
      const scope = await scopeOf(input.user);
      const width = headers.length;
      return {
        fileName: input.fileName,
        format: file.format,
        encoding: file.encoding,
        size: file.size,
        headerRow: header.row,
        columns: plan.columns.map((c) => ({ index: c.index, header: c.header, field: c.field, recognised: c.header ? recognise(c.header) : null })),
        rows: rows.map((r) => ({ row: r.row, cells: Array.from({ length: width }, (_, i) => String(r.cells[i] ?? '')) })),
        problems: plan.problems.map((p) => ({ path: p.path, id: p.id, values: p.values, message: importMessage(p.id, p.values, lang) })),
        fields: [...IMPORT_FIELDS],
        required: [...REQUIRED_FIELDS],
        canCreate: scope.all ? { colleges: true, cohorts: true, industries: true } : { colleges: false, cohorts: true, industries: false },
      };
    },

    /**
     * A page of an import's rejected rows, in row order, each problem in the reader's language;
     * null when the import is unknown (or not the user's). The page is cut from the stored list
     * by the database (a dry run of a large file may keep tens of thousands).
     */
    async rejectedRows(documentId: string, query: { page: number; pageSize: number }, user: EnqueueInput['user'] | null, lang: ImportLang): Promise<RejectedRowsResponse | null> {
      const row = await strapi.db.query(IMPORT).findOne({
        where: { documentId },
        select: ['id', 'settings', 'counts'],
        populate: { startedBy: { select: ['id'] } },
      });
      if (!row || (user && !(await service.visibleTo(row, user)))) return null;
      const rejected = col('rejected');
      const offset = (query.page - 1) * query.pageSize;
      let stored: number;
      let items: RejectedRow[];
      if (isPostgres(strapi)) {
        const [length, page] = await Promise.all([
          strapi.db.connection.raw(`SELECT COALESCE(jsonb_array_length(??::jsonb), 0) AS n FROM ?? WHERE id = ?`, [rejected, table(), row.id]),
          strapi.db.connection.raw(
            `SELECT e.value AS v FROM ?? t CROSS JOIN LATERAL jsonb_array_elements(COALESCE(t.??::jsonb, '[]'::jsonb)) WITH ORDINALITY AS e(value, n)
              WHERE t.id = ? ORDER BY e.n LIMIT ? OFFSET ?`,
            [table(), rejected, row.id, query.pageSize, offset]
          ),
        ]);
        stored = Number(rowsOf(length)[0]?.n ?? 0);
        items = rowsOf(page).map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v));
      } else {
        const length = await strapi.db.connection.raw(`SELECT COALESCE(json_array_length(??), 0) AS n FROM ?? WHERE id = ?`, [rejected, table(), row.id]);
        const page = await strapi.db.connection.raw(
          `SELECT e.value AS v FROM ?? t, json_each(COALESCE(t.??, '[]')) e WHERE t.id = ? ORDER BY e.key LIMIT ? OFFSET ?`,
          [table(), rejected, row.id, query.pageSize, offset]
        );
        stored = Number(rowsOf(length)[0]?.n ?? 0);
        items = rowsOf(page).map((r) => (typeof r.v === 'string' ? JSON.parse(r.v) : r.v));
      }
      const total = Number(row.counts?.rejected ?? stored);
      return {
        data: items.map((r) => ({
          row: r.row,
          cells: r.cells ?? [],
          problems: (r.problems ?? []).map((p) => ({ column: p.column, id: p.id, message: importMessage(p.id, p.values, lang) })),
        })),
        meta: {
          pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(stored / query.pageSize), total: stored },
          headers: (row.settings as Settings | null)?.headers ?? [],
          unlisted: Math.max(0, total - stored),
        },
      };
    },

    /**
     * Runs a queued import (or takes over one whose instance died) unless another instance
     * has it. `onProgress` follows it (the command line's progress bar).
     */
    async run(documentId: string, options: { onProgress?: (p: Progress) => void } = {}): Promise<RunOutcome> {
      const now = new Date();
      const claimed = await strapi.db
        .connection(table())
        .where(col('documentId'), documentId)
        .andWhere((q: any) =>
          q.where(col('importStatus'), 'queued').orWhere((r: any) => r.where(col('importStatus'), 'running').andWhere(col('heartbeatAt'), '<', new Date(now.getTime() - STALE_AFTER_MS)))
        )
        .update({
          [col('importStatus')]: 'running',
          [col('claimedBy')]: INSTANCE,
          [col('heartbeatAt')]: now,
          [col('startedAt')]: now,
          [col('updatedAt')]: now,
          [col('attempts')]: strapi.db.connection.raw('?? + 1', [col('attempts')]),
        });
      if (!claimed) return 'busy';
      const record = await strapi.db.query(IMPORT).findOne({ where: { documentId } });
      try {
        return await execute(record, options.onProgress);
      } finally {
        local.delete(documentId);
      }
    },

    /** Imports left queued or running by an instance that stopped: taken over when their file is here. */
    async resumeStale() {
      const before = new Date(Date.now() - STALE_AFTER_MS);
      const rows = await strapi.db.query(IMPORT).findMany({
        where: {
          $or: [
            { importStatus: 'queued', createdAt: { $lt: new Date(Date.now() - 30_000) } },
            { importStatus: 'running', heartbeatAt: { $lt: before } },
          ],
        },
        select: ['id', 'documentId', 'storedAs', 'createdAt'],
        limit: 5,
      });
      const outcomes: Record<string, RunOutcome | 'missing'> = {};
      for (const r of rows) {
        if (local.has(r.documentId)) continue;
        const here = r.storedAs ? await stat(r.storedAs).then(() => true, () => false) : false;
        if (here) {
          outcomes[r.documentId] = await service.run(r.documentId);
          continue;
        }
        outcomes[r.documentId] = 'missing';
        // No instance has had its file for an hour: it will not run (IMPORT_DIR is not shared, or was emptied).
        if (Date.now() - new Date(r.createdAt).getTime() > VANISHED_AFTER_MS) {
          await strapi.db
            .connection(table())
            .where('id', r.id)
            .whereIn(col('importStatus'), ['queued', 'running'])
            .andWhere((q: any) => q.whereNull(col('heartbeatAt')).orWhere(col('heartbeatAt'), '<', before))
            .update({
              [col('importStatus')]: 'failed',
              [col('failure')]: JSON.stringify({ id: 'imports.file.vanished', values: {} }),
              [col('finishedAt')]: new Date(),
              [col('updatedAt')]: new Date(),
            });
        }
      }
      return outcomes;
    },
  };

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

  return service;
};

/** 404 for an import that does not exist (or is not the user's to see). */
export const notFound = (lang: ImportLang) => new errors.NotFoundError(importMessage('imports.notFound', {}, lang));
