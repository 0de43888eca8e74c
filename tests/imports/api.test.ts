import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { searchKeyOf } from '../../plugins/liaison/server/src/rules/search-key';
import { csvOf, IMPORTS, rejectedOf, runImport, upload, waitFor, xlsxOf } from './helpers';

/**
 * Issue 15, step 1: the registrar's files through the admin API. Every file is written by
 * the test (UTF-8 with and without BOM, GB18030, XLSX); every result is read back through
 * the API and the Document Service.
 */
const ALUMNI = 'plugin::liaison.alumnus';
const COHORTS = 'plugin::liaison.cohort';
const LEDGER = 'plugin::liaison.job-run';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

let token: string;
let medicine: any;
let law: any;
let med1: any;
let med2: any;
let law1: any;
let industry: any;
let run = 0;

/** Student numbers no other test or run uses. */
const PREFIX = `I${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`;
const sn = (n: number) => `${PREFIX}-${run}-${n}`;
const HEAD = ['姓名', '学号', '性别', '学院', '专业', '学历', '毕业年份', '班级', '手机', '邮箱', '微信', '工作单位', '职务', '国家/地区', '省份', '城市', '行业'];

const alumniWith = (studentNos: string[]) =>
  strapiApp()
    .documents(ALUMNI as any)
    .findMany({ filters: { studentNo: { $in: studentNos } }, populate: ['cohort', 'industry'], sort: 'studentNo:asc', limit: 100 } as any) as Promise<any[]>;

beforeAll(async () => {
  // The body parser's upload limit, read when Strapi starts (config/middlewares.ts).
  process.env.UPLOAD_MAX_FILE_MB = '12';
  try {
    await setupStrapi();
  } finally {
    delete process.env.UPLOAD_MAX_FILE_MB;
  }
  token = await adminToken();
  medicine = await makeCollege({ name: unique('临床医学院'), nameEn: unique('School of Medicine') });
  law = await makeCollege({ name: unique('法学院') });
  med1 = await makeCohort({ college: medicine.documentId, gradYear: 2015, className: unique('临床医学2010级1班') });
  med2 = await makeCohort({ college: medicine.documentId, gradYear: 2016, className: unique('临床医学2011级1班') });
  law1 = await makeCohort({ college: law.documentId, gradYear: 2015, className: unique('法学2011级1班') });
  industry = await makeIndustry({ name: unique('信息技术'), nameEn: unique('Information technology') });
}, 180000);
afterAll(teardownStrapi);
beforeEach(() => {
  run++;
});

const rowsOf = (n = 3) => [
  HEAD,
  [' 王芳 ', sn(1), '女', medicine.code, '临床医学', '本科', '2015', med1.className, '+86 139-1234-5678', 'Wang.Fang@Example.CN', 'wf2015', '协和医院', '主治医师', '中国', '北京市', '北京市', industry.code],
  ['李振东', sn(2), '男', medicine.name, '临床医学', '本科', '2016', med2.code, '13812345678', 'li@example.cn', '', '', '', 'China', '广东省', '深圳市', industry.name],
  ['陈静', sn(3), '女', law.name, '法学', '本科', '2015', law1.className, '0086 137 1234 5678', '', '', '', '', '', '', '', ''],
].slice(0, n + 1);

