import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { dayFromToday, get, network, pathsOf } from './helpers';

/**
 * A serving liaison's view of their posts and their scopes' alumni, through the HTTP API:
 * rights follow the posts in office today; contact details and work only of those who
 * consented; never a student number; no filter or sort on what they may not read.
 */
let net: Awaited<ReturnType<typeof network>>;

beforeAll(async () => {
  await setupStrapi();
  net = await network();
}, 180000);
afterAll(teardownStrapi);

const names = (body: any) => body.data.map((a: any) => a.name).sort();
const alumniOf = (auth: Record<string, string>, query = '') => get(`/api/liaison/my/alumni${query ? `?${query}` : ''}`, auth);

describe('GET /api/liaison/my/posts', () => {
  it('lists the posts in office today with their scope and how many alumni it holds', async () => {
    const res = await get('/api/liaison/my/posts', net.classL.auth);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        documentId: net.classL.posts[0].documentId,
        dimension: 'cohort',
        role: 'monitor',
        termStart: net.start,
        termEnd: null,
        scope: { kind: 'cohort', documentId: net.k1.documentId, name: net.k1.className },
        // 李振东, 王芳, 单雄, the liaison themself, the former liaison and one more classmate.
        alumni: 6,
      },
    ]);
    const region = await get('/api/liaison/my/posts', net.regionL.auth);
    expect(region.body.data.map((p: any) => [p.dimension, p.scope.documentId, p.alumni])).toEqual([
      ['region', net.chapter.documentId, 1],
      ['industry', net.industry.documentId, 1],
    ]);
    const college = await get('/api/liaison/my/posts', net.collegeL.auth);
    expect(college.body.data[0]).toMatchObject({ dimension: 'college', scope: { kind: 'college', name: net.college.name } });
    // Two classes of the college: six in the first, 陈静 and three liaisons in the second.
    expect(college.body.data[0].alumni).toBe(10);
  });

  it('answers an empty list to an alumnus with no post in office today (ended yesterday, starting tomorrow, only approved, none)', async () => {
    for (const who of [net.endedL, net.futureL, net.approvedL, net.nobody]) {
      const res = await get('/api/liaison/my/posts', who.auth);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    }
  });

  it('needs a signed-in alumnus, and takes no parameters', async () => {
    // Without a sign-in, the Public role holds no alumni route.
    expect((await get('/api/liaison/my/posts', {})).status).toBe(403);
    const res = await get('/api/liaison/my/posts?populate=*', net.classL.auth);
    expect(res.status).toBe(400);
    expect(pathsOf(res.body)).toEqual(['populate']);
  });
});

describe('GET /api/liaison/my/alumni: scopes', () => {
  it('a class liaison sees their class', async () => {
    const res = await alumniOf(net.classL.auth);
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['冯前任', '单雄', '周班长', '李振东', '王芳', '韩校友'].sort());
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 25, total: 6, pageCount: 1 });
  });

  it('a college liaison sees the alumni of all the college’s classes, and no other college’s', async () => {
    const res = await alumniOf(net.collegeL.auth);
    expect(res.body.meta.pagination.total).toBe(10);
    expect(names(res.body)).toEqual(expect.arrayContaining(['李振东', '陈静', '吴委员']));
    expect(names(res.body)).not.toContain('赵敏');
    expect(names(res.body)).not.toContain('孙丽');
  });

  it('a region and industry liaison sees their chapter’s and their industry group’s members, together or by post', async () => {
    expect(names((await alumniOf(net.regionL.auth)).body)).toEqual(['赵敏', '陈静'].sort());
    const [region, industry] = net.regionL.posts;
    expect(names((await alumniOf(net.regionL.auth, `post=${region.documentId}`)).body)).toEqual(['陈静']);
    expect(names((await alumniOf(net.regionL.auth, `post=${industry.documentId}`)).body)).toEqual(['赵敏']);
  });

  it('shows class, college and city; contact details, employer and job title only of those who consented to be contacted; never a student number', async () => {
    const res = await alumniOf(net.classL.auth);
    const li = res.body.data.find((a: any) => a.name === '李振东');
    const wang = res.body.data.find((a: any) => a.name === '王芳');
    expect(li).toEqual({
      documentId: net.li.documentId,
      name: '李振东',
      alumnusStatus: 'active',
      cohort: { className: net.k1.className, gradYear: 2015 },
      college: net.college.name,
      city: '深圳',
      employer: '华为技术有限公司',
      jobTitle: '工程师',
      contactConsent: true,
      phone: '13912345678',
      email: 'lzd@example.com',
      wechat: 'lzd_wx',
    });
    expect(wang).toMatchObject({ city: '北京', contactConsent: false, phone: null, email: null, wechat: null, employer: null, jobTitle: null });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/studentNo/);
    for (const a of [net.li, net.wang, net.shan]) expect(text).not.toContain(a.studentNo as string);
    for (const secret of ['13987654321', 'wf@example.com', 'wf_wx', '保密科技有限公司', '总监']) expect(text).not.toContain(secret);
  });
});

