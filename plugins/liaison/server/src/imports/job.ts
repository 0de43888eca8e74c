import os from 'os';
import { randomBytes } from 'crypto';
import { stringify } from 'csv-stringify/sync';
import { neutralise } from '../utils/spreadsheet';
import { importMessage, reasonOf, type ImportLang, type RowProblem } from './messages';
import type { Mapping } from './columns';
import type { CreateOptions, ImportScope } from './resolve';

/**
 * What the import's queue (service.ts) and its runs (execute.ts) share: the record's type,
 * its statuses and counts, the settings kept with it, the rejected rows and their CSV.
 */
export const IMPORT = 'plugin::liaison.data-import';

/** A running import whose instance has shown no sign of life for this long is taken over. */
export const STALE_AFTER_MS = 2 * 60_000;
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
export const ZERO: Counts = { rows: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };

export interface RejectedRow {
  row: number;
  cells: string[];
  problems: RowProblem[];
}

/** What the import was asked to do, kept with it (`headers`: the file's, for the rejected rows). */
export interface Settings {
  mapping: Mapping;
  create: CreateOptions;
  scope: ImportScope;
  headers?: string[];
}

export interface Progress {
  status: ImportStatus;
  progress: number;
  counts: Counts;
}

export type RunOutcome = 'ran' | 'busy' | 'done-elsewhere';

/** This instance, as it signs the imports it claims. */
export const INSTANCE = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;

/** The rejected rows as CSV (UTF-8 with BOM, for Excel): `row`, the file's columns as they were, `reason`. */
export const rejectedCsv = (headers: string[], rows: RejectedRow[], lang: ImportLang, more = 0) => {
  const width = Math.max(headers.length, ...rows.map((r) => r.cells.length));
  const head = ['row', ...Array.from({ length: width }, (_, i) => headers[i] ?? ''), 'reason'];
  const body = rows.map((r) => [String(r.row), ...Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), reasonOf(r.problems, lang)]);
  if (more > 0) body.push(['', ...Array.from({ length: width }, () => ''), importMessage('imports.rejectedTruncated', { more }, lang)]);
  return `\ufeff${stringify([head, ...body].map((line) => line.map(neutralise)), { eof: true })}`;
};
