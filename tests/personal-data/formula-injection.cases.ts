import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { csvOf, rejectedOf, runImport } from '../imports/helpers';

/**
 * The files the product writes, through the HTTP API: an appraisal's export (CSV and XLSX)
 * and an import's rejected rows, each with cells a spreadsheet would run as formulas.
 */
let api: ReturnType<typeof withToken>;
let token: string;

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  api = withToken(token);
});
afterAll(teardownStrapi);

const STARTS = ['=', '+', '-', '@', '\t', '\r'];
const YEAR = 2094;

const binary = (res: any, done: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

it('an appraisal export neutralises names and scopes that begin like formulas, in CSV and XLSX', async () => {
  const college = await makeCollege();
  const cohort = await makeCohort({ college: college.documentId, className: `=HYPERLINK("http://evil")${unique('班')}` });
  const names = STARTS.map((c, i) => `${c}SUM(A${i})校友`);
  for (const [i, name] of names.entries()) {
    const alumnus = await makeAlumnus({ name, cohort: cohort.documentId });
    await strapiApp()
      .documents('plugin::liaison.liaison')
      .create({
        data: { dimension: 'cohort', cohort: cohort.documentId, alumnus: alumnus.documentId, role: i % 2 ? 'monitor' : 'league_secretary', termStart: `${YEAR}-01-01`, postStatus: 'ended', termEnd: `${YEAR}-06-30`, endReason: 'term_over' } as any,
      });
  }
  const cycle = await api.post('/liaison/cycles').send({
    name: unique(`${YEAR}年度考核`),
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    criteria: [{ key: 'contacts', kind: 'measured', measure: 'contacts', weight: 100 }],
  });
  expect(cycle.status).toBe(201);
  expect((await api.post(`/liaison/cycles/${cycle.body.data.documentId}/compute`)).status).toBe(200);

  const csv = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/export?format=csv`).buffer(true);
  expect(csv.status).toBe(200);
  const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
  const ours = rows.slice(1).filter((r) => r[0].includes('校友'));
  expect(ours.map((r) => r[0]).sort()).toEqual(names.map((n) => `'${n}`).sort());
  for (const r of ours) {
    expect(r[2]).toMatch(/^'=HYPERLINK/);
    for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  }

  const xlsx = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/export?format=xlsx`).buffer(true).parse(binary);
  expect(xlsx.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(xlsx.body);
  const cells: unknown[] = [];
  book.worksheets[0].eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
  expect(cells.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v))).toEqual([]);
  // XML reads a carriage return back as a line feed: the apostrophe before it is what counts.
  expect(cells).toEqual(expect.arrayContaining(names.map((n) => `'${n}`.replace(/\r/g, '\n'))));
});

it("an import's rejected rows come back neutralised, whatever column the formula is in", async () => {
  const sn = (i: number) => `${unique('FI')}-${i}`;
  const head = ['姓名', '学号', '手机', '工作单位', '@note'];
  const rows = STARTS.map((c, i) => [`王${i}`, sn(i), '12345', `${c}cmd|' /C calc'!A0`, `${c}${i}`]);
  const done = await runImport(token, csvOf([head, ...rows]), 'formulas.csv');
  expect(done.status).toBe('done');
  expect(done.counts.rejected).toBe(STARTS.length);
  const { res, text } = await rejectedOf(token, done.documentId);
  expect(res.status).toBe(200);
  const back: string[][] = parse(text.replace(/^\uFEFF/, ''));
  expect(back[0]).toEqual(['row', '姓名', '学号', '手机', '工作单位', "'@note", 'reason']);
  expect(back.slice(1).map((r) => r[4])).toEqual(STARTS.map((c) => `'${c}cmd|' /C calc'!A0`));
  expect(back.slice(1).map((r) => r[5])).toEqual(STARTS.map((c, i) => `'${c}${i}`));
  for (const r of back) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
});
