import ExcelJS from 'exceljs';
import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeCohort, makeCollege } from '../helpers/fixtures';
import { IMPORTS, rejectedOf, runImport } from './helpers';

/**
 * A registrar's sheet merges 学院, 毕业年份 and 班级 down the rows they hold for; the file keeps
 * the value only in each range's first cell (exceljs' streaming reader does not see merges at
 * all). The import reads every merged cell as its first cell, as the spreadsheet shows it.
 */
const ALUMNI = 'plugin::liaison.alumnus';
const PREFIX = `M${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`;

let token: string;
let medicine: any;
let law: any;
let med1: any;
let law1: any;

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  medicine = await makeCollege({ name: unique('临床医学院') });
  law = await makeCollege({ name: unique('法学院') });
  med1 = await makeCohort({ college: medicine.documentId, gradYear: 2015, className: unique('临床医学2011级1班') });
  law1 = await makeCohort({ college: law.documentId, gradYear: 2015, className: unique('法学2011级1班') });
}, 180000);
afterAll(teardownStrapi);

/**
 *     A      B       C(学院)      D(毕业年份)   E(班级)      F(手机)
 *  1  2015届毕业生名单 (A1:F1 merged)
 *  2  姓名   学号    学院         毕业年份      班级         手机
 *  3  王芳   …-1     临床医学院 ┐  2015 ┐       临床1班 ┐    13912345678
 *  4  李振东 …-2                │       │               │
 *  5  张伟   …-3                ┘       │       ────────┘    (the next class: none, matched by college + year)
 *  6  陈静   …-4     法学院     ┐       │       法学1班 ┐
 *  7  赵敏   …-5                │       ┘               ┘
 *  8                            ┘ (nothing of its own: not a row)
 *  9  孙丽   …-6     法学院        2099 ┐       法学1班
 * 10  周强   …-7     法学院             ┘       法学1班
 */
const sn = (run: string, n: number) => `${PREFIX}-${run}-${n}`;

const workbookOf = async (run: string) => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2015届');
  const rows: (string | number | null)[][] = [
    ['2015届毕业生名单'],
    ['姓名', '学号', '学院', '毕业年份', '班级', '手机'],
    ['王芳', sn(run, 1), medicine.name, 2015, med1.className, '13912345678'],
    ['李振东', sn(run, 2), null, null, null, null],
    ['张伟', sn(run, 3), null, null, null, null],
    ['陈静', sn(run, 4), law.name, null, law1.className, null],
    ['赵敏', sn(run, 5), null, null, null, null],
    [null, null, null, null, null, null],
    ['孙丽', sn(run, 6), law.name, '2099', law1.className, null],
    ['周强', sn(run, 7), law.name, null, law1.className, null],
  ];
  for (const row of rows) sheet.addRow(row);
  for (const range of ['A1:F1', 'C3:C5', 'D3:D7', 'E3:E5', 'C6:C8', 'E6:E7', 'D9:D10']) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('an XLSX with merged cells', () => {
  it('previews every merged cell with the value of its first cell', async () => {
    const res = await http()
      .post(`${IMPORTS}/preview`)
      .set('Authorization', `Bearer ${token}`)
      .set('Accept-Language', 'en')
      .attach('file', await workbookOf('p'), { filename: '2015届.xlsx', contentType: XLSX_TYPE });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ format: 'xlsx', headerRow: 2, problems: [] });
    expect(res.body.data.rows.map((r: any) => [r.row, ...r.cells])).toEqual([
      [3, '王芳', sn('p', 1), medicine.name, '2015', med1.className, '13912345678'],
      [4, '李振东', sn('p', 2), medicine.name, '2015', med1.className, ''],
      [5, '张伟', sn('p', 3), medicine.name, '2015', med1.className, ''],
      [6, '陈静', sn('p', 4), law.name, '2015', law1.className, ''],
      [7, '赵敏', sn('p', 5), law.name, '2015', law1.className, ''],
      // Row 8 holds nothing of its own: it is not a row.
      [9, '孙丽', sn('p', 6), law.name, '2099', law1.className, ''],
      [10, '周强', sn('p', 7), law.name, '2099', law1.className, ''],
    ]);
  });

  it('imports each row with the college, year and class its merged cells show; a bad merged year rejects every row it covers', async () => {
    const done = await runImport(token, await workbookOf('i'), '2015届.xlsx', { dryRun: 'false' });
    expect(done).toMatchObject({ status: 'done', counts: { rows: 7, new: 5, updated: 0, unchanged: 0, rejected: 2 } });
    const stored = (await strapiApp()
      .documents(ALUMNI as any)
      .findMany({ filters: { studentNo: { $startsWith: `${PREFIX}-i-` } }, populate: ['cohort'], sort: 'studentNo:asc' } as any)) as any[];
    expect(stored.map((a) => [a.name, a.cohort?.documentId])).toEqual([
      ['王芳', med1.documentId],
      ['李振东', med1.documentId],
      ['张伟', med1.documentId],
      ['陈静', law1.documentId],
      ['赵敏', law1.documentId],
    ]);
    // The rejected rows as the sheet shows them: the merged year in both, with its reason.
    const { res, text } = await rejectedOf(token, done.documentId);
    expect(res.status).toBe(200);
    const lines = text.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe('row,姓名,学号,学院,毕业年份,班级,手机,reason');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5))).toEqual([
      ['9', '孙丽', sn('i', 6), law.name, '2099'],
      ['10', '周强', sn('i', 7), law.name, '2099'],
    ]);
    for (const line of lines.slice(1)) expect(line).toMatch(/毕业年份/);
  });

  it('the same sheet again changes nothing', async () => {
    const file = await workbookOf('a');
    await runImport(token, file, '2015届.xlsx', { dryRun: 'false' });
    const again = await runImport(token, file, '2015届.xlsx', { dryRun: 'false' });
    expect(again.counts).toEqual({ rows: 7, new: 0, updated: 0, unchanged: 5, rejected: 2 });
  });
});
