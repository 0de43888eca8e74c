import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makePost } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * A chapter editor's events count in their organisers' appraisal: an editor may name as
 * organisers only liaison posts of their own chapters, however the relation is written,
 * and records attendance only up to the event's capacity, kept with who recorded it.
 * The attack: an event of their chapter organised by another college's liaison, with
 * 5,000 attending, lifted that liaison from fail to excellent at the next recompute.
 */
const EVENT = 'plugin::liaison.event';
const EVENTS = `${CM}/${EVENT}?locale=zh-Hans`;
const YEAR = 2096;

type Signed = ReturnType<typeof withToken> & { id: number };
let editor: Signed;
let office: Signed;
let chapter: any;
let theirPost: any; // a class liaison of another college
let ownPost: any; // a liaison of the editor's chapter

const sign = async (...args: Parameters<typeof signInStaff>): Promise<Signed> => {
  const { user, token } = await signInStaff(...args);
  const signed = withToken(token);
  const lang = (t: any) => t.set('Accept-Language', 'en');
  return {
    id: user.id,
    get: (u: string) => lang(signed.get(u)),
    post: (u: string) => lang(signed.post(u)),
    put: (u: string) => lang(signed.put(u)),
    delete: (u: string) => lang(signed.delete(u)),
  };
};

const eventBody = (extra: Record<string, unknown> = {}) => ({
  title: unique('校友活动'), slug: unique('ev'), type: 'reunion', startsAt: `${YEAR}-05-01T10:00:00.000Z`, venue: '会议室',
  chapter: { connect: [{ documentId: chapter.documentId }] }, ...extra,
});
const eventCount = () => strapiApp().db.query(EVENT).count({});
const storedEvent = (documentId: string) =>
  strapiApp().db.query(EVENT).findOne({
    where: { documentId, publishedAt: { $null: true } },
    populate: { organisers: { select: ['id'] }, attendanceRecordedBy: { select: ['id'] } },
  });

beforeAll(async () => {
  await setupStrapi();
  chapter = await makeChapter();
  const otherCollege = await makeCollege();
  const otherCohort = await makeCohort({ college: otherCollege.documentId, gradYear: 2010 });
  theirPost = await makePost({ cohort: otherCohort.documentId, alumnus: (await makeAlumnus({ cohort: otherCohort.documentId })).documentId, termStart: `${YEAR}-01-01` });
  ownPost = await makePost({
    dimension: 'region', chapter: chapter.documentId, role: 'head', termStart: `${YEAR}-01-01`,
    alumnus: (await makeAlumnus({ chapter: chapter.documentId })).documentId,
  });
  editor = await sign('Chapter Editor', { chapters: [chapter.documentId] });
  office = await sign('Alumni Office Staff');
}, 120000);
afterAll(teardownStrapi);

const forbiddenOn = (res: any, field: string) => {
  expect({ status: res.status, path: res.body?.error?.details?.errors?.[0]?.path }).toEqual({ status: 403, path: [field] });
};

describe('organisers', () => {
  it.each([
    ['connect by id', () => ({ connect: [{ id: theirPost.id }] })],
    ['connect by documentId', () => ({ connect: [{ documentId: theirPost.documentId }] })],
    ['set', () => ({ set: [{ documentId: theirPost.documentId }] })],
    ['a plain array of ids', () => [theirPost.id]],
    ['a plain array of documentIds', () => [theirPost.documentId]],
    ['one of their own and one of another college', () => ({ connect: [{ id: ownPost.id }, { id: theirPost.id }] })],
  ])('another college’s liaison, by %s: 403 naming organisers, nothing stored', async (_how, organisers) => {
    const before = await eventCount();
    const res = await editor.post(EVENTS).send(eventBody({ organisers: organisers(), capacity: 100, attendance: 50 }));
    forbiddenOn(res, 'organisers');
    expect(res.body.error.details.errors[0].message).toBe('outside your colleges and chapters');
    expect(await eventCount()).toBe(before);
    // Created and published in one go, as the admin's "Publish" on a new event does.
    const published = await editor.post(`${CM}/${EVENT}/actions/publish?locale=zh-Hans`).send(eventBody({ organisers: organisers() }));
    forbiddenOn(published, 'organisers');
    expect(await eventCount()).toBe(before);
  });

  it('cannot be added to an existing event either; their own chapter’s liaison can', async () => {
    const created = await editor.post(EVENTS).send(eventBody());
    expect(created.status).toBe(201);
    const id = created.body.data.documentId;
    forbiddenOn(await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ organisers: { connect: [{ id: theirPost.id }] } }), 'organisers');
    forbiddenOn(await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ organisers: { set: [theirPost.documentId] } }), 'organisers');
    expect((await storedEvent(id)).organisers).toEqual([]);

    const ok = await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ organisers: { connect: [{ documentId: ownPost.documentId }] } });
    expect(ok.status).toBe(200);
    expect((await storedEvent(id)).organisers.map((p: any) => p.id)).toEqual([ownPost.id]);
    // The picker offers the same: their chapter's liaisons only.
    const picker = await editor.get(`/content-manager/relations/${EVENT}/organisers?locale=zh-Hans&pageSize=100`);
    expect(picker.body.results.map((p: any) => p.documentId)).toEqual([ownPost.documentId]);
  });

  it('the alumni office may name any liaison; an editor cannot copy that event by cloning it', async () => {
    const res = await office.post(EVENTS).send(eventBody({ organisers: { connect: [{ id: theirPost.id }] } }));
    expect(res.status).toBe(201);
    const source = res.body.data.documentId;
    const before = await eventCount();
    const clone = await editor.post(`${CM}/${EVENT}/clone/${source}?locale=zh-Hans`).send({ title: unique('复制'), slug: unique('copy') });
    forbiddenOn(clone, 'organisers');
    expect(await eventCount()).toBe(before);
    // The editor may still edit the office's event without touching its organisers.
    expect((await editor.put(`${CM}/${EVENT}/${source}?locale=zh-Hans`).send({ venue: '礼堂' })).status).toBe(200);
    await strapiApp().documents(EVENT).delete({ documentId: source });
  });
});

