import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { isPostgres } from '../../plugins/liaison/server/src/utils/db';

/**
 * Honours through the admin HTTP API and the public honour roll. Each cycle is appraised
 * through the real appraisal API: reviewers' scores give the grades honours rest on.
 */
let api: ReturnType<typeof withToken>;
const app = () => strapiApp();
const docs = (uid: string) => app().documents(uid as any);
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const honourCount = () => app().db.query('plugin::liaison.honour').count({});

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

/**
 * A class with liaisons graded by one reviewer score each (100 → excellent, 75 → good,
 * 55 → fail), in a cycle of its own year, closed unless asked otherwise.
 */
const gradedClass = async (year: number, people: { name: string; score: number; publish?: boolean; email?: boolean }[], close = true) => {
  const college = await makeCollege({
    name: unique('医学院'),
    nameEn: unique('School of Medicine'),
  });
  // A class has two posts: two liaisons per class.
  const cohorts: any[] = [];
  const alumni = [];
  for (const [i, p] of people.entries()) {
    if (i % 2 === 0)
      cohorts.push(
        await makeCohort({
          college: college.documentId,
          className: unique('临床医学班'),
        }),
      );
    const cohort = cohorts[cohorts.length - 1];
    const alumnus = await makeAlumnus({
      name: p.name,
      cohort: cohort.documentId,
      publishConsent: p.publish ?? true,
      contactConsent: true,
      email: p.email === false ? null : `${unique('h')}@example.com`,
      phone: '13800000000',
      studentNo: unique('S'),
    });
    await docs('plugin::liaison.liaison').create({
      data: {
        dimension: 'cohort',
        cohort: cohort.documentId,
        alumnus: alumnus.documentId,
        role: i % 2 === 0 ? 'monitor' : 'league_secretary',
        termStart: `${year}-01-01`,
        postStatus: 'active',
      } as any,
    });
    alumni.push({ ...alumnus, cohort: cohort.documentId });
  }
  const created = await api.post('/liaison/cycles').send({
    name: unique(`${year}年度考核`),
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    criteria: [{ key: 'performance', kind: 'scored', weight: 100 }],
  });
  expect(created.status).toBe(201);
  const cycle = created.body.data.documentId;
  for (const [i, p] of people.entries()) {
    const results = await api.get(`/liaison/cycles/${cycle}/results?dimension=cohort&scope=${alumni[i].cohort}`);
    const row = results.body.data.find((r: any) => r.alumnus.documentId === alumni[i].documentId);
    expect(
      (await api.put(`/liaison/appraisals/${row.appraisal.documentId}/scores`).send({ criterion: 'performance', score: p.score })).status,
    ).toBe(200);
  }
  if (close) expect((await api.post(`/liaison/cycles/${cycle}/close`)).status).toBe(200);
  return { college, alumni, cycle };
};

