import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * The appraisal through its admin HTTP API. Each test works in a year of its own far in
 * the future, so that the posts and activity of other test files do not count.
 */
let api: ReturnType<typeof withToken>;
const app = () => strapiApp();
const docs = (uid: string) => app().documents(uid as any);

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const cycleCount = () => app().db.query('plugin::liaison.appraisal-cycle').count({});

/** A college, a class of it, and two class liaisons serving from the given year. */
const network = async (year: number, names: [string, string] = ['陈静', '王磊']) => {
  const college = await makeCollege();
  const cohort = await makeCohort({ college: college.documentId });
  const a = await makeAlumnus({
    name: names[0],
    cohort: cohort.documentId,
    email: `${unique('a')}@example.com`,
    contactConsent: true,
    language: 'en',
  });
  const b = await makeAlumnus({
    name: names[1],
    cohort: cohort.documentId,
    email: `${unique('b')}@example.com`,
    contactConsent: true,
  });
  const post = (alumnus: string, role: string) =>
    docs('plugin::liaison.liaison').create({
      data: {
        dimension: 'cohort',
        cohort: cohort.documentId,
        alumnus,
        role,
        termStart: `${year}-01-01`,
        postStatus: 'active',
      } as any,
    });
  const postA = await post(a.documentId, 'monitor');
  const postB = await post(b.documentId, 'league_secretary');
  return { college, cohort, a, b, postA, postB };
};

const contacts = async (post: string, dates: string[]) => {
  for (const at of dates) {
    await docs('plugin::liaison.contact-log').create({
      data: {
        liaison: post,
        channel: 'call',
        contactedAt: at,
        summary: '电话联络',
      } as any,
    });
  }
};

const createCycle = (year: number, criteria: unknown[], extra: Record<string, unknown> = {}) =>
  api.post('/liaison/cycles').send({
    name: unique(`${year}年度考核`),
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    criteria,
    ...extra,
  });

const CONTACTS_AND_PERFORMANCE = [
  { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 40 },
  { key: 'performance', kind: 'scored', weight: 60 },
];

const resultsOf = async (cycle: string, query: string) => {
  const res = await api.get(`/liaison/cycles/${cycle}/results?${query}`);
  expect(res.status).toBe(200);
  return res.body;
};

