import { setupStrapi, teardownStrapi, strapiApp, http, adminToken, withToken, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';

/**
 * A small network whose every number can be counted by hand (today = the real date):
 *
 * college X: cohorts K1 (1995), K2 (2008), K3 (2012)
 *   K1: a1 a2 a3 a4 (+ a5 deceased, never counted)   K2: b1 b2 b3   K3: c1 c2
 * places: P1 (a province) 甲市 has chapter CH1; P2 has a province-wide chapter CH2;
 *         country FY has chapter CH3; country FX has none.
 *   a1 P1/甲市 CH1 I1   a2 P1/乙市 CH1 I1   a3 P1/乙市 – I2   a4 FX – –   a5† P1/乙市 CH1 I1
 *   b1 P2/丙市 CH2 I2   b2 FX – I2          b3 FY CH3 –
 *   c1 P1/乙市 CH1 –    c2 FX – I1
 * posts:
 *   K1: active (ends in 30 days), nominated        K2: approved (starts in 10 days); override 3 posts
 *   K3: active (ends in 200 days), active (no end), ended, rejected
 *   X: active (ends in 59 days), nominated          CH1: active (ends in 61 days)   CH3: nominated
 *   I1: active                                      CH2, I2: none
 * defaults: cohort: none stored (built-in 2); college: built-in 3; region: stored '*' = 4; industry: built-in 3
 */
jest.setTimeout(120000);

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const Q = 'plugin::liaison.quota';

let token: string;
const net: Record<string, any> = {};
const createdQuotas: number[] = [];

async function adminWithRole(roleName: string) {
  const app = strapiApp();
  const role = await app.service('admin::role').findOne({ name: roleName });
  const email = `${unique('u').toLowerCase()}@liaison.test`;
  const password = 'Staff-Pass-2026';
  const user = await app.service('admin::user').create({ email, firstname: 'S', lastname: roleName, password, isActive: true, roles: [role.id] });
  const res = await http().post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return { user, token: res.body.data.token as string };
}

async function linkStaff(collegeDocumentId: string, userId: number) {
  const app = strapiApp();
  const college = await app.db.query('plugin::liaison.college').findOne({ where: { documentId: collegeDocumentId } });
  const meta: any = app.db.metadata.get('plugin::liaison.college' as any);
  const jt = meta.attributes.staff.joinTable;
  await app.db.connection(jt.name).insert({ [jt.joinColumn.name]: college.id, [jt.inverseJoinColumn.name]: userId });
}

const get = (url: string, t = token) => withToken(t).get(url);
const byName = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.scope.name, r]));