describe('nominating and awarding honours', () => {
  const YEAR = 2081;
  let net: Awaited<ReturnType<typeof gradedClass>>;
  beforeAll(async () => {
    net = await gradedClass(YEAR, [
      { name: '陈优秀', score: 100 },
      { name: '王良好', score: 75 },
      { name: '李不足', score: 55 },
      { name: '赵隐私', score: 100, publish: false },
    ]);
  });
  const nominate = (body: Record<string, unknown>) => api.post('/liaison/honours').send({ cycle: net.cycle, ...body });

  it('nominates an eligible liaison (201, nominated), and the committee awards it, telling the alumnus', async () => {
    const res = await nominate({
      alumnus: net.alumni[0].documentId,
      kind: 'title',
      title: `${YEAR}年度优秀校友联络员`,
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      honourStatus: 'nominated',
      kind: 'title',
      grade: 'excellent',
      year: YEAR,
      awardedOn: null,
      alumnus: { name: '陈优秀' },
    });
    const approved = await api.post(`/liaison/honours/${res.body.data.documentId}/approve`);
    expect(approved.status).toBe(200);
    expect(approved.body.data).toMatchObject({
      honourStatus: 'awarded',
      awardedOn: new Date().toISOString().slice(0, 10),
    });
    const mail = await app()
      .db.query('plugin::liaison.notification')
      .findOne({
        where: {
          kind: 'honour-awarded',
          dedupeKey: `honour-awarded:${res.body.data.documentId}`,
        },
      });
    expect(mail.subject).toBe(`荣誉授予通知：${YEAR}年度优秀校友联络员`);
    expect((await api.post(`/liaison/honours/${res.body.data.documentId}/approve`)).status).toBe(409);
  });

  it('refuses an ineligible honour with 409 naming the rule and the grade, and writes nothing', async () => {
    const before = await honourCount();
    const title = await nominate({
      alumnus: net.alumni[1].documentId,
      kind: 'title',
      title: '优秀',
    });
    expect(title.status).toBe(409);
    expect(fieldsOf(title.body)).toEqual(['kind']);
    expect(title.body.error.message).toMatch(/honorary title needs at least the grade excellent in the cycle \(the grade was good\)/);
    const bonus = await nominate({
      alumnus: net.alumni[2].documentId,
      kind: 'bonus',
      title: '奖励金',
      amount: 1000,
    });
    expect(bonus.status).toBe(409);
    const zh = await nominate({
      alumnus: net.alumni[2].documentId,
      kind: 'commendation',
      title: '表彰',
    }).set('Accept-Language', 'zh-Hans');
    expect(zh.status).toBe(409);
    expect(zh.body.error.details.errors[0].message).toBe('“表彰”须在本周期考核中至少达到“合格”（实际为“不合格”）');
    expect(await honourCount()).toBe(before);
  });

  it('refuses a second identical honour with 409, and lets a different kind through', async () => {
    const first = await nominate({
      alumnus: net.alumni[1].documentId,
      kind: 'commendation',
      title: '表彰',
    });
    expect(first.status).toBe(201);
    const again = await nominate({
      alumnus: net.alumni[1].documentId,
      kind: 'commendation',
      title: '再次表彰',
    });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['alumnus']);
    expect(
      (
        await nominate({
          alumnus: net.alumni[1].documentId,
          kind: 'bonus',
          title: '奖励金',
          amount: 800,
        })
      ).status,
    ).toBe(201);
  });

  it('lets exactly one of two simultaneous identical nominations through', async () => {
    const body = {
      alumnus: net.alumni[3].documentId,
      kind: 'invitation',
      title: '经验分享会特邀嘉宾',
    };
    const before = await honourCount();
    const answers = await Promise.all([nominate(body), nominate(body), nominate(body)]);
    expect(answers.map((r) => r.status).sort()).toEqual(isPostgres(app()) ? [201, 409, 409] : expect.arrayContaining([201]));
    expect(await honourCount()).toBe(before + 1);
  });

  it.each([
    [{ kind: 'medal', title: 'x' }, 'kind'],
    [{ kind: 'title', title: ' ' }, 'title'],
    [{ kind: 'bonus', title: '奖励金' }, 'amount'],
    [{ kind: 'bonus', title: '奖励金', amount: -5 }, 'amount'],
    [{ kind: 'title', title: '优秀', amount: 100 }, 'amount'],
    [{ kind: 'title', title: '优秀', alumnus: 'nobody' }, 'alumnus'],
    [{ kind: 'title', title: '优秀', cycle: 'nocycle' }, 'cycle'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const before = await honourCount();
    const res = await nominate({ alumnus: net.alumni[0].documentId, ...body });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
    expect(await honourCount()).toBe(before);
  });

  it('rejects a nomination with its reason, after which the honour may be nominated again', async () => {
    const res = await nominate({
      alumnus: net.alumni[0].documentId,
      kind: 'scholarship',
      title: '进修奖学金',
      amount: 5000,
    });
    expect((await api.post(`/liaison/honours/${res.body.data.documentId}/reject`).send({})).status).toBe(400);
    const rejected = await api.post(`/liaison/honours/${res.body.data.documentId}/reject`).send({ reason: '预算已用完' });
    expect(rejected.body.data).toMatchObject({
      honourStatus: 'rejected',
      rejectionReason: '预算已用完',
    });
    expect(
      (
        await nominate({
          alumnus: net.alumni[0].documentId,
          kind: 'scholarship',
          title: '进修奖学金',
          amount: 5000,
        })
      ).status,
    ).toBe(201);
  });

  it("lists a liaison's honours, and who is eligible for a kind", async () => {
    const history = await api.get(`/liaison/honours?alumnus=${net.alumni[0].documentId}`);
    expect(history.status).toBe(200);
    expect(history.body.data.map((h: any) => [h.kind, h.honourStatus]).sort()).toEqual(
      [
        ['scholarship', 'nominated'],
        ['scholarship', 'rejected'],
        ['title', 'awarded'],
      ].sort(),
    );
    const eligible = await api.get(`/liaison/honours/eligible?cycle=${net.cycle}&kind=bonus`);
    expect(eligible.body.data.map((e: any) => [e.alumnus.name, e.grade, e.nominated]).sort()).toEqual(
      [
        ['王良好', 'good', true],
        ['赵隐私', 'excellent', false],
        ['陈优秀', 'excellent', false],
      ].sort(),
    );
    expect((await api.get(`/liaison/honours/eligible?cycle=${net.cycle}&kind=medal`)).status).toBe(400);
    expect((await api.get('/liaison/honours?status=lost')).status).toBe(400);
  });

  it('awards in bulk all or nothing, naming the alumnus that breaks a rule', async () => {
    const before = await honourCount();
    const mixed = await api.post('/liaison/honours/bulk').send({
      cycle: net.cycle,
      kind: 'commendation',
      title: '年度表彰',
      alumni: [net.alumni[0].documentId, net.alumni[2].documentId],
    });
    expect(mixed.status).toBe(409);
    expect(fieldsOf(mixed.body)).toEqual(['alumni[1]']);
    expect(await honourCount()).toBe(before);
    const ok = await api.post('/liaison/honours/bulk').send({
      cycle: net.cycle,
      kind: 'commendation',
      title: '年度表彰',
      alumni: [net.alumni[0].documentId, net.alumni[3].documentId],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data.map((h: any) => h.alumnus.name).sort()).toEqual(['赵隐私', '陈优秀'].sort());
    expect(await honourCount()).toBe(before + 2);
  });

  it('changes the eligibility rules through the committee’s route', async () => {
    const set = await api.put('/liaison/honours/rules').send({ commendation: 'good' });
    expect(set.body.data).toMatchObject({
      commendation: 'good',
      title: 'excellent',
    });
    expect((await api.put('/liaison/honours/rules').send({ commendation: 'superb' })).status).toBe(400);
    await api.put('/liaison/honours/rules').send({ commendation: 'pass' });
  });
});

describe('honours need closed results and respect College Staff scope', () => {
  it('refuses honours for an open cycle (409 naming cycle)', async () => {
    const open = await gradedClass(2082, [{ name: '钱开放', score: 100 }], false);
    const res = await api.post('/liaison/honours').send({
      cycle: open.cycle,
      alumnus: open.alumni[0].documentId,
      kind: 'title',
      title: '优秀',
    });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['cycle']);
  });

  it('lets College Staff nominate within their colleges only, and not approve', async () => {
    const mine = await gradedClass(2083, [{ name: '孙本院', score: 100 }]);
    const other = await gradedClass(2083, [{ name: '周外院', score: 100 }]);
    const staff = withToken(
      (
        await signInStaff('College Staff', {
          colleges: [mine.college.documentId],
        })
      ).token,
    );
    const outside = await staff.post('/liaison/honours').send({
      cycle: other.cycle,
      alumnus: other.alumni[0].documentId,
      kind: 'title',
      title: '优秀',
    });
    expect(outside.status).toBe(403);
    const inside = await staff.post('/liaison/honours').send({
      cycle: mine.cycle,
      alumnus: mine.alumni[0].documentId,
      kind: 'title',
      title: '优秀',
    });
    expect(inside.status).toBe(201);
    expect((await staff.post(`/liaison/honours/${inside.body.data.documentId}/approve`)).status).toBe(403);
    const listed = await staff.get('/liaison/honours?pageSize=200');
    expect(listed.body.data.map((h: any) => h.alumnus.name)).toEqual(['孙本院']);
  });
});