describe('measures and cycles', () => {
  it('lists the registered measures, labelled in the request language', async () => {
    const en = await api.get('/liaison/measures');
    expect(en.status).toBe(200);
    const keys = en.body.data.map((m: any) => m.key);
    expect(keys).toEqual(
      expect.arrayContaining(['contacts', 'events_organised', 'event_attendance', 'feedback_on_time', 'records_verified']),
    );
    expect(en.body.data.find((m: any) => m.key === 'contacts').label).toBe('Contacts logged');
    const zh = await api.get('/liaison/measures').set('Accept-Language', 'zh-Hans');
    expect(zh.body.data.find((m: any) => m.key === 'contacts').label).toBe('联络记录数');
  });

  it.each([
    [
      'weights that do not sum to 100',
      [
        { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 40 },
        { key: 'p', kind: 'scored', weight: 50 },
      ],
      'criteria',
      /sum to 100 \(they sum to 90\)/,
    ],
    ['an unknown measure', [{ key: 'x', kind: 'measured', measure: 'likes', weight: 100 }], 'criteria', /unknown measure \(likes\)/],
    [
      'a key used twice',
      [
        { key: 'p', kind: 'scored', weight: 50 },
        { key: 'p', kind: 'scored', weight: 50 },
      ],
      'criteria',
      /used twice/,
    ],
    ['an unknown kind', [{ key: 'p', kind: 'guessed', weight: 100 }], 'criteria', /measured or scored/],
    ['no criteria', [], 'criteria', /at least one criterion/],
  ])('refuses %s with 400 naming criteria, and creates nothing', async (_what, criteria, field, message) => {
    const before = await cycleCount();
    const res = await createCycle(2090, criteria);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect(res.body.error.message).toMatch(message);
    expect(await cycleCount()).toBe(before);
  });

  it('refuses a period that ends before it starts, bad thresholds, and a missing name, naming each field', async () => {
    const before = await cycleCount();
    const res = await api.post('/liaison/cycles').send({
      name: ' ',
      periodStart: '2090-12-31',
      periodEnd: '2090-01-01',
      criteria: CONTACTS_AND_PERFORMANCE,
      thresholds: { excellent: 60, good: 70, pass: 50 },
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(['name', 'periodEnd', 'thresholds']);
    expect(await cycleCount()).toBe(before);
    const zh = await createCycle(2090, [{ key: 'p', kind: 'scored', weight: 90 }]).set('Accept-Language', 'zh-Hans');
    expect(zh.body.error.details.errors[0].message).toBe('各项权重之和须为 100（现为 90）');
  });
});

describe('a cycle from measures to grades, ranks and closing', () => {
  const YEAR = 2091;
  let net: Awaited<ReturnType<typeof network>>;
  let cycle: any;
  let staff: ReturnType<typeof withToken>;

  beforeAll(async () => {
    net = await network(YEAR, ['陈静', '=1+1 王磊']);
    await contacts(net.postA.documentId, [
      `${YEAR}-02-01T02:00:00.000Z`,
      `${YEAR}-03-01T02:00:00.000Z`,
      `${YEAR}-06-01T02:00:00.000Z`,
      `${YEAR}-12-31T15:00:00.000Z`,
    ]);
    // B: two contacts in the year, five the year before (which do not count).
    await contacts(net.postB.documentId, [`${YEAR}-04-01T02:00:00.000Z`, `${YEAR}-05-01T02:00:00.000Z`]);
    await contacts(
      net.postB.documentId,
      [1, 2, 3, 4, 5].map((m) => `${YEAR - 1}-0${m}-01T02:00:00.000Z`),
    );
    const res = await createCycle(YEAR, CONTACTS_AND_PERFORMANCE);
    expect(res.status).toBe(201);
    cycle = res.body.data;
    staff = withToken((await signInStaff('Alumni Office Staff')).token);
  });

  const rowsOfScope = async (query = '') => await resultsOf(cycle.documentId, `dimension=cohort&scope=${net.cohort.documentId}${query}`);
  const rowOf = async (post: string) => (await rowsOfScope()).data.find((r: any) => r.post.documentId === post);

  it('creates the cycle open, with an appraisal for each post that served in the period', async () => {
    expect(cycle).toMatchObject({
      cycleStatus: 'open',
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      thresholds: { excellent: 85, good: 70, pass: 60 },
    });
    expect(cycle.appraisals).toBeGreaterThanOrEqual(2);
    const body = await rowsOfScope();
    expect(body.data.map((r: any) => r.alumnus.name).sort()).toEqual(['=1+1 王磊', '陈静'].sort());
    expect(body.data[0]).toMatchObject({
      post: {
        dimension: 'cohort',
        scope: { documentId: net.cohort.documentId },
      },
    });
  });

  it('measures each post over the whole period from the data, and normalises within the dimension', async () => {
    const a = await rowOf(net.postA.documentId);
    const b = await rowOf(net.postB.documentId);
    expect(a.measures).toEqual({ contacts: 4 });
    expect(b.measures).toEqual({ contacts: 2 });
    // A has the dimension's most contacts (100 → 40 points), B half as many (50 → 20 points); nobody has scored yet.
    expect([a.total, a.grade, b.total, b.grade]).toEqual([40, 'fail', 20, 'fail']);
    expect(a.scores).toEqual({ performance: null });
  });

  it('takes a reviewer score, and answers the recomputed total, grade and rank', async () => {
    const res = await api
      .put(`/liaison/appraisals/${(await rowOf(net.postA.documentId)).appraisal.documentId}/scores`)
      .send({ criterion: 'performance', score: 90, comment: '联络工作扎实' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      total: 94,
      grade: 'excellent',
      rank: 1,
    });
  });

  it('counts the mean of several reviewers, and a reviewer scoring again replaces their own score', async () => {
    const appraisal = (await rowOf(net.postA.documentId)).appraisal.documentId;
    expect((await staff.put(`/liaison/appraisals/${appraisal}/scores`).send({ criterion: 'performance', score: 60 })).body.data.total).toBe(
      85,
    );
    const again = await staff
      .put(`/liaison/appraisals/${appraisal}/scores`)
      .send({ criterion: 'performance', score: 70, comment: '可更主动' });
    // Mean of 90 and 70 = 80 → 40 + 48.
    expect(again.body.data).toMatchObject({
      total: 88,
      grade: 'excellent',
      scores: { performance: 80 },
    });
    const row = await rowOf(net.postA.documentId);
    expect(row.comments.map((c: any) => [c.score, c.comment]).sort()).toEqual(
      [
        [70, '可更主动'],
        [90, '联络工作扎实'],
      ].sort(),
    );
    expect(row.myScores).toEqual({ performance: 90 });
  });

  it('ranks within the dimension and the scope, and counts the grades', async () => {
    const b = (await rowOf(net.postB.documentId)).appraisal.documentId;
    const res = await api.put(`/liaison/appraisals/${b}/scores`).send({ criterion: 'performance', score: 100 });
    expect(res.body.data).toMatchObject({
      total: 80,
      grade: 'good',
      rank: 2,
      scopeRank: 2,
    });
    const body = await rowsOfScope('&sort=rank');
    expect(body.data.map((r: any) => [r.alumnus.name, r.rank, r.scopeRank])).toEqual([
      ['陈静', 1, 1],
      ['=1+1 王磊', 2, 2],
    ]);
    // The admin API's sort syntax, <column>:asc|desc.
    expect((await rowsOfScope('&sort=rank:asc')).data.map((r: any) => r.alumnus.name)).toEqual(['陈静', '=1+1 王磊']);
    expect((await rowsOfScope('&sort=rank:desc')).data.map((r: any) => r.alumnus.name)).toEqual(['=1+1 王磊', '陈静']);
    expect(body.meta.grades).toEqual({
      excellent: 1,
      good: 1,
      pass: 0,
      fail: 0,
    });
    const good = await rowsOfScope('&grade=good');
    expect(good.data.map((r: any) => r.alumnus.name)).toEqual(['=1+1 王磊']);
    expect(good.meta.pagination).toEqual({
      page: 1,
      pageSize: 25,
      pageCount: 1,
      total: 1,
    });
    expect(good.meta.grades).toEqual({
      excellent: 1,
      good: 1,
      pass: 0,
      fail: 0,
    });
    const paged = await rowsOfScope('&sort=-total&pageSize=1&page=2');
    expect(paged.data.map((r: any) => r.alumnus.name)).toEqual(['=1+1 王磊']);
    expect(paged.meta.pagination).toEqual({
      page: 2,
      pageSize: 1,
      pageCount: 2,
      total: 2,
    });
    const pagedNew = await rowsOfScope('&sort=total:desc&pageSize=1&page=2');
    expect(pagedNew.data.map((r: any) => r.alumnus.name)).toEqual(['=1+1 王磊']);
    expect(pagedNew.meta.pagination).toEqual(paged.meta.pagination);
  });

  it.each([
    [{ criterion: 'performance', score: 101 }, 'score'],
    [{ criterion: 'performance', score: 7.5 }, 'score'],
    [{ criterion: 'contacts', score: 50 }, 'criterion'],
    [{ criterion: 'charm', score: 50 }, 'criterion'],
  ])('refuses the score %j with 400 naming %s, and changes nothing', async (body, field) => {
    const row = await rowOf(net.postA.documentId);
    const res = await api.put(`/liaison/appraisals/${row.appraisal.documentId}/scores`).send(body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect((await rowOf(net.postA.documentId)).total).toBe(row.total);
  });

  it.each([
    ['dimension=planet', 'dimension'],
    [`scope=x`, 'scope'],
    ['dimension=cohort&scope=nope', 'scope'],
    ['sort=luck', 'sort'],
    ['sort=rank:up', 'sort'],
    ['sort=-rank:desc', 'sort'],
    ['pageSize=1000', 'pageSize'],
    ['grade=superb', 'grade'],
  ])('refuses the results query %s with 400 naming %s', async (query, field) => {
    const res = await api.get(`/liaison/cycles/${cycle.documentId}/results?${query}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([field]);
  });

  it('refuses a Content Manager score on a measured or unknown criterion (400 naming criterion)', async () => {
    const row = await rowOf(net.postA.documentId);
    for (const criterion of ['contacts', 'charm']) {
      const res = await api.post(`${CM}/plugin::liaison.appraisal-score`).send({ appraisal: { connect: [{ documentId: row.appraisal.documentId }] }, criterion, score: 50 });
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual(['criterion']);
    }
  });

  it('answers 404 for an unknown cycle or appraisal', async () => {
    expect((await api.get('/liaison/cycles/nope/results')).status).toBe(404);
    expect((await api.put('/liaison/appraisals/nope/scores').send({ criterion: 'performance', score: 5 })).status).toBe(404);
  });

  it('keeps supervision feedback, and tells the liaison by e-mail', async () => {
    const row = await rowOf(net.postA.documentId);
    expect((await api.post(`/liaison/appraisals/${row.appraisal.documentId}/notes`).send({ text: ' ' })).status).toBe(400);
    const res = await api
      .post(`/liaison/appraisals/${row.appraisal.documentId}/notes`)
      .send({ text: 'Please log your visits within a week.' });
    expect(res.status).toBe(201);
    const mail = await app()
      .db.query('plugin::liaison.notification')
      .findOne({ where: { kind: 'appraisal-feedback', to: net.a.email } });
    expect(mail.subject).toMatch(/Feedback on your liaison work/);
    expect(mail.text).toContain('Please log your visits within a week.');
    const notes = await api.get(`/liaison/appraisals/${row.appraisal.documentId}/notes`);
    expect(notes.body.data.map((n: any) => n.text)).toEqual(['Please log your visits within a week.']);
  });

  it('exports the cycle to CSV and XLSX, neutralising cells a spreadsheet would run', async () => {
    const csv = await api.get(`/liaison/cycles/${cycle.documentId}/export?format=csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="appraisal-2091-01-01-/);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual([
      'Name',
      'Dimension',
      'Scope',
      'Post',
      'contacts (40%)',
      'performance (60%)',
      'Total',
      'Grade',
      'Rank in dimension',
      'Rank in scope',
    ]);
    const b = rows.find((r) => r[0].includes('王磊'))!;
    expect(b[0]).toBe("'=1+1 王磊");
    expect(b.slice(4, 8)).toEqual(['2', '100', '80', 'good']);

    const xlsx = await api
      .get(`/liaison/cycles/${cycle.documentId}/export?format=xlsx`)
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
    const names = sheet.getColumn(1).values.filter(Boolean);
    expect(names).toContain("'=1+1 王磊");
    const rowB = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => String(r.getCell(1).value).includes('王磊'))!;
    expect(rowB.getCell(7).value).toBe(80);
    expect((await api.get(`/liaison/cycles/${cycle.documentId}/export?format=pdf`)).status).toBe(400);
  });

  it("shows a liaison's results across cycles", async () => {
    const res = await api.get(`/liaison/alumni/${net.a.documentId}/appraisals`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      expect.objectContaining({
        cycle: expect.objectContaining({ documentId: cycle.documentId }),
        total: 88,
        grade: 'excellent',
        rank: 1,
      }),
    ]);
  });

  it('closes the cycle: mails each liaison their result and the comments, then freezes it (409)', async () => {
    const res = await api.post(`/liaison/cycles/${cycle.documentId}/close`);
    expect(res.status).toBe(200);
    expect(res.body.data.cycleStatus).toBe('closed');
    const mailA = await app()
      .db.query('plugin::liaison.notification')
      .findOne({ where: { kind: 'appraisal-result', to: net.a.email } });
    expect(mailA.subject).toBe(`Your appraisal result: ${cycle.name}`);
    expect(mailA.text).toMatch(/Total 88 of 100, grade: excellent, rank 1/);
    expect(mailA.text).toContain('联络工作扎实');
    const mailB = await app()
      .db.query('plugin::liaison.notification')
      .findOne({ where: { kind: 'appraisal-result', to: net.b.email } });
    expect(mailB.subject).toBe(`考核结果通知：${cycle.name}`);
    expect(mailB.text).toMatch(/等级：良好/);

    const row = await rowOf(net.postA.documentId);
    const frozen = [
      await api.put(`/liaison/appraisals/${row.appraisal.documentId}/scores`).send({ criterion: 'performance', score: 10 }),
      await api.put(`/liaison/cycles/${cycle.documentId}`).send({
        criteria: [{ key: 'performance', kind: 'scored', weight: 100 }],
      }),
      await api.post(`/liaison/cycles/${cycle.documentId}/compute`),
      await api.post(`/liaison/cycles/${cycle.documentId}/close`),
      await api.post(`/liaison/appraisals/${row.appraisal.documentId}/notes`).send({ text: 'late' }),
    ];
    expect(frozen.map((r) => r.status)).toEqual([409, 409, 409, 409, 409]);
    expect(fieldsOf(frozen[0].body)).toEqual(['cycle']);
    // The Content Manager is frozen too.
    const score = await app()
      .db.query('plugin::liaison.appraisal-score')
      .findOne({
        where: { appraisal: { documentId: row.appraisal.documentId } },
      });
    const cm = await api.put(`${CM}/plugin::liaison.appraisal-score/${score.documentId}`).send({ score: 1 });
    expect(cm.status).toBe(409);
    expect((await rowOf(net.postA.documentId)).total).toBe(88);
  });
});