beforeAll(async () => {
  const app = await setupStrapi();
  token = await adminToken();

  // Quotas: no cohort default stored; region default 4; K2 override 3.
  await app.db.query(Q).deleteMany({ where: { scope: '*', dimension: { $in: ['cohort', 'college', 'industry'] } } });
  await app.db.query(Q).deleteMany({ where: { scope: '*', dimension: 'region' } });
  createdQuotas.push((await app.db.query(Q).create({ data: { dimension: 'region', scope: '*', posts: 4 } })).id);

  const X = await makeCollege({ name: unique('Xcol') });
  net.X = X;
  net.K1 = await makeCohort({ college: X.documentId, gradYear: 1995, className: unique('K1') });
  net.K2 = await makeCohort({ college: X.documentId, gradYear: 2008, className: unique('K2') });
  net.K3 = await makeCohort({ college: X.documentId, gradYear: 2012, className: unique('K3') });
  createdQuotas.push((await app.db.query(Q).create({ data: { dimension: 'cohort', scope: net.K2.documentId, posts: 3 } })).id);

  net.P1 = unique('省一');
  net.P2 = unique('省二');
  net.FX = unique('FX');
  net.FY = unique('FY');
  net.CH1 = await makeChapter({ name: unique('CH1'), country: 'CN', province: net.P1, city: '甲市' });
  net.CH2 = await makeChapter({ name: unique('CH2'), country: 'CN', province: net.P2, city: null });
  net.CH3 = await makeChapter({ name: unique('CH3'), country: net.FY, province: null, city: null });
  net.I1 = await makeIndustry({ name: unique('I1') });
  net.I2 = await makeIndustry({ name: unique('I2') });

  const person = (name: string, cohort: any, place: [string, string | null, string | null], chapter?: any, industry?: any, extra = {}) =>
    makeAlumnus({
      name,
      cohort: cohort.documentId,
      country: place[0],
      province: place[1],
      city: place[2],
      chapter: chapter?.documentId ?? null,
      industry: industry?.documentId ?? null,
      ...extra,
    });
  const P1a: [string, string, string] = ['CN', net.P1, '甲市'];
  const P1b: [string, string, string] = ['CN', net.P1, '乙市'];
  net.a1 = await person('a1', net.K1, P1a, net.CH1, net.I1);
  net.a2 = await person('a2', net.K1, P1b, net.CH1, net.I1);
  net.a3 = await person('a3', net.K1, P1b, null, net.I2);
  net.a4 = await person('a4', net.K1, [net.FX, null, null]);
  net.a5 = await person('a5', net.K1, P1b, net.CH1, net.I1, { alumnusStatus: 'deceased' });
  net.b1 = await person('b1', net.K2, ['CN', net.P2, '丙市'], net.CH2, net.I2);
  net.b2 = await person('b2', net.K2, [net.FX, null, null], null, net.I2);
  net.b3 = await person('b3', net.K2, [net.FY, null, null], net.CH3);
  net.c1 = await person('c1', net.K3, P1b, net.CH1);
  net.c2 = await person('c2', net.K3, [net.FX, null, null], null, net.I1);

  const post = (data: Record<string, unknown>) => makePost({ termStart: day(-100), ...data });
  await post({ alumnus: net.a1.documentId, cohort: net.K1.documentId, termEnd: day(30) });
  await post({ alumnus: net.a2.documentId, cohort: net.K1.documentId, postStatus: 'nominated', role: 'league_secretary' });
  await post({ alumnus: net.b1.documentId, cohort: net.K2.documentId, postStatus: 'approved', termStart: day(10), termEnd: day(400) });
  await post({ alumnus: net.c1.documentId, cohort: net.K3.documentId, termEnd: day(200) });
  await post({ alumnus: net.c2.documentId, cohort: net.K3.documentId, role: 'league_secretary' });
  await post({ alumnus: net.a1.documentId, cohort: net.K3.documentId, postStatus: 'ended', termEnd: day(-10), endReason: 'resigned' });
  await post({ alumnus: net.a2.documentId, cohort: net.K3.documentId, postStatus: 'rejected' });
  const college = { dimension: 'college', college: net.X.documentId, role: 'member' };
  await post({ ...college, alumnus: net.a3.documentId, termEnd: day(59) });
  await post({ ...college, alumnus: net.b2.documentId, postStatus: 'nominated' });
  await post({ dimension: 'region', chapter: net.CH1.documentId, role: 'head', alumnus: net.a1.documentId, termEnd: day(61) });
  await post({ dimension: 'region', chapter: net.CH3.documentId, role: 'head', alumnus: net.b3.documentId, postStatus: 'nominated' });
  await post({ dimension: 'industry', industry: net.I1.documentId, role: 'head', alumnus: net.a2.documentId, nominationReason: 'leads the sector' });
});

afterAll(async () => {
  await strapiApp().db.query(Q).deleteMany({ where: { id: { $in: createdQuotas } } });
  await teardownStrapi();
});