describe('POST /liaison/imports: a good file, dry run, real run, again, changed', () => {
  it('answers 202 with the job, then reports the counts of a dry run and writes nothing', async () => {
    const rows = rowsOf();
    const res = await upload(token, csvOf(rows), '校友名单.csv', { dryRun: 'true' });
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({
      documentId: expect.stringMatching(/^[a-z][a-z0-9]{23}$/),
      status: expect.stringMatching(/^(queued|running|done)$/),
      dryRun: true,
      counts: { rows: expect.any(Number), new: expect.any(Number), updated: expect.any(Number), unchanged: expect.any(Number), rejected: expect.any(Number) },
      progress: expect.any(Number),
    });
    const done = await waitFor(token, res.body.data.documentId);
    expect(done).toMatchObject({ status: 'done', dryRun: true, progress: 1, counts: { rows: 3, new: 3, updated: 0, unchanged: 0, rejected: 0 } });
    expect(done.columns).toEqual(Object.fromEntries(HEAD.map((h) => [h, expect.any(String)])));
    expect(done.columns).toMatchObject({ 姓名: 'name', 学号: 'studentNo', 手机: 'phone', '国家/地区': 'country', 行业: 'industry' });
    expect(await alumniWith([sn(1), sn(2), sn(3)])).toHaveLength(0);
  });

  it('writes the good rows as the Document Service would, then changes nothing when the same file comes again', async () => {
    const rows = rowsOf();
    const file = csvOf(rows);
    const first = await runImport(token, file, 'roster.csv', { dryRun: 'false' });
    expect(first).toMatchObject({ status: 'done', dryRun: false, counts: { rows: 3, new: 3, updated: 0, unchanged: 0, rejected: 0 } });

    const [wang, li, chen] = await alumniWith([sn(1), sn(2), sn(3)]);
    expect(wang).toMatchObject({
      name: '王芳',
      gender: 'female',
      phone: '13912345678',
      email: 'wang.fang@example.cn',
      wechat: 'wf2015',
      employer: '协和医院',
      jobTitle: '主治医师',
      degree: 'bachelor',
      country: 'CN',
      province: '北京市',
      alumnusStatus: 'active',
      contactConsent: false,
      cohort: { documentId: med1.documentId },
      industry: { documentId: industry.documentId },
    });
    expect(wang.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(li).toMatchObject({ name: '李振东', phone: '13812345678', cohort: { documentId: med2.documentId }, industry: { documentId: industry.documentId } });
    expect(chen).toMatchObject({ name: '陈静', phone: '13712345678', country: 'CN', cohort: { documentId: law1.documentId }, industry: null });
    // The search key, as the write pipeline makes it; the college's alumni through the class.
    const stored = await strapiApp().db.query(ALUMNI as any).findMany({ where: { studentNo: { $in: [sn(1), sn(2)] } }, select: ['name', 'searchKey', 'publishedAt'] });
    for (const a of stored) {
      expect(a.searchKey).toBe(searchKeyOf(a.name));
      expect(a.publishedAt).toBeTruthy();
    }
    const cohort = await strapiApp().documents(COHORTS as any).findOne({ documentId: med1.documentId, populate: ['alumni'] } as any);
    expect((cohort as any).alumni.map((a: any) => a.studentNo)).toContain(sn(1));
    // One ledger row for the import's write.
    expect(await strapiApp().db.query(LEDGER as any).count({ where: { job: `import:${first.documentId}` } })).toBe(1);

    const before = await strapiApp().db.query(ALUMNI as any).findMany({ where: { studentNo: { $in: [sn(1), sn(2), sn(3)] } }, select: ['id', 'updatedAt'] });
    const again = await runImport(token, file, 'roster.csv', { dryRun: 'false' });
    expect(again.counts).toEqual({ rows: 3, new: 0, updated: 0, unchanged: 3, rejected: 0 });
    const after = await strapiApp().db.query(ALUMNI as any).findMany({ where: { studentNo: { $in: [sn(1), sn(2), sn(3)] } }, select: ['id', 'updatedAt'] });
    expect(after).toEqual(before);
  });

  it('updates changed rows by student number without duplicating anyone; labels follow a new name', async () => {
    await runImport(token, csvOf(rowsOf()), 'roster.csv', { dryRun: 'false' });
    const [li] = await alumniWith([sn(2)]);
    const post = await makePost({ alumnus: li.documentId, cohort: med2.documentId });
    const changed = rowsOf();
    changed[1][8] = '139 0000 0000'; // a new phone
    changed[1][6] = '2016'; // and a move to another class of the college
    changed[1][7] = med2.code;
    changed[2][0] = '李振東'; // the name in traditional characters
    changed[3][11] = '最高人民法院'; // an employer where there was none
    changed[3][7] = ''; // no class: the college's only class of that year
    const dry = await runImport(token, csvOf(changed), 'roster-2.csv', { dryRun: 'true' });
    expect(dry.counts).toEqual({ rows: 3, new: 0, updated: 3, unchanged: 0, rejected: 0 });
    expect((await alumniWith([sn(1)]))[0].phone).toBe('13912345678');

    const done = await runImport(token, csvOf(changed), 'roster-2.csv', { dryRun: 'false' });
    expect(done.counts).toEqual({ rows: 3, new: 0, updated: 3, unchanged: 0, rejected: 0 });
    const [wang, li2, chen] = await alumniWith([sn(1), sn(2), sn(3)]);
    expect(wang).toMatchObject({ phone: '13900000000', cohort: { documentId: med2.documentId } });
    const classes = await strapiApp().documents(COHORTS as any).findMany({ filters: { documentId: { $in: [med1.documentId, med2.documentId] } }, populate: ['alumni'] } as any);
    const members = (documentId: string) => (classes as any[]).find((c) => c.documentId === documentId).alumni.map((a: any) => a.studentNo);
    expect(members(med1.documentId)).not.toContain(sn(1));
    expect(members(med2.documentId)).toContain(sn(1));
    expect(li2).toMatchObject({ documentId: li.documentId, name: '李振東' });
    expect(chen).toMatchObject({ employer: '最高人民法院', cohort: { documentId: law1.documentId } });
    expect(await strapiApp().db.query(ALUMNI as any).count({ where: { studentNo: { $in: [sn(1), sn(2), sn(3)] } } })).toBe(3);
    const label = (await strapiApp().db.query('plugin::liaison.liaison' as any).findOne({ where: { documentId: post.documentId }, select: ['label'] })).label;
    expect(label.startsWith('李振東 · ')).toBe(true);
    const key = (await strapiApp().db.query(ALUMNI as any).findOne({ where: { studentNo: sn(2) }, select: ['searchKey'] })).searchKey;
    expect(key).toBe(searchKeyOf('李振東'));
  });
});

describe('files as registrars save them', () => {
  it('reads a UTF-8 file with a BOM, and one with semicolons', async () => {
    const bom = await runImport(token, csvOf(rowsOf(2), { bom: true }), 'bom.csv', { dryRun: 'true' });
    expect(bom).toMatchObject({ status: 'done', counts: { rows: 2, new: 2, rejected: 0 } });
    expect(bom.columns['姓名']).toBe('name');
    const semi = await runImport(token, csvOf(rowsOf(2), { delimiter: ';' }), 'semi.csv', { dryRun: 'true' });
    expect(semi.counts).toMatchObject({ rows: 2, new: 2, rejected: 0 });
  });

  it('reads a GB18030 file (Excel in China) and keeps the names as written', async () => {
    const rows = rowsOf();
    rows[1][0] = '龔鑫'; // traditional characters survive the round trip
    const done = await runImport(token, csvOf(rows, { encoding: 'gb18030' }), 'gbk.csv', { dryRun: 'false' });
    expect(done).toMatchObject({ status: 'done', counts: { rows: 3, new: 3, rejected: 0 } });
    const [a, b] = await alumniWith([sn(1), sn(2)]);
    expect([a.name, b.name]).toEqual(['龔鑫', '李振东']);
    expect(a.employer).toBe('协和医院');
  });

  it('reads an XLSX workbook, numbers and all, with English headers and a title row above them', async () => {
    const workbook = await xlsxOf([
      ['2015届毕业生名单'],
      ['Name', 'Student No', 'Gender', 'College', 'Graduation year', 'Class', 'Mobile', 'E-mail', 'Country', 'Industry'],
      ['Wang Fang', sn(1), 'F', medicine.nameEn, 2015, med1.code, 13912345678, 'wf@example.cn', 'China', industry.nameEn],
      ['Li Zhendong', sn(2), 'M', medicine.code, 2016, med2.className, '+1 (408) 555-0123', null, 'United States', null],
    ]);
    const done = await runImport(token, workbook, 'Alumni 2015.xlsx', { dryRun: 'false' });
    expect(done).toMatchObject({ status: 'done', counts: { rows: 2, new: 2, rejected: 0 } });
    const [a, b] = await alumniWith([sn(1), sn(2)]);
    expect(a).toMatchObject({ name: 'Wang Fang', gender: 'female', phone: '13912345678', cohort: { documentId: med1.documentId }, industry: { documentId: industry.documentId } });
    expect(b).toMatchObject({ phone: '+14085550123', country: 'US', cohort: { documentId: med2.documentId } });
  });

  it('follows a mapping for headers it does not know, and reports the mapping used', async () => {
    const rows = [
      ['Full Name', 'Matric', 'Remarks', 'Phone'],
      ['赵敏', sn(1), 'zm2015', '13912340000'],
    ];
    const done = await runImport(token, csvOf(rows), 'mapped.csv', { dryRun: 'true', mapping: { Matric: 'studentNo', Remarks: 'wechat', Phone: null } });
    expect(done).toMatchObject({ status: 'done', counts: { rows: 1, new: 1, rejected: 0 } });
    expect(done.columns).toEqual({ 'Full Name': 'name', Matric: 'studentNo', Remarks: 'wechat', Phone: null });
  });
});

describe('bad rows are rejected, named by row, column and reason, and downloadable', () => {
  it('bad phone, bad e-mail, unknown college, impossible year, a student number twice, a formula', async () => {
    const rows = [
      HEAD,
      ['好人', sn(1), '男', medicine.code, '', '', '2015', med1.code, '13912345678', 'ok@example.cn', '', '', '', '', '', '', ''],
      ['坏电话', sn(2), '男', medicine.code, '', '', '2015', med1.code, '12345', '', '', '', '', '', '', '', ''],
      ['坏邮箱', sn(3), '女', medicine.code, '', '', '2015', med1.code, '', 'not-an-address', '', '', '', '', '', '', ''],
      ['无学院', sn(4), '女', unique('不存在学院'), '', '', '2015', '', '', '', '', '', '', '', '', '', ''],
      ['穿越者', sn(5), '女', medicine.code, '', '', '1850', med1.code, '', '', '', '', '', '', '', '', ''],
      ['重号甲', sn(6), '男', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', ''],
      ['重号乙', sn(6), '男', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', ''],
      ['=HYPERLINK("http://evil")', sn(7), '男', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', ''],
      ['公式', sn(8), '男', medicine.code, '', '', '2015', med1.code, '-1+2', '@SUM(A1)', '', '', '', '', '', '', ''],
    ];
    const done = await runImport(token, csvOf(rows), 'bad.csv', { dryRun: 'false' });
    expect(done.counts).toEqual({ rows: 9, new: 1, updated: 0, unchanged: 0, rejected: 8 });
    expect((await alumniWith([2, 3, 4, 5, 6, 7, 8].map(sn))).length).toBe(0);
    expect((await alumniWith([sn(1)])).length).toBe(1);

    const { res, text } = await rejectedOf(token, done.documentId);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toContain('bad.rejected.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trim().split(/\r?\n/);
    expect(lines[0]).toBe(['row', ...HEAD, 'reason'].join(','));
    const byRow = new Map(lines.slice(1).map((l) => [l.split(',')[0], l]));
    expect([...byRow.keys()]).toEqual(['3', '4', '5', '6', '7', '8', '9', '10']);
    expect(byRow.get('3')).toContain('手机: bad phone number: 12345');
    expect(byRow.get('4')).toContain('邮箱: bad e-mail address: not-an-address');
    expect(byRow.get('5')).toContain('学院: unknown college');
    expect(byRow.get('6')).toContain('毕业年份: impossible graduation year: 1850');
    expect(byRow.get('7')).toContain(`学号: student number ${sn(6)} is in the file more than once (rows 7, 8)`);
    expect(byRow.get('8')).toContain('(rows 7, 8)');
    // The cells as they were, formulas neutralised.
    expect(byRow.get('9')).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(byRow.get('9')).toContain('姓名: is not a name');
    expect(byRow.get('10')).toContain("'-1+2");
    expect(byRow.get('10')).toContain("'@SUM(A1)");

    const zh = await rejectedOf(token, done.documentId, 'zh-Hans');
    expect(zh.text).toContain('手机：电话号码有误：12345');
    expect(zh.text).toContain('学院：未知学院');
  });

  it('a student number twice, far apart: its first row, already written, is taken back with what was made for it', async () => {
    // The file is judged and written in chunks as it is read: the first rows of 1,300 are in
    // the database before the last are read.
    const existing = rowsOf(1);
    await runImport(token, csvOf(existing), 'first.csv', { dryRun: 'false' });
    const newClass = unique('临床医学2013级9班');
    const row = (name: string, n: number | string, extra: Partial<Record<number, string>> = {}) => {
      const cells = [name, typeof n === 'number' ? sn(n) : n, '男', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', ''];
      for (const [i, v] of Object.entries(extra)) cells[Number(i)] = v as string;
      return cells;
    };
    const rows = [
      HEAD,
      row('重号甲', 9001, { 6: '2018', 7: newClass }), // a new alumnus in a class made for him
      row('王芳', sn(1).replace(/^/, ''), { 11: '新单位' }), // a change of a stored alumnus
      row('无学院', 9002, { 3: unique('不存在学院') }), // rejected for its college…
    ];
    for (let i = 0; i < 1300; i++) rows.push(row(`校友${i}`, 10000 + i));
    rows.push(row('重号乙', 9001), row('王芳', sn(1), { 11: '另一单位' }), row('有学院', 9002));
    const dry = await runImport(token, csvOf(rows), 'twice.csv', { dryRun: 'true', create: { cohorts: true } });
    const done = await runImport(token, csvOf(rows), 'twice.csv', { dryRun: 'false', create: { cohorts: true } });
    const expected = { rows: 1306, new: 1300, updated: 0, unchanged: 0, rejected: 6 };
    expect(dry.counts).toEqual(expected);
    expect(done.counts).toEqual(expected);
    expect(dry.created).toEqual({ colleges: 0, cohorts: 0, industries: 0 });
    expect(done.created).toEqual({ colleges: 0, cohorts: 0, industries: 0 });
    // Nobody under the numbers that came twice; the stored alumnus unchanged; the class made for the first row gone.
    expect(await alumniWith([sn(9001), sn(9002)])).toEqual([]);
    expect((await alumniWith([sn(1)]))[0].employer).toBe(existing[1][11]);
    expect(await strapiApp().db.query(COHORTS as any).count({ where: { className: newClass } })).toBe(0);
    expect((await alumniWith([sn(10000), sn(11299)])).length).toBe(2);
    // Each row of such a number names all its rows (the first with its cells read again).
    const { text } = await rejectedOf(token, done.documentId);
    const byRow = new Map(text.slice(1).trim().split(/\r?\n/).slice(1).map((l) => [l.split(',')[0], l]));
    expect([...byRow.keys()]).toEqual(['2', '3', '4', '1305', '1306', '1307']);
    expect(byRow.get('2')).toContain(`student number ${sn(9001)} is in the file more than once (rows 2, 1305)`);
    expect(byRow.get('2')).toContain('重号甲');
    expect(byRow.get('3')).toContain('(rows 3, 1306)');
    expect(byRow.get('4')).toContain('(rows 4, 1307)');
    expect(byRow.get('4')).toContain('无学院');
  });

  it('creates a class only where the office allows it', async () => {
    const className = unique('临床医学2012级3班');
    const rows = [HEAD, ['新生', sn(1), '男', medicine.code, '临床医学', '硕士', '2017', className, '', '', '', '', '', '', '', '', '']];
    const refused = await runImport(token, csvOf(rows), 'new-class.csv', { dryRun: 'false' });
    expect(refused.counts).toMatchObject({ new: 0, rejected: 1 });
    expect((await rejectedOf(token, refused.documentId)).text).toContain(`班级: unknown class: ${className}`);

    const dry = await runImport(token, csvOf(rows), 'new-class.csv', { dryRun: 'true', create: { cohorts: true } });
    expect(dry).toMatchObject({ counts: { new: 1, rejected: 0 }, created: { colleges: 0, cohorts: 1, industries: 0 } });
    expect(await strapiApp().db.query(COHORTS as any).count({ where: { className } })).toBe(0);

    const done = await runImport(token, csvOf(rows), 'new-class.csv', { dryRun: 'false', create: { cohorts: true } });
    expect(done).toMatchObject({ counts: { new: 1, rejected: 0 }, created: { cohorts: 1 } });
    const [alumnus] = await alumniWith([sn(1)]);
    expect(alumnus.cohort).toMatchObject({ className, gradYear: 2017, degreeLevel: 'master' });
    const cohort = await strapiApp().documents(COHORTS as any).findOne({ documentId: alumnus.cohort.documentId, populate: ['college'] } as any);
    expect((cohort as any).college.documentId).toBe(medicine.documentId);
    expect((cohort as any).code).toMatch(new RegExp(`^${medicine.code}2017M\\d{2}$`));
  });
});

describe('files that cannot be imported: a 400 naming the file', () => {
  const expect400 = (res: any, path: string, text: string | RegExp) => {
    expect({ status: res.status, name: res.body?.error?.name }).toEqual({ status: 400, name: 'ValidationError' });
    expect(res.body.error.details.errors[0].path).toEqual([path]);
    expect(res.body.error.details.errors[0].message).toMatch(text);
  };

  it('a wrong extension, an empty file, only headers, no student number column, no file', async () => {
    expect400(await upload(token, csvOf(rowsOf()), 'roster.txt', { dryRun: 'true' }), 'file', 'roster.txt: only .csv and .xlsx files can be imported');
    expect400(await upload(token, Buffer.alloc(0), 'empty.csv', { dryRun: 'true' }), 'file', 'empty.csv is empty');
    expect400(await upload(token, csvOf([HEAD]), 'headers.csv', { dryRun: 'true' }), 'file', 'headers.csv has a header row but no rows of data');
    expect400(await upload(token, csvOf([['姓名', '手机'], ['王芳', '13912345678']]), 'nono.csv'), 'file', /nono.csv has no column for student number/);
    expect400(await upload(token, Buffer.from('PK\u0003\u0004 not really a zip'), 'broken.xlsx'), 'file', /broken.xlsx cannot be read/);
    expect400(await upload(token, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x41]), 'binary.csv'), 'file', /binary.csv is not text in UTF-8 or GB18030/);
    const none = await http().post(IMPORTS).set('Authorization', `Bearer ${token}`).field('dryRun', 'true');
    expect400(none, 'file', /multipart field "file"/);
  });

  it('a row larger than any registrar writes', async () => {
    const huge = csvOf([HEAD.slice(0, 3), ['王芳', sn(1), 'x'.repeat(10 * 1024 * 1024)]]);
    expect400(await upload(token, huge, 'huge-row.csv', { dryRun: 'true' }), 'file', /huge-row.csv: row 2 is larger than/);
  });

  it('a file over the upload limit', async () => {
    const big = Buffer.concat([csvOf(rowsOf(1)), Buffer.alloc(13 * 1024 * 1024, 0x20)]);
    expect400(await upload(token, big, 'too-big.csv', { dryRun: 'true' }), 'file', /larger than the 12 MB an upload may have/);
  });

  it('bad parameters, named', async () => {
    const file = csvOf(rowsOf(1));
    expect400(await upload(token, file, 'a.csv', { dryRun: 'maybe' }), 'dryRun', 'must be true or false');
    expect400(await upload(token, file, 'a.csv', { mapping: '{not json' }), 'mapping', /JSON object/);
    expect400(await upload(token, file, 'a.csv', { mapping: { 姓名: 'favouriteColour' } }), 'mapping.姓名', /favouriteColour is not a field/);
    expect400(await upload(token, file, 'a.csv', { mapping: { 不存在: 'name' } }), 'mapping.不存在', /the file has no column 不存在/);
    expect400(await upload(token, file, 'a.csv', { create: { planets: true } }), 'create.planets', /JSON object/);
    expect400(await upload(token, file, 'a.csv', { colour: 'blue' }), 'colour', 'is not a parameter of an import');
    const zh = await upload(token, file, 'a.csv', { dryRun: 'maybe' }, 'zh-Hans');
    expect(zh.body.error.details.errors[0].message).toBe('须为 true 或 false');
  });

  it('GET of an unknown import is a 404; the list is paged, newest first, with who, when and the file', async () => {
    const missing = await http().get(`${IMPORTS}/${'x'.repeat(24)}`).set('Authorization', `Bearer ${token}`);
    expect(missing.status).toBe(404);
    expect((await http().get(`${IMPORTS}/${'x'.repeat(24)}/rejected.csv`).set('Authorization', `Bearer ${token}`)).status).toBe(404);
    const a = await runImport(token, csvOf(rowsOf(1)), 'first.csv', { dryRun: 'true' });
    const b = await runImport(token, csvOf(rowsOf(1)), 'second.csv', { dryRun: 'true' });
    const list = await http().get(`${IMPORTS}?page=1&pageSize=2`).set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((i: any) => i.documentId)).toEqual([b.documentId, a.documentId]);
    expect(list.body.data[0]).toMatchObject({
      fileName: 'second.csv',
      status: 'done',
      dryRun: true,
      counts: { rows: 1, new: 1 },
      startedBy: { email: expect.stringContaining('@liaison.test') },
      createdAt: expect.any(String),
    });
    expect(list.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: expect.any(Number), pageCount: expect.any(Number) });
    expect(list.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
    const bad = await http().get(`${IMPORTS}?pageSize=1000`).set('Authorization', `Bearer ${token}`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['pageSize']);
  });
});

describe('who may import', () => {
  it("College Staff import their own colleges' alumni; rows of another college are rejected with that reason", async () => {
    const staff = await signInStaff('College Staff', { colleges: [medicine.documentId] });
    const rows = [
      HEAD,
      ['本院', sn(1), '男', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', ''],
      ['外院', sn(2), '女', law.code, '', '', '2015', law1.code, '', '', '', '', '', '', '', '', ''],
      ['无院', sn(3), '女', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    ];
    const done = await runImport(staff.token, csvOf(rows), 'college.csv', { dryRun: 'false' });
    expect(done.counts).toEqual({ rows: 3, new: 1, updated: 0, unchanged: 0, rejected: 2 });
    expect((await alumniWith([sn(1), sn(2), sn(3)])).map((a) => a.studentNo)).toEqual([sn(1)]);
    const { text } = await rejectedOf(staff.token, done.documentId);
    expect(text).toContain('学院: belongs to a college that is not yours');
    expect(text).toContain('学院: an alumnus you import must belong to one of your colleges');

    // An alumnus of another college, by student number, is not theirs to change.
    await runImport(token, csvOf([HEAD, rows[2]]), 'office.csv', { dryRun: 'false' });
    const moved = [HEAD, ['外院', sn(2), '女', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', '']];
    const refused = await runImport(staff.token, csvOf(moved), 'move.csv', { dryRun: 'false' });
    expect(refused.counts).toMatchObject({ rejected: 1, updated: 0 });
    expect((await rejectedOf(staff.token, refused.documentId)).text).toContain(`student number ${sn(2)} is an alumnus of a college that is not yours`);

    // Creating colleges or industry groups is the office's.
    const forbidden = await upload(staff.token, csvOf(rows), 'college.csv', { dryRun: 'true', create: { colleges: true } });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details.errors[0].path).toEqual(['create.colleges']);

    // They see their own imports, not the office's.
    const mine = await http().get(IMPORTS).set('Authorization', `Bearer ${staff.token}`);
    expect(mine.body.data.every((i: any) => i.startedBy?.id === staff.user.id)).toBe(true);
    const officeImport = (await http().get(IMPORTS).set('Authorization', `Bearer ${token}`)).body.data.find((i: any) => i.startedBy?.id !== staff.user.id);
    expect((await http().get(`${IMPORTS}/${officeImport.documentId}`).set('Authorization', `Bearer ${staff.token}`)).status).toBe(404);
  });

  it('a role without imports.run gets 403; no token 401', async () => {
    const chapter = await makeChapter();
    const editor = await signInStaff('Chapter Editor', { chapters: [chapter.documentId] });
    const res = await upload(editor.token, csvOf(rowsOf(1)), 'a.csv', { dryRun: 'true' });
    expect(res.status).toBe(403);
    expect((await http().get(IMPORTS).set('Authorization', `Bearer ${editor.token}`)).status).toBe(403);
    expect((await http().get(IMPORTS)).status).toBe(401);
  });
});

describe('a failure midway leaves nothing half-imported', () => {
  const TRIGGER = 'liaison_test_import_fail';
  const installTrigger = async (studentNo: string) => {
    const knex = strapiApp().db.connection;
    if (onPostgres) {
      await knex.raw(`CREATE OR REPLACE FUNCTION ${TRIGGER}() RETURNS trigger AS $$ BEGIN IF NEW.student_no = '${studentNo}' THEN RAISE EXCEPTION 'disk on fire'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
      await knex.raw(`CREATE TRIGGER ${TRIGGER} BEFORE UPDATE ON liaison_alumni FOR EACH ROW EXECUTE FUNCTION ${TRIGGER}()`);
    } else {
      await knex.raw(`CREATE TRIGGER ${TRIGGER} BEFORE UPDATE ON liaison_alumni WHEN NEW.student_no = '${studentNo}' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    }
  };
  const dropTrigger = async () => {
    const knex = strapiApp().db.connection;
    await knex.raw(`DROP TRIGGER IF EXISTS ${TRIGGER}${onPostgres ? ' ON liaison_alumni' : ''}`);
    if (onPostgres) await knex.raw(`DROP FUNCTION IF EXISTS ${TRIGGER}()`);
  };

  it('rolls back new classes, new alumni and updates when the write fails, and a new import of the file completes it', async () => {
    // One alumnus already there, whose update (after the inserts) will fail.
    await runImport(token, csvOf([HEAD, rowsOf(1)[1]]), 'one.csv', { dryRun: 'false' });
    const className = unique('新班');
    const rows = rowsOf();
    rows[1][8] = '13900001111';
    rows[2][7] = className;
    rows[2][6] = '2018';
    await installTrigger(sn(1));
    try {
      const failed = await runImport(token, csvOf(rows), 'fails.csv', { dryRun: 'false', create: { cohorts: true } });
      expect(failed).toMatchObject({ status: 'failed', failure: { id: 'imports.failed', message: expect.stringContaining('disk on fire') } });
      expect(await strapiApp().db.query(LEDGER as any).count({ where: { job: `import:${failed.documentId}` } })).toBe(0);
    } finally {
      await dropTrigger();
    }
    expect((await alumniWith([sn(1), sn(2), sn(3)])).map((a) => a.studentNo)).toEqual([sn(1)]);
    expect((await alumniWith([sn(1)]))[0].phone).toBe('13912345678');
    expect(await strapiApp().db.query(COHORTS as any).count({ where: { className } })).toBe(0);

    const retried = await runImport(token, csvOf(rows), 'fails.csv', { dryRun: 'false', create: { cohorts: true } });
    expect(retried).toMatchObject({ status: 'done', counts: { new: 2, updated: 1, rejected: 0 } });
    expect((await alumniWith([sn(1)]))[0].phone).toBe('13900001111');
    expect(await strapiApp().db.query(COHORTS as any).count({ where: { className } })).toBe(1);
  });
});

describe('POST /liaison/imports/preview: the mapping step, nothing imported', () => {
  const preview = (authToken: string, file: Buffer, fileName: string, fields: Record<string, unknown> = {}, lang = 'en') => {
    let req = http().post(`${IMPORTS}/preview`).set('Authorization', `Bearer ${authToken}`).set('Accept-Language', lang);
    for (const [k, v] of Object.entries(fields)) req = req.field(k, typeof v === 'string' ? v : JSON.stringify(v));
    return req.attach('file', file, { filename: fileName, contentType: 'text/csv' });
  };

  it('answers the header, the first rows with their numbers, and what each column is read as', async () => {
    const before = await strapiApp().db.query('plugin::liaison.data-import' as any).count({});
    const rows = [['2015届毕业生名单'], [...HEAD, '备注'], ...Array.from({ length: 14 }, (_, i) => [`校友${i}`, sn(i), '女', medicine.code, '', '', '2015', med1.code, '', '', '', '', '', '', '', '', '', `第${i}行`])];
    const res = await preview(token, csvOf(rows), '名单.csv');
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({ fileName: '名单.csv', format: 'csv', encoding: 'utf-8', headerRow: 2, problems: [], required: ['name', 'studentNo'] });
    expect(data.fields).toContain('industry');
    expect(data.columns[0]).toEqual({ index: 0, header: '姓名', field: 'name', recognised: 'name' });
    expect(data.columns[17]).toEqual({ index: 17, header: '备注', field: null, recognised: null });
    expect(data.rows).toHaveLength(10);
    expect(data.rows[0]).toEqual({ row: 3, cells: rows[2].map(String) });
    expect(data.canCreate).toEqual({ colleges: true, cohorts: true, industries: true });
    // Nothing recorded, nothing imported.
    expect(await strapiApp().db.query('plugin::liaison.data-import' as any).count({})).toBe(before);
    expect(await alumniWith([sn(0)])).toHaveLength(0);
    expect((await preview(token, csvOf(rows), '名单.csv', { rows: '3' })).body.data.rows).toHaveLength(3);
  });

  it('names what the columns lack as problems, which a mapping puts right', async () => {
    const rows = [['Full Name', 'Matric', 'Remarks'], ['赵敏', sn(1), 'zm']];
    const bare = await preview(token, csvOf(rows), 'm.csv', {}, 'zh-Hans');
    expect(bare.status).toBe(200);
    expect(bare.body.data.problems).toEqual([
      { path: 'file', id: 'imports.file.noColumn', values: expect.objectContaining({ field: 'studentNo' }), message: expect.stringContaining('缺少“学号”列') },
    ]);
    const mapped = await preview(token, csvOf(rows), 'm.csv', { mapping: { Matric: 'studentNo', Remarks: 'wechat' } });
    expect(mapped.body.data.problems).toEqual([]);
    expect(mapped.body.data.columns.map((c: any) => [c.header, c.field, c.recognised])).toEqual([
      ['Full Name', 'name', 'name'],
      ['Matric', 'studentNo', null],
      ['Remarks', 'wechat', null],
    ]);
  });

  it('refuses what cannot be read, and bad parameters, naming them', async () => {
    const wrong = await preview(token, csvOf(rowsOf(1)), 'roster.txt');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details.errors[0]).toMatchObject({ path: ['file'], message: 'roster.txt: only .csv and .xlsx files can be imported' });
    const headersOnly = await preview(token, csvOf([HEAD]), 'h.csv');
    expect(headersOnly.body.error.details.errors[0].message).toBe('h.csv has a header row but no rows of data');
    const many = await preview(token, csvOf(rowsOf(1)), 'a.csv', { rows: '500' });
    expect(many.status).toBe(400);
    expect(many.body.error.details.errors[0]).toMatchObject({ path: ['rows'], message: 'must be a whole number from 1 to 50' });
    const unknown = await preview(token, csvOf(rowsOf(1)), 'a.csv', { dryRun: 'true' });
    expect(unknown.body.error.details.errors[0].path).toEqual(['dryRun']);
    const xlsx = await http()
      .post(`${IMPORTS}/preview`)
      .set('Authorization', `Bearer ${token}`)
      .attach('file', await xlsxOf([['Name', 'Student No'], ['Wang Fang', sn(1)]]), { filename: 'a.xlsx' });
    expect(xlsx.body.data).toMatchObject({ format: 'xlsx', headerRow: 1, rows: [{ row: 2, cells: ['Wang Fang', sn(1)] }] });
  });

  it('tells College Staff what their imports may create; a role without imports.run gets 403', async () => {
    const staff = await signInStaff('College Staff', { colleges: [medicine.documentId] });
    const res = await preview(staff.token, csvOf(rowsOf(1)), 'a.csv');
    expect(res.body.data.canCreate).toEqual({ colleges: false, cohorts: true, industries: false });
    const chapter = await makeChapter();
    const editor = await signInStaff('Chapter Editor', { chapters: [chapter.documentId] });
    expect((await preview(editor.token, csvOf(rowsOf(1)), 'a.csv')).status).toBe(403);
  });
});

describe('GET /liaison/imports/:documentId/rejected: the report, a page at a time', () => {
  it('pages the rejected rows in row order, each problem with its column and reason in the reader language', async () => {
    const bad = (n: number) => [`坏${n}`, sn(n), '男', medicine.code, '', '', '2015', med1.code, `12${n}`, '', '', '', '', '', '', '', ''];
    const rows = [HEAD, rowsOf(1)[1], bad(2), bad(3), bad(4), bad(5), bad(6)];
    const done = await runImport(token, csvOf(rows), 'report.csv', { dryRun: 'true' });
    expect(done.counts).toMatchObject({ rows: 6, new: 1, rejected: 5 });
    const page = (q: string, lang = 'en') => http().get(`${IMPORTS}/${done.documentId}/rejected${q}`).set('Authorization', `Bearer ${token}`).set('Accept-Language', lang);
    const second = await page('?page=2&pageSize=2');
    expect(second.status).toBe(200);
    expect(second.body.meta).toEqual({ pagination: { page: 2, pageSize: 2, pageCount: 3, total: 5 }, headers: HEAD, unlisted: 0 });
    expect(second.body.data).toEqual([
      { row: 5, cells: bad(4).map(String), problems: [{ column: '手机', id: 'imports.row.phone', message: 'bad phone number: 124' }] },
      { row: 6, cells: bad(5).map(String), problems: [{ column: '手机', id: 'imports.row.phone', message: 'bad phone number: 125' }] },
    ]);
    const zh = await page('?page=3&pageSize=2', 'zh-Hans');
    expect(zh.body.data).toEqual([{ row: 7, cells: expect.any(Array), problems: [{ column: '手机', id: 'imports.row.phone', message: '电话号码有误：126' }] }]);
    expect((await page('')).body.data.map((r: any) => r.row)).toEqual([3, 4, 5, 6, 7]);
    expect((await page('?page=9')).body.data).toEqual([]);
    expect((await page('?pageSize=0')).status).toBe(400);
    const clean = await runImport(token, csvOf(rowsOf(1)), 'clean.csv', { dryRun: 'true' });
    const none = await http().get(`${IMPORTS}/${clean.documentId}/rejected`).set('Authorization', `Bearer ${token}`);
    expect(none.body).toMatchObject({ data: [], meta: { pagination: { total: 0, pageCount: 0 } } });
    expect((await http().get(`${IMPORTS}/${'x'.repeat(24)}/rejected`).set('Authorization', `Bearer ${token}`)).status).toBe(404);
    const staff = await signInStaff('College Staff', { colleges: [medicine.documentId] });
    expect((await http().get(`${IMPORTS}/${done.documentId}/rejected`).set('Authorization', `Bearer ${staff.token}`)).status).toBe(404);
  });
});
