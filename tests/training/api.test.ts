import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { addDays, today } from '../../plugins/liaison/server/src/assignment/rules/lifecycle';
import { addMonths } from '../../plugins/liaison/server/src/training/rules';

let api: ReturnType<typeof withToken>;
const app = () => strapiApp();
const docs = (uid: string) => app().documents(uid as any);
const ACK = 'plugin::liaison.conduct-acknowledgement';
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

const course = (data: Record<string, unknown> = {}) =>
  docs('plugin::liaison.training-course').create({
    data: {
      title: unique('课程'),
      area: 'alumni_work',
      mandatory: false,
      passMark: 70,
      ...data,
    } as any,
  });
const session = (courseId: string) =>
  docs('plugin::liaison.training-session').create({
    data: {
      course: courseId,
      startsAt: '2026-03-01T01:00:00.000Z',
      endsAt: '2026-03-01T05:00:00.000Z',
      trainer: '王老师',
      capacity: 40,
    } as any,
  });
const record = (sessionId: string, alumnus: string, data: Record<string, unknown>) =>
  docs('plugin::liaison.training-record').create({
    data: { session: sessionId, alumnus, ...data } as any,
  });
const stored = (documentId: string) => app().db.query('plugin::liaison.training-record').findOne({ where: { documentId } });

/** A nominated class liaison, approved through the lifecycle API. */
const approvedLiaison = async (collegeId?: string) => {
  const college = collegeId ?? (await makeCollege()).documentId;
  const cohort = await makeCohort({ college });
  const alumnus = await makeAlumnus({
    cohort: cohort.documentId,
    contactConsent: true,
    email: `${unique('t')}@example.com`,
    language: 'en',
  });
  const nominated = await api.post('/liaison/posts').send({
    alumnus: alumnus.documentId,
    dimension: 'cohort',
    scope: cohort.documentId,
    role: 'monitor',
    termStart: today(),
  });
  expect(nominated.status).toBe(201);
  const approved = await api.post(`/liaison/posts/${nominated.body.data.documentId}/approve`);
  expect(approved.status).toBe(200);
  const post = await app()
    .db.query('plugin::liaison.liaison')
    .findOne({ where: { documentId: nominated.body.data.documentId } });
  return { college, cohort, alumnus, post };
};

/** Passes every mandatory course there is, as the given alumnus. */
const passEverything = async (alumnus: string) => {
  const mandatory = await app()
    .db.query('plugin::liaison.training-course')
    .findMany({ where: { mandatory: true } });
  for (const c of mandatory)
    await record((await session(c.documentId)).documentId, alumnus, {
      attended: true,
      score: 100,
    });
};

describe('training records', () => {
  it('computes the result from attendance, score and the course’s pass mark, whatever was typed', async () => {
    const c = await course({ passMark: 70 });
    const s = await session(c.documentId);
    const passed = await record(s.documentId, (await makeAlumnus()).documentId, { attended: true, score: 80, result: 'failed' });
    expect((await stored(passed.documentId)).result).toBe('passed');
    const absent = await record(s.documentId, (await makeAlumnus()).documentId, { attended: false, score: 95 });
    expect((await stored(absent.documentId)).result).toBe('pending');
    const res = await api.put(`/liaison/training/records/${passed.documentId}`).send({ score: 50 });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      attended: true,
      score: 50,
      result: 'failed',
    });
  });

  it.each([
    [{ score: 101 }, 'score'],
    [{ score: 7.5 }, 'score'],
    [{ attended: 'yes' }, 'attended'],
  ])('refuses %j with 400 naming %s', async (body, field) => {
    const c = await course();
    const r = await record((await session(c.documentId)).documentId, (await makeAlumnus()).documentId, { attended: true, score: 90 });
    const res = await api.put(`/liaison/training/records/${r.documentId}`).send(body);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([field]);
    expect((await stored(r.documentId)).score).toBe(90);
  });

  it('answers 404 for an unknown record', async () => {
    expect((await api.put('/liaison/training/records/nope').send({ score: 5 })).status).toBe(404);
  });
});

