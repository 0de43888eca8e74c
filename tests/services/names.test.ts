import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makePost } from '../helpers/fixtures';

const POSTS = 'plugin::liaison.liaison';
const APPRAISALS = 'plugin::liaison.appraisal';

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
});
afterAll(teardownStrapi);

const admin = () => withToken(token);
const labelOf = async (documentId: string) =>
  ((await strapiApp().db.query(POSTS).findOne({ where: { documentId }, select: ['label'] })) as { label: string }).label;

describe('every liaison post has a readable name', () => {
  it('is computed on create through the Content Manager, and the edit view gets it back', async () => {
    const alumnus = await makeAlumnus({ name: '李振东' });
    const cohort = await makeCohort({ className: unique('临床医学1976级1班') });
    const res = await admin()
      .post(`${CM}/${POSTS}`)
      .send({
        alumnus: { connect: [{ documentId: alumnus.documentId }] },
        cohort: { connect: [{ documentId: cohort.documentId }] },
        dimension: 'cohort',
        role: 'monitor',
        termStart: '2024-09-01',
        postStatus: 'active',
        label: 'typed by hand',
      });
    expect(res.status).toBe(201);
    const expected = `李振东 · ${cohort.className} · 班长`;
    expect(res.body.data.label).toBe(expected);

    const read = await admin().get(`${CM}/${POSTS}/${res.body.data.documentId}`);
    expect(read.status).toBe(200);
    expect(read.body.data.label).toBe(expected);
  });

  it('follows a change of role, and a change of the holder’s or the scope’s name', async () => {
    const chapter = await makeChapter({ name: unique('深圳校友会') });
    const alumnus = await makeAlumnus({ name: '王芳' });
    const post = await makePost({ dimension: 'region', cohort: undefined, chapter: chapter.documentId, alumnus: alumnus.documentId, role: 'head' });
    expect(await labelOf(post.documentId)).toBe(`王芳 · ${chapter.name} · 会长`);

    const put = await admin().put(`${CM}/${POSTS}/${post.documentId}`).send({ role: 'secretary' });
    expect(put.status).toBe(200);
    expect(put.body.data.label).toBe(`王芳 · ${chapter.name} · 秘书长`);

    await admin().put(`${CM}/plugin::liaison.alumnus/${alumnus.documentId}`).send({ name: '王芳芳' }).expect(200);
    expect(await labelOf(post.documentId)).toBe(`王芳芳 · ${chapter.name} · 秘书长`);

    const renamed = unique('粤港澳大湾区校友会');
    await admin().put(`${CM}/plugin::liaison.chapter/${chapter.documentId}`).send({ name: renamed }).expect(200);
    expect(await labelOf(post.documentId)).toBe(`王芳芳 · ${renamed} · 秘书长`);
  });

  it('renaming one alumnus leaves the other posts’ names alone', async () => {
    const a = await makePost();
    const b = await makePost();
    const before = await labelOf(b.documentId);
    const holder = await strapiApp().documents(POSTS).findOne({ documentId: a.documentId, populate: ['alumnus'] });
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: (holder as any).alumnus.documentId, data: { name: '赵六' } });
    expect(await labelOf(a.documentId)).toMatch(/^赵六 · /);
    expect(await labelOf(b.documentId)).toBe(before);
  });
});