describe('GET /liaison/coverage', () => {
  it('counts each cohort of a college: alumni, posts, active, vacancies, pending, ending, alumni per liaison', async () => {
    const res = await get(`/liaison/coverage?dimension=cohort&college=${net.X.documentId}`);
    expect(res.status).toBe(200);
    const rows = byName(res.body.data);
    expect(rows[net.K1.className]).toEqual({
      scope: { documentId: net.K1.documentId, name: net.K1.className },
      alumni: 4, posts: 2, active: 1, vacancies: 1, pending: 1, provisional: expect.any(Number), ending: 1, perLiaison: 4,
    });
    // An approved post starting later is not active, but takes a post: 3 - 0 - 1 = 2 free.
    expect(rows[net.K2.className]).toMatchObject({ alumni: 3, posts: 3, active: 0, vacancies: 2, pending: 0, ending: 0, perLiaison: null });
    // Ended and rejected posts count for nothing.
    expect(rows[net.K3.className]).toMatchObject({ alumni: 2, posts: 2, active: 2, vacancies: 0, pending: 0, ending: 0, perLiaison: 1 });
    expect(res.body.meta.totals).toEqual({ alumni: 9, posts: 7, active: 3, vacancies: 3, pending: 1, provisional: expect.any(Number), ending: 1 });
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 3 });
    // Default order: worst gaps first (most vacancies, then most alumni).
    expect(res.body.data.map((r: any) => r.scope.name)).toEqual([net.K2.className, net.K1.className, net.K3.className]);
  });

  it('counts a college through its cohorts, and its own posts', async () => {
    const res = await get(`/liaison/coverage?dimension=college&college=${net.X.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      { scope: { documentId: net.X.documentId, name: net.X.name }, alumni: 9, posts: 3, active: 1, vacancies: 2, pending: 1, provisional: expect.any(Number), ending: 1, perLiaison: 9 },
    ]);
    expect(res.body.meta.pagination.total).toBe(1);
  });

  it('counts a chapter by its members, with the stored default number of posts', async () => {
    const res = await get(`/liaison/coverage?dimension=region&country=CN&province=${encodeURIComponent(net.P1)}`);
    expect(res.status).toBe(200);
    // Only chapters in P1: CH1. Members a1 a2 c1 (a5 is deceased); an active term ending in 61 days is not "ending".
    expect(res.body.data).toEqual([
      { scope: { documentId: net.CH1.documentId, name: net.CH1.name }, alumni: 3, posts: 4, active: 1, vacancies: 3, pending: 0, provisional: expect.any(Number), ending: 0, perLiaison: 3 },
    ]);
    const abroad = await get(`/liaison/coverage?dimension=region&country=${net.FY}`);
    expect(abroad.body.data).toEqual([
      { scope: { documentId: net.CH3.documentId, name: net.CH3.name }, alumni: 1, posts: 4, active: 0, vacancies: 4, pending: 1, provisional: expect.any(Number), ending: 0, perLiaison: null },
    ]);
  });

  it('filtered by a college, the region and industry dimensions count only its alumni, and only the scopes they are in', async () => {
    const region = await get(`/liaison/coverage?dimension=region&college=${net.X.documentId}&sort=name:asc`);
    expect(region.status).toBe(200);
    expect(region.body.data.map((r: any) => [r.scope.name, r.alumni])).toEqual(
      [[net.CH1.name, 3], [net.CH2.name, 1], [net.CH3.name, 1]].sort((a: any, b: any) => (a[0] < b[0] ? -1 : 1))
    );
    expect(region.body.meta.totals).toEqual({ alumni: 5, posts: 12, active: 1, vacancies: 11, pending: 1, provisional: expect.any(Number), ending: 0 });

    const industry = await get(`/liaison/coverage?dimension=industry&college=${net.X.documentId}`);
    const rows = byName(industry.body.data);
    expect(Object.keys(rows).sort()).toEqual([net.I1.name, net.I2.name].sort());
    expect(rows[net.I1.name]).toMatchObject({ alumni: 3, posts: 3, active: 1, vacancies: 2, pending: 0, perLiaison: 3 });
    expect(rows[net.I2.name]).toMatchObject({ alumni: 3, posts: 3, active: 0, vacancies: 3, perLiaison: null });
  });

  it('filters by graduation years, by where alumni live, and by sector (code or documentId)', async () => {
    const years = await get(`/liaison/coverage?dimension=cohort&college=${net.X.documentId}&yearFrom=2000&yearTo=2010`);
    expect(years.body.data.map((r: any) => r.scope.name)).toEqual([net.K2.className]);

    const college = await get(`/liaison/coverage?dimension=college&college=${net.X.documentId}&yearFrom=2000`);
    expect(college.body.data[0].alumni).toBe(5); // K2 and K3

    const abroad = await get(`/liaison/coverage?dimension=cohort&college=${net.X.documentId}&country=${net.FX}&sort=name:asc`);
    // a4 (K1), b2 (K2), c2 (K3): each cohort keeps its posts, counts one alumnus.
    expect(abroad.body.data.map((r: any) => r.alumni)).toEqual([1, 1, 1]);
    expect(abroad.body.meta.totals.posts).toBe(7);

    const province = await get(`/liaison/coverage?dimension=cohort&college=${net.X.documentId}&country=CN&province=${encodeURIComponent(net.P1)}`);
    // a1 a2 a3 in K1, c1 in K3; K2 has nobody in P1 and is left out.
    expect(Object.fromEntries(province.body.data.map((r: any) => [r.scope.name, r.alumni]))).toEqual({ [net.K1.className]: 3, [net.K3.className]: 1 });

    const sector = await get(`/liaison/coverage?dimension=cohort&college=${net.X.documentId}&sector=${net.I1.code}`);
    expect(Object.fromEntries(sector.body.data.map((r: any) => [r.scope.name, r.alumni]))).toEqual({ [net.K1.className]: 2, [net.K3.className]: 1 });

    const group = await get(`/liaison/coverage?dimension=industry&sector=${net.I2.documentId}`);
    expect(group.body.data).toHaveLength(1);
    expect(group.body.data[0]).toMatchObject({ scope: { documentId: net.I2.documentId }, alumni: 3 });
  });

  it('sorts by the name and by every number column, both ways, and pages', async () => {
    const base = `/liaison/coverage?dimension=cohort&college=${net.X.documentId}`;
    const order = async (sort: string) => (await get(`${base}&sort=${sort}`)).body.data.map((r: any) => r.scope.name);
    const [K1, K2, K3] = [net.K1.className, net.K2.className, net.K3.className];
    expect(await order('name:asc')).toEqual([K1, K2, K3]);
    expect(await order('name:desc')).toEqual([K3, K2, K1]);
    expect(await order('alumni:desc')).toEqual([K1, K2, K3]);
    expect(await order('alumni:asc')).toEqual([K3, K2, K1]);
    expect(await order('posts:desc,name:asc')).toEqual([K2, K1, K3]);
    expect(await order('active:desc')).toEqual([K3, K1, K2]);
    expect(await order('vacancies:asc')).toEqual([K3, K1, K2]);
    expect(await order('pending:desc,name:desc')).toEqual([K1, K3, K2]);
    expect(await order('ending:desc,name:desc')).toEqual([K1, K3, K2]);
    // Alumni per liaison: none (no liaison at all) is the worst, above any number.
    expect(await order('perLiaison:desc')).toEqual([K2, K1, K3]);
    expect(await order('perLiaison:asc')).toEqual([K3, K1, K2]);

    const page2 = await get(`${base}&sort=name:asc&page=2&pageSize=2`);
    expect(page2.body.data.map((r: any) => r.scope.name)).toEqual([K3]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    // Totals are the whole list's, whatever the page.
    expect(page2.body.meta.totals.alumni).toBe(9);
    const beyond = await get(`${base}&page=9&pageSize=2`);
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.totals.alumni).toBe(9);
    expect(beyond.body.meta.pagination.total).toBe(3);
  });

  it.each([
    ['', 'dimension'],
    ['dimension=planet', 'dimension'],
    ['dimension=cohort&sort=age:asc', 'sort'],
    ['dimension=cohort&sort=name:up', 'sort'],
    ['dimension=cohort&page=0', 'page'],
    ['dimension=cohort&page=two', 'page'],
    ['dimension=cohort&pageSize=501', 'pageSize'],
    ['dimension=cohort&yearFrom=19x5', 'yearFrom'],
    ['dimension=cohort&yearFrom=2010&yearTo=2000', 'yearTo'],
    ['dimension=cohort&college=nope', 'college'],
    ['dimension=cohort&sector=nope', 'sector'],
    ['dimension=cohort&country=CN&country=FR', 'country'],
  ])('refuses ?%s with 400 naming %s', async (query, path) => {
    const res = await get(`/liaison/coverage?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors.map((e: any) => e.path.join('.'))).toContain(path);
  });
});

