import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';
import { addDays, today } from '../../plugins/liaison/server/src/assignment/rules/lifecycle';

const POSTS = 'plugin::liaison.liaison';
const OUTBOX = 'plugin::liaison.notification';
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const q = (uid: string) => strapiApp().db.query(uid as any);
const idOf = async (uid: string, documentId: string) => ((await q(uid).findOne({ where: { documentId } })) as any).id;
const postsIn = async (cohort: string) => q(POSTS).findMany({ where: { cohort: { id: await idOf('plugin::liaison.cohort', cohort) } } });
const mailsTo = (to: string, kind: string) => q(OUTBOX).findMany({ where: { to, kind } });

/** An admin user with one of the staff roles, logged in through POST /admin/login. */
const staffUser = async (roleName: string) => {
  const app = strapiApp();
  const role: any = await q('admin::role').findOne({ where: { name: roleName } });
  const email = `${unique('staff').toLowerCase()}@liaison.test`;
  const password = 'Staff-Pass-2026';
  const user = await app.service('admin::user').create({ email, firstname: 'Staff', lastname: roleName, password, isActive: true, roles: [role.id] });
  const res = await http().post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return { user, email, api: withToken(res.body.data.token) };
};
const linkStaff = (college: string, userId: number) =>
  idOf('plugin::liaison.college', college).then((id) => q('plugin::liaison.college').update({ where: { id }, data: { staff: [userId] } }));

