import { setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus } from '../helpers/fixtures';
import { freePort, setAsideEarlierMail, TestSmtp } from '../helpers/smtp';
import {
  ANSWER,
  draftBody,
  fieldsOf,
  fromNow,
  invitationsOf,
  mailsTo,
  network,
  readAnswer,
  sendSurvey,
  sent,
  SURVEY,
  staffApi,
  tokenIn,
  writeAnswer,
} from './helpers';

let smtp: TestSmtp;
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  // The email plugin reads SMTP_* once, when Strapi boots: this file's app sends to our server.
  smtp = new TestSmtp(await freePort());
  smtp.configureEnv();
  await smtp.start();
  await setupStrapi();
  await setAsideEarlierMail();
  api = await staffApi();
}, 120000);
afterAll(async () => {
  await teardownStrapi();
  await smtp.stop();
});

const deliver = () => strapiApp().plugin('liaison').service('outbox').deliverDue();

describe('sending a survey', () => {
  it('invites each consenting alumnus of the scopes with an address once, and mails each their own link in their language', async () => {
    const net = await network();
    const survey = await sendSurvey(api, [
      { kind: 'cohort', documentId: net.classA.documentId },
      { kind: 'region', documentId: net.chapter.documentId },
    ]);
    expect(survey).toMatchObject({ status: 'sent', invited: 2, answered: 0 });
    expect(survey.sending).toMatchObject({ status: 'done', total: 2, invited: 2 });
    expect(survey.sentAt).toBeTruthy();
    const invited = (await invitationsOf(survey.documentId)).map((i) => i.alumnus.documentId).sort();
    // a1 is in class A and the chapter: invited once. No consent, no address: no invitation.
    expect(invited).toEqual([net.a1.documentId, net.a2.documentId].sort());
    expect(await mailsTo(net.aNo.email as string)).toEqual([]);

    await deliver();
    const en = smtp.received.find((m) => m.to.includes(net.a1.email as string))!;
    expect(en.subject).toBe(`Survey: ${survey.titleEn}`);
    expect(en.text).toContain('Two minutes of your time.');
    const zh = smtp.received.find((m) => m.to.includes(net.a2.email as string))!;
    expect(zh.subject).toBe(`问卷调查：${survey.title}`);
    const [t1, t2] = [tokenIn(en.text), tokenIn(zh.text)];
    expect(t1).not.toBe(t2);
    // Only the link's hash is stored.
    const rows = await strapiApp().db.query('plugin::liaison.survey-invitation' as any).findMany({ select: ['tokenHash'] });
    expect(rows.map((r: any) => r.tokenHash)).not.toContain(t1);

    // The link opens the survey in the person's language.
    const read = await readAnswer(t1);
    expect(read.status).toBe(200);
    expect(read.body.data).toMatchObject({ language: 'en', survey: { title: survey.titleEn, closed: false, open: true }, answer: null });
    expect(read.body.data.questions[0]).toEqual({
      key: 'work',
      kind: 'single',
      label: 'Where do you work?',
      required: true,
      options: [
        { key: 'city', label: 'In the city' },
        { key: 'abroad', label: 'Abroad' },
      ],
    });
    expect((await readAnswer(t2)).body.data.questions[0].label).toBe('您在哪里工作？');
    expect((await readAnswer(t2, 'en')).body.data.questions[0].label).toBe('Where do you work?');

    // Sending again adds only those who came into the scopes since, and mails only them.
    const late = await makeAlumnus({ name: '新同学', cohort: net.classA.documentId, email: `late-${Date.now()}@example.edu.cn`, contactConsent: true });
    expect((await api.post(`/liaison/surveys/${survey.documentId}/send`)).status).toBe(202);
    const again = await sent(api, survey.documentId);
    expect(again.sending).toMatchObject({ status: 'done', total: 1, invited: 1 });
    expect((await invitationsOf(survey.documentId)).length).toBe(3);
    expect(await mailsTo(net.a1.email as string)).toHaveLength(1);
    expect(await mailsTo(late.email as string)).toHaveLength(1);
    expect((await api.post(`/liaison/surveys/${survey.documentId}/send`)).status).toBe(202);
    expect((await sent(api, survey.documentId)).sending).toMatchObject({ status: 'done', total: 0, invited: 0 });
    expect((await invitationsOf(survey.documentId)).length).toBe(3);
  }, 60000);

  it('refuses to send a survey that is not ready (400 naming each field) and leaves it a draft', async () => {
    const created = await api.post('/liaison/surveys').send({ title: '空问卷' });
    expect(created.status).toBe(201);
    const res = await api.post(`/liaison/surveys/${created.body.data.documentId}/send`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res).sort()).toEqual(['closesAt', 'questions', 'scopes', 'titleEn']);
    expect((await api.get(`/liaison/surveys/${created.body.data.documentId}`)).body.data).toMatchObject({ status: 'draft', sentAt: null, sending: null });
    expect((await invitationsOf(created.body.data.documentId)).length).toBe(0);
    expect((await api.post('/liaison/surveys/nope/send')).status).toBe(404);
    // A close date before the opening is named too.
    const net = await network();
    const early = await api.post('/liaison/surveys').send({ ...draftBody([{ kind: 'cohort', documentId: net.classA.documentId }]), opensAt: fromNow(20), closesAt: fromNow(10) });
    const refused = await api.post(`/liaison/surveys/${early.body.data.documentId}/send`);
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused)).toEqual(['closesAt']);
  });
});

