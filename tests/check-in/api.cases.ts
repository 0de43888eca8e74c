import crypto from 'crypto';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * The staff's side of registrations through the admin HTTP API: checking people in at the
 * door by their code (once, of this event, registered only, chapter editors at their own
 * chapters' events), the counts and list with the waiting list's order, and the export with
 * contact fields only of those who consented. Registrations are written directly (the
 * sign-up is another capability's).
 */
const EVENT = 'plugin::liaison.event';
const REG = 'plugin::liaison.event-registration';
let api: ReturnType<typeof withToken>;
let editorA: ReturnType<typeof withToken>;
let editorB: ReturnType<typeof withToken>;
let chapterA: any;
let chapterB: any;

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const newCode = () => crypto.randomBytes(16).toString('base64url');

const makeEvent = (chapter: string | null, data: Record<string, unknown> = {}) =>
  strapiApp()
    .documents(EVENT)
    .create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: unique('活动'), slug: unique('ev').toLowerCase(), type: 'reunion', startsAt: '2027-05-01T02:00:00.000Z', venue: '礼堂', capacity: 10, ...(chapter ? { chapter } : {}), ...data } as any,
    } as any);

const register = async (event: string, data: Record<string, unknown> = {}) => {
  const alumnus = (data.alumnus as any) ?? (await makeAlumnus({ name: unique('校友') }));
  const code = newCode();
  const row = await strapiApp()
    .db.query(REG)
    .create({ data: { eventDocumentId: event, alumnus: alumnus.id, registrationStatus: 'registered', guests: 0, code, ...data, ...(data.alumnus ? { alumnus: alumnus.id } : {}) } });
  return { row, code, alumnus };
};

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
  chapterA = await makeChapter();
  chapterB = await makeChapter();
  editorA = withToken((await signInStaff('Chapter Editor', { chapters: [chapterA.documentId] })).token);
  editorB = withToken((await signInStaff('Chapter Editor', { chapters: [chapterB.documentId] })).token);
});
afterAll(teardownStrapi);

