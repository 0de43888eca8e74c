import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus } from '../helpers/fixtures';
import { contactCount, dayFromToday, get, network, pathsOf, post } from './helpers';

/**
 * A serving liaison's contact logs, through the HTTP API: one log per alumnus, for the post
 * whose scope holds them; outside their scopes a 404 and nothing written; their own logs only;
 * counted by the appraisal's `contacts` measure.
 */
let net: Awaited<ReturnType<typeof network>>;

beforeAll(async () => {
  await setupStrapi();
  net = await network();
}, 180000);
afterAll(teardownStrapi);

const log = (auth: Record<string, string>, body: Record<string, unknown>) => post('/api/liaison/contacts', auth, body);
const valid = () => ({ alumni: [net.li.documentId], channel: 'call', date: dayFromToday(-2), summary: '电话问候，了解近况' });

describe('POST /api/liaison/contacts', () => {
  it('logs one contact per alumnus for the liaison’s post, with the needs, and answers the logs', async () => {
    const before = await contactCount();
    const res = await log(net.classL.auth, {
      alumni: [net.li.documentId, net.wang.documentId],
      channel: 'gathering',
      date: dayFromToday(-3),
      summary: '班级聚会',
      needs: '希望学校提供校友企业招聘信息',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data.map((c: any) => c.alumnus)).toEqual([
      { documentId: net.li.documentId, name: '李振东' },
      { documentId: net.wang.documentId, name: '王芳' },
    ]);
    for (const c of res.body.data) {
      expect(c).toMatchObject({
        channel: 'gathering',
        contactedAt: `${dayFromToday(-3)}T00:00:00.000Z`,
        summary: '班级聚会',
        needs: '希望学校提供校友企业招聘信息',
        post: { documentId: net.classL.posts[0].documentId },
      });
    }
    expect(await contactCount()).toBe(before + 2);
    // Stored as staff see them in the Content Manager: linked to the post and the alumnus, labelled.
    const row = await strapiApp()
      .db.query('plugin::liaison.contact-log')
      .findOne({ where: { documentId: res.body.data[0].documentId }, populate: { liaison: true, alumnus: true } });
    expect(row).toMatchObject({ needs: '希望学校提供校友企业招聘信息', liaison: { id: net.classL.posts[0].id }, alumnus: { id: net.li.id } });
    expect(row.label).toBe(`周班长 → 李振东 · ${dayFromToday(-3)}`);
  });

  it('takes a date and time, and links each alumnus to the post whose scope holds them', async () => {
    const at = new Date(Date.now() - 3600_000).toISOString();
    const res = await log(net.regionL.auth, { alumni: [net.zhao.documentId, net.chen.documentId], channel: 'wechat', date: at, summary: '微信联络' });
    expect(res.status).toBe(201);
    const [region, industry] = net.regionL.posts;
    expect(res.body.data.map((c: any) => [c.alumnus.name, c.post.documentId, c.contactedAt])).toEqual([
      ['赵敏', industry.documentId, at],
      ['陈静', region.documentId, at],
    ]);
    // A college liaison reaches both of the college's classes.
    const college = await log(net.collegeL.auth, { ...valid(), alumni: [net.li.documentId, net.chen.documentId] });
    expect(college.status).toBe(201);
    expect(college.body.data.map((c: any) => c.post.documentId)).toEqual([net.collegeL.posts[0].documentId, net.collegeL.posts[0].documentId]);
  });

  it('refuses (404) an alumnus outside all their scopes, or unknown, naming them, and writes nothing', async () => {
    const before = await contactCount();
    const outside = await log(net.classL.auth, { ...valid(), alumni: [net.li.documentId, net.sun.documentId] });
    expect(outside.status).toBe(404);
    expect(pathsOf(outside.body)).toEqual(['alumni']);
    expect(outside.body.error.message).toContain(net.sun.documentId);
    expect(outside.body.error.message).not.toContain(net.li.documentId);
    const unknown = await log(net.classL.auth, { ...valid(), alumni: ['nosuchalumnus000000000000', net.li.documentId] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('nosuchalumnus000000000000');
    // The region liaison's chapter member is no concern of the class liaison.
    expect((await log(net.classL.auth, { ...valid(), alumni: [net.chen.documentId] })).status).toBe(404);
    expect(await contactCount()).toBe(before);
  });

  it('refuses (404) a liaison whose post ended yesterday, starts tomorrow or is only approved, and an alumnus without a post', async () => {
    const before = await contactCount();
    for (const who of [net.endedL, net.futureL, net.approvedL, net.nobody]) {
      const res = await log(who.auth, { ...valid(), alumni: [net.li.documentId], date: dayFromToday(-1) });
      expect(res.status).toBe(404);
      expect(pathsOf(res.body)).toEqual(['post']);
    }
    expect(await contactCount()).toBe(before);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const before = await contactCount();
    const many = [];
    for (let i = 0; i < 51; i++) many.push(`alumnus${i}`);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ date: dayFromToday(1) }, ['date']],
      [{ date: new Date(Date.now() + 3600_000).toISOString() }, ['date']],
      [{ date: 'yesterday' }, ['date']],
      [{ date: '2026-02-30' }, ['date']],
      [{ date: dayFromToday(-31) }, ['date']],
      [{ summary: '   ' }, ['summary']],
      [{ summary: undefined }, ['summary']],
      [{ summary: 'x'.repeat(2001) }, ['summary']],
      [{ needs: 'x'.repeat(2001) }, ['needs']],
      [{ alumni: many }, ['alumni']],
      [{ alumni: [] }, ['alumni']],
      [{ alumni: [net.li.documentId, net.li.documentId] }, ['alumni[1]']],
      [{ channel: 'fax' }, ['channel']],
      [{ label: 'x' }, ['label']],
    ];
    for (const [change, fields] of cases) {
      const res = await log(net.classL.auth, { ...valid(), ...change });
      expect([change, res.status, pathsOf(res.body)]).toEqual([change, 400, fields]);
    }
    expect(await contactCount()).toBe(before);
    const zh = await log(net.classL.auth, { ...valid(), date: dayFromToday(-31) }).set('Accept-Language', 'zh-Hans');
    expect(zh.body.error.message).toContain('早于您负责李振东的岗位任期开始日期');
  });
});

