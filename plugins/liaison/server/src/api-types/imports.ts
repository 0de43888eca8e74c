/** Imports of the registrar's files. Types only (see ../admin-api-types.ts). */
import type { DataResponse, Pagination } from './common';

// Imports: POST /liaison/imports/preview, POST /liaison/imports, GET /liaison/imports,
// GET /liaison/imports/:documentId, GET /liaison/imports/:documentId/rejected

/** What a column of the registrar's file can be imported as (server/src/imports/columns.ts). */
export type ImportField =
  | 'name'
  | 'studentNo'
  | 'gender'
  | 'college'
  | 'major'
  | 'degree'
  | 'gradYear'
  | 'cohort'
  | 'phone'
  | 'email'
  | 'wechat'
  | 'employer'
  | 'jobTitle'
  | 'country'
  | 'province'
  | 'city'
  | 'industry';

export type ImportStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ImportCounts {
  rows: number;
  new: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

/** What an import may create when the file names a college, class or industry group the network lacks. */
export interface ImportCreateOptions {
  colleges?: boolean;
  cohorts?: boolean;
  industries?: boolean;
}

/** A problem found in a request or a file, by message id, in the request's language. */
export interface ImportProblem {
  path: string;
  id: string;
  values: Record<string, string | number>;
  message: string;
}

/** An import as the admin API answers it. */
export interface ImportJob {
  documentId: string;
  status: ImportStatus;
  dryRun: boolean;
  counts: ImportCounts;
  progress: number;
  fileName: string;
  format: 'csv' | 'xlsx' | null;
  source: 'admin' | 'cli' | null;
  startedBy: { id: number; firstname: string | null; lastname: string | null; email: string | null } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Colleges, classes and industry groups made (in a dry run: to be made). */
  created: { colleges: number; cohorts: number; industries: number };
  failure: { id: string; values: Record<string, unknown>; message: string } | null;
  /** The mapping used (header → field, null for an ignored column); in the answers about one import. */
  columns?: Record<string, ImportField | null>;
}

export type ImportResponse = DataResponse<ImportJob>;

export interface ImportListResponse {
  data: ImportJob[];
  meta: { pagination: Pagination };
}

/** POST /liaison/imports/preview: the header, the first rows and what each column is read as; nothing imported. */
export interface ImportPreview {
  fileName: string;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  size: number;
  /** The row of the header in the file (a title line above it is skipped). */
  headerRow: number;
  columns: {
    index: number;
    header: string;
    /** What the mapping sent (or, without one, the header) makes of the column. */
    field: ImportField | null;
    /** What the header is recognised as, whatever the mapping. */
    recognised: ImportField | null;
  }[];
  /** The first rows after the header, with their row numbers in the file; as many cells as columns. */
  rows: { row: number; cells: string[] }[];
  /** What the import would refuse with these columns (no column for name or student number, a field read twice …). */
  problems: ImportProblem[];
  /** Every field a column can be imported as, in the order of the registrar's forms. */
  fields: ImportField[];
  required: ImportField[];
  /** What this user's imports may create: College Staff create classes of their colleges only. */
  canCreate: Required<ImportCreateOptions>;
}

export type ImportPreviewResponse = DataResponse<ImportPreview>;

/** One problem of a rejected row: the column as headed in the file, and why. */
export interface RejectedProblem {
  column: string;
  id: string;
  message: string;
}

/** A rejected row: its number in the file, its cells as they were, its problems. */
export interface RejectedRowReport {
  row: number;
  cells: string[];
  problems: RejectedProblem[];
}

export interface RejectedRowsResponse {
  data: RejectedRowReport[];
  /** `headers`: the file's header row; `unlisted`: rejected rows beyond those the import keeps (the count stays exact). */
  meta: { pagination: Pagination; headers: string[]; unlisted: number };
}