describe('the public honour roll (GET /api/liaison/honours)', () => {
  const YEAR = 2084;
  let net: Awaited<ReturnType<typeof gradedClass>>;
  beforeAll(async () => {
    net = await gradedClass(YEAR, [
      { name: '吴公开', score: 100 },
      { name: '郑保密', score: 100, publish: false },
    ]);
    for (const alumnus of net.alumni) {
      const res = await api.post('/liaison/honours').send({
        cycle: net.cycle,
        alumnus: alumnus.documentId,
        kind: 'title',
        title: `${YEAR}年度优秀校友联络员`,
      });
      await api.post(`/liaison/honours/${res.body.data.documentId}/approve`);
    }
  });

  it('shows awarded honours of consenting alumni, with public fields only, without signing in', async () => {
    const res = await http().get(`/api/liaison/honours?year=${YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        name: '吴公开',
        kind: 'title',
        title: `${YEAR}年度优秀校友联络员`,
        year: YEAR,
        dimension: 'cohort',
        scope: expect.stringContaining('临床医学班'),
      },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/13800000000|@example\.com|studentNo|email|phone/);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 1 });
  });

  it('takes a person off the roll at once when they withdraw consent to publication', async () => {
    await docs('plugin::liaison.alumnus').update({
      documentId: net.alumni[0].documentId,
      data: { publishConsent: false } as any,
    });
    expect((await http().get(`/api/liaison/honours?year=${YEAR}`)).body.data).toEqual([]);
    await docs('plugin::liaison.alumnus').update({
      documentId: net.alumni[0].documentId,
      data: { publishConsent: true } as any,
    });
    expect((await http().get(`/api/liaison/honours?year=${YEAR}&dimension=cohort&locale=en`)).body.data).toHaveLength(1);
    expect((await http().get(`/api/liaison/honours?year=${YEAR}&dimension=region`)).body.data).toEqual([]);
  });

  it.each([
    ['populate=alumnus', 'populate'],
    ['populate[alumnus][fields][0]=phone', 'populate'],
    ['filters[alumnus][email][$contains]=@', 'filters'],
    ['sort=alumnus.phone', 'sort'],
    ['fields[0]=amount', 'fields'],
    ['year=twenty', 'year'],
    ['dimension=planet', 'dimension'],
    ['pageSize=1000', 'pageSize'],
    ['locale=fr', 'locale'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await http().get(`/api/liaison/honours?${query}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toContain(field);
  });
});
