import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { draftBody, fieldsOf, network, QUESTIONS, sendSurvey, staffApi, SURVEY, tokenIn, mailsTo, writeAnswer } from './helpers';

let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  api = await staffApi();
}, 120000);
afterAll(teardownStrapi);

const surveyCount = () => strapiApp().db.query(SURVEY as any).count({});
const question = (patch: Record<string, unknown>) => [{ ...QUESTIONS[0], ...patch }];

describe('writing a survey', () => {
  it('creates a draft with its questions and scopes, and lists it', async () => {
    const net = await network();
    const res = await api.post('/liaison/surveys').send(draftBody([{ kind: 'cohort', documentId: net.classA.documentId }, { kind: 'region', documentId: net.chapter.documentId }]));
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ status: 'draft', editable: true, invited: 0, sending: null });
    expect(res.body.data.questions).toHaveLength(4);
    expect(res.body.data.questions[2]).toEqual({ ...QUESTIONS[2], options: [], required: false });
    expect(res.body.data.scopes).toEqual([
      { kind: 'cohort', documentId: net.classA.documentId, name: net.classA.className },
      { kind: 'region', documentId: net.chapter.documentId, name: net.chapter.name },
    ]);
    const list = await api.get('/liaison/surveys?status=draft&pageSize=100');
    expect(list.status).toBe(200);
    expect(list.body.data.map((s: any) => s.documentId)).toContain(res.body.data.documentId);
    expect((await api.get('/liaison/surveys?status=sent&pageSize=100')).body.data.map((s: any) => s.documentId)).not.toContain(res.body.data.documentId);
  });

  it.each([
    ['a question without its key', [{ ...QUESTIONS[0], key: undefined }], ['questions[0].key']],
    ['a key with spaces', question({ key: 'my key' }), ['questions[0].key']],
    ['an unknown kind', question({ kind: 'rating' }), ['questions[0].kind']],
    ['a label without its English', question({ label: { 'zh-Hans': '工作' } }), ['questions[0].label.en']],
    ['a choice with one option', question({ options: [QUESTIONS[0].options![0]] }), ['questions[0].options']],
    ['an option key twice', question({ options: [QUESTIONS[0].options![0], QUESTIONS[0].options![0]] }), ['questions[0].options[1].key']],
    ['a text question with options', [{ ...QUESTIONS[3], options: QUESTIONS[0].options }], ['questions[0].options']],
    ['a number range upside down', [{ ...QUESTIONS[2], min: 10, max: 1 }], ['questions[0].min']],
    ['two questions with one key', [QUESTIONS[0], { ...QUESTIONS[1], key: 'work' }], ['questions[1].key']],
    ['an unknown field', question({ colour: 'red' }), ['questions[0].colour']],
  ])('refuses %s with 400 naming the question, and creates nothing', async (_what, questions, fields) => {
    const before = await surveyCount();
    const res = await api.post('/liaison/surveys').send({ ...draftBody([]), questions });
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(fields);
    expect(await surveyCount()).toBe(before);
  });

  it('names a missing title, a bad date and an unknown scope (400), in Chinese when asked', async () => {
    const res = await api.post('/liaison/surveys').send({ ...draftBody([]), title: ' ', closesAt: 'next week' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['closesAt', 'title']);
    const scope = await api.post('/liaison/surveys').set('Accept-Language', 'zh-Hans').send(draftBody([{ kind: 'college', documentId: 'nope' }]));
    expect(scope.status).toBe(400);
    expect(fieldsOf(scope)).toEqual(['scopes[0].documentId']);
    expect(scope.body.error.details.errors[0].message).toBe('没有此编号的学院');
  });

  it('changes a draft; once sent, only its close date (409 naming any other field)', async () => {
    const net = await network();
    const created = (await api.post('/liaison/surveys').send(draftBody([{ kind: 'cohort', documentId: net.classA.documentId }]))).body.data;
    const changed = await api.put(`/liaison/surveys/${created.documentId}`).send({ title: '新标题', scopes: [{ kind: 'cohort', documentId: net.classB.documentId }] });
    expect(changed.status).toBe(200);
    expect(changed.body.data).toMatchObject({ title: '新标题', scopes: [{ documentId: net.classB.documentId }] });
    const sent = await api.post(`/liaison/surveys/${created.documentId}/send`);
    expect(sent.status).toBe(202);
    const locked = await api.put(`/liaison/surveys/${created.documentId}`).send({ title: '又一个标题', questions: QUESTIONS });
    expect(locked.status).toBe(409);
    expect(fieldsOf(locked).sort()).toEqual(['questions', 'title']);
    const later = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const extended = await api.put(`/liaison/surveys/${created.documentId}`).send({ closesAt: later });
    expect(extended.status).toBe(200);
    expect(extended.body.data).toMatchObject({ title: '新标题', closesAt: later, status: 'sent' });
  });
});