describe('graduation appointment (POST /liaison/cohorts/:documentId/appoint)', () => {
  it('appoints the class liaisons and mails every consenting member their names and how to reach them', async () => {
    const cohort = await makeCohort({ className: '临床医学2026级1班' });
    const c = cohort.documentId;
    const monitor = await makeAlumnus({ cohort: c, name: '王班长', email: 'monitor@example.org', phone: '13800000001', contactConsent: true });
    const secretary = await makeAlumnus({ cohort: c, name: '赵团支书', email: 'secretary@example.org', contactConsent: true });
    const member = await makeAlumnus({ cohort: c, name: '钱同学', email: 'member@example.org', contactConsent: true });
    const noConsent = await makeAlumnus({ cohort: c, name: '孙同学', email: 'noconsent@example.org', contactConsent: false });
    await makeAlumnus({ cohort: c, name: '周同学', contactConsent: true });

    const res = await api.post(`/liaison/cohorts/${c}/appoint`).send({
      appointments: [
        { alumnus: monitor.documentId, role: 'monitor' },
        { studentNo: secretary.studentNo, role: 'league_secretary' },
      ],
      termStart: today(),
      termEnd: addDays(today(), 365 * 3),
    });
    expect(res.status).toBe(201);
    expect(res.body.data.posts.map((p: any) => [p.alumnus.name, p.role, p.postStatus])).toEqual([
      ['王班长', 'monitor', 'active'],
      ['赵团支书', 'league_secretary', 'active'],
    ]);
    expect(res.body.data.mailed).toBe(3);

    const [mail] = await mailsTo('member@example.org', 'appointment');
    expect(mail).toMatchObject({ recipientLocale: 'zh-Hans', deliveryStatus: 'pending' });
    expect(mail.subject).toContain('临床医学2026级1班');
    expect(mail.text).toContain('王班长（班长）：邮箱 monitor@example.org，电话 13800000001');
    expect(mail.text).toContain('赵团支书（团支书）：邮箱 secretary@example.org');
    expect(await mailsTo('noconsent@example.org', 'appointment')).toHaveLength(0);
    expect(noConsent).toBeTruthy();

    const events = (await api.get(`/liaison/posts/${res.body.data.posts[0].documentId}/history`)).body.data;
    expect(events[0]).toMatchObject({ action: 'appoint', after: { postStatus: 'active' } });
  });

  it('writes mails in English when asked', async () => {
    const c = (await makeCohort({ className: 'Medicine 2026 class 2' })).documentId;
    const monitor = await makeAlumnus({ cohort: c, name: 'Li Wei', email: unique('li') + '@example.org', contactConsent: true });
    const res = await api.post(`/liaison/cohorts/${c}/appoint`).send({ appointments: [{ alumnus: monitor.documentId, role: 'monitor' }], termStart: today(), locale: 'en' });
    expect(res.status).toBe(201);
    const [mail] = await mailsTo(monitor.email as string, 'appointment');
    expect(mail.subject).toBe('Your class liaisons: Medicine 2026 class 2');
    expect(mail.text).toContain(`- Li Wei (Class monitor): e-mail ${monitor.email}`);
  });

  it('writes each member in their own language when they have one, the asked one otherwise', async () => {
    const c = (await makeCohort({ className: '医学2026级3班' })).documentId;
    const monitor = await makeAlumnus({ cohort: c, name: '周班长', email: unique('zhou') + '@example.org', contactConsent: true });
    const abroad = await makeAlumnus({ cohort: c, name: 'Chen Abroad', email: unique('chen') + '@example.org', contactConsent: true, language: 'en' });
    const res = await api.post(`/liaison/cohorts/${c}/appoint`).send({ appointments: [{ alumnus: monitor.documentId, role: 'monitor' }], termStart: today() });
    expect(res.status).toBe(201);
    const [english] = await mailsTo(abroad.email as string, 'appointment');
    expect(english).toMatchObject({ recipientLocale: 'en', subject: 'Your class liaisons: 医学2026级3班' });
    const [chinese] = await mailsTo(monitor.email as string, 'appointment');
    expect(chinese.recipientLocale).toBe('zh-Hans');
    expect(chinese.subject).toContain('医学2026级3班');
    expect(chinese.subject).not.toBe(english.subject);
  });

  it('is all or nothing: names the appointee who is unknown or not of the class, and writes no post and no mail', async () => {
    const c = (await makeCohort()).documentId;
    const member = await makeAlumnus({ cohort: c, email: unique('m') + '@example.org', contactConsent: true });
    const stranger = await makeAlumnus({ cohort: (await makeCohort()).documentId });
    const appoint = (lastRole: string) =>
      api.post(`/liaison/cohorts/${c}/appoint`).send({
        appointments: [
          { alumnus: member.documentId, role: 'monitor' },
          { alumnus: stranger.documentId, role: 'league_secretary' },
          { studentNo: 'NO-SUCH-STUDENT', role: 'member' },
          { alumnus: member.documentId, role: lastRole },
        ],
        termStart: '2026-07-01',
      });
    // The request's own shape first (its schema), then the people it names (the database).
    const shape = await appoint('president');
    expect(shape.status).toBe(400);
    expect(fieldsOf(shape.body)).toEqual(['appointments[3].role']);
    const res = await appoint('member');
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['appointments[1].alumnus', 'appointments[2].studentNo', 'appointments[3].alumnus']);
    expect(await postsIn(c)).toHaveLength(0);
    expect(await mailsTo(member.email as string, 'appointment')).toHaveLength(0);

    const missing = await api.post(`/liaison/cohorts/${c}/appoint`).send({ appointments: [] });
    expect(fieldsOf(missing.body)).toEqual(['termStart', 'appointments']);
    expect((await api.post('/liaison/cohorts/nosuchcohort0/appoint').send({ appointments: [], termStart: today() })).status).toBe(404);
  });

  it("respects the class's posts (409) and the overlap rule, and writes nothing when refused", async () => {
    const c = (await makeCohort()).documentId;
    const people = [
      await makeAlumnus({ cohort: c, email: unique('a') + '@example.org', contactConsent: true }),
      await makeAlumnus({ cohort: c }),
      await makeAlumnus({ cohort: c }),
    ];
    const three = await api.post(`/liaison/cohorts/${c}/appoint`).send({
      appointments: people.map((p) => ({ alumnus: p.documentId, role: 'member' })),
      termStart: today(),
    });
    expect(three.status).toBe(409);
    expect(fieldsOf(three.body)).toEqual(['appointments']);
    expect(await postsIn(c)).toHaveLength(0);

    await makePost({ cohort: c, alumnus: people[0].documentId, postStatus: 'nominated', termStart: '2024-01-01' });
    const overlap = await api.post(`/liaison/cohorts/${c}/appoint`).send({
      appointments: [{ studentNo: people[1].studentNo, role: 'monitor' }, { alumnus: people[0].documentId, role: 'member' }],
      termStart: today(),
    });
    expect(overlap.status).toBe(409);
    expect(fieldsOf(overlap.body)).toEqual(['appointments[1].alumnus']);
    expect(await postsIn(c)).toHaveLength(1);
    expect(await mailsTo(people[0].email as string, 'appointment')).toHaveLength(0);
  });
});

