import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { FORMULA_START, neutralise, toCsv, toXlsx } from '../../plugins/liaison/server/src/utils/spreadsheet';
import { rejectedCsv } from '../../plugins/liaison/server/src/imports/service';

/** Every CSV and XLSX the product writes goes through utils/spreadsheet.ts: no cell runs as a formula. */
const DANGEROUS = ['=1+1', '+86 139', '-2', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil","点我")'];
const HARMLESS = ['王芳', 'fine', ' =1 (a space first)', '１+1', "'=already quoted", ''];

describe('formula injection', () => {
  it('neutralises every text cell that begins with = + - @, a tab or a carriage return, and only those', () => {
    expect(DANGEROUS.map(neutralise)).toEqual(DANGEROUS.map((v) => `'${v}`));
    expect(HARMLESS.map(neutralise)).toEqual(HARMLESS);
    // Numbers, booleans, dates and empty cells stay what they are: a spreadsheet does not run them.
    const date = new Date('2026-01-01T00:00:00Z');
    expect([42, -3, 0, true, null, undefined, date].map(neutralise)).toEqual([42, -3, 0, true, null, undefined, date]);
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(FORMULA_START.test(`${c}x`)).toBe(true);
  });

  it('writes CSV with a BOM, the header and every row neutralised', () => {
    const csv = toCsv(['姓名', '=header'], DANGEROUS.map((v, i) => [v, i]));
    const text = csv.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: string[][] = parse(text.slice(1));
    expect(rows[0]).toEqual(['姓名', "'=header"]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(DANGEROUS.map((v) => `'${v}`));
    expect(rows.slice(1).map((r) => r[1])).toEqual(DANGEROUS.map((_, i) => String(i)));
  });

  it('writes XLSX cells as neutralised text, numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await toXlsx('考核/2026', ['@who', 'n'], DANGEROUS.map((v, i) => [v, i])));
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('考核 2026');
    expect(sheet.getRow(1).getCell(1).value).toBe("'@who");
    // XML reads a carriage return back as a line feed: the apostrophe before it is what counts.
    expect(DANGEROUS.map((_, i) => sheet.getRow(i + 2).getCell(1).value)).toEqual(DANGEROUS.map((v) => `'${v}`.replace(/\r/g, '\n')));
    expect(sheet.getRow(3).getCell(2).value).toBe(1);
    // No cell of the file is a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("neutralises an import's rejected rows, the file's own headers included", () => {
    const csv = rejectedCsv(['=姓名', '手机'], [{ row: 2, cells: ['\t王', '+8612345'], problems: [{ column: '手机', id: 'imports.row.phone', values: { value: '+8612345' } }] }], 'en');
    const rows: string[][] = parse(csv.slice(1));
    expect(rows[0]).toEqual(['row', "'=姓名", '手机', 'reason']);
    expect(rows[1].slice(0, 3)).toEqual(['2', "'\t王", "'+8612345"]);
  });
});