describe('check-in', () => {
  it('checks a registered person in once, with their name, guests and the running count', async () => {
    const event = await makeEvent(chapterA.documentId);
    const first = await register(event.documentId, { guests: 2, alumnus: await makeAlumnus({ name: '王芳' }) });
    await register(event.documentId);
    const res = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: first.code });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: first.row.documentId,
      displayName: '王芳',
      status: 'checked-in',
      guests: 2,
      arrivals: { checkedIn: 1, registered: 2, arrived: 3, seatsTaken: 4 },
    });
    expect(new Date(res.body.data.checkedInAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const stored = await strapiApp().db.query(REG).findOne({ where: { id: first.row.id }, populate: { checkedInBy: { select: ['id'] } } });
    expect(stored.checkedInAt).toBeTruthy();
    expect(stored.checkedInBy?.id).toBeTruthy();

    const again = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: first.code });
    expect(again.status).toBe(409);
    expect(fieldsOf(again.body)).toEqual(['code']);
    expect(again.body.error.message).toMatch(/already checked in at \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \(UTC\+8\)/);
    expect(again.body.error.details.errors[0]).toMatchObject({ messageId: 'liaison.error.checkIn.already', values: { checkedInAt: res.body.data.checkedInAt } });
    const zh = await api.post(`/liaison/events/${event.documentId}/check-in`).set('Accept-Language', 'zh-CN').send({ code: first.code });
    expect(zh.status).toBe(409);
    expect(zh.body.error.message).toMatch(/已于 北京时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} 签到/);
  });

  it('refuses a missing or malformed code (400 naming code), an unknown event or another event’s code (404)', async () => {
    const event = await makeEvent(chapterA.documentId);
    const other = await makeEvent(chapterA.documentId);
    const elsewhere = await register(other.documentId);
    const missing = await api.post(`/liaison/events/${event.documentId}/check-in`).send({});
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['code']);
    expect(missing.body.error.details.errors[0].message).toBe('is required');
    const bad = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: 'no spaces; allowed' });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['code']);
    const extra = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: elsewhere.code, at: 'now' });
    expect(extra.status).toBe(400);
    expect(fieldsOf(extra.body)).toEqual(['at']);
    const foreign = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: elsewhere.code });
    expect(foreign.status).toBe(404);
    const unknown = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: newCode() });
    expect(unknown.status).toBe(404);
    const noEvent = await api.post(`/liaison/events/nosuchevent123/check-in`).send({ code: elsewhere.code });
    expect(noEvent.status).toBe(404);
    // Nothing was written by the refusals.
    expect((await strapiApp().db.query(REG).findOne({ where: { id: elsewhere.row.id } })).checkedInAt).toBeNull();
  });

  it('refuses a waiting-list or cancelled registration with 409 naming the status', async () => {
    const event = await makeEvent(chapterA.documentId);
    const waiting = await register(event.documentId, { registrationStatus: 'waiting' });
    const cancelled = await register(event.documentId, { registrationStatus: 'cancelled', cancelledAt: new Date() });
    const w = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: waiting.code });
    expect(w.status).toBe(409);
    expect(fieldsOf(w.body)).toEqual(['registrationStatus']);
    expect(w.body.error.message).toMatch(/waiting/);
    const zh = await api.post(`/liaison/events/${event.documentId}/check-in`).set('Accept-Language', 'zh-Hans').send({ code: waiting.code });
    expect(zh.body.error.message).toMatch(/候补/);
    const c = await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: cancelled.code });
    expect(c.status).toBe(409);
    expect(c.body.error.message).toMatch(/cancelled/);
    for (const r of [waiting, cancelled]) expect((await strapiApp().db.query(REG).findOne({ where: { id: r.row.id } })).checkedInAt).toBeNull();
  });

  it('lets a chapter editor check in at their own chapter’s events only (403 elsewhere, nothing written)', async () => {
    const mine = await makeEvent(chapterA.documentId);
    const theirs = await makeEvent(chapterB.documentId);
    const office = await makeEvent(null);
    const a = await register(mine.documentId);
    const b = await register(theirs.documentId);
    const o = await register(office.documentId);
    expect((await editorA.post(`/liaison/events/${mine.documentId}/check-in`).send({ code: a.code })).status).toBe(200);
    const refused = await editorA.post(`/liaison/events/${theirs.documentId}/check-in`).send({ code: b.code });
    expect(refused.status).toBe(403);
    expect(fieldsOf(refused.body)).toEqual(['chapter']);
    expect((await editorA.post(`/liaison/events/${office.documentId}/check-in`).send({ code: o.code })).status).toBe(403);
    expect((await strapiApp().db.query(REG).findOne({ where: { id: b.row.id } })).checkedInAt).toBeNull();
    expect((await editorA.get(`/liaison/events/${theirs.documentId}/registrations`)).status).toBe(403);
    expect((await editorA.get(`/liaison/events/${theirs.documentId}/registrations/export?format=csv`)).status).toBe(403);
    expect((await editorB.post(`/liaison/events/${theirs.documentId}/check-in`).send({ code: b.code })).status).toBe(200);
    // College Staff hold neither action.
    const college = withToken((await signInStaff('College Staff')).token);
    expect((await college.post(`/liaison/events/${mine.documentId}/check-in`).send({ code: a.code })).status).toBe(403);
  });

  it('two desks scanning one code at once: one 200, one 409', async () => {
    const event = await makeEvent(chapterA.documentId);
    for (let round = 0; round < 5; round++) {
      const r = await register(event.documentId);
      const answers = await Promise.all([0, 1, 2].map(() => api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: r.code })));
      expect(answers.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    }
    const counts = (await api.get(`/liaison/events/${event.documentId}/arrivals`)).body.data.counts;
    expect(counts).toMatchObject({ checkedIn: 5, registered: 5 });
  });
});