describe('candidates for a vacancy (GET /liaison/candidates)', () => {
  const trained = async (alumnus: string) => {
    const course = await strapiApp().documents('plugin::liaison.training-course' as any).create({ data: { title: unique('课程'), area: 'alumni_work' } as any });
    const session = await strapiApp().documents('plugin::liaison.training-session' as any).create({ data: { course: course.documentId, startsAt: '2025-03-01T09:00:00Z' } as any });
    await strapiApp().documents('plugin::liaison.training-record' as any).create({ data: { session: session.documentId, alumnus, attended: true, score: 90 } as any });
  };

  it("ranks the scope's alumni with their reasons, leaving out holders, nominees, the deceased and the unreachable", async () => {
    const c = (await makeCohort()).documentId;
    const best = await makeAlumnus({ cohort: c, name: '甲', contactConsent: true, email: unique('a') + '@example.org', lastVerifiedAt: addDays(today(), -100) });
    await trained(best.documentId);
    const reachable = await makeAlumnus({ cohort: c, name: '乙', phone: '13900000000' });
    const busy = await makeAlumnus({ cohort: c, name: '丙', contactConsent: true, email: unique('c') + '@example.org' });
    await makePost({ dimension: 'region', chapter: (await makeChapter()).documentId, cohort: undefined, alumnus: busy.documentId, role: 'member' });
    const holder = await makeAlumnus({ cohort: c, name: '丁', contactConsent: true });
    await makePost({ cohort: c, alumnus: holder.documentId, postStatus: 'nominated' });
    await makeAlumnus({ cohort: c, name: '戊', alumnusStatus: 'deceased', contactConsent: true });
    await makeAlumnus({ cohort: c, name: '己', alumnusStatus: 'unreachable', contactConsent: true });
    await makeAlumnus({ name: '庚', contactConsent: true });
    const former = await makeAlumnus({ cohort: c, name: '辛' });
    await makePost({ cohort: c, alumnus: former.documentId, postStatus: 'ended', endReason: 'term_over', termStart: '2020-01-01', termEnd: '2023-01-01' });

    const res = await api.get(`/liaison/candidates?dimension=cohort&scope=${c}`);
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ posts: 2, occupied: 0, free: 2 });
    expect(res.body.data.map((d: any) => d.alumnus.name)).toEqual(['甲', '丙', '乙', '辛']);
    expect(res.body.data[3].reasons.map((r: any) => r.key)).toEqual(['servedBefore', 'fewPosts']);
    const [first, second, third] = res.body.data;
    expect(first.reasons.map((r: any) => r.key)).toEqual(['consented', 'reachable', 'recentlyVerified', 'trained', 'fewPosts']);
    expect(first.score).toBe(95);
    expect(second.reasons.map((r: any) => r.key)).toEqual(['consented', 'reachable', 'fewPosts']);
    expect(second.reasons.find((r: any) => r.key === 'fewPosts').text).toBe('Holds only one other post');
    expect(third).toMatchObject({ alumnus: { documentId: reachable.documentId }, score: 30 });
  });

  it('favours seniority in an industry group, and finds the alumni of a college through its cohorts', async () => {
    const industry = (await makeIndustry()).documentId;
    const college = (await makeCollege()).documentId;
    const old = await makeCohort({ college, gradYear: 1990 });
    const young = await makeCohort({ college, gradYear: 2020 });
    await makeAlumnus({ cohort: young.documentId, industry, name: '新人', contactConsent: true });
    await makeAlumnus({ cohort: old.documentId, industry, name: '前辈', contactConsent: true });
    const byIndustry = await api.get(`/liaison/candidates?dimension=industry&scope=${industry}`);
    expect(byIndustry.body.data.map((d: any) => d.alumnus.name)).toEqual(['前辈', '新人']);
    expect(byIndustry.body.data[0].reasons.find((r: any) => r.key === 'seniority')).toMatchObject({ points: 15 });

    const byCollege = await api.get(`/liaison/candidates?dimension=college&scope=${college}`);
    expect(byCollege.body.data.map((d: any) => d.alumnus.name).sort()).toEqual(['前辈', '新人'].sort());
  });

  it('names a bad query (400) and answers 404 for an unknown scope', async () => {
    const bad = await api.get('/liaison/candidates?dimension=galaxy');
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['dimension', 'scope']);
    expect((await api.get('/liaison/candidates?dimension=cohort&scope=nosuchcohort0')).status).toBe(404);
  });
});

