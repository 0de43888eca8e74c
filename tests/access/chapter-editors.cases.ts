import { CM, http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * Two chapter editors of two chapters in the Content Manager, through the real admin
 * API: each sees, creates, edits, publishes and deletes only their own chapter's events,
 * writes their chapter's stories as drafts, reads their members (contact only of those
 * who consented), and every attempt on the other chapter is a 403/404 that changes nothing.
 */
const EVENT = 'plugin::liaison.event';
const STORY = 'plugin::liaison.story';
const EVENTS = `${CM}/${EVENT}`;
const STORIES = `${CM}/${STORY}`;

type Signed = ReturnType<typeof as>;
const as = (token: string) => {
  const signed = (method: 'get' | 'post' | 'put' | 'delete') => (url: string) =>
    http()[method](url).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
  return { get: signed('get'), post: signed('post'), put: signed('put'), delete: signed('delete') };
};

let chapterA: any;
let chapterB: any;
let editorA: Signed;
let editorAToken: string;
let editorB: Signed;
let office: Signed;
let eventA: any;
let eventB: any;
let memberConsented: any;
let memberPrivate: any;
let memberB: any;

const soon = () => new Date(Date.now() + 20 * 86_400_000).toISOString();
const connect = (documentId: string) => ({ connect: [{ documentId }] });
const eventBody = (chapter: string | null, title = unique('活动')) => ({
  title, slug: unique('ev'), type: 'reunion', startsAt: soon(), venue: '会议室', ...(chapter ? { chapter: connect(chapter) } : {}),
});
const stored = (documentId: string) =>
  strapiApp().db.query(EVENT).findMany({ where: { documentId }, populate: { chapter: { select: ['id', 'documentId'] } } });
const eventCount = () => strapiApp().db.query(EVENT).count({});
const published = async (documentId: string) => (await strapiApp().db.query(EVENT).count({ where: { documentId, publishedAt: { $notNull: true } } })) > 0;

beforeAll(async () => {
  await setupStrapi();
  chapterA = await makeChapter();
  chapterB = await makeChapter();
  editorAToken = `Bearer ${(await signInStaff('Chapter Editor', { chapters: [chapterA.documentId] })).token}`;
  editorA = as(editorAToken.slice('Bearer '.length));
  editorB = as((await signInStaff('Chapter Editor', { chapters: [chapterB.documentId] })).token);
  office = as((await signInStaff('Alumni Office Staff')).token);
  eventA = await strapiApp().documents(EVENT).create({ data: eventBody(chapterA.documentId, 'A 的活动') as any, locale: 'zh-Hans' });
  eventB = await strapiApp().documents(EVENT).create({ data: eventBody(chapterB.documentId, 'B 的活动') as any, locale: 'zh-Hans', status: 'published' });
  memberConsented = await makeAlumnus({ name: '同意联系', chapter: chapterA.documentId, contactConsent: true, phone: '13900000001', email: 'yes@example.com', employer: '某公司' });
  memberPrivate = await makeAlumnus({ name: '不同意联系', chapter: chapterA.documentId, contactConsent: false, phone: '13900000002', email: 'no@example.com', wechat: 'wx_no' });
  memberB = await makeAlumnus({ name: 'B 的会员', chapter: chapterB.documentId, phone: '13900000003' });
});
afterAll(teardownStrapi);

