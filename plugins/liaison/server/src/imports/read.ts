import { createReadStream } from 'fs';
import { open, stat } from 'fs/promises';
import { Transform, type Readable } from 'stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import chardet from 'chardet';
import { recognise, type Mapping } from './columns';
import { mergeFiller, readMerges } from './merges';
import { openWorkbook, SheetRowTooLong, SheetTooWide, type Workbook } from './xlsx';

/**
 * Reading a registrar's file as rows of text, streaming (never the whole file in memory):
 * CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK (what Excel in China
 * saves), detected; XLSX by its zip's directory (the first worksheet, xlsx.ts), merged cells
 * filled from their first cell.
 */
export type Format = 'csv' | 'xlsx';

/** Longest row, in characters: a registrar's row is a few hundred; a runaway quote is not a row. */
export const MAX_ROW_CHARS = 65_536;
export const MAX_COLUMNS = 200;
/** Rows looked at for the header (a title line may stand above it). */
const HEADER_SEARCH_ROWS = 10;

/** A problem with the file as a whole: a 400 naming the file when found before the job starts. */
export class ImportFileError extends Error {
  constructor(
    public readonly id: string,
    public readonly values: Record<string, string | number> = {},
    public readonly path = 'file'
  ) {
    super(id);
  }
}

export const formatOf = (fileName: string): Format | null => {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
};

// ------------------------------------------------------------------ encodings

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

