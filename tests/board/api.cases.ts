import { adminToken, setupStrapi, teardownStrapi, withToken, CM } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makePost } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('finding an alumnus to nominate', () => {
  it('finds by name, pinyin, pinyin initials and student number', async () => {
    const token = await adminToken();
    const cohort = await makeCohort({ className: '临床医学1976级1班' });
    const person = await makeAlumnus({ name: '欧阳振东', cohort: cohort.documentId, studentNo: 'OY-19760042' });
    const search = async (q: string) =>
      (await withToken(token).get(`/liaison/alumni?q=${encodeURIComponent(q)}`)).body.data.map((a: any) => a.documentId);

    for (const q of ['欧阳振', 'ouyangzhendong', 'OUYANG', 'oyzd', 'OY-19760042']) {
      expect({ q, found: (await search(q)).includes(person.documentId) }).toEqual({ q, found: true });
    }
    expect(await search('oyzx')).not.toContain(person.documentId);
    const hit = (await withToken(token).get('/liaison/alumni?q=oyzd')).body.data.find((a: any) => a.documentId === person.documentId);
    expect(hit).toMatchObject({ name: '欧阳振东', cohort: '临床医学1976级1班' });
  });

  it('follows a change of name made in the Content Manager', async () => {
    const token = await adminToken();
    const person = await makeAlumnus({ name: '王小明' });
    const res = await withToken(token).put(`${CM}/plugin::liaison.alumnus/${person.documentId}`).send({ name: '李大龙' });
    expect(res.status).toBe(200);
    const found = async (q: string) =>
      (await withToken(token).get(`/liaison/alumni?q=${q}`)).body.data.some((a: any) => a.documentId === person.documentId);
    expect(await found('ldl')).toBe(true);
    expect(await found('wxm')).toBe(false);
  });

  it('shows college staff only the alumni of their own colleges', async () => {
    const mine = await makeCollege();
    const other = await makeCollege();
    const a = await makeAlumnus({ name: '赵本校', cohort: (await makeCohort({ college: mine.documentId })).documentId });
    const b = await makeAlumnus({ name: '赵外院', cohort: (await makeCohort({ college: other.documentId })).documentId });
    const { token } = await signInStaff('College Staff', { colleges: [mine.documentId] });
    const res = await withToken(token).get(`/liaison/alumni?q=${encodeURIComponent('赵')}`);
    expect(res.status).toBe(200);
    const ids = res.body.data.map((x: any) => x.documentId);
    expect(ids).toContain(a.documentId);
    expect(ids).not.toContain(b.documentId);
  });

  it('refuses staff without the nominate permission', async () => {
    const { token } = await signInStaff('Chapter Editor');
    expect((await withToken(token).get('/liaison/alumni?q=zh')).status).toBe(403);
  });
});

describe('a scope with its posts', () => {
  it('lists the posts of a class with their holders, newest term first', async () => {
    const token = await adminToken();
    const cohort = await makeCohort({ className: '计算机2020级2班' });
    const monitor = await makeAlumnus({ name: '陈一', cohort: cohort.documentId });
    const secretary = await makeAlumnus({ name: '陈二', cohort: cohort.documentId });
    await makePost({ cohort: cohort.documentId, alumnus: monitor.documentId, role: 'monitor', termStart: '2020-07-01' });
    await makePost({ cohort: cohort.documentId, alumnus: secretary.documentId, role: 'league_secretary', termStart: '2022-07-01', postStatus: 'nominated' });
    await makePost({}); // another class's post stays out

    const res = await withToken(token).get(`/liaison/scopes/cohort/${cohort.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.data.scope).toEqual({ documentId: cohort.documentId, name: '计算机2020级2班', dimension: 'cohort' });
    expect(res.body.data.posts.map((p: any) => [p.alumnus.name, p.role, p.postStatus, p.termStart])).toEqual([
      ['陈二', 'league_secretary', 'nominated', '2022-07-01'],
      ['陈一', 'monitor', 'active', '2020-07-01'],
    ]);
  });

  it('answers 400 for an unknown dimension and 404 for an unknown scope', async () => {
    const token = await adminToken();
    const bad = await withToken(token).get('/liaison/scopes/planet/abc');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.errors[0].path).toEqual(['dimension']);
    expect((await withToken(token).get('/liaison/scopes/region/nope')).status).toBe(404);
  });

  it('hides other colleges and chapters from scoped staff', async () => {
    const mine = await makeCollege();
    const other = await makeCollege();
    const myCohort = await makeCohort({ college: mine.documentId });
    const otherCohort = await makeCohort({ college: other.documentId });
    const chapter = await makeChapter();
    const { token } = await signInStaff('College Staff', { colleges: [mine.documentId] });
    expect((await withToken(token).get(`/liaison/scopes/cohort/${myCohort.documentId}`)).status).toBe(200);
    expect((await withToken(token).get(`/liaison/scopes/college/${mine.documentId}`)).status).toBe(200);
    expect((await withToken(token).get(`/liaison/scopes/cohort/${otherCohort.documentId}`)).status).toBe(404);
    expect((await withToken(token).get(`/liaison/scopes/college/${other.documentId}`)).status).toBe(404);
    expect((await withToken(token).get(`/liaison/scopes/region/${chapter.documentId}`)).status).toBe(404);
  });
});
