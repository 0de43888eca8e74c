import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { signInStaff } from '../helpers/staff';
import { deliverMailTo, freePort, TestSmtp } from '../helpers/smtp';
import { dueAtOf, endOfBeijingDay } from '../../plugins/liaison/server/src/feedback/working-days';
import { awayFromWindowEnd, WINDOW_SECONDS } from '../helpers/rate-limits';

/**
 * Feedback with deadlines through the HTTP API: routing to the responsible post (class, college,
 * chapter, industry group, office), answers by the responsible liaison only and the mail that
 * brings it, a liaison recording feedback and asking the office, the anonymous form (honeypot,
 * rate limit), staff lists scoped to College Staff's colleges, reassignment, statistics, the
 * settings, the daily reminders and escalations (each once), and bad input.
 */
const FEEDBACK = 'plugin::liaison.feedback';
const NOTIFICATIONS = 'plugin::liaison.notification';
let smtp: TestSmtp;
let staff: ReturnType<typeof withToken>;

const feedback = () => strapiApp().plugin('liaison').service('feedback');
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const mailsFor = (documentId: string, kind: string) =>
  strapiApp().db.query(NOTIFICATIONS).findMany({ where: { kind, dedupeKey: { $startsWith: `${kind}:${documentId}` } } });
const stored = (documentId: string) => strapiApp().db.query(FEEDBACK).findOne({ where: { documentId }, populate: ['liaison', 'alumnus', 'fromPost'] });

// The network: a college with a class, a chapter and an industry group, a liaison post of each.
const net: Record<string, any> = {};
const liaison = async (dimension: string, scope: Record<string, unknown>, role = 'member') => {
  const holder = await signedInAlumnus({ name: unique('联络员'), language: 'zh-Hans' });
  const post = await makePost({ alumnus: holder.alumnus.documentId, dimension, role, cohort: undefined, ...scope });
  return { ...holder, post };
};

beforeAll(async () => {
  smtp = new TestSmtp(await freePort());
  smtp.configureEnv();
  await smtp.start();
  await setupStrapi();
  staff = withToken(await adminToken());
  net.college = await makeCollege();
  net.otherCollege = await makeCollege();
  net.cohort = await makeCohort({ college: net.college.documentId });
  net.bareCohort = await makeCohort({ college: net.college.documentId }); // a class without a liaison
  net.chapter = await makeChapter();
  net.industry = await makeIndustry();
  net.classLiaison = await liaison('cohort', { cohort: net.cohort.documentId }, 'monitor');
  net.collegeMember = await liaison('college', { college: net.college.documentId }, 'member');
  net.collegeHead = await liaison('college', { college: net.college.documentId }, 'head');
  net.chapterLiaison = await liaison('region', { chapter: net.chapter.documentId });
  net.industryLiaison = await liaison('industry', { industry: net.industry.documentId, nominationReason: '行业影响力' });
  net.alumnus = await signedInAlumnus({ name: '王芳', email: `${unique('wf').toLowerCase()}@example.cn`, language: 'en', cohort: net.cohort.documentId, chapter: net.chapter.documentId, industry: net.industry.documentId });
}, 120000);

afterAll(async () => {
  await teardownStrapi();
  await smtp.stop();
});

const send = (auth: Record<string, string>, body: Record<string, unknown>) => http().post('/api/liaison/feedback').set(auth).send(body);