describe('enrolment', () => {
  it('enrols alumni in a session up to its capacity, all or nothing', async () => {
    const c = await course();
    const s = await docs('plugin::liaison.training-session').create({
      data: { course: c.documentId, startsAt: '2026-05-01T01:00:00.000Z', endsAt: '2026-05-01T05:00:00.000Z', capacity: 3, onlineUrl: 'https://meeting.example.com/j/1' } as any,
    });
    const people = [];
    for (let i = 0; i < 4; i += 1) people.push((await makeAlumnus()).documentId);
    const count = () => app().db.query('plugin::liaison.training-record').count({ where: { session: { documentId: s.documentId } } });
    const enrol = (alumni: unknown) => api.post(`/liaison/training/sessions/${s.documentId}/enrolments`).send({ alumni });
    const first = await enrol(people.slice(0, 2));
    expect(first.status).toBe(201);
    expect(first.body.data).toMatchObject({ enrolled: 2, capacity: 3 });
    const full = await enrol(people.slice(2, 4));
    expect(full.status).toBe(409);
    expect(fieldsOf(full.body)).toEqual(['alumni']);
    expect(full.body.error.message).toMatch(/the session is full: 2 of its 3 places are taken/);
    expect(await count()).toBe(2);
    const again = await enrol([people[0]]);
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['alumni[0]']);
    const bad = await enrol([people[2], 'nobody', people[2]]);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['alumni[1]', 'alumni[2]']);
    expect((await enrol([])).status).toBe(400);
    expect((await api.post('/liaison/training/sessions/nope/enrolments').send({ alumni: [people[3]] })).status).toBe(404);
    expect((await enrol([people[2]])).status).toBe(201);
    expect(await count()).toBe(3);
    // The Content Manager cannot overfill it either.
    const cm = await api.post('/content-manager/collection-types/plugin::liaison.training-record').send({
      session: { connect: [{ documentId: s.documentId }] },
      alumnus: { connect: [{ documentId: people[3] }] },
    });
    expect(cm.status).toBe(409);
    expect(fieldsOf(cm.body)).toEqual(['session']);
    expect(await count()).toBe(3);
  });
});

