import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeIndustry } from '../helpers/fixtures';
import { addDays, today } from '../../plugins/liaison/server/src/assignment/rules/lifecycle';

const POSTS = 'plugin::liaison.liaison';
let token: string;
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  api = withToken(token);
});
afterAll(teardownStrapi);

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const count = (where: Record<string, unknown> = {}) => strapiApp().db.query(POSTS as any).count({ where });
const stored = (documentId: string) => strapiApp().db.query(POSTS as any).findOne({ where: { documentId }, populate: { successor: true } });
const history = async (documentId: string) => (await api.get(`/liaison/posts/${documentId}/history`)).body.data;

const nominate = (body: Record<string, unknown>) => api.post('/liaison/posts').send(body);
const nominated = async (cohort: string, data: Record<string, unknown> = {}) => {
  const alumnus = (await makeAlumnus({ cohort })).documentId;
  const res = await nominate({ alumnus, dimension: 'cohort', scope: cohort, role: 'monitor', termStart: '2024-07-01', termEnd: '2029-06-30', ...data });
  expect(res.status).toBe(201);
  return res.body.data;
};

describe('nominating a liaison (POST /liaison/posts)', () => {
  it('creates a nominated post and records who nominated it, when and why', async () => {
    const cohort = (await makeCohort()).documentId;
    const alumnus = await makeAlumnus({ cohort, name: '李振东' });
    const res = await nominate({ alumnus: alumnus.documentId, dimension: 'cohort', scope: cohort, role: 'monitor', termStart: '2024-07-01', reason: '毕业班班长' });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      postStatus: 'nominated',
      dimension: 'cohort',
      role: 'monitor',
      alumnus: { documentId: alumnus.documentId, name: '李振东' },
      scope: { documentId: cohort },
      nominationReason: '毕业班班长',
    });
    const events = await history(res.body.data.documentId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'nominate', reason: '毕业班班长', before: null, after: { postStatus: 'nominated', scope: cohort } });
    expect(events[0].by).toMatch(/tester-/);
  });

  it('refuses an incomplete nomination with 400 naming each field, and writes nothing', async () => {
    const before = await count();
    const res = await nominate({ dimension: 'cohort', role: 'king', termStart: '2024-13-01' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['alumnus', 'scope', 'role', 'termStart']));
    expect(await count()).toBe(before);
  });

  it('refuses an industry post without a nominator and a stated reason (举荐)', async () => {
    const industry = (await makeIndustry()).documentId;
    const alumnus = (await makeAlumnus()).documentId;
    const before = await count();
    const res = await nominate({ alumnus, dimension: 'industry', scope: industry, role: 'member', termStart: '2024-01-01' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['nominator', 'reason']));
    expect(await count()).toBe(before);

    const nominator = (await makeAlumnus()).documentId;
    const ok = await nominate({ alumnus, dimension: 'industry', scope: industry, role: 'member', termStart: '2024-01-01', nominator, reason: '行业内威望高' });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ nominator: { documentId: nominator }, nominationSource: 'alumnus', nominationReason: '行业内威望高' });
  });

  it('names unknown people and scopes as 400 on their field, and a term ending before it starts', async () => {
    const cohort = (await makeCohort()).documentId;
    const res = await nominate({ alumnus: 'nosuchalumnus', dimension: 'cohort', scope: 'nosuchcohort', role: 'monitor', termStart: '2024-01-01' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['alumnus', 'scope']);
    const alumnus = (await makeAlumnus({ cohort })).documentId;
    const dates = await nominate({ alumnus, dimension: 'cohort', scope: cohort, role: 'monitor', termStart: '2024-01-01', termEnd: '2023-01-01' });
    expect(dates.status).toBe(400);
    expect(fieldsOf(dates.body)).toEqual(['termEnd']);
  });

  it('lets one person hold posts in several dimensions, but not two overlapping terms in one scope', async () => {
    const cohort = (await makeCohort()).documentId;
    const chapter = (await makeChapter()).documentId;
    const alumnus = (await makeAlumnus({ cohort })).documentId;
    const base = { alumnus, role: 'monitor', termStart: '2024-07-01', termEnd: '2026-06-30' };
    expect((await nominate({ ...base, dimension: 'cohort', scope: cohort })).status).toBe(201);
    expect((await nominate({ ...base, dimension: 'region', scope: chapter, role: 'member' })).status).toBe(201);

    const before = await count();
    const clash = await nominate({ ...base, dimension: 'cohort', scope: cohort, role: 'league_secretary', termStart: '2026-01-01', termEnd: '2028-06-30' });
    expect(clash.status).toBe(409);
    expect(fieldsOf(clash.body)).toEqual(['alumnus']);
    expect(await count()).toBe(before);

    const next = await nominate({ ...base, dimension: 'cohort', scope: cohort, termStart: '2026-07-01', termEnd: '2028-06-30' });
    expect(next.status).toBe(201);
  });
});

