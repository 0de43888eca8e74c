import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort } from '../helpers/fixtures';

/** Staff mistakes get a 4xx that names the field; none of them is a 500, and none writes anything. */
let staff: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  staff = withToken(await adminToken());
});
afterAll(teardownStrapi);

const POSTS = 'plugin::liaison.liaison';
const count = () => strapiApp().db.query(POSTS as any).count();

it.each([
  ['an unknown dimension', { dimension: 'planet' }, 'dimension'],
  ['a date that is not a date', { termStart: 'next tuesday' }, 'termStart'],
  ['a missing term start', { termStart: null }, 'termStart'],
  ['an unknown status', { postStatus: 'promoted' }, 'postStatus'],
])('a post with %s is refused with 400 on that field', async (_label, override, field) => {
  const alumnus = await makeAlumnus();
  const cohort = await makeCohort();
  const before = await count();
  const res = await staff.post(`${CM}/${POSTS}`).send({
    alumnus: { connect: [{ documentId: alumnus.documentId }] },
    cohort: { connect: [{ documentId: cohort.documentId }] },
    dimension: 'cohort',
    termStart: '2024-01-01',
    ...override,
  });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body.error)).toContain(field);
  expect(await count()).toBe(before);
});

it('a relation to a record that does not exist is refused with a 4xx, not a 500', async () => {
  const alumnus = await makeAlumnus();
  const before = await count();
  const res = await staff.post(`${CM}/${POSTS}`).send({
    alumnus: { connect: [{ documentId: alumnus.documentId }] },
    cohort: { connect: [{ documentId: 'doesnotexist000000000000' }] },
    dimension: 'cohort',
    termStart: '2024-01-01',
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await count()).toBe(before);
});

it('an e-mail that is not an e-mail is refused with 400 on email', async () => {
  const res = await staff.post(`${CM}/plugin::liaison.alumnus`).send({ name: '赵磊', studentNo: unique('S'), email: 'not-an-email' });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0].path).toEqual(['email']);
});

it('an unknown record is a 404', async () => {
  const res = await staff.get(`${CM}/${POSTS}/doesnotexist000000000000`);
  expect(res.status).toBe(404);
});

/**
 * The public API and the appraisal results: each of these answered 500 (issue 13 §1.10).
 * Every one is a 400 that names the parameter, in Strapi's error shape.
 */
const pathsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const HUGE = '288230376151711745';