describe('the measures of events, feedback and record upkeep', () => {
  const YEAR = 2092;
  it('counts published events organised and their attendance, feedback answered on time, and records verified', async () => {
    const net = await network(YEAR);
    const event = (startsAt: string, attendance: number, status: 'published' | 'draft') =>
      docs('plugin::liaison.event').create({
        locale: 'zh-Hans',
        status,
        data: {
          title: unique('活动'),
          slug: unique('event').toLowerCase(),
          type: 'reunion',
          startsAt,
          venue: '礼堂',
          organisers: [net.postA.documentId],
          attendance,
        } as any,
      } as any);
    await event(`${YEAR}-03-01T02:00:00.000Z`, 30, 'published');
    await event(`${YEAR}-09-01T02:00:00.000Z`, 12, 'published');
    await event(`${YEAR}-10-01T02:00:00.000Z`, 99, 'draft');
    await event(`${YEAR + 1}-01-05T02:00:00.000Z`, 50, 'published');
    const feedback = (dueAt: string, answeredAt: string | null) =>
      docs('plugin::liaison.feedback').create({
        data: {
          alumnus: net.a.documentId,
          liaison: net.postB.documentId,
          category: 'career_help',
          content: '需要帮助',
          feedbackStatus: answeredAt ? 'answered' : 'open',
          receivedAt: `${YEAR}-01-01T00:00:00.000Z`,
          dueAt,
          answeredAt,
        } as any,
      });
    await feedback(`${YEAR}-03-01T00:00:00.000Z`, `${YEAR}-02-20T00:00:00.000Z`);
    await feedback(`${YEAR}-04-01T00:00:00.000Z`, `${YEAR}-04-03T00:00:00.000Z`);
    await feedback(`${YEAR}-05-01T00:00:00.000Z`, null);
    for (const day of [`${YEAR}-05-05`, `${YEAR}-06-06`, `${YEAR - 1}-06-06`]) {
      await makeAlumnus({
        cohort: net.cohort.documentId,
        verifiedBy: net.postA.documentId,
        lastVerifiedAt: day,
      });
    }
    const res = await createCycle(YEAR, [
      {
        key: 'events',
        kind: 'measured',
        measure: 'events_organised',
        weight: 25,
      },
      {
        key: 'attendance',
        kind: 'measured',
        measure: 'event_attendance',
        weight: 25,
      },
      {
        key: 'feedback',
        kind: 'measured',
        measure: 'feedback_on_time',
        weight: 25,
      },
      {
        key: 'verified',
        kind: 'measured',
        measure: 'records_verified',
        weight: 25,
      },
    ]);
    expect(res.status).toBe(201);
    const body = await resultsOf(res.body.data.documentId, `dimension=cohort&scope=${net.cohort.documentId}`);
    const byPost = Object.fromEntries(body.data.map((r: any) => [r.post.documentId, r.measures]));
    expect(byPost[net.postA.documentId]).toEqual({
      events: 2,
      attendance: 42,
      feedback: 0,
      verified: 2,
    });
    expect(byPost[net.postB.documentId]).toEqual({
      events: 0,
      attendance: 0,
      feedback: 1,
      verified: 0,
    });
  });
});