describe('routing by the alumnus’s scope', () => {
  it('goes to the class liaison first, then the college (its head), the chapter, the industry group, and else the office', async () => {
    const cases: [Record<string, unknown>, any][] = [
      [{ cohort: net.cohort.documentId, chapter: net.chapter.documentId, industry: net.industry.documentId }, net.classLiaison],
      [{ cohort: net.bareCohort.documentId, chapter: net.chapter.documentId, industry: net.industry.documentId }, net.collegeHead],
      [{ chapter: net.chapter.documentId, industry: net.industry.documentId }, net.chapterLiaison],
      [{ industry: net.industry.documentId }, net.industryLiaison],
      [{}, null],
    ];
    for (const [scope, expected] of cases) {
      const person = await signedInAlumnus({ name: unique('校友'), ...scope });
      const res = await send(person.auth, { kind: 'career_help', content: '想请教行业前景' });
      expect(res.status).toBe(201);
      const row = await stored(res.body.data.documentId);
      expect(row.liaison?.documentId ?? null).toBe(expected ? expected.post.documentId : null);
      expect(res.body.data).toMatchObject({ status: 'open', responsible: expected ? expect.any(String) : 'office' });
      expect(row).toMatchObject({ origin: 'alumnus', category: 'career_help', feedbackStatus: 'open' });
      expect(new Date(res.body.data.dueAt).getTime()).toBe(new Date(row.dueAt).getTime());
    }
  });

  it('never routes a liaison’s own item to their own post', async () => {
    const holder = net.classLiaison;
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: holder.alumnus.documentId, data: { cohort: net.cohort.documentId } as any });
    const res = await send(holder.auth, { kind: 'suggestion', content: '建议多办活动' });
    expect(res.status).toBe(201);
    expect((await stored(res.body.data.documentId)).liaison.documentId).toBe(net.collegeHead.post.documentId);
  });

  it('sets the deadline in working days per kind, over the holidays the office lists', async () => {
    const settings = { deadlines: { complaint: 2 }, holidays: ['2026-12-07', '2026-12-08', '2026-12-09', '2027-01-01'], workdays: ['2026-12-12'], escalateAfterDays: 2 };
    const put = await staff.put('/liaison/feedback/settings').send(settings);
    expect(put.status).toBe(200);
    expect(put.body.data.deadlines).toMatchObject({ complaint: 2, career_help: 5 });
    const res = await send(net.alumnus.auth, { kind: 'complaint', content: '通知重复' });
    const row = await stored(res.body.data.documentId);
    expect(new Date(row.dueAt).toISOString()).toBe(dueAtOf(new Date(row.receivedAt), 2, settings).toISOString());
    const read = await staff.get('/liaison/feedback/settings');
    expect(read.body.data).toMatchObject({ holidays: settings.holidays, workdays: settings.workdays, escalateAfterDays: 2 });
    expect(read.body.meta).toEqual({ editable: true });
    await staff.put('/liaison/feedback/settings').send({ deadlines: {}, holidays: [], workdays: [], escalateAfterDays: 3 });
  });
});

describe('answers', () => {
  it('lets only the responsible liaison answer (404 for anyone else), once, and mails the answer to the alumnus in their language', async () => {
    const sent = await send(net.alumnus.auth, { kind: 'cooperation', content: '想与学院共建实习基地', contactBack: true });
    const { documentId } = sent.body.data;
    for (const other of [net.collegeHead, net.chapterLiaison, net.alumnus]) {
      const res = await http().post(`/api/liaison/feedback/${documentId}/answer`).set(other.auth).send({ answer: '我来答' });
      expect(res.status).toBe(404);
    }
    expect((await stored(documentId)).answeredAt).toBeNull();
    const staffTry = await staff.post(`/liaison/feedback/${documentId}/answer`).send({ answer: '校友办答复' });
    expect(staffTry.status).toBe(400);

    const queue = await http().get('/api/liaison/feedback').set(net.classLiaison.auth);
    expect(queue.body.data.queue.find((i: any) => i.documentId === documentId)).toMatchObject({ status: 'open', overdue: false, contactBack: true, alumnus: { name: '王芳' } });

    const answer = await http().post(`/api/liaison/feedback/${documentId}/answer`).set(net.classLiaison.auth).send({ answer: '已联系学院，负责老师会与您联系。' });
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({ status: 'answered', answer: '已联系学院，负责老师会与您联系。' });
    const again = await http().post(`/api/liaison/feedback/${documentId}/answer`).set(net.classLiaison.auth).send({ answer: '再答' });
    expect(again.status).toBe(409);

    expect(await deliverMailTo(net.alumnus.alumnus.email)).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.find((m) => m.to.includes(net.alumnus.alumnus.email) && m.subject === 'An answer to your feedback')!;
    expect(mail).toBeDefined();
    expect(mail.text).toContain('已联系学院，负责老师会与您联系。');
    expect(mail.text).toContain('想与学院共建实习基地');

    const mine = await http().get('/api/liaison/feedback').set(net.alumnus.auth);
    expect(mine.body.data.queue).toEqual([]);
    expect(mine.body.data.sent.find((i: any) => i.documentId === documentId)).toMatchObject({ status: 'answered', answer: '已联系学院，负责老师会与您联系。', answeredAt: expect.any(String) });
  });

  it('takes the rights away with the post: a liaison whose post ended yesterday cannot answer', async () => {
    const holder = await liaison('cohort', { cohort: (await makeCohort({ college: net.otherCollege.documentId })).documentId });
    const person = await signedInAlumnus({ name: unique('校友'), cohort: (await strapiApp().documents('plugin::liaison.liaison').findOne({ documentId: holder.post.documentId, populate: ['cohort'] }))!.cohort.documentId });
    const { documentId } = (await send(person.auth, { kind: 'other', content: '问个问题' })).body.data;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await strapiApp().db.query('plugin::liaison.liaison').update({ where: { id: holder.post.id }, data: { termEnd: yesterday, termStart: '2024-01-01' } });
    const res = await http().post(`/api/liaison/feedback/${documentId}/answer`).set(holder.auth).send({ answer: '答复' });
    expect(res.status).toBe(404);
  });
});