describe('events', () => {
  it('list and read: each editor sees only their own chapter’s events', async () => {
    const listA = await editorA.get(`${EVENTS}?pageSize=100&locale=zh-Hans`);
    expect(listA.status).toBe(200);
    const ids = listA.body.results.map((e: any) => e.documentId);
    expect(ids).toContain(eventA.documentId);
    expect(ids).not.toContain(eventB.documentId);
    expect((await editorA.get(`${EVENTS}/${eventA.documentId}?locale=zh-Hans`)).status).toBe(200);
    expect([403, 404]).toContain((await editorA.get(`${EVENTS}/${eventB.documentId}?locale=zh-Hans`)).status);
    const listB = await editorB.get(`${EVENTS}?pageSize=100&locale=zh-Hans`);
    expect(listB.body.results.map((e: any) => e.documentId)).toEqual(expect.not.arrayContaining([eventA.documentId]));
  });

  it('create: in their own chapter yes; in the other chapter or in none, 403 and nothing stored', async () => {
    const mine = await editorA.post(`${EVENTS}?locale=zh-Hans`).send(eventBody(chapterA.documentId));
    expect(mine.status).toBe(201);
    const before = await eventCount();
    const other = await editorA.post(`${EVENTS}?locale=zh-Hans`).send(eventBody(chapterB.documentId));
    expect(other.status).toBe(403);
    expect(other.body.error.details.errors[0]).toMatchObject({ path: ['chapter'], message: 'belongs to a chapter that is not yours' });
    const none = await editorA.post(`${EVENTS}?locale=zh-Hans`).send(eventBody(null));
    expect(none.status).toBe(403);
    expect(none.body.error.details.errors[0]).toMatchObject({ path: ['chapter'], message: 'must belong to one of your chapters' });
    // The admin in Chinese reads the refusal in Chinese.
    const zh = await http()
      .post(`${EVENTS}?locale=zh-Hans`)
      .set('Authorization', editorAToken)
      .set('Accept-Language', 'zh-Hans')
      .send(eventBody(chapterB.documentId));
    expect(zh.status).toBe(403);
    expect(zh.body.error.details.errors[0]).toMatchObject({ path: ['chapter'], message: '属于不由您编辑的校友会' });
    expect(await eventCount()).toBe(before);
  });

  it('update: their own event yes; the other chapter’s, moving theirs away or leaving it without a chapter, 403 and unchanged', async () => {
    expect((await editorA.put(`${EVENTS}/${eventA.documentId}?locale=zh-Hans`).send({ venue: '新会议室' })).status).toBe(200);
    expect((await editorA.put(`${EVENTS}/${eventB.documentId}?locale=zh-Hans`).send({ venue: '闯入' })).status).toBe(403);
    const moved = await editorA.put(`${EVENTS}/${eventA.documentId}?locale=zh-Hans`).send({
      chapter: { connect: [{ documentId: chapterB.documentId }], disconnect: [{ documentId: chapterA.documentId }] },
    });
    expect(moved.status).toBe(403);
    const emptied = await editorA.put(`${EVENTS}/${eventA.documentId}?locale=zh-Hans`).send({ chapter: { disconnect: [{ documentId: chapterA.documentId }] } });
    expect(emptied.status).toBe(403);
    const rowsA = await stored(eventA.documentId);
    expect(rowsA.every((r: any) => r.chapter?.documentId === chapterA.documentId && r.venue === '新会议室')).toBe(true);
    expect((await stored(eventB.documentId)).every((r: any) => r.venue === '会议室')).toBe(true);
  });

  it('publish, unpublish, delete: their own yes; the other chapter’s 403 and unchanged', async () => {
    expect((await editorB.post(`${EVENTS}/${eventA.documentId}/actions/publish?locale=zh-Hans`).send({})).status).toBe(403);
    expect(await published(eventA.documentId)).toBe(false);
    expect((await editorA.post(`${EVENTS}/${eventA.documentId}/actions/publish?locale=zh-Hans`).send({})).status).toBe(200);
    expect(await published(eventA.documentId)).toBe(true);

    expect((await editorA.post(`${EVENTS}/${eventB.documentId}/actions/unpublish?locale=zh-Hans`).send({})).status).toBe(403);
    expect(await published(eventB.documentId)).toBe(true);
    expect((await editorA.delete(`${EVENTS}/${eventB.documentId}?locale=zh-Hans`)).status).toBe(403);
    expect((await stored(eventB.documentId)).length).toBeGreaterThan(0);

    const mine = await strapiApp().documents(EVENT).create({ data: eventBody(chapterA.documentId) as any, locale: 'zh-Hans', status: 'published' });
    expect((await editorA.post(`${EVENTS}/${mine.documentId}/actions/unpublish?locale=zh-Hans`).send({})).status).toBe(200);
    expect(await published(mine.documentId)).toBe(false);
    expect((await editorA.delete(`${EVENTS}/${mine.documentId}?locale=zh-Hans`)).status).toBe(200);
    expect(await stored(mine.documentId)).toEqual([]);
  });

  it('bulk publish, unpublish and delete that include the other chapter’s event: 403 and nothing changes', async () => {
    const mine = await strapiApp().documents(EVENT).create({ data: eventBody(chapterA.documentId) as any, locale: 'zh-Hans' });
    const both = { documentIds: [mine.documentId, eventB.documentId] };
    for (const action of ['bulkPublish', 'bulkUnpublish', 'bulkDelete']) {
      const res = await editorA.post(`${EVENTS}/actions/${action}?locale=zh-Hans`).send(both);
      expect({ action, status: res.status }).toEqual({ action, status: 403 });
    }
    expect(await published(mine.documentId)).toBe(false);
    expect(await published(eventB.documentId)).toBe(true);
    expect((await stored(mine.documentId)).length).toBe(1);
    const own = await editorA.post(`${EVENTS}/actions/bulkPublish?locale=zh-Hans`).send({ documentIds: [mine.documentId] });
    expect(own.status).toBe(200);
    expect(await published(mine.documentId)).toBe(true);
  });

  it('relation lookups list only their own chapter and members, and the other chapter’s event’s relations are closed', async () => {
    const chapters = await editorA.get(`/content-manager/relations/${EVENT}/chapter?pageSize=100&locale=zh-Hans`);
    expect(chapters.status).toBe(200);
    expect(chapters.body.results.map((c: any) => c.documentId)).toEqual([chapterA.documentId]);
    const colleges = await editorA.get(`/content-manager/relations/${EVENT}/college?pageSize=100&locale=zh-Hans`);
    expect(colleges.body.results ?? []).toEqual([]);
    const featured = await editorA.get(`/content-manager/relations/${STORY}/featuredAlumni?pageSize=100&locale=zh-Hans`);
    const names = featured.body.results.map((a: any) => a.documentId);
    expect(names).toEqual(expect.arrayContaining([memberConsented.documentId, memberPrivate.documentId]));
    expect(names).not.toContain(memberB.documentId);
    expect([403, 404]).toContain((await editorA.get(`/content-manager/relations/${EVENT}/${eventB.documentId}/chapter?locale=zh-Hans`)).status);
  });
});

