import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * Every CSV and XLSX file the product writes goes through here (the appraisal export,
 * an import's rejected rows), so that none of them carries a formula injection: a
 * spreadsheet program runs a text cell that begins with = + - @ (or a tab or a carriage
 * return, which some of them skip before looking) as a formula. Such cells are written
 * with a leading apostrophe, which spreadsheets show as text and do not display.
 * Numbers, booleans and empty cells are written as they are.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export const neutralise = (value: unknown): unknown => (typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value);

const cells = (rows: unknown[][]) => rows.map((row) => row.map(neutralise));

/** CSV with a byte-order mark, so that Excel reads the Chinese as UTF-8; the header is neutralised too (an import's headers come from its file). */
export const toCsv = (header: unknown[], rows: unknown[][]) =>
  Buffer.from(`\uFEFF${stringify(cells([header, ...rows]) as any[][], { eof: true })}`, 'utf8');

/** An XLSX workbook of one sheet: a bold, frozen header row. */
export const toXlsx = async (sheetName: string, header: unknown[], rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31).trim() || 'Sheet1');
  sheet.addRow(cells([header])[0] as any[]).font = { bold: true };
  for (const row of cells(rows)) sheet.addRow(row as any[]);
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
