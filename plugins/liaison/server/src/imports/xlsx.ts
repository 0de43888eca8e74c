import { createReadStream, type ReadStream } from 'fs';
import { stat } from 'fs/promises';
import { posix } from 'path';
import unzipper, { type Entry } from 'unzipper';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { columnNumber } from './merges';

/**
 * The first worksheet of an XLSX workbook as rows of text, streamed, reading the zip by its
 * central directory: the workbook part says which sheet is first, the shared strings are read
 * whole (cells refer to them by number), then the sheet's XML row by row.
 *
 * Why not exceljs' streaming WorkbookReader: it reads the zip front to back through unzipper's
 * Parse, which can drop the entries after a worksheet when the reader pauses (exceljs#3064,
 * open; the fix proposed, #3065, reads by the central directory as here). Files exceljs writes
 * keep xl/workbook.xml last: CI saw an import of such a file fail with "Cannot read properties
 * of undefined (reading 'sheets')". It also skips merged cells (see merges.ts).
 *
 * Cells are read as the file stores them, as exceljs did with styles ignored: a date is the
 * number Excel keeps (the import's own rules read it), a formula its cached result.
 */

/** A row wider than the import takes, found before it is built. */
export class SheetTooWide extends Error {
  constructor(public readonly row: number) {
    super(`row ${row} is too wide`);
  }
}

/** A row with more text than the import takes, found while it is read (a cell of a gigabyte is not kept). */
export class SheetRowTooLong extends Error {
  constructor(public readonly row: number) {
    super(`row ${row} is too long`);
  }
}

/** What the import takes of one row. */
export interface RowLimits {
  maxColumns: number;
  maxRowChars: number;
}

export interface SheetRow {
  row: number;
  cells: string[];
}

/** Characters of shared strings kept at most: a registrar's 300,000 rows hold far fewer; a zip bomb holds more. */
const MAX_SHARED_CHARS = 128 * 1024 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** OOXML escapes characters XML cannot hold as _xHHHH_ (a tab as _x0009_). */
const unescapeOoxml = (text: string) =>
  text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;

/** A cell reference's column ("C3" → 3), 0 when it has none; four letters at most (Excel's widest is XFD). */
const columnOfRef = (ref: string | undefined) => {
  const letters = /^[A-Za-z]{1,4}/.exec(ref ?? '')?.[0];
  return letters ? columnNumber(letters.toUpperCase()) : 0;
};

/** Feeds an entry's XML to a parser, pausing after each chunk so that the caller can hand on what it found. */
async function* parseEntry(entry: Entry, parser: SaxesParser, onBytes?: (n: number) => void): AsyncGenerator<void> {
  const stream = entry.stream();
  try {
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      onBytes?.(chunk.length);
      parser.write(decoder.decode(chunk, { stream: true }));
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
    yield;
  } finally {
    (stream as { destroy?: () => void }).destroy?.();
  }
}

const readWhole = async (entry: Entry, parser: SaxesParser) => {
  const chunks = parseEntry(entry, parser);
  while (!(await chunks.next()).done);
};

export interface Workbook {
  /** The workbook's first worksheet (the first tab), or null when it has none. */
  sheet: Entry | null;
  /** Rows of the first worksheet, in order; a row with no cell is not given. */
  rows(limits: RowLimits): AsyncGenerator<SheetRow>;
  /** Part of the sheet read so far, 0..1. */
  progress(): number;
  /** Closes what reading left open (an early stop leaves the file open otherwise). */
  close(): void;
}

/** Where the first tab's sheet is: workbook.xml names it, its relationships say which part it is. */
const firstSheetPath = async (parts: Map<string, Entry>): Promise<string | null> => {
  const workbook = parts.get('xl/workbook.xml');
  const rels = parts.get('xl/_rels/workbook.xml.rels');
  let firstId: string | null = null;
  const targets = new Map<string, string>();
  if (workbook && rels) {
    const sheets = new SaxesParser();
    sheets.on('opentag', (tag: SaxesTagPlain) => {
      if (firstId !== null || localName(tag.name) !== 'sheet') return;
      const key = Object.keys(tag.attributes).find((a) => a === 'r:id' || a.endsWith(':id'));
      firstId = key ? String(tag.attributes[key]) : null;
    });
    await readWhole(workbook, sheets);
    const relations = new SaxesParser();
    relations.on('opentag', (tag: SaxesTagPlain) => {
      if (localName(tag.name) !== 'Relationship') return;
      targets.set(String(tag.attributes.Id ?? ''), String(tag.attributes.Target ?? ''));
    });
    await readWhole(rels, relations);
  }
  const target = firstId === null ? undefined : targets.get(firstId);
  if (target) {
    const resolved = target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join('xl', target));
    if (parts.has(resolved.toLowerCase())) return resolved.toLowerCase();
  }
  // No workbook part to go by: the lowest-numbered sheet.
  const numbered = [...parts.keys()]
    .map((p) => ({ p, n: /^xl\/worksheets\/sheet(\d+)\.xml$/.exec(p)?.[1] }))
    .filter((s) => s.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return numbered[0]?.p ?? null;
};

