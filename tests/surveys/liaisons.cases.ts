import { http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { fromNow, INVITATION, mailsTo, network, sendSurvey, staffApi, SURVEY, tokenIn, writeAnswer } from './helpers';

let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  api = await staffApi();
}, 120000);
afterAll(teardownStrapi);

const DAY = 86_400_000;
const isoDay = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

/** A signed-in liaison of a class (not invited themselves: no consent to contact). */
const liaisonOf = async (cohort: string, post: Record<string, unknown> = {}) => {
  const me = await signedInAlumnus({ name: unique('联络员').slice(0, 20), cohort, contactConsent: false });
  const created = await makePost({ alumnus: me.alumnus.documentId, cohort, ...post });
  return { ...me, post: created };
};

const mySurveys = async (auth: Record<string, string>) => {
  const res = await http().get('/api/liaison/my/surveys').set(auth).set('Accept-Language', 'en');
  expect(res.status).toBe(200);
  return res.body.data as any[];
};
const remind = (auth: Record<string, string>, documentId: string) =>
  http().post(`/api/liaison/my/surveys/${documentId}/remind`).set(auth).set('Accept-Language', 'en');

describe("a liaison's surveys", () => {
  let net: Awaited<ReturnType<typeof network>>;
  let survey: any;
  let classA: Awaited<ReturnType<typeof liaisonOf>>;
  let classB: Awaited<ReturnType<typeof liaisonOf>>;

  beforeAll(async () => {
    net = await network();
    classA = await liaisonOf(net.classA.documentId);
    classB = await liaisonOf(net.classB.documentId);
    survey = await sendSurvey(api, [{ kind: 'college', documentId: net.college.documentId }]);
  });

  it("shows each liaison the surveys reaching their scope with their scope's rate only", async () => {
    const token = tokenIn((await mailsTo(net.a1.email as string))[0].text);
    expect((await writeAnswer(token, { work: 'city' })).status).toBe(200);
    const mineA = (await mySurveys(classA.auth)).find((s) => s.documentId === survey.documentId);
    expect(mineA).toMatchObject({ title: survey.titleEn, status: 'sent' });
    expect(mineA.posts).toEqual([
      { post: classA.post.documentId, scope: { kind: 'cohort', documentId: net.classA.documentId, name: net.classA.className }, invited: 2, answered: 1, rate: 50 },
    ]);
    const mineB = (await mySurveys(classB.auth)).find((s) => s.documentId === survey.documentId);
    expect(mineB.posts).toEqual([expect.objectContaining({ post: classB.post.documentId, invited: 2, answered: 0, rate: 0 })]);
    // An alumnus without a post, and a liaison whose post ended yesterday, see none.
    const plain = await signedInAlumnus({ cohort: net.classA.documentId });
    expect(await mySurveys(plain.auth)).toEqual([]);
    const ended = await liaisonOf(net.classA.documentId, { termStart: isoDay(-400), termEnd: isoDay(-1), postStatus: 'active' });
    expect(await mySurveys(ended.auth)).toEqual([]);
    expect((await remind(ended.auth, survey.documentId)).status).toBe(404);
    expect((await http().get('/api/liaison/my/surveys')).status).toBe(403);
  });

  it('reminds the non-responders of their scope at most once a week each, with their own link again', async () => {
    const first = await remind(classB.auth, survey.documentId);
    expect(first.status).toBe(200);
    expect(first.body.data).toEqual({ reminded: 2, skipped: 0, unreachable: 0 });
    const [invitation, reminder] = await mailsTo(net.b1.email as string);
    expect(reminder).toMatchObject({ kind: 'survey-reminder', subject: `问卷提醒：${survey.title}` });
    expect(tokenIn(reminder.text)).toBe(tokenIn(invitation.text));
    expect((await mailsTo(net.b2.email as string))[1].subject).toBe(`Reminder: ${survey.titleEn}`);

    // Again at once: everybody was reminded within the week.
    expect((await remind(classB.auth, survey.documentId)).body.data).toEqual({ reminded: 0, skipped: 2, unreachable: 0 });
    // A week later for b1 (its reminder moved back 8 days); b2 has answered meanwhile.
    const b1 = (await strapiApp().db.query(INVITATION as any).findMany({ where: { survey: { documentId: survey.documentId }, alumnus: { documentId: net.b1.documentId } } }))[0];
    await strapiApp().db.query(INVITATION as any).update({ where: { id: b1.id }, data: { lastReminderAt: new Date(Date.now() - 8 * DAY) } });
    expect((await writeAnswer(tokenIn((await mailsTo(net.b2.email as string))[0].text), { work: 'abroad' })).status).toBe(200);
    expect((await remind(classB.auth, survey.documentId)).body.data).toEqual({ reminded: 1, skipped: 0, unreachable: 0 });
    expect(await mailsTo(net.b1.email as string)).toHaveLength(3);
    expect(await mailsTo(net.b2.email as string)).toHaveLength(2);

    // Class A's liaison reminds class A only (a1 answered): a2.
    expect((await remind(classA.auth, survey.documentId)).body.data).toEqual({ reminded: 1, skipped: 0, unreachable: 0 });
    expect(await mailsTo(net.a1.email as string)).toHaveLength(1);
  });

  it('refuses a survey that reached none of their alumni (404) and a closed one (409 naming closesAt)', async () => {
    const other = await network();
    const elsewhere = await sendSurvey(api, [{ kind: 'cohort', documentId: other.classA.documentId }]);
    expect((await mySurveys(classA.auth)).map((s) => s.documentId)).not.toContain(elsewhere.documentId);
    expect((await remind(classA.auth, elsewhere.documentId)).status).toBe(404);
    expect((await remind(classA.auth, 'nope')).status).toBe(404);
    await strapiApp().db.query(SURVEY as any).update({ where: { documentId: survey.documentId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const closed = await remind(classA.auth, survey.documentId);
    expect(closed.status).toBe(409);
    expect(closed.body.error.details.errors[0].path).toEqual(['closesAt']);
    expect((await mySurveys(classA.auth)).find((s) => s.documentId === survey.documentId).status).toBe('closed');
    await strapiApp().db.query(SURVEY as any).update({ where: { documentId: survey.documentId }, data: { closesAt: new Date(fromNow(7)) } });
  });
});

describe('the appraisal measure survey_response_rate', () => {
  it("is each post's answered share of the invitations of its scope, for surveys sent in the cycle", async () => {
    const net = await network();
    const a = await makePost({ alumnus: (await makeAlumnus()).documentId, cohort: net.classA.documentId });
    const b = await makePost({ alumnus: (await makeAlumnus()).documentId, cohort: net.classB.documentId });
    const college = await makePost({ dimension: 'college', role: 'member', college: net.college.documentId, cohort: undefined, alumnus: (await makeAlumnus()).documentId });
    const survey = await sendSurvey(api, [{ kind: 'college', documentId: net.college.documentId }]);
    const token = async (p: any, i = 0) => tokenIn((await mailsTo(p.email as string))[i].text);
    expect((await writeAnswer(await token(net.a1), { work: 'city' })).status).toBe(200);
    expect((await writeAnswer(await token(net.b1), { work: 'city' })).status).toBe(200);
    expect((await writeAnswer(await token(net.b2), { work: 'city' })).status).toBe(200);
    // A survey sent last year, answered by everybody: outside the cycle, it does not count.
    const old = await sendSurvey(api, [{ kind: 'cohort', documentId: net.classA.documentId }]);
    for (const p of [net.a1, net.a2]) expect((await writeAnswer(await token(p, 1), { work: 'abroad' })).status).toBe(200);
    const year = new Date().getUTCFullYear();
    await strapiApp().db.query(SURVEY as any).update({ where: { documentId: old.documentId }, data: { sentAt: new Date(`${year - 1}-06-01T00:00:00Z`) } });
    expect(survey.documentId).toBeTruthy();

    const cycle = await api.post('/liaison/cycles').send({
      name: unique('问卷考核'),
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      criteria: [{ key: 'answers', kind: 'measured', measure: 'survey_response_rate', weight: 100 }],
    });
    expect(cycle.status).toBe(201);
    const results = async (query: string) => {
      const res = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/results?${query}`);
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.data.map((r: any) => [r.post.documentId, r.measures.answers]));
    };
    const cohorts = { ...(await results(`dimension=cohort&scope=${net.classA.documentId}`)), ...(await results(`dimension=cohort&scope=${net.classB.documentId}`)) };
    expect(cohorts[a.documentId]).toBe(50);
    expect(cohorts[b.documentId]).toBe(100);
    const colleges = await results(`dimension=college&scope=${net.college.documentId}`);
    expect(colleges[college.documentId]).toBe(75);
    const measures = await api.get('/liaison/measures').set('Accept-Language', 'zh-Hans');
    expect(measures.body.data.find((m: any) => m.key === 'survey_response_rate').label).toBe('问卷答复率（%）');
  }, 60000);
});