describe('provisional liaisons', () => {
  beforeAll(async () => {
    await course({
      mandatory: true,
      title: unique('校友工作必修课'),
      passMark: 60,
    });
  });

  it('makes a newly approved liaison provisional, with a deadline six months on, shown on the board', async () => {
    const { cohort, post, college } = await approvedLiaison();
    expect(post.provisional).toBe(true);
    expect(String(post.trainingDeadline).slice(0, 10)).toBe(addMonths(today(), 6));
    const scope = await api.get(`/liaison/scopes/cohort/${cohort.documentId}`);
    expect(scope.body.data.posts[0]).toMatchObject({
      provisional: true,
      trainingDeadline: addMonths(today(), 6),
    });
    // Coverage counts provisional liaisons apart, scope by scope and in the totals.
    const coverage = await api.get(`/liaison/coverage?dimension=cohort&college=${college}`);
    const row = coverage.body.data.find((r: any) => r.scope.documentId === cohort.documentId);
    expect(row).toMatchObject({ active: 1, provisional: 1 });
    expect(coverage.body.meta.totals.provisional).toBe(1);
    const summary = await api.get('/liaison/coverage/summary');
    expect(summary.body.data.dimensions.find((d: any) => d.dimension === 'cohort').provisional).toBeGreaterThanOrEqual(1);
  });

  it('confirms the liaison once every required course is passed', async () => {
    const { alumnus, post } = await approvedLiaison();
    await passEverything(alumnus.documentId);
    const after = await app()
      .db.query('plugin::liaison.liaison')
      .findOne({ where: { id: post.id } });
    expect(after.provisional).toBe(false);
  });

  it('takes the deadline from the settings, refusing a bad number of months', async () => {
    expect((await api.put('/liaison/training/settings').send({ months: 0 })).status).toBe(400);
    expect((await api.put('/liaison/training/settings').send({ months: 3 })).body.data).toEqual({ months: 3 });
    const { post } = await approvedLiaison();
    expect(String(post.trainingDeadline).slice(0, 10)).toBe(addMonths(today(), 3));
    await api.put('/liaison/training/settings').send({ months: 6 });
  });

  it('reminds a provisional liaison 30 and 7 days before the deadline, once each', async () => {
    const { alumnus, post } = await approvedLiaison();
    const deadline = String(post.trainingDeadline).slice(0, 10);
    const mails = () =>
      app()
        .db.query('plugin::liaison.notification')
        .findMany({ where: { kind: 'training-deadline', to: alumnus.email }, orderBy: { id: 'asc' } });
    const service = app().plugin('liaison').service('training');
    await service.runReminders(addDays(deadline, -30));
    await service.runReminders(addDays(deadline, -30));
    await service.runReminders(addDays(deadline, -20));
    expect(await mails()).toHaveLength(1);
    await service.runReminders(addDays(deadline, -7));
    const sent = await mails();
    expect(sent).toHaveLength(2);
    expect(sent[0].subject).toBe('Your liaison training is due in 30 days');
    expect(sent[0].text).toContain('校友工作必修课');
  });

  it('lists provisional liaisons and completion in the overview, College Staff seeing their colleges only', async () => {
    const mine = await approvedLiaison();
    const other = await approvedLiaison();
    const overview = await api.get('/liaison/training/overview').set('Accept-Language', 'zh-CN');
    expect(overview.status).toBe(200);
    const names = overview.body.data.provisional.map((p: any) => p.post.documentId);
    expect(names).toEqual(expect.arrayContaining([mine.post.documentId, other.post.documentId]));
    // The post by its parts (the page names its holder once, then the class and the role).
    const entry = overview.body.data.provisional.find((p: any) => p.post.documentId === mine.post.documentId);
    expect(entry.post).toMatchObject({ dimension: 'cohort', role: 'monitor', scope: mine.cohort.className, label: mine.post.label });
    expect(overview.body.data.dimensions.find((d: any) => d.dimension === 'cohort').provisional).toBeGreaterThanOrEqual(2);
    expect(overview.body.data.courses.some((c: any) => c.mandatory)).toBe(true);
    const staff = withToken((await signInStaff('College Staff', { colleges: [mine.college] })).token);
    const scoped = await staff.get('/liaison/training/overview');
    expect(scoped.body.data.provisional.map((p: any) => p.post.documentId)).toEqual([mine.post.documentId]);
    expect((await staff.put('/liaison/training/settings').send({ months: 2 })).status).toBe(403);
  });

  it('names courses and posts in the admin’s language: the English title where there is one, the role in English', async () => {
    const named = await course({ mandatory: true, title: unique('个人信息保护'), titleEn: 'Personal data protection', passMark: 60 });
    const unnamed = await course({ title: unique('只有中文名') });
    const { post } = await approvedLiaison();
    const en = await api.get('/liaison/training/overview').set('Accept-Language', 'en');
    const zh = await api.get('/liaison/training/overview').set('Accept-Language', 'zh-CN');
    const courseIn = (res: any, documentId: string) => res.body.data.courses.find((c: any) => c.documentId === documentId);
    expect(courseIn(en, named.documentId)).toMatchObject({ title: 'Personal data protection', titleZh: named.title, titleEn: 'Personal data protection' });
    expect(courseIn(zh, named.documentId).title).toBe(named.title);
    expect(courseIn(en, unnamed.documentId)).toMatchObject({ title: unnamed.title, titleEn: null });
    const postIn = (res: any) => res.body.data.provisional.find((p: any) => p.post.documentId === post.documentId).post.label;
    expect(postIn(zh)).toBe(post.label);
    expect(post.label).toMatch(/ · 班长$/);
    expect(postIn(en)).toBe(post.label.replace(/ · 班长$/, ' · Class monitor'));
    // The reminder to an English-speaking liaison names the missing courses in English.
    const deadline = String(post.trainingDeadline).slice(0, 10);
    await app().plugin('liaison').service('training').runReminders(addDays(deadline, -7));
    const alumnus = await app().db.query('plugin::liaison.liaison').findOne({ where: { id: post.id }, populate: { alumnus: true } });
    const [mail] = await app().db.query('plugin::liaison.notification').findMany({ where: { kind: 'training-deadline', to: alumnus.alumnus.email } });
    expect(mail.text).toContain('Personal data protection');
    await app().db.query('plugin::liaison.training-course').update({ where: { id: named.id }, data: { mandatory: false } });
  });

  it('registers the training_completed measure for the appraisal', async () => {
    const measures = await api.get('/liaison/measures');
    expect(measures.body.data.map((m: any) => m.key)).toContain('training_completed');
  });
});