describe('what liaisons record and ask', () => {
  it('records an item for an alumnus of their scope, and refuses one outside it with 404', async () => {
    const res = await send(net.classLiaison.auth, { alumnus: net.alumnus.alumnus.documentId, kind: 'data_correction', content: '工作单位已变更' });
    expect(res.status).toBe(201);
    const row = await stored(res.body.data.documentId);
    expect(row).toMatchObject({ origin: 'liaison', alumnus: { id: net.alumnus.alumnus.id }, fromPost: { id: net.classLiaison.post.id }, liaison: { id: net.classLiaison.post.id } });

    const stranger = await makeAlumnus({ name: unique('外人') });
    const before = await strapiApp().db.query(FEEDBACK).count();
    expect((await send(net.classLiaison.auth, { alumnus: stranger.documentId, kind: 'other', content: 'x' })).status).toBe(404);
    expect((await send(net.alumnus.auth, { alumnus: stranger.documentId, kind: 'other', content: 'x' })).status).toBe(404);
    expect((await send(net.classLiaison.auth, { alumnus: 'nosuchalumnus', kind: 'other', content: 'x' })).status).toBe(404);
    expect(await strapiApp().db.query(FEEDBACK).count()).toBe(before);
  });

  it('sends the office a liaison’s question, which staff answer and the liaison reads', async () => {
    const notLiaison = await send(net.alumnus.auth, { toOffice: true, kind: 'suggestion', content: '建议' });
    expect(notLiaison.status).toBe(403);
    expect(fieldsOf(notLiaison.body)).toEqual(['toOffice']);

    const res = await send(net.chapterLiaison.auth, { toOffice: true, kind: 'suggestion', content: '希望培训增加数据保护内容' });
    expect(res.status).toBe(201);
    expect(res.body.data.responsible).toBe('office');
    const row = await stored(res.body.data.documentId);
    expect(row).toMatchObject({ origin: 'to_office', liaison: null, fromPost: { id: net.chapterLiaison.post.id } });

    const answered = await staff.post(`/liaison/feedback/${res.body.data.documentId}/answer`).send({ answer: '下期培训会增加。' });
    expect(answered.status).toBe(200);
    const mine = await http().get('/api/liaison/feedback').set(net.chapterLiaison.auth);
    expect(mine.body.data.sent.find((i: any) => i.documentId === res.body.data.documentId)).toMatchObject({ answer: '下期培训会增加。', responsible: 'office' });

    const training = await staff.get('/liaison/training/overview');
    expect(training.status).toBe(200);
    expect(training.body.data.officeAnswerTime).toMatchObject({ year: new Date().getUTCFullYear(), answered: expect.any(Number), medianHours: expect.any(Number) });
  });
});