describe('answering through the personal link', () => {
  let net: Awaited<ReturnType<typeof network>>;
  let survey: any;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    net = await network();
    survey = await sendSurvey(api, [
      { kind: 'cohort', documentId: net.classA.documentId },
      { kind: 'cohort', documentId: net.classB.documentId },
    ]);
    for (const p of [net.a1, net.a2, net.b1, net.b2]) {
      const [mail] = await mailsTo(p.email as string);
      tokens[p.documentId] = tokenIn(mail.text);
    }
  });

  it('stores one answer per person; answering again replaces it', async () => {
    const t = tokens[net.a1.documentId];
    const first = await writeAnswer(t, { work: 'city', help: ['jobs', 'events'], years: 5, note: '  谢谢  ' });
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ answers: { work: 'city', help: ['jobs', 'events'], years: 5, note: '谢谢' }, replaced: false });
    const second = await writeAnswer(t, { work: 'abroad', help: ['mentors'] });
    expect(second.status).toBe(200);
    expect(second.body.data.replaced).toBe(true);
    const answers = await strapiApp().db.query(ANSWER as any).findMany({ where: { survey: { documentId: survey.documentId } } });
    expect(answers).toHaveLength(1);
    expect((await readAnswer(t)).body.data.answer).toMatchObject({ answers: { work: 'abroad', help: ['mentors'] } });
    expect((await api.get(`/liaison/surveys/${survey.documentId}`)).body.data).toMatchObject({ invited: 4, answered: 1 });
  });

  it.each([
    ['a required question unanswered', { help: ['jobs'] }, ['answers.work']],
    ['an unknown option', { work: 'moon' }, ['answers.work']],
    ['an option chosen twice', { work: 'city', help: ['jobs', 'jobs'] }, ['answers.help']],
    ['a multiple choice that is no list', { work: 'city', help: 'jobs' }, ['answers.help']],
    ['a number out of range', { work: 'city', years: 81 }, ['answers.years']],
    ['a number as text', { work: 'city', years: '5' }, ['answers.years']],
    ['a text too long', { work: 'city', note: 'x'.repeat(5001) }, ['answers.note']],
    ['an unknown question', { work: 'city', colour: 'red' }, ['answers.colour']],
  ])('refuses %s with 400 naming the question, keeping the answer before', async (_what, answers, fields) => {
    const t = tokens[net.a2.documentId];
    const res = await writeAnswer(t, answers);
    expect(res.status).toBe(400);
    expect(fieldsOf(res)).toEqual(fields);
    expect((await readAnswer(t)).body.data.answer).toBeNull();
  });

  it('answers 404 to a link that is not one (another token, a made-up one), and changes nothing', async () => {
    const other = `${tokens[net.b1.documentId].slice(0, -2)}xx`;
    for (const t of [other, 'nope', 'a'.repeat(43)]) {
      expect((await readAnswer(t)).status).toBe(404);
      expect((await writeAnswer(t, { work: 'city' })).status).toBe(404);
    }
    expect((await readAnswer(tokens[net.b1.documentId])).body.data.answer).toBeNull();
  });

  it('counts per answer and per scope, with the response rate of each', async () => {
    await writeAnswer(tokens[net.b1.documentId], { work: 'city', help: ['jobs', 'mentors'], years: 10 });
    await writeAnswer(tokens[net.b2.documentId], { work: 'city', years: 20 });
    const res = await api.get(`/liaison/surveys/${survey.documentId}/results`);
    expect(res.status).toBe(200);
    const { scopes, questions } = res.body.data;
    const A = `cohort:${net.classA.documentId}`;
    const B = `cohort:${net.classB.documentId}`;
    expect(scopes.map((s: any) => [s.key, s.invited, s.answered, s.rate])).toEqual([
      ['all', 4, 3, 75],
      [A, 2, 1, 50],
      [B, 2, 2, 100],
    ]);
    const work = questions.find((q: any) => q.key === 'work');
    expect(work.scopes.all).toMatchObject({ answered: 3, counts: { city: 2, abroad: 1 } });
    expect(work.scopes[A].counts).toEqual({ city: 0, abroad: 1 });
    expect(work.scopes[B].counts).toEqual({ city: 2, abroad: 0 });
    const help = questions.find((q: any) => q.key === 'help');
    expect(help.scopes.all).toMatchObject({ answered: 2, counts: { jobs: 1, events: 0, mentors: 2 } });
    const years = questions.find((q: any) => q.key === 'years');
    expect(years.scopes.all).toMatchObject({ answered: 2, mean: 15, min: 10, max: 20 });
    expect(years.scopes[A]).toMatchObject({ answered: 0, mean: null });
  });

  it('refuses answers once the survey has closed (409 naming closesAt), and shows it closed', async () => {
    // Closes in the past: set in the database, as time passing would.
    await strapiApp().db.query(SURVEY as any).update({ where: { documentId: survey.documentId }, data: { closesAt: new Date(Date.now() - 1000) } });
    const t = tokens[net.b1.documentId];
    const res = await writeAnswer(t, { work: 'abroad' });
    expect(res.status).toBe(409);
    expect(fieldsOf(res)).toEqual(['closesAt']);
    expect(res.body.error.message).toMatch(/closed at/);
    const read = await readAnswer(t);
    expect(read.body.data.survey).toMatchObject({ closed: true });
    expect(read.body.data.answer.answers.work).toBe('city');
    expect((await api.get(`/liaison/surveys/${survey.documentId}`)).body.data.status).toBe('closed');
    // A new close date opens it again.
    expect((await api.put(`/liaison/surveys/${survey.documentId}`).send({ closesAt: fromNow(3) })).status).toBe(200);
    expect((await writeAnswer(t, { work: 'abroad' })).status).toBe(200);
  });
});