describe('the code of conduct (行为准则)', () => {
  const pendingIds = async () => (await api.get('/liaison/conduct/pending')).body.data.pending.map((p: any) => p.alumnus.documentId);

  it('publishes a version, asks every serving liaison by mail, and records acknowledgements by link and by staff', async () => {
    expect((await api.post('/liaison/conduct/versions').send({ title: '行为准则' })).status).toBe(400);
    const first = await approvedLiaison();
    const second = await approvedLiaison();
    const res = await api.post('/liaison/conduct/versions').send({ title: '校友联络员行为准则', textZh: '保护校友个人信息，不得外传。', textEn: 'Protect alumni personal data.' });
    expect(res.status).toBe(201);
    const version = res.body.data.version;
    expect(await pendingIds()).toEqual(expect.arrayContaining([first.alumnus.documentId, second.alumnus.documentId]));
    // Each with their post's scope and role, for the Training page's list of everyone pending.
    const listed = (await api.get('/liaison/conduct/pending')).body.data.pending.find((p: any) => p.alumnus.documentId === first.alumnus.documentId);
    expect(listed.post).toMatchObject({ documentId: first.post.documentId, dimension: 'cohort', role: 'monitor', scope: first.cohort.className });

    const mail = await app().db.query('plugin::liaison.notification').findOne({ where: { kind: 'conduct', to: first.alumnus.email } });
    expect(mail.subject).toBe(`Please acknowledge the liaisons' code of conduct (version ${version})`);
    const link = new URL(/(http\S+conduct\/acknowledge\S+)/.exec(mail.text)![1]);
    const acksOf = (alumnus: string) => app().db.query(ACK).findMany({ where: { alumnus: { documentId: alumnus } } });
    // Following the link shows the version and a button; it records nothing.
    const page = await http().get(`${link.pathname}${link.search}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`version ${version} of the liaisons&#39; code of conduct, &quot;校友联络员行为准则&quot;`);
    expect(page.text).toContain('<form method="post">');
    expect(await acksOf(first.alumnus.documentId)).toHaveLength(0);
    // The button records it; pressing again is harmless.
    const token = link.searchParams.get('token');
    const pressed = await http().post(`${link.pathname}${link.search}`).type('form').send({ token });
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('感谢您确认');
    expect((await http().post(link.pathname).type('form').send({ token })).status).toBe(200);
    expect((await http().post(`${link.pathname}${link.search.slice(0, -2)}xx`)).status).toBe(400);
    expect((await http().get('/api/liaison/conduct/acknowledge?token=nothing')).status).toBe(400);
    const acks = await acksOf(first.alumnus.documentId);
    expect(acks).toHaveLength(1);
    expect(acks[0].via).toBe('link');

    expect((await api.post('/liaison/conduct/acknowledgements').send({ alumnus: 'nobody' })).status).toBe(400);
    const staff = await api.post('/liaison/conduct/acknowledgements').send({ alumnus: second.alumnus.documentId });
    expect(staff.status).toBe(201);
    expect(staff.body.data).toMatchObject({ version, created: true });
    const pending = await pendingIds();
    expect(pending).not.toContain(first.alumnus.documentId);
    expect(pending).not.toContain(second.alumnus.documentId);

    // A new version asks everyone again.
    const next = await api.post('/liaison/conduct/versions').send({ title: '校友联络员行为准则（修订）', textZh: '修订版。' });
    expect(next.body.data.version).toBe(version + 1);
    expect(await pendingIds()).toEqual(expect.arrayContaining([first.alumnus.documentId, second.alumnus.documentId]));
    const overview = await api.get('/liaison/training/overview');
    expect(overview.body.data.conduct.version.version).toBe(version + 1);
  });

  it('acknowledgement links act on POST only, are bound to their version, expire, serve no other purpose, and come from PUBLIC_URL', async () => {
    const liaison = await approvedLiaison();
    const who = liaison.alumnus.documentId;
    const acks = () => app().db.query(ACK).findMany({ where: { alumnus: { documentId: who } }, populate: { conductVersion: { select: ['version'] } } });
    // Whatever host the publishing request names, the links point at the configured public URL.
    const res = await api
      .post('/liaison/conduct/versions')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .send({ title: '<b>准则</b> & "引号"', textZh: '第一条。' });
    expect(res.status).toBe(201);
    const older = res.body.data;
    const mailOf = async (documentId: string) =>
      app().db.query('plugin::liaison.notification').findOne({ where: { dedupeKey: `conduct:${documentId}:${who}` } });
    const link = new URL(/(http\S+conduct\/acknowledge\S+)/.exec((await mailOf(older.documentId)).text)![1]);
    expect(link.origin).toBe('http://localhost:1337');
    const token = link.searchParams.get('token')!;
    expect(token.startsWith('conduct.')).toBe(true);

    // What the page echoes is escaped.
    const page = await http().get(link.pathname + link.search);
    expect(page.text).toContain('&lt;b&gt;准则&lt;/b&gt; &amp; &quot;引号&quot;');
    expect(page.text).not.toContain('<b>准则');

    const conduct = app().plugin('liaison').service('conduct');
    const expired = new URL(conduct.linkFor(who, older.documentId, new Date(Date.now() - 91 * 24 * 3600e3))).searchParams.get('token')!;
    const unsubscribe = new URL(app().plugin('liaison').service('outbox').unsubscribeLink(who)).searchParams.get('token')!;
    const forged = token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    for (const [bad, message] of [
      [expired, '确认链接已过期'],
      [unsubscribe, '确认链接无效'],
      [forged, '确认链接无效'],
    ]) {
      const shown = await http().get('/api/liaison/conduct/acknowledge').query({ token: bad });
      const pressed = await http().post('/api/liaison/conduct/acknowledge').type('form').send({ token: bad });
      for (const r of [shown, pressed]) {
        expect(r.status).toBe(400);
        expect(r.text).toContain(message);
        expect(r.text).not.toContain('<form');
      }
    }
    expect(await acks()).toHaveLength(0);

    // A newer version: the older link acknowledges neither version, and says so.
    const newer = (await api.post('/liaison/conduct/versions').send({ title: '行为准则（新）', textZh: '第二条。' })).body.data;
    for (const r of [
      await http().get(link.pathname + link.search),
      await http().post(link.pathname + link.search).type('form').send({ token }),
    ]) {
      expect(r.status).toBe(400);
      expect(r.text).toContain(`行为准则已更新至第 ${newer.version} 版`);
    }
    expect(await acks()).toHaveLength(0);

    // The newer mail's link acknowledges the newer version, once pressed.
    const fresh = new URL(/(http\S+conduct\/acknowledge\S+)/.exec((await mailOf(newer.documentId)).text)![1]);
    expect((await http().get(fresh.pathname + fresh.search)).status).toBe(200);
    expect(await acks()).toHaveLength(0);
    expect((await http().post(fresh.pathname + fresh.search).type('form').send({ token: fresh.searchParams.get('token') })).status).toBe(200);
    expect((await acks()).map((a: any) => a.conductVersion.version)).toEqual([newer.version]);
  });
});