describe('the Content Manager shows names, not ids', () => {
  it('lists posts by name with the columns staff need', async () => {
    const post = await makePost();
    const res = await admin().get(`${CM}/${POSTS}?filters[documentId][$eq]=${post.documentId}`);
    expect(res.status).toBe(200);
    expect(res.body.results[0].label).toMatch(/ · .+ · 班长$/);

    const conf = await admin().get(`/content-manager/content-types/${POSTS}/configuration`);
    expect(conf.status).toBe(200);
    const { settings, layouts, metadatas } = conf.body.data.contentType;
    expect(settings.mainField).toBe('label');
    expect(layouts.list).toEqual(['label', 'alumnus', 'dimension', 'role', 'postStatus', 'termEnd']);
    expect(metadatas.label.edit.editable).toBe(false);
    expect(metadatas.cohort.list.mainField).toBe('className');
    expect(metadatas.college.edit.mainField).toBe('name');
  });

  it('sets alumni and cohort lists, and cohorts and colleges are named, not coded', async () => {
    const alumni = await admin().get(`/content-manager/content-types/plugin::liaison.alumnus/configuration`);
    expect(alumni.body.data.contentType.layouts.list).toEqual(['name', 'studentNo', 'cohort', 'city', 'alumnusStatus']);
    expect(alumni.body.data.contentType.metadatas.cohort.edit.mainField).toBe('className');
    const cohorts = await admin().get(`/content-manager/content-types/plugin::liaison.cohort/configuration`);
    expect(cohorts.body.data.contentType.settings.mainField).toBe('className');
    expect(cohorts.body.data.contentType.layouts.list).toEqual(['className', 'gradYear', 'college', 'degreeLevel']);
    expect(cohorts.body.data.contentType.metadatas.college.list.mainField).toBe('name');
  });

  it('relation pickers list posts (successor, post of an appraisal) and colleges by name', async () => {
    const post = await makePost();
    const label = await labelOf(post.documentId);
    const successor = await admin().get(`/content-manager/relations/${POSTS}/successor?pageSize=100&_q=${encodeURIComponent(label)}`);
    expect(successor.status).toBe(200);
    const found = successor.body.results.find((r: any) => r.documentId === post.documentId);
    expect(found?.label).toBe(label);

    const forAppraisal = await admin().get(`/content-manager/relations/${APPRAISALS}/liaison?pageSize=100&_q=${encodeURIComponent(label)}`);
    expect(forAppraisal.status).toBe(200);
    expect(forAppraisal.body.results.map((r: any) => r.label)).toContain(label);

    const college = await makeCollege({ name: unique('口腔医学院') });
    const colleges = await admin().get(`/content-manager/relations/plugin::liaison.cohort/college?pageSize=100&_q=${encodeURIComponent(college.name)}`);
    expect(colleges.status).toBe(200);
    expect(colleges.body.results.map((r: any) => r.name)).toContain(college.name);
  });

  it("keeps staff's own list columns across a restart of the configuration", async () => {
    const { configureContentManager } = require('../../plugins/liaison/dist/server/services/cm-layout');
    const uid = 'plugin::liaison.college';
    const cm = strapiApp().plugin('content-manager').service('content-types') as any;
    const ct = strapiApp().contentType(uid);
    const conf = await cm.findConfiguration(ct);
    await cm.updateConfiguration(ct, { settings: conf.settings, metadatas: conf.metadatas, layouts: { ...conf.layouts, list: ['code', 'name'] } });
    await configureContentManager(strapiApp());
    expect((await cm.findConfiguration(ct)).layouts.list).toEqual(['code', 'name']);
  });
});