const isUtf8 = (sample: Buffer, truncated: boolean) => {
  let bytes = sample;
  if (truncated) {
    // The sample may end inside a character: drop an incomplete sequence at its end.
    let end = bytes.length;
    for (let back = 1; back <= 3 && end - back >= 0; back++) {
      const b = bytes[end - back];
      if ((b & 0xc0) === 0x80) continue;
      if (b >= 0xc0) end -= back;
      break;
    }
    bytes = bytes.subarray(0, end);
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** The encoding of a CSV file from its first bytes: a BOM, valid UTF-8, else what chardet finds among the Chinese ones. */
export const detectEncoding = (sample: Buffer, truncated: boolean): Encoding | null => {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8-bom';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  // NUL bytes: a binary file (or UTF-16 without BOM, which no spreadsheet writes).
  if (sample.includes(0)) return null;
  if (isUtf8(sample, truncated)) return 'utf-8';
  const guesses = chardet.analyse(sample);
  for (const g of guesses) {
    const name = g.name.toUpperCase();
    if (g.confidence < 10) continue;
    if (name === 'GB18030' || name === 'GBK' || name === 'GB2312') return 'gb18030';
    if (name === 'BIG5') return 'big5';
  }
  return null;
};

const BOM_LENGTH: Record<Encoding, number> = { 'utf-8': 0, 'utf-8-bom': 3, 'utf-16le': 2, 'utf-16be': 2, gb18030: 0, big5: 0 };

/** The cell separator of a CSV: the one of comma, tab, semicolon that the header line holds most of. */
export const detectDelimiter = (firstLine: string): string => {
  let best = ',';
  let most = 0;
  for (const d of [',', '\t', ';']) {
    let n = 0;
    let quoted = false;
    for (const ch of firstLine) {
      if (ch === '"') quoted = !quoted;
      else if (ch === d && !quoted) n++;
    }
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
};

const SAMPLE_BYTES = 256 * 1024;

const readSample = async (path: string) => {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0);
    return { sample: buffer.subarray(0, bytesRead), truncated: bytesRead === SAMPLE_BYTES };
  } finally {
    await handle.close();
  }
};

// ------------------------------------------------------------------ rows

/** One row of the file: its number as a spreadsheet shows it (the header is row 1 of a plain CSV) and its cells as text. */
export interface FileRow {
  row: number;
  cells: string[];
}

export interface OpenedFile {
  format: Format;
  encoding: Encoding | null;
  size: number;
  /** All rows (empty ones skipped), streamed. */
  rows: () => AsyncGenerator<FileRow>;
  /** Bytes of the file read so far, for progress. */
  bytesRead: () => number;
}

/** Counts the bytes flowing through, for progress. */
const counter = (count: (n: number) => void) =>
  new Transform({
    transform(chunk: Buffer, _enc, done) {
      count(chunk.length);
      done(null, chunk);
    },
  });

const isEmpty = (cells: string[]) => cells.every((c) => c === null || c === undefined || String(c).trim() === '');

const checkSize = (cells: string[], row: number, fileName: string) => {
  if (cells.length > MAX_COLUMNS) throw new ImportFileError('imports.file.tooManyColumns', { file: fileName, row, limit: MAX_COLUMNS });
  let chars = 0;
  for (const c of cells) chars += c.length;
  if (chars > MAX_ROW_CHARS) throw new ImportFileError('imports.file.rowTooBig', { file: fileName, row, limit: MAX_ROW_CHARS });
};

const openCsv = async (path: string, fileName: string, size: number): Promise<OpenedFile> => {
  const { sample, truncated } = await readSample(path);
  const encoding = detectEncoding(sample, truncated);
  if (!encoding) throw new ImportFileError('imports.file.encoding', { file: fileName });
  const decoded = iconv.decode(sample.subarray(BOM_LENGTH[encoding]), encoding === 'utf-8-bom' ? 'utf-8' : encoding);
  const firstLine = decoded.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = detectDelimiter(firstLine);
  let read = 0;
  async function* rows(): AsyncGenerator<FileRow> {
    const source = createReadStream(path, { start: BOM_LENGTH[encoding as Encoding], highWaterMark: 256 * 1024 });
    let stream: Readable = source.pipe(counter((n) => (read += n)));
    if (encoding !== 'utf-8' && encoding !== 'utf-8-bom') stream = stream.pipe(iconv.decodeStream(encoding as string)) as unknown as Readable;
    const parser = stream.pipe(
      parse({
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: true,
        max_record_size: MAX_ROW_CHARS,
      })
    );
    let record = 0;
    try {
      for await (const cells of parser as AsyncIterable<string[]>) {
        record++;
        checkSize(cells, record, fileName);
        if (isEmpty(cells)) continue;
        yield { row: record, cells };
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      const code = (error as { code?: string }).code;
      // The parser may be records ahead of what was read from it: its own count says where.
      const at = Number((error as { records?: number }).records ?? record) + 1;
      if (code === 'CSV_MAX_RECORD_SIZE') throw new ImportFileError('imports.file.rowTooBig', { file: fileName, row: at, limit: MAX_ROW_CHARS });
      throw new ImportFileError('imports.file.unreadable', { file: fileName, detail: (error as Error).message.slice(0, 200) });
    } finally {
      source.destroy();
    }
  }
  return { format: 'csv', encoding, size, rows, bytesRead: () => read };
};

const openXlsx = async (path: string, fileName: string, size: number): Promise<OpenedFile> => {
  let reading: Workbook | null = null;
  async function* rows(): AsyncGenerator<FileRow> {
    try {
      reading = await openWorkbook(path);
    } catch (error) {
      throw new ImportFileError('imports.file.unreadable', { file: fileName, detail: (error as Error).message.slice(0, 200) });
    }
    const workbook = reading;
    try {
      if (!workbook.sheet) return;
      const fill = mergeFiller(await readMerges(workbook.sheet));
      for await (const { row, cells } of workbook.rows({ maxColumns: MAX_COLUMNS, maxRowChars: MAX_ROW_CHARS })) {
        checkSize(cells, row, fileName);
        // A row whose only content is what merged cells lend it is empty.
        const empty = isEmpty(cells);
        fill(row, cells);
        if (empty) continue;
        yield { row, cells };
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      if (error instanceof SheetTooWide) throw new ImportFileError('imports.file.tooManyColumns', { file: fileName, row: error.row, limit: MAX_COLUMNS });
      if (error instanceof SheetRowTooLong) throw new ImportFileError('imports.file.rowTooBig', { file: fileName, row: error.row, limit: MAX_ROW_CHARS });
      throw new ImportFileError('imports.file.unreadable', { file: fileName, detail: (error as Error).message.slice(0, 200) });
    } finally {
      workbook.close();
    }
  }
  return { format: 'xlsx', encoding: null, size, rows, bytesRead: () => Math.round((reading?.progress() ?? 0) * size) };
};

/** Opens a file for reading: 400-worthy problems (extension, empty, encoding) are thrown as ImportFileError. */
export const openFile = async (path: string, fileName: string): Promise<OpenedFile> => {
  const format = formatOf(fileName);
  if (!format) throw new ImportFileError('imports.file.extension', { file: fileName });
  const size = (await stat(path)).size;
  if (size === 0) throw new ImportFileError('imports.file.empty', { file: fileName });
  if (format === 'xlsx') {
    // An XLSX file is a zip: "PK\x03\x04".
    const { sample } = await readSample(path);
    if (sample[0] !== 0x50 || sample[1] !== 0x4b) throw new ImportFileError('imports.file.unreadable', { file: fileName, detail: 'not an .xlsx workbook' });
    return openXlsx(path, fileName, size);
  }
  return openCsv(path, fileName, size);
};

/**
 * The header row and the rows after it. The header is the first of the first rows that
 * has at least two recognised (or mapped) headers, else the first row: a title line above
 * the header ("2015届毕业生名单") is skipped.
 */
export async function* withHeader(
  file: OpenedFile,
  mapping: Mapping = {}
): AsyncGenerator<{ header: FileRow } | { data: FileRow }> {
  const buffered: FileRow[] = [];
  let header: FileRow | null = null;
  const known = (cells: string[]) => cells.filter((c) => c && (recognise(c) || Object.prototype.hasOwnProperty.call(mapping, c.trim()))).length;
  for await (const row of file.rows()) {
    if (header) {
      yield { data: row };
      continue;
    }
    buffered.push(row);
    const found = buffered.find((r) => known(r.cells) >= 2);
    if (found || buffered.length >= HEADER_SEARCH_ROWS) {
      header = found ?? buffered[0];
      yield { header };
      for (const r of buffered.slice(buffered.indexOf(header) + 1)) yield { data: r };
    }
  }
  if (!header && buffered.length) {
    header = buffered.find((r) => known(r.cells) >= 2) ?? buffered[0];
    yield { header };
    for (const r of buffered.slice(buffered.indexOf(header) + 1)) yield { data: r };
  }
}