describe('attendance', () => {
  it('cannot be more than the capacity, nor be recorded without one (400 naming attendance, nothing stored)', async () => {
    const before = await eventCount();
    const over = await editor.post(EVENTS).send(eventBody({ capacity: 100, attendance: 5000, organisers: [ownPost.id] }));
    expect(over.status).toBe(400);
    expect(over.body.error.details.errors[0]).toMatchObject({ path: ['attendance'], message: 'cannot be more than the capacity (100)' });
    const none = await editor.post(EVENTS).send(eventBody({ attendance: 20 }));
    expect(none.status).toBe(400);
    expect(none.body.error.details.errors[0]).toMatchObject({ path: ['attendance'], message: "needs the event's capacity to be set first" });
    expect(await eventCount()).toBe(before);

    const zh = await editor.post(EVENTS).set('Accept-Language', 'zh-Hans').send(eventBody({ capacity: 100, attendance: 101 }));
    expect(zh.body.error.details.errors[0].message).toBe('不能超过活动容量（100）');
  });

  it('is kept with who recorded it and when, which clients cannot set', async () => {
    const startedAt = Date.now();
    const res = await editor.post(EVENTS).send(eventBody({ capacity: 100, attendance: 80, organisers: [ownPost.id], attendanceRecordedBy: office.id, attendanceRecordedAt: '2000-01-01T00:00:00.000Z' }));
    expect(res.status).toBe(201);
    const id = res.body.data.documentId;
    let row = await storedEvent(id);
    expect(row.attendance).toBe(80);
    expect(row.attendanceRecordedBy.id).toBe(editor.id);
    expect(new Date(row.attendanceRecordedAt).getTime()).toBeGreaterThanOrEqual(startedAt - 1000);

    // Raising it past the capacity on an update: refused, unchanged.
    const raised = await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ attendance: 5000 });
    expect(raised.status).toBe(400);
    expect((await storedEvent(id)).attendance).toBe(80);
    // The capacity sent with it is the one it is checked against.
    expect((await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ capacity: 50, attendance: 60 })).status).toBe(400);

    // The office corrects it: the record says so. Another edit that leaves it alone keeps the record.
    expect((await office.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ attendance: 75 })).status).toBe(200);
    row = await storedEvent(id);
    expect([row.attendance, row.attendanceRecordedBy.id]).toEqual([75, office.id]);
    expect((await editor.put(`${CM}/${EVENT}/${id}?locale=zh-Hans`).send({ venue: '礼堂', attendance: 75, attendanceRecordedBy: editor.id })).status).toBe(200);
    row = await storedEvent(id);
    expect([row.venue, row.attendanceRecordedBy.id]).toEqual(['礼堂', office.id]);

    // Published, it is still nobody's business but the office's.
    expect((await editor.post(`${CM}/${EVENT}/${id}/actions/publish?locale=zh-Hans`).send({})).status).toBe(200);
    const pub = await http().get(`/api/events/${id}?locale=zh-Hans`);
    expect(pub.status).toBe(200);
    for (const field of ['attendance', 'attendanceRecordedBy', 'attendanceRecordedAt', 'organisers']) expect(pub.body.data).not.toHaveProperty(field);
    const populated = await http().get(`/api/events/${id}?locale=zh-Hans&populate=attendanceRecordedBy`);
    expect(populated.status).toBe(400);
  });
});

describe('the appraisal', () => {
  it('is not lifted by an editor’s event: the other college’s liaison stays at fail, their own liaison is credited', async () => {
    const attack = await editor.post(`${CM}/${EVENT}/actions/publish?locale=zh-Hans`).send(eventBody({ organisers: { connect: [{ id: theirPost.id }] }, attendance: 5000, capacity: 100000 }));
    expect(attack.status).toBe(403);

    const api = withToken(await adminToken());
    const cycle = await api.post('/liaison/cycles').send({
      name: unique(`${YEAR}年度考核`), periodStart: `${YEAR}-01-01`, periodEnd: `${YEAR}-12-31`,
      criteria: [
        { key: 'events', kind: 'measured', measure: 'events_organised', weight: 50 },
        { key: 'attendance', kind: 'measured', measure: 'event_attendance', weight: 50 },
      ],
    });
    expect(cycle.status).toBe(201);
    expect((await api.post(`/liaison/cycles/${cycle.body.data.documentId}/compute`)).status).toBeLessThan(300);
    const results = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/results?pageSize=200`);
    const byPost = Object.fromEntries(results.body.data.map((r: any) => [r.post.documentId, r]));
    expect(byPost[theirPost.documentId]).toMatchObject({ measures: { events: 0, attendance: 0 }, grade: 'fail' });
    // The event the editor published with 75 attending (the test above) counts for their own chapter's liaison.
    expect(byPost[ownPost.documentId].measures).toEqual({ events: 1, attendance: 75 });
  });
});
