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
