import { adminToken, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/** The network's refusals reach staff in the language of their admin panel. */
beforeAll(setupStrapi);
afterAll(teardownStrapi);

const nominate = (token: string, body: Record<string, unknown>, language: string) =>
  withToken(token).post('/liaison/posts').set('Accept-Language', language).send(body);

describe('refusals of the post lifecycle, in the admin language', () => {
  it('says a full class in Chinese or in English, naming the field either way, and changes nothing', async () => {
    const token = await adminToken();
    const cohort = await makeCohort();
    const quota = await withToken(token).put('/liaison/quotas').send({ dimension: 'cohort', scope: cohort.documentId, posts: 1 });
    expect(quota.status).toBe(200);
    const [a, b] = [await makeAlumnus({ cohort: cohort.documentId }), await makeAlumnus({ cohort: cohort.documentId })];
    const base = { dimension: 'cohort', scope: cohort.documentId, role: 'monitor', termStart: '2024-07-01' };
    const first = await nominate(token, { ...base, alumnus: a.documentId }, 'zh-Hans');
    const second = await nominate(token, { ...base, alumnus: b.documentId, role: 'league_secretary' }, 'zh-Hans');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await withToken(token).post(`/liaison/posts/${first.body.data.documentId}/approve`).send({})).status).toBe(200);

    const zh = await withToken(token).post(`/liaison/posts/${second.body.data.documentId}/approve`).set('Accept-Language', 'zh-Hans').send({});
    expect(zh.status).toBe(409);
    expect(zh.body.error.details.errors[0].path).toEqual(['scope']);
    expect(zh.body.error.details.errors[0].message).toBe('该范围岗位已满：1 个岗位中已有 1 个被占用');
    const en = await withToken(token).post(`/liaison/posts/${second.body.data.documentId}/approve`).set('Accept-Language', 'en').send({});
    expect(en.body.error.details.errors[0].message).toBe('the scope is full: 1 of its 1 posts are taken');
    const stored = await strapiApp().documents('plugin::liaison.liaison').findOne({ documentId: second.body.data.documentId });
    expect(stored?.postStatus).toBe('nominated');
  });

  it('tells college staff in Chinese that a class of another college is not theirs', async () => {
    const mine = await makeCollege();
    const theirs = await makeCollege();
    const theirCohort = await makeCohort({ college: theirs.documentId });
    const person = await makeAlumnus({ cohort: theirCohort.documentId });
    const { token } = await signInStaff('College Staff', { colleges: [mine.documentId] });
    const before = await strapiApp().db.query('plugin::liaison.liaison').count();
    const res = await nominate(
      token,
      { alumnus: person.documentId, dimension: 'cohort', scope: theirCohort.documentId, role: 'monitor', termStart: '2024-07-01' },
      'zh-Hans'
    );
    expect(res.status).toBe(403);
    expect(res.body.error.details.errors[0].path).toEqual(['scope']);
    expect(res.body.error.details.errors[0].message).toBe('此范围不在您负责的学院之内');
    expect(await strapiApp().db.query('plugin::liaison.liaison').count()).toBe(before);
  });
});
