import type { Entry } from 'unzipper';

/**
 * Merged cells of an XLSX worksheet: which ranges are merged (read before the rows, which the
 * sheet lists first), and every cell of a range filled with the value of its first cell, as the
 * sheet shows it.
 */

/** A merged range of a worksheet: rows and columns from 1, both ends included. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Merged ranges read from one worksheet at most; a registrar's sheet has a few thousand. */
export const MAX_MERGES = 200_000;

/** A column's number from its letters (A = 1, AA = 27). */
export const columnNumber = (letters: string) => {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
};

/** "C3:C7" (or a lone "C3") as a range; null for anything else. */
export const mergedRange = (ref: string): MergedRange | null => {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref.trim().toUpperCase());
  if (!m) return null;
  const [a, b] = [
    { row: Number(m[2]), col: columnNumber(m[1]) },
    { row: Number(m[4] ?? m[2]), col: columnNumber(m[3] ?? m[1]) },
  ];
  if (!a.row || !b.row) return null;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
};

const MERGE_CELL = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([^"]+)"/g;

/**
 * The merged ranges of a worksheet. A worksheet lists them after all its rows (<mergeCells>
 * follows <sheetData>), and the rows are read streaming: they are read first, in a pass of
 * their own over the sheet's part of the zip, scanning the XML as text.
 */
export const readMerges = async (entry: Entry): Promise<MergedRange[]> => {
  const merges: MergedRange[] = [];
  let carry = '';
  const stream = entry.stream();
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      // Element names and refs are ASCII: latin1 keeps every byte one character.
      const text = carry + chunk.toString('latin1');
      let end = 0;
      // Cheap test first: most chunks are rows.
      if (text.includes('ergeCell')) {
        MERGE_CELL.lastIndex = 0;
        for (let m = MERGE_CELL.exec(text); m; m = MERGE_CELL.exec(text)) {
          const range = mergedRange(m[1]);
          if (range && (range.bottom > range.top || range.right > range.left)) merges.push(range);
          if (merges.length > MAX_MERGES) throw new Error(`more than ${MAX_MERGES} merged ranges`);
          end = m.index + m[0].length;
        }
      }
      // An element cut by the chunk's end is read with the next chunk.
      carry = text.slice(Math.max(end, text.length - 512));
    }
  } finally {
    (stream as unknown as { destroy?: () => void }).destroy?.();
  }
  return merges;
};

/**
 * Fills merged cells as a spreadsheet shows them: every cell of a merged range takes the
 * value of its first (top-left) cell, which is the only one the file holds (what WPS and
 * Excel call "unmerge and fill"). Rows come in order; returns the filler of one row.
 */
export const mergeFiller = (merges: MergedRange[]) => {
  const pending = [...merges].sort((a, b) => a.top - b.top || a.left - b.left);
  let next = 0;
  let active: (MergedRange & { value: string })[] = [];
  return (row: number, cells: string[]) => {
    while (next < pending.length && pending[next].top <= row) active.push({ ...pending[next++], value: '' });
    if (!active.length) return cells;
    if (active.some((m) => m.bottom < row)) active = active.filter((m) => m.bottom >= row);
    for (const m of active) {
      if (m.top === row) m.value = cells[m.left - 1] ?? '';
      for (let col = m.left; col <= m.right; col++) {
        if (row === m.top && col === m.left) continue;
        while (cells.length < col) cells.push('');
        if (cells[col - 1] === '') cells[col - 1] = m.value;
      }
    }
    return cells;
  };
};