describe('College Staff', () => {
  it('write and send surveys only to their own colleges and classes, and see only those (404 elsewhere)', async () => {
    const mine = await network();
    const other = await network();
    const staff = withToken((await signInStaff('College Staff', { colleges: [mine.college.documentId] })).token);

    const outside = await staff.post('/liaison/surveys').send(draftBody([{ kind: 'cohort', documentId: mine.classA.documentId }, { kind: 'cohort', documentId: other.classA.documentId }]));
    expect(outside.status).toBe(403);
    expect(fieldsOf(outside)).toEqual(['scopes[1].documentId']);
    const chapter = await staff.post('/liaison/surveys').send(draftBody([{ kind: 'region', documentId: (await makeChapter()).documentId }]));
    expect(chapter.status).toBe(403);

    const own = await staff.post('/liaison/surveys').send(draftBody([{ kind: 'college', documentId: mine.college.documentId }]));
    expect(own.status).toBe(201);
    // The office's survey to both colleges: College Staff see their college's part only, and cannot change or send it.
    const office = await sendSurvey(api, [
      { kind: 'cohort', documentId: mine.classB.documentId },
      { kind: 'cohort', documentId: other.classB.documentId },
    ]);
    const elsewhere = await sendSurvey(api, [{ kind: 'college', documentId: other.college.documentId }]);

    const list = (await staff.get('/liaison/surveys?pageSize=100')).body.data.map((s: any) => s.documentId);
    expect(list).toEqual(expect.arrayContaining([own.body.data.documentId, office.documentId]));
    expect(list).not.toContain(elsewhere.documentId);
    expect((await staff.get(`/liaison/surveys/${elsewhere.documentId}`)).status).toBe(404);
    expect((await staff.get(`/liaison/surveys/${elsewhere.documentId}/results`)).status).toBe(404);
    expect((await staff.post(`/liaison/surveys/${elsewhere.documentId}/send`)).status).toBe(404);

    const seen = (await staff.get(`/liaison/surveys/${office.documentId}`)).body.data;
    expect(seen).toMatchObject({ editable: false, invited: 2 });
    expect((await staff.put(`/liaison/surveys/${office.documentId}`).send({ closesAt: new Date(Date.now() + 86_400_000).toISOString() })).status).toBe(403);
    expect((await staff.post(`/liaison/surveys/${office.documentId}/send`)).status).toBe(403);

    const token = tokenIn((await mailsTo(other.b1.email as string))[0].text);
    expect((await writeAnswer(token, { work: 'abroad' })).status).toBe(200);
    const results = (await staff.get(`/liaison/surveys/${office.documentId}/results`)).body.data;
    expect(results.scopes.map((s: any) => [s.key, s.invited, s.answered])).toEqual([
      ['all', 2, 0],
      [`cohort:${mine.classB.documentId}`, 2, 0],
    ]);
    expect(results.questions[0].scopes.all.counts).toEqual({ city: 0, abroad: 0 });
    const full = (await api.get(`/liaison/surveys/${office.documentId}/results`)).body.data;
    expect(full.scopes.map((s: any) => [s.key, s.invited, s.answered])).toEqual([
      ['all', 4, 1],
      [`cohort:${mine.classB.documentId}`, 2, 0],
      [`cohort:${other.classB.documentId}`, 2, 1],
    ]);
    // The scope picker offers them their own college and its classes only.
    const picker = async (who: ReturnType<typeof withToken>, kind: string, q: string) => {
      const res = await who.get(`/liaison/surveys/scopes?kind=${kind}&q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      return res.body.data.map((s: any) => s.documentId);
    };
    expect(await picker(staff, 'cohort', '班')).toEqual(expect.arrayContaining([mine.classA.documentId, mine.classB.documentId]));
    expect(await picker(staff, 'cohort', other.classA.className as string)).toEqual([]);
    expect(await picker(staff, 'college', mine.college.name as string)).toEqual([mine.college.documentId]);
    expect(await picker(staff, 'region', '')).toEqual([]);
    expect(await picker(api, 'cohort', other.classA.className as string)).toEqual([other.classA.documentId]);
    expect((await api.get('/liaison/surveys/scopes?kind=planet')).status).toBe(400);
    // A chapter editor has no survey rights at all.
    const editor = withToken((await signInStaff('Chapter Editor', { chapters: [mine.chapter.documentId] })).token);
    expect((await editor.get('/liaison/surveys')).status).toBe(403);
  }, 60000);
});

describe('the export of results', () => {
  it('writes CSV and XLSX in the request language, formulas neutralised', async () => {
    const net = await network();
    const questions = [{ ...QUESTIONS[0], label: { en: '=HYPERLINK("http://x")', 'zh-Hans': '=1+1 工作' } }, QUESTIONS[2]];
    const survey = await sendSurvey(api, [{ kind: 'cohort', documentId: net.classB.documentId }], { questions });
    const token = tokenIn((await mailsTo(net.b1.email as string))[0].text);
    expect((await writeAnswer(token, { work: 'city', years: 3 })).status).toBe(200);

    const csv = await api.get(`/liaison/surveys/${survey.documentId}/results/export?format=csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = parse(csv.text.replace(/^\uFEFF/, '')) as string[][];
    expect(rows[0]).toEqual(['Question', 'Answer', 'All', net.classB.className]);
    expect(rows[3]).toEqual(['', 'Response rate (%)', '50', '50']);
    expect(rows).toContainEqual([`'=HYPERLINK("http://x")`, 'In the city', '1', '1']);
    expect(rows).toContainEqual(['Years since graduation', 'Mean', '3', '3']);

    const xlsx = await api
      .get(`/liaison/surveys/${survey.documentId}/results/export?format=xlsx`)
      .set('Accept-Language', 'zh-Hans')
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, '题目', '答案', '全部', net.classB.className]);
    const labels = sheet.getColumn(1).values.filter(Boolean);
    expect(labels).toContain("'=1+1 工作");
    expect((await api.get(`/liaison/surveys/${survey.documentId}/results/export?format=pdf`)).status).toBe(400);
  }, 60000);
});