describe('approving and rejecting', () => {
  it('makes a post active from its term start, or approved when the term starts later', async () => {
    const cohort = (await makeCohort()).documentId;
    const now = await nominated(cohort, { termStart: today(), termEnd: addDays(today(), 1000) });
    const later = await nominated(cohort, { termStart: addDays(today(), 10), termEnd: addDays(today(), 1000) });
    const a = await api.post(`/liaison/posts/${now.documentId}/approve`);
    expect(a.status).toBe(200);
    expect(a.body.data.postStatus).toBe('active');
    const b = await api.post(`/liaison/posts/${later.documentId}/approve`);
    expect(b.status).toBe(200);
    expect(b.body.data.postStatus).toBe('approved');
    const events = await history(now.documentId);
    expect(events.map((e: any) => e.action)).toEqual(['approve', 'nominate']);
    expect(events[0]).toMatchObject({ before: { postStatus: 'nominated' }, after: { postStatus: 'active' } });
  });

  it('refuses with 409 when the scope is full (approved posts count), and the nomination stays as it was', async () => {
    const cohort = (await makeCohort()).documentId;
    const posts = [await nominated(cohort), await nominated(cohort, { termStart: addDays(today(), 30) }), await nominated(cohort)];
    expect((await api.post(`/liaison/posts/${posts[0].documentId}/approve`)).status).toBe(200);
    expect((await api.post(`/liaison/posts/${posts[1].documentId}/approve`)).status).toBe(200);
    const full = await api.post(`/liaison/posts/${posts[2].documentId}/approve`);
    expect(full.status).toBe(409);
    expect(fieldsOf(full.body)).toEqual(['scope']);
    expect(full.body.error.message).toMatch(/2 of its 2 posts/);
    expect((await stored(posts[2].documentId)).postStatus).toBe('nominated');
    expect(await history(posts[2].documentId)).toHaveLength(1);
  });

  it('approves only a nomination (409 otherwise) and answers 404 for an unknown post', async () => {
    const cohort = (await makeCohort()).documentId;
    const post = await nominated(cohort);
    expect((await api.post(`/liaison/posts/${post.documentId}/approve`)).status).toBe(200);
    const again = await api.post(`/liaison/posts/${post.documentId}/approve`);
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['postStatus']);
    expect((await api.post('/liaison/posts/nosuchpost000/approve')).status).toBe(404);
    const stale = await nominated(cohort, { termStart: '2020-01-01', termEnd: '2021-01-01' });
    const late = await api.post(`/liaison/posts/${stale.documentId}/approve`);
    expect(late.status).toBe(400);
    expect(fieldsOf(late.body)).toEqual(['termEnd']);
    expect((await stored(stale.documentId)).postStatus).toBe('nominated');
    expect((await api.get('/liaison/posts/nosuchpost000/history')).status).toBe(404);
  });

  it('rejects a nomination only with a reason, which is kept', async () => {
    const cohort = (await makeCohort()).documentId;
    const post = await nominated(cohort);
    const none = await api.post(`/liaison/posts/${post.documentId}/reject`).send({ reason: '  ' });
    expect(none.status).toBe(400);
    expect(fieldsOf(none.body)).toEqual(['reason']);
    expect((await stored(post.documentId)).postStatus).toBe('nominated');
    const res = await api.post(`/liaison/posts/${post.documentId}/reject`).send({ reason: '本人不愿担任' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ postStatus: 'rejected', rejectionReason: '本人不愿担任' });
    expect((await history(post.documentId))[0]).toMatchObject({ action: 'reject', reason: '本人不愿担任' });
    expect((await api.post(`/liaison/posts/${post.documentId}/reject`).send({ reason: 'x' })).status).toBe(409);
  });
});

