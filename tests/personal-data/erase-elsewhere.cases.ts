import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { ANSWER, mailsTo, network, sendSurvey, tokenIn, writeAnswer } from '../surveys/helpers';
import { csvOf, rejectedOf, runImport } from '../imports/helpers';
import { signInStaff } from '../helpers/staff';

/**
 * A person's export holds their survey answers and the changes proposed about them. An erasure
 * reaches what the person left outside their record: what they wrote in surveys
 * (their choices stay, so the results stay), and the rows of earlier imports' rejected-rows
 * files that name them (other people's rejected rows stay).
 */
let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
});
afterAll(teardownStrapi);

it('exports their survey answers and the changes proposed about them; erasing clears what they wrote in surveys and the rejected import rows that name them', async () => {
  const api = withToken(token);
  const net = await network();
  const person = net.a2;
  const studentNo = unique('E');
  const phone = `139${String(Date.now()).slice(-8)}`;
  await strapiApp().db.query('plugin::liaison.alumnus').update({ where: { documentId: person.documentId }, data: { studentNo, phone } });

  // A survey they answered, with a choice and a written answer.
  const survey = await sendSurvey(api, [{ kind: 'cohort', documentId: net.classA.documentId }]);
  const [mail] = await mailsTo(person.email as string);
  expect((await writeAnswer(tokenIn(mail.text), { work: 'abroad', note: '我在海外，可联系 13900001111' })).status).toBe(200);

  // An import whose rejected rows hold one row of theirs (a phone written wrong) and one of someone else.
  const cohort = await strapiApp().db.query('plugin::liaison.cohort').findOne({ where: { documentId: net.classA.documentId } });
  const otherNo = unique('O');
  const file = csvOf([
    ['姓名', '学号', '学院', '班级', '毕业年份', '手机', '邮箱'],
    [person.name, studentNo, net.college.name, cohort.className, String(cohort.gradYear), '12345', person.email as string],
    [unique('别人'), otherNo, net.college.name, cohort.className, String(cohort.gradYear), '54321', ''],
  ]);
  const imported = await runImport(token, file, '校友名单.csv');
  expect(imported.counts.rejected).toBe(2);
  expect((await rejectedOf(token, imported.documentId)).text).toContain(studentNo);

  // A change of their phone a liaison proposed (still waiting).
  const row = await strapiApp().db.query('plugin::liaison.alumnus').findOne({ where: { documentId: person.documentId } });
  await strapiApp().plugin('liaison').service('proposals').create({
    alumnusId: row.id, before: row, changes: { phone: '13700003333', city: '深圳' }, infoSource: 'call', note: null, postId: null, proposerId: row.id,
  });

  // Their export holds both: what they answered, and what was proposed about them.
  const exported = JSON.parse((await api.get(`/liaison/alumni/${person.documentId}/export?format=json`)).text).data;
  expect(exported.surveyAnswers).toEqual([{ survey: survey.titleEn, answeredAt: expect.any(String), answers: { work: 'abroad', note: '我在海外，可联系 13900001111' } }]);
  expect(exported.proposals).toEqual([{ changes: { phone: '13700003333', city: '深圳' }, status: 'pending', source: 'call', createdAt: expect.any(String), decidedAt: null }]);
  const page = await api.get(`/liaison/alumni/${person.documentId}/export?format=html`).set('Accept-Language', 'zh-Hans');
  expect(page.text).toContain('您的问卷答复');
  expect(page.text).toContain(survey.title);
  expect(page.text).toContain('对您记录的修改提议');
  expect(page.text).toContain('待校友办审核');
  // College Staff's copy leaves out the proposed phone, as it leaves out the record's.
  const staff = withToken((await signInStaff('College Staff', { colleges: [net.college.documentId] })).token);
  const theirs = JSON.parse((await staff.get(`/liaison/alumni/${person.documentId}/export?format=json`)).text).data;
  expect(theirs.proposals[0].changes).toEqual({ phone: null, city: '深圳' });

  await api.post(`/liaison/alumni/${person.documentId}/erase`).send({ reason: '本人申请' }).expect(200)
    .then((res) => expect(res.body.data.cleared).toMatchObject({ surveyAnswers: 1, importRows: 1 }));

  const answer = await strapiApp().db.query(ANSWER as any).findOne({ where: { survey: { documentId: survey.documentId }, alumnus: { documentId: person.documentId } } });
  expect(answer.answers).toEqual({ work: 'abroad' });
  const results = await api.get(`/liaison/surveys/${survey.documentId}/results`);
  expect(results.status).toBe(200);
  expect(JSON.stringify(results.body)).not.toContain('13900001111');

  const after = await rejectedOf(token, imported.documentId);
  expect(after.res.status).toBe(200);
  expect(after.text).not.toContain(studentNo);
  expect(after.text).not.toContain(person.email as string);
  expect(after.text).toContain(otherNo);
  // The import's counts are its history: they stay.
  expect((await api.get(`/liaison/imports/${imported.documentId}`)).body.data.counts.rejected).toBe(2);
});
