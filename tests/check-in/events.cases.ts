import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * GET /liaison/registrations/events: the events staff open the Registrations page on, to
 * come (soonest first) or past (latest first), each with its registrations counted; a
 * chapter editor sees their own chapters' events only, and the total counts nothing more.
 */
const EVENT = 'plugin::liaison.event';
const REG = 'plugin::liaison.event-registration';
const DAY = 86_400_000;
let api: ReturnType<typeof withToken>;
let editor: ReturnType<typeof withToken>;
let other: ReturnType<typeof withToken>;
let chapter: any;

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const ids = (res: any) => res.body.data.map((e: any) => e.documentId);

const makeEvent = (startsIn: number, data: Record<string, unknown> = {}, status: 'published' | 'draft' = 'published') =>
  strapiApp()
    .documents(EVENT)
    .create({
      locale: 'zh-Hans',
      status,
      data: {
        title: unique('聚会'),
        slug: unique('ev').toLowerCase(),
        type: 'reunion',
        startsAt: new Date(Date.now() + startsIn * DAY).toISOString(),
        venue: '礼堂',
        chapter: chapter.documentId,
        ...data,
      } as any,
    } as any);

const register = async (event: string, data: Record<string, unknown> = {}) => {
  const alumnus = await makeAlumnus({ name: unique('校友') });
  await strapiApp()
    .db.query(REG)
    .create({ data: { eventDocumentId: event, alumnus: alumnus.id, registrationStatus: 'registered', guests: 0, code: unique('code').replace(/[^A-Za-z0-9_-]/g, ''), ...data } });
};

let soon: any;
let later: any;
let past: any;

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
  chapter = await makeChapter();
  editor = withToken((await signInStaff('Chapter Editor', { chapters: [chapter.documentId] })).token);
  other = withToken((await signInStaff('Chapter Editor', { chapters: [(await makeChapter()).documentId] })).token);
  later = await makeEvent(30, { capacity: null });
  soon = await makeEvent(2, { capacity: 10 });
  past = await makeEvent(-10, { endsAt: new Date(Date.now() - 10 * DAY + 2 * 3600_000).toISOString() });
  await makeEvent(5, {}, 'draft');
  await register(soon.documentId, { guests: 1, checkedInAt: new Date() });
  await register(soon.documentId);
  await register(soon.documentId, { registrationStatus: 'waiting' });
  await register(soon.documentId, { registrationStatus: 'cancelled' });
  await register(past.documentId);
});
afterAll(teardownStrapi);

describe('the events of the Registrations page', () => {
  it('lists the published events to come, soonest first, each with its registrations counted', async () => {
    const res = await editor.get('/liaison/registrations/events');
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([soon.documentId, later.documentId]);
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 2 });
    const [first, second] = res.body.data;
    expect(first).toMatchObject({ title: soon.title, chapter: { documentId: chapter.documentId, name: chapter.name } });
    expect(first.startsAt).toBe(new Date(soon.startsAt).toISOString());
    expect(first.counts).toEqual({ registered: 2, waiting: 1, cancelled: 1, seatsTaken: 3, capacity: 10, checkedIn: 1, arrived: 2 });
    expect(second.counts).toEqual({ registered: 0, waiting: 0, cancelled: 0, seatsTaken: 0, capacity: null, checkedIn: 0, arrived: 0 });
  });

  it('lists past events latest first, and pages', async () => {
    const res = await editor.get('/liaison/registrations/events?when=past');
    expect(ids(res)).toEqual([past.documentId]);
    expect(res.body.data[0].counts.registered).toBe(1);
    const second = await editor.get('/liaison/registrations/events?pageSize=1&page=2');
    expect(ids(second)).toEqual([later.documentId]);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('shows a chapter editor nothing of another chapter’s events, not even in the total; the office sees them all in order', async () => {
    const theirs = await other.get('/liaison/registrations/events');
    expect(theirs.status).toBe(200);
    expect([theirs.body.data, theirs.body.meta.pagination.total]).toEqual([[], 0]);
    const all = await api.get('/liaison/registrations/events?pageSize=100');
    expect(all.status).toBe(200);
    expect(all.body.meta.pagination.total).toBeGreaterThanOrEqual(2);
    const starts = all.body.data.map((e: any) => Date.parse(e.startsAt));
    expect(starts).toEqual([...starts].sort((a: number, b: number) => a - b));
    expect(starts.every((t: number) => t >= Date.now() - DAY)).toBe(true);
  });

  it('answers 400 naming the parameter, and 403 to staff who may not read registrations', async () => {
    for (const [query, field] of [
      ['when=soon', 'when'],
      ['page=0', 'page'],
      ['pageSize=101', 'pageSize'],
      ['sort=startsAt', 'sort'],
      ['when[$ne]=past', 'when'],
    ]) {
      const res = await api.get(`/liaison/registrations/events?${query}`);
      expect([query, res.status, fieldsOf(res.body)]).toEqual([query, 400, [field]]);
    }
    const staff = withToken((await signInStaff('College Staff', { colleges: [] })).token);
    expect((await staff.get('/liaison/registrations/events')).status).toBe(403);
  });
});