describe('bad public queries are a 400 naming the parameter, never a 500', () => {
  it.each([
    ['/api/stories?fields=constructor', 'fields'],
    ['/api/stories?fields=__proto__', 'fields'],
    ['/api/stories?fields=title,toString', 'fields'],
    ['/api/stories?sort=constructor', 'sort'],
    ['/api/stories?populate=hasOwnProperty', 'populate[hasOwnProperty]'],
    ['/api/stories?populate[cover][fields]=constructor', 'populate[cover][fields]'],
    ['/api/stories/%00', 'idOrSlug'],
    ['/api/events/%00?locale=en', 'idOrSlug'],
    ['/api/stories?filters[title][$eq]=%00', 'filters[title][$eq]'],
    ['/api/stories?filters[title]=a%00b', 'filters[title]'],
    ['/api/stories?filters[chapters][name][$in][0]=%00', 'filters[chapters][name][$in][0]'],
    ['/api/stories?filters[tags][$contains]=%00', 'filters[tags][$contains]'],
    [`/api/stories?filters[title][$contains]=${'x'.repeat(501)}`, 'filters[title][$contains]'],
    ['/api/liaison/chapters?country=%00', 'country'],
    ['/api/liaison/chapters?city[0]=a', 'city'],
    ['/api/events.ics?chapter=%00', 'chapter'],
    ['/api/events?filters[startsAt][$eq]=notadate', 'filters[startsAt][$eq]'],
    ['/api/events?filters[startsAt][$gte]=2027-02-30', 'filters[startsAt][$gte]'],
    ['/api/events?filters[startsAt][$contains]=20', 'filters[startsAt][$contains]'],
    ['/api/events?filters[startsAt][$between][0]=2027-01-01', 'filters[startsAt][$between]'],
    ['/api/events?filters[capacity][$eq]=abc', 'filters[capacity][$eq]'],
    ['/api/events?filters[capacity][$gt]=99999999999', 'filters[capacity][$gt]'],
    ['/api/events?filters[capacity][$startsWith]=1', 'filters[capacity][$startsWith]'],
    ['/api/events?filters[endsAt][$null]=maybe', 'filters[endsAt][$null]'],
    ['/api/events?timeframe=%00', 'timeframe'],
    [`/api/stories?pagination[page]=${HUGE}&pagination[pageSize]=100`, 'pagination[page]'],
    [`/api/events?pagination[page]=${HUGE}&pagination[pageSize]=100`, 'pagination[page]'],
    [`/api/stories?pagination[start]=${HUGE}`, 'pagination[start]'],
    [`/api/liaison/chapters?page=${HUGE}&pageSize=100`, 'page'],
    [`/api/liaison/honours?page=${HUGE}&pageSize=100`, 'page'],
    ['/api/liaison/honours?year=%00', 'year'],
  ])('%s → 400 naming %s', async (url, path) => {
    const res = await http().get(url);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(pathsOf(res.body)).toContain(path);
  });

  it.each([
    '/api/stories?sort=&fields=',
    '/api/stories?sort&fields&populate&locale=',
    '/api/stories?pagination[pageSize]=&pagination[page]=',
    '/api/stories?populate=*,cover',
    '/api/events?timeframe=&filters=',
    '/api/liaison/chapters?pageSize=&page=&country=',
    '/api/liaison/honours?dimension=&year=&pageSize=',
    '/api/events.ics?chapter=&locale=',
    `/api/liaison/chapters?pageSize=${HUGE}`,
  ])('%s (empty values mean "left out", as the OpenAPI document allows) → 200', async (url) => {
    const res = await http().get(url);
    expect(res.status).toBe(200);
  });

  it('takes $null and $notNull as true or false (the word false used to mean true)', async () => {
    const slug = unique('ends');
    await strapiApp().documents('plugin::liaison.event').create({
      data: { title: 'ends', slug, type: 'lecture', venue: '礼堂', startsAt: '2031-05-01T09:00:00.000Z', endsAt: '2031-05-01T11:00:00.000Z' } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
    const slugs = async (query: string) => (await http().get(`/api/events?filters[slug][$eq]=${slug}&${query}`)).body.data.map((e: any) => e.slug);
    expect(await slugs('filters[endsAt][$null]=false')).toEqual([slug]);
    expect(await slugs('filters[endsAt][$null]=true')).toEqual([]);
    expect(await slugs('filters[endsAt][$notNull]=false')).toEqual([]);
    expect(await slugs('filters[startsAt][$between][0]=2031-05-01&filters[startsAt][$between][1]=2031-05-02')).toEqual([slug]);
    expect(await slugs('filters[startsAt][$lt]=2031-05-01T10:00:00%2B08:00')).toEqual([]);
  });
});

describe('methods: 405 with the route’s methods in Allow, OPTIONS lists them, CORS preflight untouched', () => {
  const PUBLIC: [string, string][] = [
    ['/api/stories', 'GET'],
    ['/api/stories/some-story', 'GET'],
    ['/api/events', 'GET'],
    ['/api/events/some-event', 'GET'],
    ['/api/events.ics', 'GET'],
    ['/api/openapi.json', 'GET'],
    ['/api/liaison/chapters', 'GET'],
    ['/api/liaison/honours', 'GET'],
    ['/api/liaison/unsubscribe', 'GET'],
    ['/api/liaison/conduct/acknowledge', 'GET'],
  ];
  const allowOf = (res: any) => String(res.headers.allow ?? '').split(/,\s*/).filter(Boolean).sort();

  it.each(PUBLIC)('TRACE %s → 405 with Allow naming %s (it was 501)', async (path, method) => {
    const res = await http().trace(path);
    expect(res.status).toBe(405);
    expect(allowOf(res)).toContain(method);
    expect(allowOf(res)).not.toContain('TRACE');
  });

  it('Allow names exactly the methods the router has for the path', async () => {
    expect(allowOf(await http().trace('/api/stories'))).toEqual(['GET', 'HEAD', 'POST']);
    expect(allowOf(await http().trace('/api/stories/some-story'))).toEqual(['DELETE', 'GET', 'HEAD', 'PUT']);
    expect(allowOf(await http().trace('/api/events.ics'))).toEqual(['GET', 'HEAD']);
    const put = await http().put('/api/events.ics');
    expect(put.status).toBe(405);
    expect(allowOf(put)).toEqual(['GET', 'HEAD']);
  });

  it.each(PUBLIC)('a plain OPTIONS %s lists the methods', async (path, method) => {
    const res = await http().options(path);
    expect([200, 204]).toContain(res.status);
    expect(allowOf(res)).toContain(method);
  });

  it('a CORS preflight from an allowed origin is still answered by strapi::cors', async () => {
    const res = await http().options('/api/stories').set('Origin', 'http://localhost:3000').set('Access-Control-Request-Method', 'GET');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('http://localhost:3000');
    expect(res.headers['access-control-allow-methods']).toMatch(/GET/);
  });
});

describe('appraisal results: every documented sort works, others are a 400', () => {
  const YEAR = 2087;
  let cycle: string;
  let scope: string;

  beforeAll(async () => {
    const cohort = await makeCohort();
    scope = cohort.documentId;
    for (const name of ['Bravo Zhang', 'Alpha Wang']) {
      const alumnus = await makeAlumnus({ name, cohort: cohort.documentId });
      await strapiApp().documents(POSTS as any).create({
        data: { dimension: 'cohort', cohort: cohort.documentId, alumnus: alumnus.documentId, role: 'monitor', termStart: `${YEAR}-01-01`, postStatus: 'active' } as any,
      });
    }
    const res = await staff.post('/liaison/cycles').send({
      name: unique(`${YEAR}年度考核`),
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      criteria: [{ key: 'performance', kind: 'scored', weight: 100 }],
    });
    expect(res.status).toBe(201);
    cycle = res.body.data.documentId;
  });

  const names = async (sort: string) => {
    const res = await staff.get(`/liaison/cycles/${cycle}/results?dimension=cohort&scope=${scope}&sort=${sort}`);
    expect(res.status).toBe(200);
    return res.body.data.map((r: any) => r.alumnus.name);
  };

  it('sorts by name, ascending and descending (sort=name was a 500)', async () => {
    expect(await names('name')).toEqual(['Alpha Wang', 'Bravo Zhang']);
    expect(await names('-name')).toEqual(['Bravo Zhang', 'Alpha Wang']);
    for (const sort of ['rank', '-rank', 'total', '-total']) expect(await names(sort)).toHaveLength(2);
  });

  it('sorts with the admin API syntax, <column>:asc|desc', async () => {
    expect(await names('name:asc')).toEqual(['Alpha Wang', 'Bravo Zhang']);
    expect(await names('name:desc')).toEqual(['Bravo Zhang', 'Alpha Wang']);
    for (const sort of ['rank:asc', 'rank:desc', 'total:asc', 'total:desc']) expect(await names(sort)).toHaveLength(2);
  });

  it.each(['constructor', 'toString', '__proto__', 'sort[0]=rank', 'name:up', 'constructor:asc', '-name:asc', 'name:asc,rank:asc'])('refuses sort=%s with 400 naming sort', async (sort) => {
    const query = sort.includes('=') ? sort : `sort=${sort}`;
    const res = await staff.get(`/liaison/cycles/${cycle}/results?${query}`);
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['sort']);
  });
});