describe('College Staff see and score only their colleges’ liaisons', () => {
  const YEAR = 2093;
  it('filters the results, refuses a score outside with 403, and may not set up cycles', async () => {
    const mine = await network(YEAR, ['李明', '赵敏']);
    const other = await network(YEAR, ['孙强', '周芳']);
    const created = await createCycle(YEAR, CONTACTS_AND_PERFORMANCE);
    const cycle = created.body.data.documentId;
    const college = withToken(
      (
        await signInStaff('College Staff', {
          colleges: [mine.college.documentId],
        })
      ).token,
    );
    const seen = await college.get(`/liaison/cycles/${cycle}/results?pageSize=200`);
    expect(seen.status).toBe(200);
    const names = seen.body.data.map((r: any) => r.alumnus.name);
    expect(names.sort()).toEqual(['李明', '赵敏'].sort());
    const all = await resultsOf(cycle, `dimension=cohort&scope=${other.cohort.documentId}`);
    const outside = all.data[0].appraisal.documentId;
    const refused = await college.put(`/liaison/appraisals/${outside}/scores`).send({ criterion: 'performance', score: 100 });
    expect(refused.status).toBe(403);
    expect(fieldsOf(refused.body)).toEqual(['appraisal']);
    expect((await resultsOf(cycle, `dimension=cohort&scope=${other.cohort.documentId}`)).data[0].scores).toEqual({ performance: null });
    const inside = seen.body.data[0].appraisal.documentId;
    expect((await college.put(`/liaison/appraisals/${inside}/scores`).send({ criterion: 'performance', score: 100 })).status).toBe(200);
    expect(
      (
        await college.post('/liaison/cycles').send({
          name: 'x',
          periodStart: `${YEAR}-01-01`,
          periodEnd: `${YEAR}-12-31`,
          criteria: CONTACTS_AND_PERFORMANCE,
        })
      ).status,
    ).toBe(403);
    expect((await college.post(`/liaison/cycles/${cycle}/close`)).status).toBe(403);
    expect((await college.get(`/liaison/cycles/${cycle}/export?format=csv`)).status).toBe(403);
    expect((await college.get(`/liaison/alumni/${other.a.documentId}/appraisals`)).body.data).toEqual([]);
    // Chapter editors have no appraisal at all.
    const editor = withToken((await signInStaff('Chapter Editor')).token);
    expect((await editor.get(`/liaison/cycles/${cycle}/results`)).status).toBe(403);
    expect(http).toBeDefined();
  });
});