describe('appraisals, training, contact logs and feedback have readable names', () => {
  const D = (uid: string) => strapiApp().documents(`plugin::liaison.${uid}` as any);
  const labelIn = async (uid: string, documentId: string) =>
    ((await strapiApp().db.query(`plugin::liaison.${uid}` as any).findOne({ where: { documentId }, select: ['label'] })) as { label: string }).label;

  const world = async () => {
    const holder = await makeAlumnus({ name: '李振东' });
    const post = await makePost({ alumnus: holder.documentId });
    const cycle = await D('appraisal-cycle').create({
      data: { name: unique('2025年度考核'), periodStart: '2025-01-01', periodEnd: '2025-12-31', cycleStatus: 'open' },
    });
    const contacted = await makeAlumnus({ name: '王芳' });
    const course = await D('training-course').create({ data: { title: unique('校友工作入门'), area: 'alumni_work' } });
    return { holder, post, cycle, contacted, course };
  };

  it('names an appraisal "<holder> · <cycle>", through the Content Manager, read-only, and in the honour → appraisal picker', async () => {
    const { post, cycle } = await world();
    const res = await admin()
      .post(`${CM}/${APPRAISALS}`)
      .send({ cycle: { connect: [{ documentId: cycle.documentId }] }, liaison: { connect: [{ documentId: post.documentId }] }, label: 'typed by hand' });
    expect(res.status).toBe(201);
    const expected = `李振东 · ${cycle.name}`;
    expect(res.body.data.label).toBe(expected);
    expect((await admin().get(`${CM}/${APPRAISALS}/${res.body.data.documentId}`)).body.data.label).toBe(expected);

    const list = await admin().get(`${CM}/${APPRAISALS}?filters[documentId][$eq]=${res.body.data.documentId}`);
    expect(list.status).toBe(200);
    expect(list.body.results[0].label).toBe(expected);

    const picker = await admin().get(`/content-manager/relations/plugin::liaison.honour/appraisal?pageSize=100&_q=${encodeURIComponent(cycle.name as string)}`);
    expect(picker.status).toBe(200);
    expect(picker.body.results.map((r: any) => r.label)).toContain(expected);

    const conf = (await admin().get(`/content-manager/content-types/${APPRAISALS}/configuration`)).body.data.contentType;
    expect(conf.settings.mainField).toBe('label');
    expect(conf.metadatas.label.edit.editable).toBe(false);
    const honour = (await admin().get(`/content-manager/content-types/plugin::liaison.honour/configuration`)).body.data.contentType;
    expect(honour.settings.mainField).toBe('title');
    expect(honour.metadatas.appraisal.edit.mainField).toBe('label');
  });

  it('names sessions and training records, and follows a renamed course and a moved session', async () => {
    const { course, contacted } = await world();
    const session = await D('training-session').create({ data: { course: course.documentId, startsAt: '2025-03-08T01:30:00.000Z' } });
    expect(await labelIn('training-session', session.documentId)).toBe(`${course.title} · 2025-03-08`);
    const record = await D('training-record').create({ data: { session: session.documentId, alumnus: contacted.documentId, result: 'pending' } });
    expect(await labelIn('training-record', record.documentId)).toBe(`王芳 · ${course.title} 2025-03-08`);

    const renamed = unique('校友工作进阶');
    await admin().put(`${CM}/plugin::liaison.training-course/${course.documentId}`).send({ title: renamed }).expect(200);
    expect(await labelIn('training-session', session.documentId)).toBe(`${renamed} · 2025-03-08`);
    expect(await labelIn('training-record', record.documentId)).toBe(`王芳 · ${renamed} 2025-03-08`);

    await admin().put(`${CM}/plugin::liaison.training-session/${session.documentId}`).send({ startsAt: '2025-04-12T01:30:00.000Z' }).expect(200);
    expect(await labelIn('training-record', record.documentId)).toBe(`王芳 · ${renamed} 2025-04-12`);

    const picker = await admin().get(`/content-manager/relations/plugin::liaison.training-record/session?pageSize=100&_q=${encodeURIComponent(renamed)}`);
    expect(picker.status).toBe(200);
    expect(picker.body.results.map((r: any) => r.label)).toContain(`${renamed} · 2025-04-12`);
  });

  it('names contact logs "<holder> → <alumnus> · <date>" and feedback "<alumnus> · <category> · <date>", following a renamed holder', async () => {
    const { holder, post, contacted } = await world();
    const log = await admin()
      .post(`${CM}/plugin::liaison.contact-log`)
      .send({
        liaison: { connect: [{ documentId: post.documentId }] },
        alumnus: { connect: [{ documentId: contacted.documentId }] },
        channel: 'call',
        contactedAt: '2025-05-20T02:00:00.000Z',
      });
    expect(log.status).toBe(201);
    expect(log.body.data.label).toBe('李振东 → 王芳 · 2025-05-20');
    const group = await D('contact-log').create({ data: { liaison: post.documentId, channel: 'gathering', contactedAt: '2025-05-21T02:00:00.000Z' } });
    expect(await labelIn('contact-log', group.documentId)).toBe('李振东 → 聚会 · 2025-05-21');

    const feedback = await D('feedback').create({
      data: { alumnus: contacted.documentId, liaison: post.documentId, category: 'suggestion', content: '希望多办活动', feedbackStatus: 'open', receivedAt: '2025-06-01T03:00:00.000Z' },
    });
    expect(await labelIn('feedback', feedback.documentId)).toBe('王芳 · 建议 · 2025-06-01');

    await admin().put(`${CM}/plugin::liaison.alumnus/${holder.documentId}`).send({ name: '李振华' }).expect(200);
    expect(await labelIn('contact-log', log.body.data.documentId)).toBe('李振华 → 王芳 · 2025-05-20');
    await admin().put(`${CM}/plugin::liaison.alumnus/${contacted.documentId}`).send({ name: '王芳芳' }).expect(200);
    expect(await labelIn('contact-log', log.body.data.documentId)).toBe('李振华 → 王芳芳 · 2025-05-20');
    expect(await labelIn('feedback', feedback.documentId)).toBe('王芳芳 · 建议 · 2025-06-01');

    for (const uid of ['contact-log', 'feedback', 'training-record', 'training-session']) {
      const conf = (await admin().get(`/content-manager/content-types/plugin::liaison.${uid}/configuration`)).body.data.contentType;
      expect(conf.settings.mainField).toBe('label');
      expect(conf.layouts.list[0]).toBe('label');
      expect(conf.metadatas.label.edit.editable).toBe(false);
    }
    const notifications = (await admin().get(`/content-manager/content-types/plugin::liaison.notification/configuration`)).body.data.contentType;
    expect(notifications.settings.mainField).toBe('subject');
  });
});