describe('GET /liaison/coverage/summary', () => {
  it('totals each dimension, reach, the worst gaps and where to found the next chapter', async () => {
    const res = await get(`/liaison/coverage/summary?college=${net.X.documentId}`);
    expect(res.status).toBe(200);
    const { dimensions, reach, reachGrid, worstGaps, nextChapters } = res.body.data;
    const dims = Object.fromEntries(dimensions.map((d: any) => [d.dimension, d]));
    expect(dims.cohort).toMatchObject({ scopes: 3, covered: 2, posts: 7, active: 3, vacancies: 3, pending: 1, ending: 1 });
    expect(dims.college).toMatchObject({ scopes: 1, covered: 1, posts: 3, active: 1, vacancies: 2, pending: 1, ending: 1 });
    expect(dims.region).toMatchObject({ scopes: 3, covered: 1, posts: 12, active: 1, vacancies: 11, pending: 1, ending: 0 });
    expect(dims.industry).toMatchObject({ scopes: 2, covered: 1, posts: 6, active: 1, vacancies: 5, pending: 0, ending: 0 });

    // cohort: K1 and K3 have active liaisons → a1 a2 a3 a4 c1 c2 = 6; college X: all 9;
    // region: members of CH1 (a1 a2 c1) = 3; industry I1: a1 a2 c2 = 3; nobody is without one.
    expect(reach).toMatchObject({ alumni: 9, cohort: 6, college: 9, region: 3, industry: 3, any: 9, none: 0 });
    expect(reach.shares).toMatchObject({ cohort: 0.6667, college: 1, region: 0.3333, industry: 0.3333, any: 1, none: 0 });
    expect(reachGrid).toEqual([
      { college: { documentId: net.X.documentId, name: net.X.name }, decade: 1990, alumni: 4, reached: 4, share: 1 },
      { college: { documentId: net.X.documentId, name: net.X.name }, decade: 2000, alumni: 3, reached: 3, share: 1 },
      { college: { documentId: net.X.documentId, name: net.X.name }, decade: 2010, alumni: 2, reached: 2, share: 1 },
    ]);

    // Uncovered scopes with alumni, most alumni first: K2 (3), I2 (3), CH2 (1), CH3 (1).
    // Ties: cohort, college, region, industry order, then the scope's age.
    expect(worstGaps.map((g: any) => [g.dimension, g.scope.documentId, g.alumni])).toEqual([
      ['cohort', net.K2.documentId, 3],
      ['industry', net.I2.documentId, 3],
      ['region', net.CH2.documentId, 1],
      ['region', net.CH3.documentId, 1],
    ]);
    expect(worstGaps[0]).toMatchObject({ vacancies: 2, posts: 3, active: 0, perLiaison: null });

    // P1/乙市 (a2 a3 c1) has no chapter (CH1 is 甲市's); FX abroad (a4 b2 c2) neither;
    // P2/丙市 is covered by P2's province-wide chapter, P1/甲市 by CH1, FY by CH3.
    expect(nextChapters).toEqual(
      [
        { country: 'CN', province: net.P1, city: '乙市', alumni: 3 },
        { country: net.FX, province: null, city: null, alumni: 3 },
      ].sort((a, b) => (a.country < b.country ? -1 : 1))
    );
  });

  it('narrows reach to the filters, and counts those with no liaison in any dimension', async () => {
    const res = await get(`/liaison/coverage/summary?college=${net.X.documentId}&yearFrom=2000&yearTo=2009`);
    expect(res.status).toBe(200);
    // K2 only: b1 b2 b3; college X covers all three; K2 has no active liaison, b1's CH2 none, b2's I2 none.
    expect(res.body.data.reach).toMatchObject({ alumni: 3, cohort: 0, college: 3, region: 0, industry: 0, none: 0 });
    expect(res.body.data.reachGrid).toHaveLength(1);
  });

  it('refuses bad filters with 400 naming them', async () => {
    const res = await get(`/liaison/coverage/summary?yearFrom=1800`);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path).toEqual(['yearFrom']);
    const college = await get(`/liaison/coverage/summary?college=missing`);
    expect(college.status).toBe(400);
    expect(college.body.error.details.errors[0].path).toEqual(['college']);
  });
});