describe('the nightly recompute', () => {
  it('measures open cycles again, counting what was logged since, and leaves closed ones alone', async () => {
    const YEAR = 2094;
    const net = await network(YEAR);
    await contacts(net.postA.documentId, [`${YEAR}-02-01T02:00:00.000Z`]);
    const created = await createCycle(YEAR, CONTACTS_AND_PERFORMANCE);
    const measures = async () =>
      (await resultsOf(created.body.data.documentId, `dimension=cohort&scope=${net.cohort.documentId}`)).data.find((r: any) => r.post.documentId === net.postA.documentId).measures;
    expect(await measures()).toEqual({ contacts: 1 });
    await contacts(net.postA.documentId, [`${YEAR}-07-01T02:00:00.000Z`, `${YEAR}-08-01T02:00:00.000Z`]);
    expect(await measures()).toEqual({ contacts: 1 });
    expect(await app().plugin('liaison').service('appraisal').recomputeOpenCycles()).toBeGreaterThanOrEqual(1);
    expect(await measures()).toEqual({ contacts: 3 });
  });
});

describe('batched writes', () => {
  it('writes more rows at once than SQLite takes in one compound statement, with their links', async () => {
    const { insertDocuments } = await import('../../plugins/liaison/server/src/utils/bulk-insert');
    const cycle = await docs('plugin::liaison.appraisal-cycle').create({
      data: { name: unique('批量'), periodStart: '2095-01-01', periodEnd: '2095-12-31', cycleStatus: 'open', criteria: [{ key: 'p', kind: 'scored', weight: 100 }] } as any,
    });
    const cycleRow = await app().db.query('plugin::liaison.appraisal-cycle').findOne({ where: { documentId: cycle.documentId } });
    const written = await app().db.transaction(({ trx }) =>
      insertDocuments(app(), trx, 'plugin::liaison.appraisal', Array.from({ length: 1100 }, () => ({ data: { dimension: 'cohort', measures: {}, scores: {} }, links: { cycle: cycleRow.id } })))
    );
    expect(written).toHaveLength(1100);
    expect(new Set(written.map((w: any) => w.documentId)).size).toBe(1100);
    expect(await app().db.query('plugin::liaison.appraisal').count({ where: { cycle: { id: cycleRow.id } } })).toBe(1100);
  });
});