describe('registrations: counts, list, export', () => {
  let event: any;
  const people: Record<string, any> = {};
  beforeAll(async () => {
    event = await makeEvent(chapterA.documentId, { capacity: 6 });
    const mk = async (key: string, data: Record<string, unknown>, person: Record<string, unknown> = {}) => {
      people[key] = await register(event.documentId, { ...data, alumnus: await makeAlumnus({ name: key, ...person }) });
    };
    await mk('注册甲', { guests: 1 }, { contactConsent: true, email: 'jia@example.com', phone: '13900000011' });
    await mk('注册乙', { guests: 2 }, { contactConsent: false, email: 'yi@example.com', phone: '13900000012', wechat: 'wx_yi' });
    await mk('候补丙', { registrationStatus: 'waiting' });
    await mk('取消丁', { registrationStatus: 'cancelled', cancelledAt: new Date() });
    await mk('候补戊', { registrationStatus: 'waiting', guests: 1 });
    await mk('=HYPERLINK("x")', { registrationStatus: 'waiting' });
    await api.post(`/liaison/events/${event.documentId}/check-in`).send({ code: people['注册甲'].code });
  });

  it('counts each status, the seats taken with guests, the capacity and the checked-in', async () => {
    const res = await api.get(`/liaison/events/${event.documentId}/registrations`);
    expect(res.status).toBe(200);
    expect(res.body.meta.counts).toEqual({ registered: 2, waiting: 3, cancelled: 1, seatsTaken: 5, capacity: 6, checkedIn: 1, arrived: 2 });
    expect(res.body.meta.pagination).toMatchObject({ page: 1, total: 6 });
    expect(res.body.data.map((r: any) => r.alumnus.name)).toEqual(['注册甲', '注册乙', '候补丙', '取消丁', '候补戊', '=HYPERLINK("x")']);
    const byName = Object.fromEntries(res.body.data.map((r: any) => [r.alumnus.name, r]));
    expect(byName['注册甲']).toMatchObject({ status: 'registered', position: null, guests: 1, alumnus: { email: 'jia@example.com', phone: '13900000011' } });
    expect(byName['注册甲'].checkedInAt).toBeTruthy();
    expect(byName['注册甲'].checkedInBy).toBe('Test Admin');
    // No consent to be contacted: no contact fields, even for the office.
    expect(byName['注册乙'].alumnus).toMatchObject({ email: null, phone: null, wechat: null, contactConsent: false });
    expect(byName['候补丙'].position).toBe(1);
    expect(byName['候补戊'].position).toBe(2);
    expect(byName['=HYPERLINK("x")'].position).toBe(3);
    expect(byName['取消丁']).toMatchObject({ status: 'cancelled', position: null });
    expect(JSON.stringify(res.body)).not.toContain(people['注册甲'].code);
  });

  it('filters by status and name, pages, and refuses a bad query with 400 naming the field', async () => {
    const waiting = await api.get(`/liaison/events/${event.documentId}/registrations?status=waiting&pageSize=2&page=2`);
    expect(waiting.status).toBe(200);
    expect(waiting.body.data.map((r: any) => [r.alumnus.name, r.position])).toEqual([['=HYPERLINK("x")', 3]]);
    expect(waiting.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
    const q = await api.get(`/liaison/events/${event.documentId}/registrations?q=${encodeURIComponent('候补')}`);
    expect(q.body.data.map((r: any) => r.alumnus.name)).toEqual(['候补丙', '候补戊']);
    const pct = await api.get(`/liaison/events/${event.documentId}/registrations?q=${encodeURIComponent('%')}`);
    expect(pct.body.data).toEqual([]);
    const past = await api.get(`/liaison/events/${event.documentId}/registrations?page=9`);
    expect(past.body.meta.pagination.total).toBe(6);
    for (const [query, field] of [['status=gone', 'status'], ['page=0', 'page'], ['pageSize=9999', 'pageSize'], ['sort=name', 'sort']]) {
      const res = await api.get(`/liaison/events/${event.documentId}/registrations?${query}`);
      expect(res.status).toBe(400);
      expect(fieldsOf(res.body)).toEqual([field]);
    }
    expect((await api.get(`/liaison/events/nosuchevent123/registrations`)).status).toBe(404);
  });

  it('lets the event’s chapter editor read the list', async () => {
    const res = await editorA.get(`/liaison/events/${event.documentId}/registrations`);
    expect(res.status).toBe(200);
    expect(res.body.meta.counts.registered).toBe(2);
    expect((await editorB.get(`/liaison/events/${event.documentId}/registrations`)).status).toBe(403);
  });

  it('exports CSV and XLSX with formulas neutralised and contact only of the consenting', async () => {
    const csv = await api.get(`/liaison/events/${event.documentId}/registrations/export?format=csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toContain(`registrations-${event.documentId}.csv`);
    const rows: string[][] = parse(csv.text.replace(/^\uFEFF/, ''));
    expect(rows[0]).toEqual(['Name', 'Status', 'Position', 'Guests', 'Registered at', 'Registered by', 'Checked in at', 'Checked in by', 'Cancelled at', 'E-mail', 'Phone', 'WeChat']);
    expect(rows).toHaveLength(7);
    const byName = Object.fromEntries(rows.slice(1).map((r) => [r[0], r]));
    expect(byName['注册甲'][9]).toBe('jia@example.com');
    expect(byName['注册乙'].slice(9)).toEqual(['', '', '']);
    expect(byName["'=HYPERLINK(\"x\")"]).toBeTruthy();
    expect(byName["'=HYPERLINK(\"x\")"].slice(1, 3)).toEqual(['waiting', '3']);
    expect(csv.text).not.toContain('yi@example.com');

    const zh = await api.get(`/liaison/events/${event.documentId}/registrations/export?format=xlsx&status=waiting`).set('Accept-Language', 'zh-Hans').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(zh.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(zh.body);
    const sheet = book.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(2).getCell(2).value).toBe('候补');
    expect(sheet.getRow(4).getCell(1).value).toBe("'=HYPERLINK(\"x\")");
    const bad = await api.get(`/liaison/events/${event.documentId}/registrations/export?format=pdf`);
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['format']);
  });
});