describe('GET /api/liaison/my/alumni: rights follow the posts in office today', () => {
  it('refuses (404) a post that ended yesterday, one that starts tomorrow, one only approved, and an alumnus without a post', async () => {
    for (const who of [net.endedL, net.futureL, net.approvedL, net.nobody]) {
      const res = await alumniOf(who.auth);
      expect(res.status).toBe(404);
      expect(pathsOf(res.body)).toEqual(['post']);
    }
    // Naming the post does not help either.
    expect((await alumniOf(net.endedL.auth, `post=${net.endedL.posts[0].documentId}`)).status).toBe(404);
  });

  it('reads the rights on every request: a post ended now refuses the next one', async () => {
    const person = await signedInAlumnus({ name: '蒋临时', cohort: net.k3.documentId });
    const held = await makePost({ alumnus: person.alumnus.documentId, dimension: 'cohort', cohort: net.k3.documentId, role: 'monitor', termStart: dayFromToday(-10) });
    expect((await alumniOf(person.auth)).status).toBe(200);
    await strapiApp().documents('plugin::liaison.liaison').update({ documentId: held.documentId, data: { termEnd: dayFromToday(-1) } as any });
    expect((await alumniOf(person.auth)).status).toBe(404);
    expect((await get('/api/liaison/my/posts', person.auth)).body.data).toEqual([]);
  });

  it('refuses (404) a post that is not theirs', async () => {
    const res = await alumniOf(net.classL.auth, `post=${net.collegeL.posts[0].documentId}`);
    expect(res.status).toBe(404);
    expect(pathsOf(res.body)).toEqual(['post']);
    expect((await alumniOf(net.classL.auth, 'post=nosuchpost')).status).toBe(404);
  });
});

describe('GET /api/liaison/my/alumni: search and pages', () => {
  it('finds by name, pinyin and initials (a surname read as a surname)', async () => {
    for (const q of ['李振东', '振东', 'lizhendong', 'zhendong', 'lzd', 'LZD', 'li zhen']) {
      const res = await alumniOf(net.classL.auth, `q=${encodeURIComponent(q)}`);
      expect([q, res.status, names(res.body)]).toEqual([q, 200, ['李振东']]);
    }
    expect(names((await alumniOf(net.classL.auth, `q=${encodeURIComponent('shanxiong')}`)).body)).toEqual(['单雄']);
    expect(names((await alumniOf(net.classL.auth, 'q=sx')).body)).toEqual(['单雄']);
    // Only within their scopes: 赵敏 is another college's.
    expect((await alumniOf(net.classL.auth, `q=${encodeURIComponent('赵敏')}`)).body.data).toEqual([]);
  });

  it('never finds by a field they may not read (phone, e-mail, employer, student number)', async () => {
    for (const q of ['139876', 'wf@example', '保密科技', net.wang.studentNo as string]) {
      const res = await alumniOf(net.classL.auth, `q=${encodeURIComponent(q)}`);
      expect([q, res.body.data]).toEqual([q, []]);
    }
  });

  it('pages by name then id, deterministically, with the total', async () => {
    const all = (await alumniOf(net.collegeL.auth, 'pageSize=100')).body.data.map((a: any) => a.documentId);
    expect(all).toHaveLength(10);
    const pages = [];
    for (const page of [1, 2, 3]) {
      const res = await alumniOf(net.collegeL.auth, `page=${page}&pageSize=4`);
      expect(res.body.meta.pagination).toEqual({ page, pageSize: 4, total: 10, pageCount: 3 });
      pages.push(...res.body.data.map((a: any) => a.documentId));
    }
    expect(pages).toEqual(all);
    const beyond = await alumniOf(net.collegeL.auth, 'page=4&pageSize=4');
    expect(beyond.body).toEqual({ data: [], meta: { pagination: { page: 4, pageSize: 4, total: 10, pageCount: 3 } } });
    expect((await alumniOf(net.collegeL.auth, 'pageSize=100')).body.data.map((a: any) => a.documentId)).toEqual(all);
  });

  it('refuses any other parameter (filters, sort, fields, populate) and a page size over 100, naming it', async () => {
    const cases: [string, string][] = [
      ['sort=phone', 'sort'],
      ['sort[0]=employer:asc', 'sort'],
      ['filters[phone][$startsWith]=139', 'filters'],
      ['filters[employer][$eq]=x', 'filters'],
      ['fields[0]=phone', 'fields'],
      ['populate=*', 'populate'],
      ['populate[cohort]=true', 'populate'],
      ['pageSize=101', 'pageSize'],
      ['page=0', 'page'],
      ['_q=139', '_q'],
    ];
    for (const [query, field] of cases) {
      const res = await alumniOf(net.classL.auth, query);
      expect([query, res.status, pathsOf(res.body)]).toEqual([query, 400, [field]]);
    }
    const zh = await alumniOf(net.classL.auth, 'sort=phone').set('Accept-Language', 'zh-Hans');
    expect(zh.body.error.message).toMatch(/不是此请求的参数/);
  });
});