describe('renewing and ending a term', () => {
  const activePost = async () => {
    const cohort = (await makeCohort()).documentId;
    const post = await nominated(cohort, { termStart: '2024-07-01', termEnd: addDays(today(), 100) });
    expect((await api.post(`/liaison/posts/${post.documentId}/approve`)).status).toBe(200);
    return { cohort, post };
  };

  it('renews to a later term end, refusing an earlier one with 400 on termEnd', async () => {
    const { post } = await activePost();
    const earlier = await api.post(`/liaison/posts/${post.documentId}/renew`).send({ termEnd: '2024-12-31' });
    expect(earlier.status).toBe(400);
    expect(fieldsOf(earlier.body)).toEqual(['termEnd']);
    expect((await stored(post.documentId)).termEnd).toBe(post.termEnd);
    const res = await api.post(`/liaison/posts/${post.documentId}/renew`).send({ termEnd: addDays(today(), 1200) });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ postStatus: 'active', termEnd: addDays(today(), 1200) });
    expect((await history(post.documentId))[0]).toMatchObject({ action: 'renew', before: { termEnd: post.termEnd }, after: { termEnd: addDays(today(), 1200) } });
  });

  it('ends a term with its reason, a handover note and a successor of the same scope', async () => {
    const { cohort, post } = await activePost();
    const successor = await nominated(cohort, { termStart: addDays(today(), 1), termEnd: addDays(today(), 1500) });
    const otherScope = await nominated((await makeCohort()).documentId);

    const badReason = await api.post(`/liaison/posts/${post.documentId}/end`).send({ reason: 'bored' });
    expect(badReason.status).toBe(400);
    expect(fieldsOf(badReason.body)).toEqual(['reason']);
    const badSuccessor = await api.post(`/liaison/posts/${post.documentId}/end`).send({ reason: 'resigned', successor: otherScope.documentId });
    expect(badSuccessor.status).toBe(400);
    expect(fieldsOf(badSuccessor.body)).toEqual(['successor']);
    expect((await stored(post.documentId)).postStatus).toBe('active');

    const res = await api
      .post(`/liaison/posts/${post.documentId}/end`)
      .send({ reason: 'resigned', note: '班级通讯录已交接', successor: successor.documentId });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      postStatus: 'ended',
      endReason: 'resigned',
      endNote: '班级通讯录已交接',
      termEnd: today(),
      successor: { documentId: successor.documentId },
    });
    const events = await history(post.documentId);
    expect(events.map((e: any) => e.action)).toEqual(['end', 'approve', 'nominate']);
    expect(events[0]).toMatchObject({ reason: 'resigned', before: { postStatus: 'active' }, after: { postStatus: 'ended', successor: successor.documentId } });
    expect((await api.post(`/liaison/posts/${post.documentId}/end`).send({ reason: 'resigned' })).status).toBe(409);
  });
});

describe('posts per scope (PUT /liaison/quotas)', () => {
  it("sets one scope's number, refusing to lower it below the posts taken", async () => {
    const cohort = (await makeCohort()).documentId;
    const posts = [await nominated(cohort), await nominated(cohort), await nominated(cohort)];
    const raise = await api.put('/liaison/quotas').send({ dimension: 'cohort', scope: cohort, posts: 3 });
    expect(raise.status).toBe(200);
    for (const p of posts) expect((await api.post(`/liaison/posts/${p.documentId}/approve`)).status).toBe(200);
    const got = await api.get(`/liaison/quotas?dimension=cohort&scope=${cohort}`);
    expect(got.body.data).toMatchObject({ posts: 3, override: 3, default: 2, occupied: 3 });

    const lower = await api.put('/liaison/quotas').send({ dimension: 'cohort', scope: cohort, posts: 2 });
    expect(lower.status).toBe(409);
    expect(fieldsOf(lower.body)).toEqual(['posts']);
    expect((await api.get(`/liaison/quotas?dimension=cohort&scope=${cohort}`)).body.data.posts).toBe(3);
  });

  it("sets a dimension's default, names bad input, and refuses a default below a scope's taken posts", async () => {
    const bad = await api.put('/liaison/quotas').send({ dimension: 'planet', posts: -1 });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['dimension', 'posts']);
    const unknown = await api.put('/liaison/quotas').send({ dimension: 'college', scope: 'nosuchcollege', posts: 4 });
    expect(unknown.status).toBe(400);
    expect(fieldsOf(unknown.body)).toEqual(['scope']);

    const chapter = (await makeChapter()).documentId;
    for (let i = 0; i < 5; i++) {
      const alumnus = (await makeAlumnus()).documentId;
      const post = await nominate({ alumnus, dimension: 'region', scope: chapter, role: 'member', termStart: '2024-01-01' });
      expect((await api.post(`/liaison/posts/${post.body.data.documentId}/approve`)).status).toBe(200);
    }
    const tooLow = await api.put('/liaison/quotas').send({ dimension: 'region', posts: 4 });
    expect(tooLow.status).toBe(409);
    expect(fieldsOf(tooLow.body)).toEqual(['posts']);
    const ok = await api.put('/liaison/quotas').send({ dimension: 'region', posts: 6 });
    expect(ok.status).toBe(200);
    const list = await api.get('/liaison/quotas?dimension=region');
    expect(list.body.data).toEqual([expect.objectContaining({ dimension: 'region', posts: 6, builtIn: 5 })]);
    expect((await api.put('/liaison/quotas').send({ dimension: 'region', posts: 5 })).status).toBe(200);
  });
});