describe('the daily expiry of terms (runExpiry)', () => {
  it('ends past terms, activates begun ones, and sends each 30- and 7-day reminder once, ever', async () => {
    const day = today();
    const service = strapiApp().plugin('liaison').service('assignment');
    const office = await staffUser('Alumni Office Staff');
    const collegeStaff = await staffUser('College Staff');
    const college = (await makeCollege()).documentId;
    await linkStaff(college, collegeStaff.user.id);
    const cohort = (await makeCohort({ college })).documentId;

    const holder = await makeAlumnus({ name: '到期', email: unique('h') + '@example.org' });
    const over = await makePost({ termStart: '2020-01-01', termEnd: addDays(day, -1), alumnus: holder.documentId });
    const starting = await makePost({ postStatus: 'approved', termStart: day, termEnd: addDays(day, 400) });
    const ending = await makePost({ cohort, role: 'league_secretary', termStart: '2022-01-01', termEnd: addDays(day, 20), alumnus: holder.documentId });

    const first = await service.runExpiry(day);
    expect(first.ended).toBeGreaterThanOrEqual(1);
    expect(await q(POSTS).findOne({ where: { documentId: over.documentId } })).toMatchObject({ postStatus: 'ended', endReason: 'term_over', termEnd: addDays(day, -1) });
    expect(await q(POSTS).findOne({ where: { documentId: starting.documentId } })).toMatchObject({ postStatus: 'active' });
    const events = (await api.get(`/liaison/posts/${over.documentId}/history`)).body.data;
    expect(events[0]).toMatchObject({ action: 'expire', by: 'system', reason: 'term_over', after: { postStatus: 'ended' } });

    const key = `term-reminder:${ending.documentId}:${addDays(day, 20)}:30:`;
    const thirty = await q(OUTBOX).findMany({ where: { dedupeKey: { $startsWith: key } }, orderBy: { to: 'asc' } });
    // The liaison, every Alumni Office Staff user (other test files add theirs) and the college's staff: each once.
    const recipients = thirty.map((m: any) => m.to);
    expect(recipients).toEqual(expect.arrayContaining([holder.email, office.email, collegeStaff.email]));
    expect(new Set(recipients).size).toBe(recipients.length);
    const officeStaff = await q('admin::user').count({ where: { isActive: true, roles: { name: 'Alumni Office Staff' } } });
    expect(recipients).toHaveLength(officeStaff + 2);
    expect(thirty.find((m: any) => m.to === holder.email).text).toContain(addDays(day, 20));

    await service.runExpiry(day);
    await service.runExpiry(addDays(day, 1));
    expect(await q(OUTBOX).count({ where: { dedupeKey: { $startsWith: key } } })).toBe(recipients.length);

    await service.runExpiry(addDays(day, 15));
    expect(await q(OUTBOX).count({ where: { dedupeKey: { $startsWith: `term-reminder:${ending.documentId}:${addDays(day, 20)}:7:` } } })).toBe(recipients.length);
    await service.runExpiry(addDays(day, 16));
    expect(await q(OUTBOX).count({ where: { dedupeKey: { $startsWith: `term-reminder:${ending.documentId}:` } } })).toBe(2 * recipients.length);
  });
});

describe('two expiry runs at the same moment', () => {
  it('end each term once and queue each reminder once', async () => {
    const day = today();
    const service = strapiApp().plugin('liaison').service('assignment');
    const holder = await makeAlumnus({ email: unique('twice') + '@example.org' });
    const over = await makePost({ termStart: '2020-01-01', termEnd: addDays(day, -2), alumnus: holder.documentId });
    const ending = await makePost({ termStart: '2022-01-01', termEnd: addDays(day, 5), alumnus: holder.documentId });

    await Promise.all([service.runExpiry(day), service.runExpiry(day), service.runExpiry(day)]);
    const events: any[] = await q('plugin::liaison.post-event').findMany({ where: { post: over.documentId, action: 'expire' } });
    expect(events).toHaveLength(1);
    const mails: any[] = await q(OUTBOX).findMany({ where: { dedupeKey: { $startsWith: `term-reminder:${ending.documentId}:` } } });
    expect(mails.filter((m) => m.to === holder.email)).toHaveLength(1);
    expect(new Set(mails.map((m) => m.dedupeKey)).size).toBe(mails.length);
  });
});