describe('GET /api/liaison/contacts', () => {
  it('lists their own logs, newest first, and never another liaison’s', async () => {
    const mine = await log(net.collegeL.auth, { ...valid(), alumni: [net.shan.documentId], date: dayFromToday(-20), summary: '走访' });
    expect(mine.status).toBe(201);
    const res = await get('/api/liaison/contacts', net.collegeL.auth);
    expect(res.status).toBe(200);
    const dates = res.body.data.map((c: any) => c.contactedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(res.body.data.every((c: any) => c.post.documentId === net.collegeL.posts[0].documentId)).toBe(true);
    expect(res.body.data.find((c: any) => c.alumnus.name === '单雄')).toMatchObject({ summary: '走访', needs: null, channel: 'call' });
    const total = res.body.meta.pagination.total;
    // The class liaison's logs name the same alumni, and are not among them.
    const theirs = await get('/api/liaison/contacts?pageSize=100', net.classL.auth);
    const ids = new Set(res.body.data.map((c: any) => c.documentId));
    expect(theirs.body.data.length).toBeGreaterThan(0);
    expect(theirs.body.data.some((c: any) => ids.has(c.documentId))).toBe(false);
    expect(theirs.body.data.every((c: any) => c.post.documentId === net.classL.posts[0].documentId)).toBe(true);
    // Pages.
    const first = await get('/api/liaison/contacts?pageSize=1', net.collegeL.auth);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 1, total, pageCount: total });
    const beyond = await get(`/api/liaison/contacts?page=${total + 1}&pageSize=1`, net.collegeL.auth);
    expect(beyond.body).toEqual({ data: [], meta: { pagination: { page: total + 1, pageSize: 1, total, pageCount: total } } });
  });

  it('includes the logs of posts they held, and nothing else with no posts at all', async () => {
    // A log staff wrote for the ended post while it was in office.
    const staffLog = await strapiApp()
      .documents('plugin::liaison.contact-log')
      .create({ data: { liaison: net.endedL.posts[0].documentId, alumnus: net.li.documentId, channel: 'visit', contactedAt: `${dayFromToday(-100)}T02:00:00.000Z`, summary: '上门拜访' } as any });
    const res = await get('/api/liaison/contacts', net.endedL.auth);
    expect(res.status).toBe(200);
    expect(res.body.data.map((c: any) => c.documentId)).toEqual([staffLog.documentId]);
    expect((await get('/api/liaison/contacts', net.nobody.auth)).body).toEqual({ data: [], meta: { pagination: { page: 1, pageSize: 25, total: 0, pageCount: 0 } } });
  });

  it('refuses other parameters', async () => {
    for (const [query, field] of [['sort=contactedAt', 'sort'], ['filters[liaison][id]=1', 'filters'], ['pageSize=500', 'pageSize']]) {
      const res = await get(`/api/liaison/contacts?${query}`, net.classL.auth);
      expect([query, res.status, pathsOf(res.body)]).toEqual([query, 400, [field]]);
    }
  });
});

describe('the appraisal counts the logged contacts', () => {
  it('in the contacts measure of a cycle over the period', async () => {
    // A class of its own, so that the cycle's results for it hold this liaison only.
    const { k1 } = net;
    const mate = await makeAlumnus({ name: '钱同学', cohort: k1.documentId });
    const before = await get('/api/liaison/contacts?pageSize=100', net.classL.auth);
    const res = await log(net.classL.auth, { ...valid(), alumni: [mate.documentId, net.shan.documentId], date: dayFromToday(0) });
    expect(res.status).toBe(201);
    const logged = before.body.meta.pagination.total + 2;
    const api = withToken(await adminToken());
    const cycle = await api.post('/liaison/cycles').send({
      name: unique('联络考核'),
      periodStart: dayFromToday(-60),
      periodEnd: dayFromToday(0),
      criteria: [{ key: 'contacts', kind: 'measured', measure: 'contacts', weight: 100 }],
    });
    expect(cycle.status).toBe(201);
    const results = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/results?dimension=cohort&scope=${k1.documentId}`);
    expect(results.status).toBe(200);
    const row = results.body.data.find((r: any) => r.post.documentId === net.classL.posts[0].documentId);
    expect(row.measures).toEqual({ contacts: logged });
  });
});