describe('GET /liaison/coverage/options', () => {
  it('offers the countries and provinces alumni live in, and the industry groups by code, for the board’s pickers', async () => {
    const res = await get('/liaison/coverage/options');
    expect(res.status).toBe(200);
    const { countries, provinces, sectors } = res.body.data;
    expect(countries).toEqual(expect.arrayContaining(['CN', net.FX, net.FY]));
    expect(new Set(countries).size).toBe(countries.length);
    expect(provinces).toEqual(expect.arrayContaining([{ country: 'CN', province: net.P1 }, { country: 'CN', province: net.P2 }]));
    expect(provinces.filter((p: any) => p.country === net.FX)).toEqual([]);
    expect(sectors).toEqual(
      expect.arrayContaining([
        { documentId: net.I1.documentId, code: net.I1.code, name: net.I1.name, nameEn: null },
        expect.objectContaining({ documentId: net.I2.documentId, code: net.I2.code }),
      ])
    );
    // What it offers is what the filters take.
    expect((await get(`/liaison/coverage?dimension=cohort&country=${net.FX}&sector=${net.I1.code}`)).status).toBe(200);
  });
});

describe('who may read coverage', () => {
  it('College Staff see only their own colleges; other colleges are refused', async () => {
    const staff = await adminWithRole('College Staff');
    await linkStaff(net.X.documentId, staff.user.id);
    const other = await makeCollege({ name: unique('Ycol') });
    const otherCohort = await makeCohort({ college: other.documentId, gradYear: 1995 });
    await makeAlumnus({ cohort: otherCohort.documentId, chapter: net.CH1.documentId });

    const cohorts = await get('/liaison/coverage?dimension=cohort&pageSize=500', staff.token);
    expect(cohorts.status).toBe(200);
    expect(cohorts.body.data.map((r: any) => r.scope.documentId).sort()).toEqual(
      [net.K1.documentId, net.K2.documentId, net.K3.documentId].sort()
    );
    const colleges = await get('/liaison/coverage?dimension=college', staff.token);
    expect(colleges.body.data.map((r: any) => r.scope.documentId)).toEqual([net.X.documentId]);
    // Regions count only their colleges' alumni: CH1 has 3 of X's, not the other college's member.
    const regions = await get('/liaison/coverage?dimension=region&pageSize=500', staff.token);
    expect(byName(regions.body.data)[net.CH1.name].alumni).toBe(3);
    expect(regions.body.meta.totals.alumni).toBe(5);

    const summary = await get('/liaison/coverage/summary', staff.token);
    expect(summary.status).toBe(200);
    expect(summary.body.data.reach.alumni).toBe(9);

    const refused = await get(`/liaison/coverage?dimension=cohort&college=${other.documentId}`, staff.token);
    expect(refused.status).toBe(403);
    const refusedSummary = await get(`/liaison/coverage/summary?college=${other.documentId}`, staff.token);
    expect(refusedSummary.status).toBe(403);

    // The whole network, for the office: the other college's member is counted in CH1.
    const all = await get(`/liaison/coverage?dimension=region&country=CN&province=${encodeURIComponent(net.P1)}`);
    expect(all.body.data[0].alumni).toBe(4);
  });

  it('College Staff of no college see nothing', async () => {
    const staff = await adminWithRole('College Staff');
    const res = await get('/liaison/coverage?dimension=cohort', staff.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([]);
    expect(res.body.meta.pagination.total).toBe(0);
    const summary = await get('/liaison/coverage/summary', staff.token);
    expect(summary.body.data.reach.alumni).toBe(0);
  });

  it('403 without the read-coverage permission, 401 without a token', async () => {
    const editor = await adminWithRole('Chapter Editor');
    expect((await get('/liaison/coverage?dimension=cohort', editor.token)).status).toBe(403);
    expect((await get('/liaison/coverage/summary', editor.token)).status).toBe(403);
    expect((await get('/liaison/coverage/options', editor.token)).status).toBe(403);
    expect((await http().get('/liaison/coverage?dimension=cohort')).status).toBe(401);
  });
});

describe('the overview and the board', () => {
  it('count the same scopes and the same covered ones in every dimension: a dissolved chapter is in neither', async () => {
    // A dissolved chapter whose last team ended, and a dormant one without a team.
    const gone = await makeChapter({ name: unique('撤销校友会'), chapterStatus: 'dissolved' });
    await makeChapter({ name: unique('休眠校友会'), chapterStatus: 'dormant' });
    await makePost({ dimension: 'region', chapter: gone.documentId, role: 'head', termStart: day(-900), termEnd: day(-400), postStatus: 'ended', endReason: 'term_over' });

    const overview = await get('/liaison/overview');
    const board = await get('/liaison/coverage/summary');
    expect(overview.status).toBe(200);
    expect(board.status).toBe(200);
    const boardDims = Object.fromEntries(board.body.data.dimensions.map((d: any) => [d.dimension, d]));
    for (const d of overview.body.data.dimensions) {
      expect([d.dimension, d.scopes, d.covered, d.activePosts]).toEqual([
        d.dimension,
        boardDims[d.dimension].scopes,
        boardDims[d.dimension].covered,
        boardDims[d.dimension].active,
      ]);
    }
    // The dissolved chapter is not a scope; the dormant one is.
    const chapters = await strapiApp().db.query('plugin::liaison.chapter').findMany({ select: ['chapterStatus'] });
    const region = overview.body.data.dimensions.find((d: any) => d.dimension === 'region');
    expect(region.scopes).toBe(chapters.filter((c: any) => c.chapterStatus !== 'dissolved').length);
    expect(region.scopes).toBeLessThan(chapters.length);
  });
});
