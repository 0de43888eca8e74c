import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/**
 * A spreadsheet program would run a cell that begins with = + - @ (or a tab or carriage
 * return) as a formula: such text cells are written with a leading apostrophe.
 */
export const neutralise = (value: unknown): unknown => (typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const cells = (rows: unknown[][]) => rows.map((row) => row.map(neutralise));

/** CSV with a byte-order mark, so that Excel reads the Chinese as UTF-8. */
export const toCsv = (header: string[], rows: unknown[][]) =>
  Buffer.from(`\uFEFF${stringify([header, ...cells(rows)] as any[][])}`, 'utf8');

export const toXlsx = async (sheetName: string, header: string[], rows: unknown[][]) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Appraisal');
  sheet.addRow(header).font = { bold: true };
  for (const row of cells(rows)) sheet.addRow(row as any[]);
  sheet.columns.forEach((column) => {
    column.width = 16;
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