describe('the Content Manager path', () => {
  it('keeps the history of a change made there, naming the admin', async () => {
    const cohort = (await makeCohort()).documentId;
    const post = await nominated(cohort);
    const res = await api.put(`${CM}/${POSTS}/${post.documentId}`).send({ role: 'league_secretary' });
    expect(res.status).toBe(200);
    const events = await history(post.documentId);
    expect(events[0]).toMatchObject({ action: 'update', before: { role: 'monitor' }, after: { role: 'league_secretary' } });
    expect(events[0].by).toMatch(/tester-/);
  });

  it('keeps the history of a post deleted there', async () => {
    const post = await nominated((await makeCohort()).documentId);
    expect((await api.delete(`${CM}/${POSTS}/${post.documentId}`)).status).toBe(200);
    const events: any[] = await strapiApp().db.query('plugin::liaison.post-event' as any).findMany({ where: { post: post.documentId }, orderBy: { id: 'desc' } });
    expect(events.map((e) => e.action)).toEqual(['delete', 'nominate']);
    expect(events[0]).toMatchObject({ before: { postStatus: 'nominated' }, after: null });
  });

  it('cannot fill a full scope either: 409, and nothing is written', async () => {
    const cohort = (await makeCohort()).documentId;
    for (const p of [await nominated(cohort), await nominated(cohort)]) {
      expect((await api.post(`/liaison/posts/${p.documentId}/approve`)).status).toBe(200);
    }
    const third = await nominated(cohort);
    const before = await strapiApp().db.query('plugin::liaison.post-event' as any).count({ where: { post: third.documentId } });
    const res = await api.put(`${CM}/${POSTS}/${third.documentId}`).send({ postStatus: 'active' });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['cohort']);
    expect((await stored(third.documentId)).postStatus).toBe('nominated');
    expect(await strapiApp().db.query('plugin::liaison.post-event' as any).count({ where: { post: third.documentId } })).toBe(before);

    const alumnus = (await makeAlumnus({ cohort })).documentId;
    const total = await count();
    const created = await api.post(`${CM}/${POSTS}`).send({
      alumnus: { connect: [{ documentId: alumnus }] },
      cohort: { connect: [{ documentId: cohort }] },
      dimension: 'cohort',
      role: 'member',
      termStart: '2024-09-01',
      postStatus: 'active',
    });
    expect(created.status).toBe(409);
    expect(await count()).toBe(total);
  });
});

describe('two staff approving the last free post at the same moment', () => {
  it('lets exactly one win; the others get 409 and nothing changes', async () => {
    const cohort = (await makeCohort()).documentId;
    const first = await nominated(cohort);
    expect((await api.post(`/liaison/posts/${first.documentId}/approve`)).status).toBe(200);
    const rivals = [await nominated(cohort), await nominated(cohort), await nominated(cohort), await nominated(cohort)];

    // One listening server, so that the requests really run side by side (supertest would otherwise listen per request).
    const server = strapiApp().server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const results = await Promise.all(rivals.map((p) => api.post(`/liaison/posts/${p.documentId}/approve`)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(fieldsOf(r.body)).toEqual(['scope']);

    const cohortRow: any = await strapiApp().db.query('plugin::liaison.cohort' as any).findOne({ where: { documentId: cohort } });
    expect(await count({ cohort: { id: cohortRow.id }, postStatus: { $in: ['active', 'approved'] } })).toBe(2);
    expect(await count({ cohort: { id: cohortRow.id }, postStatus: 'nominated' })).toBe(3);
  });
});
