import { copyFile, mkdir, rename, rm, stat } from 'fs/promises';
import path from 'path';
import { randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { ImportJob, ImportPreview, RejectedRowsResponse } from '../admin-api-types';
import { columnOf, isPostgres, rowsOf, tableOf, jsonColumn } from '../utils/db';
import { newDocumentId } from '../outbox/service';
import { IMPORT_FIELDS, REQUIRED_FIELDS, columnsUsed, planColumns, recognise, type ColumnPlan, type Mapping } from './columns';
import { importMessage, type ImportLang } from './messages';
import { ImportFileError, openFile, withHeader, type OpenedFile } from './read';
import type { CreateOptions, ImportScope } from './resolve';
import { executor } from './execute';
import {
  IMPORT,
  INSTANCE,
  STALE_AFTER_MS,
  ZERO,
  rejectedCsv,
  type Counts,
  type ImportStatus,
  type Progress,
  type RejectedRow,
  type RunOutcome,
  type Settings,
} from './job';

export { IMPORT, MAX_STORED_REJECTED, STALE_AFTER_MS, rejectedCsv } from './job';
export type { Counts, ImportStatus, Progress, RejectedRow } from './job';

/**
 * Imports of the registrar's files as jobs: the queue, and what the API reads of it.
 * `enqueue` checks the file (400s), keeps it in the import directory and records the import
 * as queued; `run` claims it (one instance only: a conditional UPDATE from queued to
 * running) and hands it to execute.ts, which reads, checks, matches and writes it in one
 * transaction; `resumeStale` takes over imports whose instance stopped. The reads: one
 * import, the list, its rejected rows (CSV, or JSON pages) and the preview of a file.
 */

/** A queued or stopped import whose file no instance has had for this long is failed. */
const VANISHED_AFTER_MS = 60 * 60_000;

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

export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Imports running on this instance: their latest progress, fresher than the row. */
  const local = new Map<string, Progress>();
  const table = () => tableOf(strapi, IMPORT);
  const col = (attribute: string) => columnOf(strapi, IMPORT, attribute);

  const importDir = () => {
    const configured = strapi.plugin('liaison').config('importDir') as string | undefined;
    return path.resolve(strapi.dirs.app.root, configured || path.join('.tmp', 'imports'));
  };

  const scopeOf = async (user: EnqueueInput['user']): Promise<ImportScope> => {
    if (!user) return { all: true };
    const scope = await strapi.plugin('liaison').service('access').scopeOf(user);
    return scope.all ? { all: true } : { all: false, colleges: scope.colleges };
  };

  const execute = executor(strapi, local);

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
        items = rowsOf(page).map((r) => jsonColumn<RejectedRow>(r.v)!);
      } else {
        const length = await strapi.db.connection.raw(`SELECT COALESCE(json_array_length(??), 0) AS n FROM ?? WHERE id = ?`, [rejected, table(), row.id]);
        const page = await strapi.db.connection.raw(
          `SELECT e.value AS v FROM ?? t, json_each(COALESCE(t.??, '[]')) e WHERE t.id = ? ORDER BY e.key LIMIT ? OFFSET ?`,
          [table(), rejected, row.id, query.pageSize, offset]
        );
        stored = Number(rowsOf(length)[0]?.n ?? 0);
        items = rowsOf(page).map((r) => jsonColumn<RejectedRow>(r.v)!);
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


  return service;
};

/** 404 for an import that does not exist (or is not the user's to see). */
export const notFound = (lang: ImportLang) => new errors.NotFoundError(importMessage('imports.notFound', {}, lang));