const readSharedStrings = async (entry: Entry | undefined): Promise<string[]> => {
  const strings: string[] = [];
  if (!entry) return strings;
  const parser = new SaxesParser();
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  let chars = 0;
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 'si') current = [];
    else if (name === 'rPh') phonetic++;
    else if (name === 't' && current && !phonetic) inText = !tag.isSelfClosing;
  });
  const text = (t: string) => {
    if (!inText || !current) return;
    chars += t.length;
    if (chars > MAX_SHARED_CHARS) throw new Error(`shared strings longer than ${MAX_SHARED_CHARS} characters`);
    current.push(t);
  };
  parser.on('text', text);
  parser.on('cdata', text);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    if (name === 't') inText = false;
    else if (name === 'rPh') phonetic--;
    else if (name === 'si' && current) {
      strings.push(unescapeOoxml(current.join('')));
      current = null;
    }
  });
  await readWhole(entry, parser);
  return strings;
};

/** A cell's text from what the file holds: its type (`t`), its value (`<v>`) or inline string. */
const cellText = (type: string, value: string, inline: string, shared: string[]): string => {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? '';
    case 'inlineStr':
      return unescapeOoxml(inline);
    case 'str':
    case 'e':
      return unescapeOoxml(value);
    case 'b':
      return value === '' ? '' : value === '1' || value.toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'd':
      return value.slice(0, 10);
    default: {
      if (value === '') return '';
      const n = Number(value);
      if (!Number.isFinite(n)) return value;
      return Number.isInteger(n) ? n.toFixed(0) : String(n);
    }
  }
};

export const openWorkbook = async (path: string): Promise<Workbook> => {
  // The file is read through streams of our own making, so that a stop midway closes them
  // (unzipper closes an entry's file stream only once the entry has been read to its end).
  const open = new Set<ReadStream>();
  const source = {
    stream: (offset: number, length?: number) => {
      const s = createReadStream(path, { start: offset, end: length ? offset + length : undefined });
      open.add(s);
      s.on('close', () => open.delete(s));
      return s;
    },
    size: async () => (await stat(path)).size,
  };
  const close = () => {
    for (const s of open) s.destroy();
    open.clear();
  };
  try {
    const directory = await unzipper.Open.custom(source);
    const parts = new Map(directory.files.filter((f) => f.type === 'File').map((f) => [f.path.replace(/^\//, '').toLowerCase(), f]));
    const sheetPath = await firstSheetPath(parts);
    const sheet = sheetPath ? (parts.get(sheetPath) ?? null) : null;
    let read = 0;
    async function* rows({ maxColumns, maxRowChars }: RowLimits): AsyncGenerator<SheetRow> {
      if (!sheet) return;
      const shared = await readSharedStrings(parts.get('xl/sharedstrings.xml'));
      const parser = new SaxesParser();
      const ready: SheetRow[] = [];
      let row: SheetRow | null = null;
      let lastRow = 0;
      let column = 0;
      let type = '';
      let value: string[] = [];
      let inline: string[] = [];
      let reading: 'v' | 't' | null = null;
      let inInline = false;
      let phonetic = 0;
      let rowChars = 0;
      parser.on('opentag', (tag: SaxesTagPlain) => {
        switch (localName(tag.name)) {
          case 'row': {
            const r = Number(tag.attributes.r);
            lastRow = Number.isSafeInteger(r) && r > 0 ? r : lastRow + 1;
            row = { row: lastRow, cells: [] };
            column = 0;
            rowChars = 0;
            break;
          }
          case 'c':
            column = columnOfRef(tag.attributes.r as string | undefined) || column + 1;
            if (column > maxColumns) throw new SheetTooWide(lastRow);
            type = String(tag.attributes.t ?? 'n');
            value = [];
            inline = [];
            break;
          case 'v':
            reading = tag.isSelfClosing ? null : 'v';
            break;
          case 'is':
            inInline = true;
            break;
          case 'rPh':
            phonetic++;
            break;
          case 't':
            if (inInline && !phonetic && !tag.isSelfClosing) reading = 't';
            break;
        }
      });
      const text = (t: string) => {
        if (!reading) return;
        rowChars += t.length;
        if (rowChars > maxRowChars) throw new SheetRowTooLong(lastRow);
        if (reading === 'v') value.push(t);
        else inline.push(t);
      };
      parser.on('text', text);
      parser.on('cdata', text);
      parser.on('closetag', (tag: SaxesTagPlain) => {
        switch (localName(tag.name)) {
          case 'v':
          case 't':
            reading = null;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            phonetic--;
            break;
          case 'c':
            if (row) {
              const cells = row.cells;
              while (cells.length < column - 1) cells.push('');
              cells[column - 1] = cellText(type, value.join(''), inline.join(''), shared);
            }
            break;
          case 'row':
            if (row && row.cells.length) ready.push(row);
            row = null;
            break;
        }
      });
      const chunks = parseEntry(sheet, parser, (n) => (read += n));
      while (!(await chunks.next()).done) yield* ready.splice(0);
    }
    return {
      sheet,
      rows,
      progress: () => (sheet?.uncompressedSize ? Math.min(1, read / sheet.uncompressedSize) : 0),
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
};
