import { CM, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';

/**
 * College Staff and Chapter Editors in the Content Manager, through the real admin API:
 * they see and change the liaison posts of their own colleges (chapters) only, and every
 * attempt on another college's records is refused with nothing changed.
 */
const POSTS = `${CM}/plugin::liaison.liaison`;
const POST = 'plugin::liaison.liaison';
const connect = (documentId: string) => ({ connect: [{ documentId }] });

type Signed = ReturnType<typeof withToken> & { id: number };

const signInAs = async (roleName: string, links: { colleges?: number[]; chapters?: number[] } = {}): Promise<Signed> => {
  const app = strapiApp();
  const role = await app.db.query('admin::role').findOne({ where: { name: roleName } });
  const email = `${unique('staff')}@liaison.test`.toLowerCase();
  const password = 'Staff-Pass-2026';
  const user = await app.service('admin::user').create({ email, firstname: 'S', lastname: 'T', password, isActive: true, roles: [role.id] });
  for (const id of links.colleges ?? []) {
    const college = await app.db.query('plugin::liaison.college').findOne({ where: { id }, populate: ['staff'] });
    await app.db.query('plugin::liaison.college').update({ where: { id }, data: { staff: [...college.staff.map((s: any) => s.id), user.id] } });
  }
  for (const id of links.chapters ?? []) {
    const chapter = await app.db.query('plugin::liaison.chapter').findOne({ where: { id }, populate: ['editors'] });
    await app.db.query('plugin::liaison.chapter').update({ where: { id }, data: { editors: [...chapter.editors.map((s: any) => s.id), user.id] } });
  }
  const res = await http().post('/admin/login').send({ email, password });
  expect(res.status).toBe(200);
  return Object.assign(withToken(res.body.data.token), { id: user.id });
};

/** What is stored, read past every guard. */
const stored = (documentId: string) =>
  strapiApp().db.query(POST).findOne({ where: { documentId }, populate: ['cohort', 'college', 'chapter'] });
const postCount = () => strapiApp().db.query(POST).count();
/** Another alumnus of my college's class: one person holds one live post per scope. */
const classmate = () => makeAlumnus({ cohort: myCohort.documentId });

let mine: any; let theirs: any; // colleges
let myCohort: any; let theirCohort: any;
let myAlumnus: any; let theirAlumnus: any;
let myPost: any; let theirPost: any; let myCollegePost: any;
let myChapter: any; let theirChapter: any; let myChapterPost: any; let theirChapterPost: any; let industryPost: any;
let collegeStaff: Signed; let chapterEditor: Signed; let office: Signed;

beforeAll(async () => {
  await setupStrapi();
  mine = await makeCollege({ name: unique('医学院') });
  theirs = await makeCollege({ name: unique('法学院') });
  myCohort = await makeCohort({ college: mine.documentId });
  theirCohort = await makeCohort({ college: theirs.documentId });
  myAlumnus = await makeAlumnus({ cohort: myCohort.documentId, phone: '13800000001', email: 'mine@example.com', wechat: 'mine' });
  theirAlumnus = await makeAlumnus({ cohort: theirCohort.documentId, phone: '13800000002' });
  myPost = await makePost({ cohort: myCohort.documentId, alumnus: myAlumnus.documentId });
  theirPost = await makePost({ cohort: theirCohort.documentId, alumnus: theirAlumnus.documentId });
  myCollegePost = await makePost({ dimension: 'college', college: mine.documentId, role: 'head', alumnus: myAlumnus.documentId });
  myChapter = await makeChapter();
  theirChapter = await makeChapter();
  const member = await makeAlumnus({ chapter: myChapter.documentId, cohort: theirCohort.documentId, phone: '13800000003' });
  myChapterPost = await makePost({ dimension: 'region', chapter: myChapter.documentId, role: 'head', alumnus: member.documentId });
  theirChapterPost = await makePost({ dimension: 'region', chapter: theirChapter.documentId, role: 'head' });
  industryPost = await makePost({ dimension: 'industry', industry: (await makeIndustry()).documentId, role: 'member', nominationReason: '行业举荐' });

  collegeStaff = await signInAs('College Staff', { colleges: [mine.id] });
  chapterEditor = await signInAs('Chapter Editor', { chapters: [myChapter.id] });
  office = await signInAs('Alumni Office Staff');
}, 120000);
afterAll(teardownStrapi);

const listIds = async (who: Signed, url = POSTS) => {
  const res = await who.get(`${url}?pageSize=100&sort=createdAt:DESC`);
  expect(res.status).toBe(200);
  return res.body.results.map((r: any) => r.documentId);
};

describe('College Staff', () => {
  it('lists and reads only the posts of their own colleges', async () => {
    const ids = await listIds(collegeStaff);
    expect(ids).toEqual(expect.arrayContaining([myPost.documentId, myCollegePost.documentId]));
    for (const other of [theirPost, myChapterPost, theirChapterPost, industryPost]) expect(ids).not.toContain(other.documentId);

    expect((await collegeStaff.get(`${POSTS}/${myPost.documentId}`)).status).toBe(200);
    for (const other of [theirPost, theirChapterPost, industryPost]) {
      const res = await collegeStaff.get(`${POSTS}/${other.documentId}`);
      expect([403, 404]).toContain(res.status);
      expect(JSON.stringify(res.body)).not.toContain(other.documentId === theirPost.documentId ? theirAlumnus.documentId : '\u0000');
    }
  });

  it("creates a post in their own cohort, and is refused one in another college's cohort (nothing stored)", async () => {
    const ok = await collegeStaff.post(POSTS).send({
      dimension: 'cohort', role: 'league_secretary', termStart: '2025-01-01', postStatus: 'nominated',
      alumnus: connect((await classmate()).documentId), cohort: connect(myCohort.documentId),
    });
    expect(ok.status).toBe(201);
    expect((await stored(ok.body.data.documentId)).cohort.id).toBe(myCohort.id);

    const before = await postCount();
    for (const scope of [
      { dimension: 'cohort', cohort: connect(theirCohort.documentId) },
      { dimension: 'college', college: connect(theirs.documentId) },
      { dimension: 'region', chapter: connect(theirChapter.documentId) },
    ]) {
      const res = await collegeStaff.post(POSTS).send({
        role: 'monitor', termStart: '2025-01-01', postStatus: 'nominated', alumnus: connect(myAlumnus.documentId), ...scope,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.details.errors[0].path).toEqual([Object.keys(scope)[1]]);
    }
    expect(await postCount()).toBe(before);
  });

  it('is refused for the scope before the data is judged: an out-of-scope write with a bad date is a 403, not a 400', async () => {
    const before = await postCount();
    const res = await collegeStaff.post(POSTS).send({
      dimension: 'cohort', role: 'monitor', termStart: '2025-13-45', postStatus: 'nominated',
      alumnus: connect(myAlumnus.documentId), cohort: connect(theirCohort.documentId),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.details.errors[0].path).toEqual(['cohort']);
    // The same bad date in their own scope is the data's fault.
    const own = await collegeStaff.post(POSTS).send({
      dimension: 'cohort', role: 'monitor', termStart: '2025-13-45', postStatus: 'nominated',
      alumnus: connect((await classmate()).documentId), cohort: connect(myCohort.documentId),
    });
    expect(own.status).toBe(400);
    expect(own.body.error.details.errors[0].path).toEqual(['termStart']);
    expect(await postCount()).toBe(before);
  });

  it("cannot hand one of their posts to another college's alumnus, but may keep a holder the office chose", async () => {
    const before = await postCount();
    const res = await collegeStaff.post(POSTS).send({
      dimension: 'cohort', role: 'monitor', termStart: '2025-01-01', postStatus: 'nominated',
      alumnus: connect(theirAlumnus.documentId), cohort: connect(myCohort.documentId),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.details.errors[0].path).toEqual(['alumnus']);
    expect(await postCount()).toBe(before);

    const holder = await classmate();
    const post = await makePost({ cohort: myCohort.documentId, alumnus: holder.documentId, postStatus: 'nominated' });
    const swap = await collegeStaff.put(`${POSTS}/${post.documentId}`).send({
      alumnus: { connect: [{ documentId: theirAlumnus.documentId }], disconnect: [{ documentId: holder.documentId }] },
    });
    expect(swap.status).toBe(403);
    expect((await strapiApp().db.query(POST).findOne({ where: { id: post.id }, populate: ['alumnus'] })).alumnus.id).toBe(holder.id);

    // The office appointed someone from elsewhere: college staff may still renew the term.
    const appointed = await makePost({ cohort: myCohort.documentId, alumnus: theirAlumnus.documentId, postStatus: 'nominated' });
    expect((await collegeStaff.put(`${POSTS}/${appointed.documentId}`).send({ termEnd: '2028-12-31' })).status).toBe(200);
  });

  it("names one of their own posts as a successor, never another college's", async () => {
    const post = await makePost({ cohort: myCohort.documentId, alumnus: (await classmate()).documentId, postStatus: 'nominated' });
    const linkTable = (await strapiApp().db.query(POST).findOne({ where: { id: theirPost.id }, populate: ['successor'] })).successor;
    const refused = await collegeStaff.put(`${POSTS}/${post.documentId}`).send({ successor: connect(theirPost.documentId) });
    expect(refused.status).toBe(403);
    expect(refused.body.error.details.errors[0].path).toEqual(['successor']);
    expect((await strapiApp().db.query(POST).findOne({ where: { id: post.id }, populate: ['successor'] })).successor).toBeNull();
    expect((await strapiApp().db.query(POST).findOne({ where: { id: theirPost.id }, populate: ['successor'] })).successor).toEqual(linkTable);

    const own = await makePost({ dimension: 'college', college: mine.documentId, role: 'deputy', alumnus: (await classmate()).documentId });
    const ok = await collegeStaff.put(`${POSTS}/${post.documentId}`).send({ successor: connect(own.documentId) });
    expect(ok.status).toBe(200);
    expect((await strapiApp().db.query(POST).findOne({ where: { id: post.id }, populate: ['successor'] })).successor.id).toBe(own.id);
  });

  it("names a nominator among their own alumni only, on create and update, by id or documentId", async () => {
    const nominator = async (documentId: string) =>
      (await strapiApp().db.query(POST).findOne({ where: { documentId }, populate: ['nominator'] })).nominator?.id ?? null;
    const before = await postCount();
    for (const ref of [{ id: theirAlumnus.id }, { documentId: theirAlumnus.documentId }, theirAlumnus.id, theirAlumnus.documentId]) {
      const created = await collegeStaff.post(POSTS).send({
        dimension: 'cohort', role: 'member', termStart: '2025-01-01', postStatus: 'nominated',
        alumnus: connect((await classmate()).documentId), cohort: connect(myCohort.documentId),
        nominator: typeof ref === 'object' ? { connect: [ref] } : ref,
      });
      expect({ ref, status: created.status, path: created.body.error?.details?.errors?.[0]?.path }).toEqual({ ref, status: 403, path: ['nominator'] });
      expect(created.body.error.details.errors[0].message).toBe('not an alumnus of your colleges nor a member of your chapters');
    }
    expect(await postCount()).toBe(before);

    const post = await makePost({ cohort: myCohort.documentId, alumnus: (await classmate()).documentId, postStatus: 'nominated' });
    for (const nominatorInput of [{ connect: [{ id: theirAlumnus.id }] }, { connect: [{ documentId: theirAlumnus.documentId }] }, { set: [theirAlumnus.documentId] }]) {
      const res = await collegeStaff.put(`${POSTS}/${post.documentId}`).send({ nominator: nominatorInput, nominationReason: '换人' });
      expect(res.status).toBe(403);
      expect(res.body.error.details.errors[0].path).toEqual(['nominator']);
    }
    expect(await nominator(post.documentId)).toBeNull();
    expect((await stored(post.documentId)).nominationReason).toBeNull();

    const ok = await collegeStaff.put(`${POSTS}/${post.documentId}`).send({ nominator: { connect: [{ documentId: myAlumnus.documentId }] } });
    expect(ok.status).toBe(200);
    expect(await nominator(post.documentId)).toBe(myAlumnus.id);
    const created = await collegeStaff.post(POSTS).send({
      dimension: 'cohort', role: 'member', termStart: '2025-01-01', postStatus: 'nominated',
      alumnus: connect((await classmate()).documentId), cohort: connect(myCohort.documentId), nominator: { connect: [{ id: myAlumnus.id }] },
    });
    expect(created.status).toBe(201);
    expect(await nominator(created.body.data.documentId)).toBe(myAlumnus.id);
  });

  it('updates their own posts, never another college’s, and cannot move one to another college', async () => {
    const ok = await collegeStaff.put(`${POSTS}/${myPost.documentId}`).send({ termEnd: '2029-06-30' });
    expect(ok.status).toBe(200);
    expect((await stored(myPost.documentId)).termEnd).toBe('2029-06-30');

    const refused = await collegeStaff.put(`${POSTS}/${theirPost.documentId}`).send({ termEnd: '2029-06-30' });
    expect(refused.status).toBe(403);
    expect((await stored(theirPost.documentId)).termEnd).toBeNull();

    const moved = await collegeStaff.put(`${POSTS}/${myPost.documentId}`).send({
      termEnd: '2030-06-30', cohort: { connect: [{ documentId: theirCohort.documentId }], disconnect: [{ documentId: myCohort.documentId }] },
    });
    expect(moved.status).toBe(403);
    expect(moved.body.error.details.errors[0].path).toEqual(['cohort']);
    const after = await stored(myPost.documentId);
    expect([after.cohort.id, after.termEnd]).toEqual([myCohort.id, '2029-06-30']);

    const toCollege = await collegeStaff.put(`${POSTS}/${myCollegePost.documentId}`).send({
      college: { connect: [{ documentId: theirs.documentId }], disconnect: [{ documentId: mine.documentId }] },
    });
    expect(toCollege.status).toBe(403);
    expect((await stored(myCollegePost.documentId)).college.id).toBe(mine.id);
  });

  it('deletes nothing, one by one or in bulk (posts end or are rejected, their history stays)', async () => {
    for (const post of [myPost, theirPost]) {
      expect((await collegeStaff.delete(`${POSTS}/${post.documentId}`)).status).toBe(403);
      expect(await stored(post.documentId)).not.toBeNull();
    }
    const bulk = await collegeStaff.post(`${POSTS}/actions/bulkDelete`).send({ documentIds: [theirPost.documentId, myPost.documentId] });
    expect(bulk.status).toBe(403);
    expect(await stored(theirPost.documentId)).not.toBeNull();
    expect(await stored(myPost.documentId)).not.toBeNull();
  });

  it('sees cohorts and alumni of their colleges only, alumni without phone, e-mail or WeChat', async () => {
    const cohorts = await listIds(collegeStaff, `${CM}/plugin::liaison.cohort`);
    expect(cohorts).toContain(myCohort.documentId);
    expect(cohorts).not.toContain(theirCohort.documentId);

    const alumni = await collegeStaff.get(`${CM}/plugin::liaison.alumnus?pageSize=100`);
    expect(alumni.status).toBe(200);
    expect(alumni.body.results.map((a: any) => a.documentId)).toContain(myAlumnus.documentId);
    expect(alumni.body.results.map((a: any) => a.documentId)).not.toContain(theirAlumnus.documentId);
    const one = await collegeStaff.get(`${CM}/plugin::liaison.alumnus/${myAlumnus.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.name).toBe('张伟');
    expect(one.body.data).not.toHaveProperty('phone');
    expect(one.body.data).not.toHaveProperty('email');
    expect(one.body.data).not.toHaveProperty('wechat');
    expect([403, 404]).toContain((await collegeStaff.get(`${CM}/plugin::liaison.alumnus/${theirAlumnus.documentId}`)).status);
    expect((await collegeStaff.get(`${CM}/plugin::liaison.chapter`)).status).toBe(403);
  });

  it('finds only their own colleges, cohorts, alumni and posts in the relation pickers', async () => {
    const pick = async (field: string, extra = '') => {
      const res = await collegeStaff.get(`/content-manager/relations/${POST}/${field}?pageSize=100${extra}`);
      expect(res.status).toBe(200);
      return res.body.results.map((r: any) => r.documentId);
    };
    expect(await pick('cohort')).toContain(myCohort.documentId);
    expect(await pick('cohort')).not.toContain(theirCohort.documentId);
    expect(await pick('college')).toEqual([mine.documentId]);
    expect(await pick('alumnus')).toContain(myAlumnus.documentId);
    expect(await pick('alumnus')).not.toContain(theirAlumnus.documentId);
    expect(await pick('nominator')).not.toContain(theirAlumnus.documentId);
    expect(await pick('chapter')).toEqual([]);
    expect(await pick('industry')).toEqual([]);
    const successors = await pick('successor');
    expect(successors).toContain(myCollegePost.documentId);
    expect(successors).not.toContain(theirPost.documentId);
    // A filter of their own cannot widen the list.
    expect(await pick('cohort', `&filters[$or][0][id][$notNull]=true`)).not.toContain(theirCohort.documentId);
    // Nor the admin users a college's staff could be chosen from.
    const admins = await collegeStaff.get(`/content-manager/relations/plugin::liaison.college/staff?pageSize=100`);
    expect(admins.status).toBe(200);
    expect(admins.body.results).toEqual([]);
    expect((await office.get(`/content-manager/relations/plugin::liaison.college/staff?pageSize=100`)).body.results.length).toBeGreaterThan(0);
    // The relations of another college's post are not theirs to read.
    expect((await collegeStaff.get(`/content-manager/relations/${POST}/${theirPost.documentId}/alumnus`)).status).toBe(403);
  });
});

describe('College Staff through an admin API token of their own', () => {
  it('are held to the same colleges', async () => {
    const app = strapiApp();
    const owner = await app.db.query('admin::user').findOne({ where: { id: collegeStaff.id }, populate: ['roles'] });
    const token = await app.service('admin::api-token-admin').create(
      {
        name: unique('college-script'), kind: 'admin', lifespan: null, description: 'a college script',
        adminPermissions: ['read', 'create', 'update'].map((a) => ({ action: `plugin::content-manager.explorer.${a}`, subject: POST, properties: {}, conditions: [] })),
      },
      owner
    );
    const script = withToken(token.accessKey);
    const ids = await listIds(script as Signed);
    expect(ids).toContain(myPost.documentId);
    expect(ids).not.toContain(theirPost.documentId);
    const refused = await script.put(`${POSTS}/${myPost.documentId}`).send({
      cohort: { connect: [{ documentId: theirCohort.documentId }], disconnect: [{ documentId: myCohort.documentId }] },
    });
    expect(refused.status).toBe(403);
    expect((await stored(myPost.documentId)).cohort.id).toBe(myCohort.id);
    const before = await postCount();
    const created = await script.post(POSTS).send({
      dimension: 'cohort', role: 'monitor', termStart: '2025-01-01', postStatus: 'nominated',
      alumnus: connect(theirAlumnus.documentId), cohort: connect(theirCohort.documentId),
    });
    expect(created.status).toBe(403);
    expect(created.body.error.details.errors[0].path).toEqual(['cohort']);
    expect(await postCount()).toBe(before);
  });
});

describe('Chapter Editor', () => {
  it('reads the posts of their own chapters only, and changes none', async () => {
    const ids = await listIds(chapterEditor);
    expect(ids).toContain(myChapterPost.documentId);
    for (const other of [theirChapterPost, myPost, theirPost, industryPost]) expect(ids).not.toContain(other.documentId);
    expect((await chapterEditor.get(`${POSTS}/${myChapterPost.documentId}`)).status).toBe(200);
    expect([403, 404]).toContain((await chapterEditor.get(`${POSTS}/${theirChapterPost.documentId}`)).status);

    const before = await postCount();
    const created = await chapterEditor.post(POSTS).send({
      dimension: 'region', role: 'member', termStart: '2025-01-01', postStatus: 'nominated', chapter: connect(myChapter.documentId),
      alumnus: connect(myAlumnus.documentId),
    });
    expect(created.status).toBe(403);
    expect((await chapterEditor.put(`${POSTS}/${myChapterPost.documentId}`).send({ termEnd: '2029-01-01' })).status).toBe(403);
    expect((await chapterEditor.delete(`${POSTS}/${theirChapterPost.documentId}`)).status).toBe(403);
    expect((await chapterEditor.delete(`${POSTS}/${myChapterPost.documentId}`)).status).toBe(403);
    expect((await chapterEditor.post(`${POSTS}/actions/bulkDelete`).send({ documentIds: [myChapterPost.documentId, theirChapterPost.documentId] })).status).toBe(403);
    expect(await postCount()).toBe(before);
    expect((await stored(myChapterPost.documentId)).termEnd).toBeNull();

    const chapters = await chapterEditor.get(`/content-manager/relations/${POST}/chapter?pageSize=100`);
    expect(chapters.body.results.map((r: any) => r.documentId)).toEqual([myChapter.documentId]);
    const members = await chapterEditor.get(`${CM}/plugin::liaison.alumnus?pageSize=100`);
    expect(members.status).toBe(200);
    // How to reach a member shows only when the member consented to be contacted.
    expect(members.body.results.every((a: any) => a.contactConsent === true || (a.phone ?? null) === null)).toBe(true);
    expect(members.body.results.length).toBe(1);
  });
});

describe('whole-network staff', () => {
  it('the alumni office sees every post and may move one to another college', async () => {
    const ids = await listIds(office);
    for (const post of [myPost, theirPost, myChapterPost, theirChapterPost, industryPost]) expect(ids).toContain(post.documentId);
    const post = await makePost({ cohort: myCohort.documentId });
    const moved = await office.put(`${POSTS}/${post.documentId}`).send({
      cohort: { connect: [{ documentId: theirCohort.documentId }], disconnect: [{ documentId: myCohort.documentId }] },
    });
    expect(moved.status).toBe(200);
    expect((await stored(post.documentId)).cohort.id).toBe(theirCohort.id);
    // Searched by its name: the picker pages, and other tests' cohorts may fill the first page.
    const picker = await office.get(`/content-manager/relations/${POST}/cohort?pageSize=10&_q=${encodeURIComponent(theirCohort.className)}`);
    expect(picker.body.results.map((r: any) => r.documentId)).toContain(theirCohort.documentId);
  });
});

describe('the write guard, whatever the role grants', () => {
  it('stops a scoped user whose role lets them delete and edit every post without conditions', async () => {
    const app = strapiApp();
    const role = await app.service('admin::role').create({ name: unique('Loose college role'), description: 'test' });
    await app.service('admin::role').assignPermissions(role.id,
      ['read', 'create', 'update', 'delete'].map((a) => ({ action: `plugin::content-manager.explorer.${a}`, subject: POST, properties: {}, conditions: [] })));
    const loose = await signInAs(role.name, { colleges: [mine.id] });

    expect((await loose.put(`${POSTS}/${theirPost.documentId}`).send({ termEnd: '2031-01-01' })).status).toBe(403);
    expect((await stored(theirPost.documentId)).termEnd).toBeNull();
    expect((await loose.delete(`${POSTS}/${theirPost.documentId}`)).status).toBe(403);
    const bulk = await loose.post(`${POSTS}/actions/bulkDelete`).send({ documentIds: [theirPost.documentId] });
    expect(bulk.status).toBe(403);
    expect(await stored(theirPost.documentId)).not.toBeNull();

    const own = await makePost({ cohort: myCohort.documentId });
    expect((await loose.delete(`${POSTS}/${own.documentId}`)).status).toBe(200);
    expect(await stored(own.documentId)).toBeNull();
  });
});