describe('stories', () => {
  it('are drafted by the editor for their chapter, never for another, and published by the office', async () => {
    const draft = await editorA.post(`${STORIES}?locale=zh-Hans`).send({ title: '本会故事', slug: unique('story'), chapters: connect(chapterA.documentId) });
    expect(draft.status).toBe(201);
    const id = draft.body.data.documentId;
    expect((await editorA.post(`${STORIES}?locale=zh-Hans`).send({ title: '别人的', slug: unique('story'), chapters: connect(chapterB.documentId) })).status).toBe(403);
    expect((await editorA.post(`${STORIES}?locale=zh-Hans`).send({ title: '无会', slug: unique('story') })).status).toBe(403);
    expect((await editorA.post(`${STORIES}/${id}/actions/publish?locale=zh-Hans`).send({})).status).toBe(403);
    expect([403, 404]).toContain((await editorB.get(`${STORIES}/${id}?locale=zh-Hans`)).status);
    expect((await editorB.put(`${STORIES}/${id}?locale=zh-Hans`).send({ title: '改' })).status).toBe(403);
    expect((await editorA.get(`${STORIES}?pageSize=100&locale=zh-Hans`)).body.results.map((s: any) => s.documentId)).toContain(id);

    const review = await office.post(`${STORIES}/${id}/actions/publish?locale=zh-Hans`).send({});
    expect(review.status).toBe(200);
    expect((await http().get(`/api/stories/${id}`)).body.data.title).toBe('本会故事');
  });
});

describe('members', () => {
  it('are read-only, of their own chapter, with contact details only when the member consented', async () => {
    const res = await editorA.get(`${CM}/plugin::liaison.alumnus?pageSize=100`);
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.results.map((a: any) => [a.documentId, a]));
    expect(Object.keys(byId).sort()).toEqual([memberConsented.documentId, memberPrivate.documentId].sort());
    expect(byId[memberConsented.documentId]).toMatchObject({ phone: '13900000001', email: 'yes@example.com' });
    expect(byId[memberPrivate.documentId]).toMatchObject({ phone: null, email: null, wechat: null });
    for (const a of res.body.results) {
      expect(a).not.toHaveProperty('studentNo');
      expect(a).not.toHaveProperty('employer');
    }
    const one = await editorA.get(`${CM}/plugin::liaison.alumnus/${memberPrivate.documentId}`);
    expect(one.status).toBe(200);
    expect(one.body.data.phone ?? null).toBeNull();
    expect([403, 404]).toContain((await editorA.get(`${CM}/plugin::liaison.alumnus/${memberB.documentId}`)).status);
    expect((await editorA.put(`${CM}/plugin::liaison.alumnus/${memberConsented.documentId}`).send({ name: '改名' })).status).toBe(403);
    expect((await strapiApp().db.query('plugin::liaison.alumnus').findOne({ where: { id: memberConsented.id } })).name).toBe('同意联系');
  });

  it('a college’s staff are not theirs to see either', async () => {
    const college = await makeCollege();
    expect([403, 404]).toContain((await editorA.get(`${CM}/plugin::liaison.college/${college.documentId}`)).status);
  });
});
