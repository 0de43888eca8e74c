import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makePost } from '../helpers/fixtures';
import { today } from '../../plugins/liaison/server/src/assignment/rules/lifecycle';

/**
 * Room in a scope and overlapping terms are checked once, by the write pipeline, on every
 * path; the lifecycle actions rely on it and say its refusals in their request's terms.
 */
const POSTS = 'plugin::liaison.liaison';
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

const errorsOf = (body: any): { path: string; message: string }[] =>
  (body?.error?.details?.errors ?? []).map((e: any) => ({ path: e.path.join('.'), message: e.message }));
const q = (uid: string) => strapiApp().db.query(uid as any);
const idOf = async (uid: string, documentId: string) => ((await q(uid).findOne({ where: { documentId } })) as any).id;
const postsIn = async (cohort: string) => q(POSTS).count({ where: { cohort: { id: await idOf('plugin::liaison.cohort', cohort) } } });

/** One listening server, so that requests really run side by side. */
const listening = async () => {
  const server = strapiApp().server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
};

describe('a graduation appointment refused by the pipeline', () => {
  it('names the batch and counts the posts taken before it when the class has too few places', async () => {
    const c = (await makeCohort()).documentId;
    expect((await api.put('/liaison/quotas').send({ dimension: 'cohort', scope: c, posts: 2 })).status).toBe(200);
    await makePost({ cohort: c, role: 'monitor', termStart: '2024-01-01' });
    const people = [await makeAlumnus({ cohort: c }), await makeAlumnus({ cohort: c })];
    const res = await api
      .post(`/liaison/cohorts/${c}/appoint`)
      .set('Accept-Language', 'en')
      .send({ appointments: people.map((p) => ({ alumnus: p.documentId, role: 'member' })), termStart: today() });
    expect(res.status).toBe(409);
    expect(errorsOf(res.body)).toEqual([{ path: 'appointments', message: 'the scope is full: 1 of its 2 posts are taken' }]);
    expect(await postsIn(c)).toBe(1);
  });

  it('names the appointee whose term overlaps, as the request named them', async () => {
    const c = (await makeCohort()).documentId;
    const holder = await makeAlumnus({ cohort: c });
    const held = await makePost({ cohort: c, alumnus: holder.documentId, postStatus: 'nominated', termStart: '2024-01-01' });
    const res = await api
      .post(`/liaison/cohorts/${c}/appoint`)
      .set('Accept-Language', 'en')
      .send({ appointments: [{ studentNo: holder.studentNo, role: 'monitor' }], termStart: today() });
    expect(res.status).toBe(409);
    expect(errorsOf(res.body)).toEqual([
      {
        path: 'appointments[0].studentNo',
        message: `already holds or is nominated for a post in this scope (${held.documentId}, 2024-01-01 – open) whose term overlaps`,
      },
    ]);
    expect(await postsIn(c)).toBe(1);
  });
});

describe('approving a nomination', () => {
  it('is refused when a post stored around the pipeline overlaps it', async () => {
    const c = (await makeCohort()).documentId;
    const alumnus = await makeAlumnus({ cohort: c });
    const nominated = await api
      .post('/liaison/posts')
      .send({ alumnus: alumnus.documentId, dimension: 'cohort', scope: c, role: 'monitor', termStart: '2024-07-01', termEnd: '2027-06-30' });
    expect(nominated.status).toBe(201);
    // The query engine skips the Document Service: as an import or a script writing SQL would.
    await q(POSTS).create({
      data: {
        documentId: unique('raw').slice(0, 24),
        dimension: 'cohort',
        role: 'league_secretary',
        postStatus: 'active',
        termStart: '2025-01-01',
        alumnus: await idOf('plugin::liaison.alumnus', alumnus.documentId),
        cohort: await idOf('plugin::liaison.cohort', c),
      },
    });
    const res = await api.post(`/liaison/posts/${nominated.body.data.documentId}/approve`);
    expect(res.status).toBe(409);
    expect(errorsOf(res.body).map((e) => e.path)).toEqual(['alumnus']);
    expect((await q(POSTS).findOne({ where: { documentId: nominated.body.data.documentId } })).postStatus).toBe('nominated');
  });
});

describe('renewing an open term to an end before its start', () => {
  it('is refused with 400 on termEnd by the post rule, and the term is kept', async () => {
    const post = await makePost({ termStart: '2024-01-01', termEnd: null });
    const res = await api.post(`/liaison/posts/${post.documentId}/renew`).set('Accept-Language', 'en').send({ termEnd: '2023-06-30' });
    expect(res.status).toBe(400);
    expect(errorsOf(res.body)).toEqual([{ path: 'termEnd', message: 'must be after termStart' }]);
    expect((await q(POSTS).findOne({ where: { documentId: post.documentId } })).termEnd).toBeNull();
  });
});

describe('nominating one person to one scope several times at the same moment', () => {
  it('creates one post; the others get 409 on alumnus', async () => {
    const c = (await makeCohort()).documentId;
    const alumnus = (await makeAlumnus({ cohort: c })).documentId;
    await listening();
    const body = { alumnus, dimension: 'cohort', scope: c, role: 'monitor', termStart: '2024-07-01', termEnd: '2027-06-30' };
    const results = await Promise.all([1, 2, 3, 4].map(() => api.post('/liaison/posts').send(body)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(errorsOf(r.body).map((e) => e.path)).toEqual(['alumnus']);
    expect(await postsIn(c)).toBe(1);
  });
});
