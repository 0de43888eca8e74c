import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';

const NOTIFICATIONS = 'plugin::liaison.notification';

let token: string;
const outbox = () => strapiApp().plugin('liaison').service('outbox');
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const rowOf = (documentId: string) => strapiApp().db.query(NOTIFICATIONS).findOne({ where: { documentId } });

/** Outbox rows in a given state, written as the worker leaves them. */
const queue = async (kind: string, states: Record<string, unknown>[]) => {
  await outbox().enqueue(states.map((_, i) => ({ to: `x${i}@example.cn`, subject: `${kind} ${i}`, text: 't', kind, dedupeKey: `${kind}:${i}` })));
  const rows = [];
  for (let i = 0; i < states.length; i++) {
    const row = await strapiApp().db.query(NOTIFICATIONS).findOne({ where: { dedupeKey: `${kind}:${i}` } });
    rows.push(await strapiApp().db.query(NOTIFICATIONS).update({ where: { id: row.id }, data: states[i] as any }));
  }
  return rows;
};

/** An admin user with one of the staff roles, logged in. */
const staffToken = async (roleName: string) => {
  const role = await strapiApp().db.query('admin::role').findOne({ where: { name: roleName } });
  const email = `${unique('staff')}@liaison.test`.toLowerCase();
  const password = 'Staff-Pass-2026';
  await strapiApp().service('admin::user').create({ email, firstname: 'S', lastname: 'T', password, isActive: true, roles: [role.id] });
  const res = await http().post('/admin/login').send({ email, password });
  return res.body.data.token as string;
};

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
});
afterAll(teardownStrapi);

describe('GET /liaison/outbox', () => {
  it('lists mails newest first with their delivery state, filtered by status, with pagination', async () => {
    const kind = unique('list');
    await queue(kind, [
      { deliveryStatus: 'failed', attempts: 8, lastError: 'connect ECONNREFUSED', nextAttemptAt: null },
      { deliveryStatus: 'sent', attempts: 1, sentAt: new Date() },
      {},
    ]);

    const all = await withToken(token).get('/liaison/outbox?pageSize=100');
    expect(all.status).toBe(200);
    const ours = all.body.data.filter((m: any) => m.kind === kind);
    // Written together: newest first means the last written first.
    expect(ours.map((m: any) => m.subject)).toEqual([`${kind} 2`, `${kind} 1`, `${kind} 0`]);
    const failed = ours.find((m: any) => m.deliveryStatus === 'failed');
    expect(failed).toMatchObject({ to: 'x0@example.cn', attempts: 8, lastError: 'connect ECONNREFUSED', nextAttemptAt: null, sentAt: null });
    expect(Object.keys(failed)).toEqual(
      expect.arrayContaining(['documentId', 'to', 'subject', 'kind', 'deliveryStatus', 'attempts', 'lastError', 'nextAttemptAt', 'sentAt', 'createdAt'])
    );
    expect(all.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
    expect(all.body.meta.pagination.total).toBeGreaterThanOrEqual(3);

    const onlyFailed = await withToken(token).get('/liaison/outbox?status=failed&pageSize=100');
    expect(onlyFailed.status).toBe(200);
    expect(onlyFailed.body.data.every((m: any) => m.deliveryStatus === 'failed')).toBe(true);
    expect(onlyFailed.body.data.map((m: any) => m.documentId)).toContain(failed.documentId);

    const total = all.body.meta.pagination.total;
    const page2 = await withToken(token).get('/liaison/outbox?page=2&pageSize=1');
    expect(page2.body.data).toHaveLength(1);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: total, total });
  });

  it.each([
    ['status=lost', 'status'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['pageSize=1000', 'pageSize'],
  ])('refuses ?%s with 400 naming %s', async (query, field) => {
    const res = await withToken(token).get(`/liaison/outbox?${query}`);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([field]);
  });

  it('is refused to staff without the outbox permission, and to anonymous callers', async () => {
    const college = await staffToken('College Staff');
    expect((await withToken(college).get('/liaison/outbox')).status).toBe(403);
    expect((await http().get('/liaison/outbox')).status).toBe(401);
  });
});

describe('POST /liaison/outbox/:documentId/resend', () => {
  it('puts a failed or a sent mail back in line now, with its attempts counted afresh', async () => {
    const kind = unique('resend');
    const [failed, sent] = await queue(kind, [
      { deliveryStatus: 'failed', attempts: 8, lastError: 'boom', nextAttemptAt: null },
      { deliveryStatus: 'sent', attempts: 1, sentAt: new Date(), nextAttemptAt: null },
    ]);
    for (const row of [failed, sent]) {
      const before = Date.now();
      const res = await withToken(token).post(`/liaison/outbox/${row.documentId}/resend`);
      expect(res.status).toBe(200);
      expect(res.body.data).toMatchObject({ documentId: row.documentId, deliveryStatus: 'pending', attempts: 0, sentAt: null });
      const stored = await rowOf(row.documentId);
      expect(stored.deliveryStatus).toBe('pending');
      expect(new Date(stored.nextAttemptAt).getTime()).toBeLessThanOrEqual(Date.now());
      expect(new Date(stored.nextAttemptAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    }
    // Due for the worker's next round; without an SMTP server configured (this file) it waits.
    const report = await outbox().deliverDue();
    expect(report).toMatchObject({ claimed: 0, sent: 0 });
    expect(report.held).toBeGreaterThanOrEqual(2);
    expect(await rowOf(failed.documentId)).toMatchObject({ deliveryStatus: 'pending', attempts: 0 });
  });

  it('answers 404 for an unknown mail and 409 for one being sent, changing nothing', async () => {
    expect((await withToken(token).post('/liaison/outbox/nosuchmail0000000000000/resend')).status).toBe(404);

    const [sending] = await queue(unique('sending'), [{ deliveryStatus: 'sending', attempts: 1 }]);
    const res = await withToken(token).post(`/liaison/outbox/${sending.documentId}/resend`);
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['deliveryStatus']);
    expect(await rowOf(sending.documentId)).toMatchObject({ deliveryStatus: 'sending', attempts: 1 });
  });

  it('is refused to staff without the resend permission', async () => {
    const [failed] = await queue(unique('no-resend'), [{ deliveryStatus: 'failed', attempts: 8 }]);
    const college = await staffToken('College Staff');
    expect((await withToken(college).post(`/liaison/outbox/${failed.documentId}/resend`)).status).toBe(403);
    expect((await rowOf(failed.documentId)).deliveryStatus).toBe('failed');
  });
});