describe('the anonymous form', () => {
  afterAll(() => feedback().configureLimits({}));

  it('stores an item for the office; a filled honeypot gets the same answer and stores nothing', async () => {
    await feedback().configureLimits({ perAddress: 100 });
    const ok = await http().post('/api/liaison/feedback/anonymous').send({ kind: 'complaint', content: '报名页面打不开', name: '一位校友', email: 'Someone@Example.cn', website: '' });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({ status: 'open', responsible: 'office' });
    expect(await stored(ok.body.data.documentId)).toMatchObject({ origin: 'anonymous', senderEmail: 'someone@example.cn', alumnus: null, liaison: null });

    const before = await strapiApp().db.query(FEEDBACK).count();
    const bot = await http().post('/api/liaison/feedback/anonymous').send({ kind: 'complaint', content: 'cheap pills', website: 'http://spam.example' });
    expect(bot.status).toBe(201);
    expect(Object.keys(bot.body.data).sort()).toEqual(Object.keys(ok.body.data).sort());
    expect(await strapiApp().db.query(FEEDBACK).count()).toBe(before);
    expect(await stored(bot.body.data.documentId)).toBeNull();
  });

  it('answers 429 once an address has sent its share', async () => {
    await awayFromWindowEnd();
    await feedback().configureLimits({ perAddress: 2, windowSeconds: WINDOW_SECONDS });
    const post = () => http().post('/api/liaison/feedback/anonymous').send({ kind: 'other', content: '你好' });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('staff', () => {
  it('see open, overdue and answered items; College Staff only their colleges’ alumni’s', async () => {
    const { documentId } = (await send(net.alumnus.auth, { kind: 'other', content: '过期的问题' })).body.data;
    await strapiApp().db.query(FEEDBACK).update({ where: { documentId }, data: { dueAt: new Date(Date.now() - 3_600_000) } });
    const outsider = await signedInAlumnus({ name: unique('校友'), industry: net.industry.documentId });
    const other = (await send(outsider.auth, { kind: 'other', content: '行业问题' })).body.data.documentId;

    const overdue = await staff.get('/liaison/feedback?status=overdue&pageSize=100');
    expect(overdue.status).toBe(200);
    expect(overdue.body.data.find((i: any) => i.documentId === documentId)).toMatchObject({ status: 'overdue', overdue: true });
    const open = await staff.get('/liaison/feedback?status=open&pageSize=100');
    expect(open.body.data.map((i: any) => i.documentId)).toContain(other);
    expect(open.body.data.map((i: any) => i.documentId)).not.toContain(documentId);
    const answered = await staff.get('/liaison/feedback?status=answered&pageSize=100');
    expect(answered.body.data.every((i: any) => i.status === 'answered')).toBe(true);

    const mine = withToken((await signInStaff('College Staff', { colleges: [net.college.documentId] })).token);
    const theirs = withToken((await signInStaff('College Staff', { colleges: [net.otherCollege.documentId] })).token);
    const seen = (await mine.get('/liaison/feedback?status=overdue&pageSize=100')).body.data.map((i: any) => i.documentId);
    expect(seen).toContain(documentId);
    const openSeen = (await mine.get('/liaison/feedback?status=open&pageSize=100')).body.data.map((i: any) => i.documentId);
    expect(openSeen).not.toContain(other);
    expect((await theirs.get('/liaison/feedback?status=overdue&pageSize=100')).body.data.map((i: any) => i.documentId)).not.toContain(documentId);
    expect((await theirs.post(`/liaison/feedback/${documentId}/reassign`).send({ office: true })).status).toBe(404);
    expect((await mine.post(`/liaison/feedback/${other}/reassign`).send({ office: true })).status).toBe(404);
    const refused = await mine.put('/liaison/feedback/settings').send({ deadlines: {}, holidays: [], workdays: [], escalateAfterDays: 3 });
    expect([refused.status, fieldsOf(refused.body)]).toEqual([403, ['deadlines']]);
    // They read the office's settings, and are told they may not change them (the page shows no Save).
    const read = await mine.get('/liaison/feedback/settings');
    expect([read.status, read.body.meta]).toEqual([200, { editable: false }]);
    const chapterEditor = withToken((await signInStaff('Chapter Editor', { chapters: [net.chapter.documentId] })).token);
    expect((await chapterEditor.get('/liaison/feedback')).status).toBe(403);
  });

  it('narrow a list by kind and by words in the item, its answer or who it is from; College Staff find nothing outside their colleges', async () => {
    const word = unique('宿舍楼');
    const ids = (res: any) => res.body.data.map((i: any) => i.documentId);
    const byContent = (await send(net.alumnus.auth, { kind: 'suggestion', content: `建议翻修${word}` })).body.data.documentId;
    const named = await signedInAlumnus({ name: `${word}校友`, cohort: net.cohort.documentId });
    const byName = (await send(named.auth, { kind: 'career_help', content: '求职咨询' })).body.data.documentId;
    await feedback().configureLimits({ perAddress: 100 });
    const anonymous = (await http().post('/api/liaison/feedback/anonymous').send({ kind: 'complaint', content: '页面打不开', name: `${word}的家长` })).body.data.documentId;
    await feedback().configureLimits({});
    const outsider = await signedInAlumnus({ name: unique('校友'), cohort: (await makeCohort({ college: net.otherCollege.documentId })).documentId });
    const elsewhere = (await send(outsider.auth, { kind: 'suggestion', content: `另一学院的${word}` })).body.data.documentId;
    const unrelated = (await send(net.alumnus.auth, { kind: 'suggestion', content: '别的事' })).body.data.documentId;

    // Any case, any part of the words; the list keeps its order (due first).
    const found = await staff.get(`/liaison/feedback?status=open&pageSize=100&q=${encodeURIComponent(` ${word} `)}`);
    expect(found.status).toBe(200);
    expect(ids(found).sort()).toEqual([byContent, byName, anonymous, elsewhere].sort());
    expect(found.body.meta.pagination.total).toBe(4);
    const suggestions = await staff.get(`/liaison/feedback?status=open&pageSize=100&kind=suggestion&q=${encodeURIComponent(word)}`);
    expect(ids(suggestions).sort()).toEqual([byContent, elsewhere].sort());
    const allSuggestions = ids(await staff.get('/liaison/feedback?status=open&pageSize=100&kind=suggestion'));
    expect(allSuggestions).toEqual(expect.arrayContaining([byContent, elsewhere, unrelated]));
    expect(allSuggestions).not.toContain(byName);

    // An answer is searched too, in the answered list.
    const answer = unique('已转交宿管科');
    expect((await staff.post(`/liaison/feedback/${anonymous}/answer`).send({ answer })).status).toBe(200);
    expect(ids(await staff.get(`/liaison/feedback?status=answered&pageSize=100&q=${encodeURIComponent(answer.toUpperCase())}`))).toEqual([anonymous]);

    // `%` and `_` are only themselves: "100%" does not find "1000", "a_b" does not find "axb".
    const tag = unique('rate').replace(/[^a-z0-9]/gi, '');
    const percent = (await send(net.alumnus.auth, { kind: 'suggestion', content: `${tag} 满意度 100% 了` })).body.data.documentId;
    await send(net.alumnus.auth, { kind: 'suggestion', content: `${tag} 满意度 1000 人 axb` });
    expect(ids(await staff.get(`/liaison/feedback?status=open&pageSize=100&q=${encodeURIComponent(`${tag} 满意度 100%`)}`))).toEqual([percent]);
    expect(ids(await staff.get(`/liaison/feedback?status=open&pageSize=100&q=${encodeURIComponent(`${tag} 满意度 1_0`)}`))).toEqual([]);

    // College Staff: the same words find their colleges' items only; the count tells nothing more.
    const mine = withToken((await signInStaff('College Staff', { colleges: [net.college.documentId] })).token);
    const theirs = await mine.get(`/liaison/feedback?status=open&pageSize=100&q=${encodeURIComponent(word)}`);
    expect(ids(theirs).sort()).toEqual([byContent, byName].sort());
    expect(theirs.body.meta.pagination.total).toBe(2);
    const probe = await mine.get(`/liaison/feedback?status=open&pageSize=100&q=${encodeURIComponent(`另一学院的${word}`)}`);
    expect([probe.body.data, probe.body.meta.pagination.total]).toEqual([[], 0]);

    for (const [query, field] of [
      [`q=${'字'.repeat(101)}`, 'q'],
      ['q=a%00b', 'q'],
      ['kind=gossip', 'kind'],
      ['q[$ne]=x', 'q'],
    ]) {
      const res = await staff.get(`/liaison/feedback?${query}`);
      expect([query, res.status, fieldsOf(res.body)]).toEqual([query, 400, [field]]);
    }
  });

  it('reassign an item to another post (who may then answer it, the first no longer) or to the office, kept in its history', async () => {
    const { documentId } = (await send(net.alumnus.auth, { kind: 'career_help', content: '求职建议' })).body.data;
    const moved = await staff.post(`/liaison/feedback/${documentId}/reassign`).send({ post: net.chapterLiaison.post.documentId });
    expect(moved.status).toBe(200);
    expect(moved.body.data.responsible).toMatchObject({ documentId: net.chapterLiaison.post.documentId });
    expect((await http().post(`/api/liaison/feedback/${documentId}/answer`).set(net.classLiaison.auth).send({ answer: 'x' })).status).toBe(404);

    const toOffice = await staff.post(`/liaison/feedback/${documentId}/reassign`).send({ office: true });
    expect(toOffice.body.data.responsible).toBe('office');
    expect(toOffice.body.data.routeLog.map((e: any) => e.to)).toEqual([net.classLiaison.post.documentId, net.chapterLiaison.post.documentId, 'office']);
    expect((await http().post(`/api/liaison/feedback/${documentId}/answer`).set(net.chapterLiaison.auth).send({ answer: 'x' })).status).toBe(404);
    expect((await staff.post(`/liaison/feedback/${documentId}/answer`).send({ answer: '校友办来答' })).status).toBe(200);
    expect((await staff.post(`/liaison/feedback/${documentId}/reassign`).send({ office: true })).status).toBe(409);
  });

  it('see the time to answer per post, with counts and overdue counts', async () => {
    const res = await staff.get('/liaison/feedback/stats');
    expect(res.status).toBe(200);
    const classRow = res.body.data.find((r: any) => r.post?.documentId === net.classLiaison.post.documentId);
    expect(classRow).toMatchObject({ answered: expect.any(Number), items: expect.any(Number), overdue: expect.any(Number) });
    expect(classRow.answered).toBeGreaterThanOrEqual(1);
    expect(typeof classRow.medianHours).toBe('number');
    expect(typeof classRow.meanHours).toBe('number');
    const office = res.body.data.find((r: any) => r.post === null);
    expect(office.answered).toBeGreaterThanOrEqual(2);
  });
});

describe('reminders and escalation', () => {
  it('reminds the responsible liaison on the due day, then escalates to the college staff after the set working days, each once', async () => {
    const collegeStaff = await signInStaff('College Staff', { colleges: [net.college.documentId] });
    const { documentId } = (await send(net.alumnus.auth, { kind: 'complaint', content: '一直没人回复' })).body.data;
    // Due on Monday 2 November 2026 (Beijing); escalation 3 working days later: Thursday 5 November.
    await strapiApp().db.query(FEEDBACK).update({ where: { documentId }, data: { dueAt: endOfBeijingDay('2026-11-02') } });

    await Promise.all([feedback().sweep('2026-11-01'), feedback().sweep('2026-11-01')]);
    expect(await mailsFor(documentId, 'feedback-reminder')).toHaveLength(0);

    await Promise.all([feedback().sweep('2026-11-02'), feedback().sweep('2026-11-02')]);
    await feedback().sweep('2026-11-03');
    const reminders = await mailsFor(documentId, 'feedback-reminder');
    expect(reminders.map((m: any) => m.to)).toEqual([net.classLiaison.alumnus.email]);
    expect(await mailsFor(documentId, 'feedback-escalation')).toHaveLength(0);

    await Promise.all([feedback().sweep('2026-11-05'), feedback().sweep('2026-11-05')]);
    await feedback().sweep('2026-11-09');
    const escalations = await mailsFor(documentId, 'feedback-escalation');
    expect(escalations.map((m: any) => m.to)).toContain(collegeStaff.user.email);
    expect(new Set(escalations.map((m: any) => m.to)).size).toBe(escalations.length);
    const row = await stored(documentId);
    expect(row.remindedAt).toBeTruthy();
    expect(row.escalatedAt).toBeTruthy();
  });

  it('escalates an item about an alumnus without college staff to the office', async () => {
    process.env.FEEDBACK_OFFICE_EMAIL = 'office@liaison.test';
    try {
      const person = await signedInAlumnus({ name: unique('校友'), industry: net.industry.documentId });
      const { documentId } = (await send(person.auth, { kind: 'other', content: '无人答复' })).body.data;
      await strapiApp().db.query(FEEDBACK).update({ where: { documentId }, data: { dueAt: endOfBeijingDay('2026-11-02') } });
      await feedback().sweep('2026-11-06');
      expect((await mailsFor(documentId, 'feedback-escalation')).map((m: any) => m.to)).toEqual(['office@liaison.test']);
      expect((await mailsFor(documentId, 'feedback-reminder')).map((m: any) => m.to)).toEqual([net.industryLiaison.alumnus.email]);
    } finally {
      delete process.env.FEEDBACK_OFFICE_EMAIL;
    }
  });
});

describe('escalation to the office', () => {
  it('sends a liaison’s overdue question, and an anonymous item, to the super admins when no address is configured', async () => {
    delete process.env.FEEDBACK_OFFICE_EMAIL;
    await feedback().configureLimits({ perAddress: 100 });
    const superAdmins = (await strapiApp().db.query('admin::user').findMany({ where: { isActive: true, roles: { code: 'strapi-super-admin' } }, select: ['email'] })).map((u: any) => u.email);
    expect(superAdmins.length).toBeGreaterThan(0);
    const question = (await send(net.classLiaison.auth, { toOffice: true, kind: 'other', content: '培训时间怎么安排？' })).body.data.documentId;
    const anonymous = (await http().post('/api/liaison/feedback/anonymous').send({ kind: 'other', content: '匿名问题' })).body.data.documentId;
    await strapiApp().db.query(FEEDBACK).updateMany({ where: { documentId: { $in: [question, anonymous] } }, data: { dueAt: endOfBeijingDay('2026-11-02') } });
    await feedback().sweep('2026-11-09');
    for (const documentId of [question, anonymous]) {
      expect((await mailsFor(documentId, 'feedback-escalation')).map((m: any) => m.to).sort()).toEqual([...superAdmins].sort());
      // The office has no reminder on the due day: it is told once, when it escalates.
      expect(await mailsFor(documentId, 'feedback-reminder')).toEqual([]);
    }
    await feedback().configureLimits({});
  });
});

describe('bad input', () => {
  it('answers 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'need', content: 'x' }, 'kind'],
      [{ kind: 'other', content: '   ' }, 'content'],
      [{ kind: 'other' }, 'content'],
      [{ kind: 'other', content: 'x', contactBack: 'yes' }, 'contactBack'],
      [{ kind: 'other', content: 'x', extra: 1 }, 'extra'],
      [{ kind: 'other', content: 'x\u0000' }, 'content'],
    ];
    for (const [body, field] of cases) {
      const res = await send(net.alumnus.auth, body);
      expect([res.status, fieldsOf(res.body)]).toEqual([400, [field]]);
    }
    const anon = await http().post('/api/liaison/feedback/anonymous').send({ kind: 'other', content: 'x', email: 'not-an-address' });
    expect([anon.status, fieldsOf(anon.body)]).toEqual([400, ['email']]);
    const answer = await http().post('/api/liaison/feedback/x/answer').set(net.classLiaison.auth).send({ answer: '' });
    expect([answer.status, fieldsOf(answer.body)]).toEqual([400, ['answer']]);
    const reassign = await staff.post('/liaison/feedback/x/reassign').send({});
    expect([reassign.status, fieldsOf(reassign.body)]).toEqual([400, ['post']]);
    const both = await staff.post('/liaison/feedback/x/reassign').send({ post: 'abc', office: true });
    expect([both.status, fieldsOf(both.body)]).toEqual([400, ['post']]);
    const settings = await staff.put('/liaison/feedback/settings').send({ deadlines: { complaint: 0, nonsense: 3 }, holidays: ['2026-13-01'], workdays: [], escalateAfterDays: 'x' });
    expect(settings.status).toBe(400);
    expect(fieldsOf(settings.body).sort()).toEqual(['deadlines.complaint', 'deadlines.nonsense', 'escalateAfterDays', 'holidays[0]']);
    const status = await staff.get('/liaison/feedback?status=late');
    expect([status.status, fieldsOf(status.body)]).toEqual([400, ['status']]);
    expect((await http().post('/api/liaison/feedback').send({ kind: 'other', content: 'x' })).status).toBe(403);
  });
});