describe('College Staff act only inside their own colleges', () => {
  it('nominate and see candidates in their college; anything else is 403 and changes nothing', async () => {
    const staff = await staffUser('College Staff');
    const mine = (await makeCollege()).documentId;
    await linkStaff(mine, staff.user.id);
    const myCohort = (await makeCohort({ college: mine })).documentId;
    const otherCohort = (await makeCohort()).documentId;
    const chapter = (await makeChapter()).documentId;
    const alumnus = (await makeAlumnus({ cohort: myCohort })).documentId;
    const base = { alumnus, role: 'monitor', termStart: '2024-07-01' };

    const ok = await staff.api.post('/liaison/posts').send({ ...base, dimension: 'cohort', scope: myCohort });
    expect(ok.status).toBe(201);
    expect((await staff.api.post('/liaison/posts').send({ ...base, dimension: 'college', scope: mine })).status).toBe(201);
    expect((await staff.api.get(`/liaison/candidates?dimension=cohort&scope=${myCohort}`)).status).toBe(200);
    expect((await staff.api.get(`/liaison/posts/${ok.body.data.documentId}/history`)).status).toBe(200);

    const before = await q(POSTS).count();
    const other = await staff.api.post('/liaison/posts').send({ ...base, dimension: 'cohort', scope: otherCohort });
    expect(other.status).toBe(403);
    expect((await staff.api.post('/liaison/posts').send({ ...base, dimension: 'region', scope: chapter, role: 'member' })).status).toBe(403);
    expect(await q(POSTS).count()).toBe(before);

    const foreign = await makePost({ cohort: otherCohort, postStatus: 'nominated' });
    expect((await staff.api.get(`/liaison/posts/${foreign.documentId}/history`)).status).toBe(403);
    expect((await staff.api.get(`/liaison/candidates?dimension=cohort&scope=${otherCohort}`)).status).toBe(403);
    expect((await staff.api.get(`/liaison/quotas?dimension=cohort&scope=${otherCohort}`)).status).toBe(403);
    // Approving, ending and configuring are not theirs at all.
    expect((await staff.api.post(`/liaison/posts/${ok.body.data.documentId}/approve`)).status).toBe(403);
    expect((await staff.api.post(`/liaison/posts/${foreign.documentId}/end`).send({ reason: 'removed' })).status).toBe(403);
    expect((await staff.api.put('/liaison/quotas').send({ dimension: 'cohort', scope: myCohort, posts: 9 })).status).toBe(403);
    expect((await staff.api.post(`/liaison/cohorts/${myCohort}/appoint`).send({ appointments: [{ alumnus, role: 'monitor' }], termStart: today() })).status).toBe(403);
    expect(await q(POSTS).findOne({ where: { documentId: foreign.documentId } })).toMatchObject({ postStatus: 'nominated' });
    expect(await q(POSTS).findOne({ where: { documentId: ok.body.data.documentId } })).toMatchObject({ postStatus: 'nominated' });
    expect(await q('plugin::liaison.quota').count({ where: { scope: myCohort } })).toBe(0);
  });

  it('may approve inside their college when an administrator grants them the approve action, and never outside it', async () => {
    const staff = await staffUser('College Staff');
    const role: any = await q('admin::role').findOne({ where: { name: 'College Staff' } });
    const granted = await strapiApp().service('admin::permission').createMany([
      { action: 'plugin::liaison.posts.approve', subject: null, properties: {}, conditions: [], role: role.id },
    ]);
    try {
      const mine = (await makeCollege()).documentId;
      await linkStaff(mine, staff.user.id);
      const inside = await makePost({ cohort: (await makeCohort({ college: mine })).documentId, postStatus: 'nominated' });
      const outside = await makePost({ cohort: (await makeCohort()).documentId, postStatus: 'nominated' });
      expect((await staff.api.post(`/liaison/posts/${outside.documentId}/approve`)).status).toBe(403);
      expect(await q(POSTS).findOne({ where: { documentId: outside.documentId } })).toMatchObject({ postStatus: 'nominated' });
      expect((await staff.api.post(`/liaison/posts/${outside.documentId}/reject`).send({ reason: 'x' })).status).toBe(403);
      expect((await staff.api.post(`/liaison/posts/${inside.documentId}/approve`)).status).toBe(200);
    } finally {
      await strapiApp().service('admin::permission').deleteByIds(granted.map((p: any) => p.id));
    }
  });
});
