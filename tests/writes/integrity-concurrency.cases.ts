import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makePost } from '../helpers/fixtures';

/**
 * One training record per person and session, one appraisal per post and cycle, when
 * several requests create the same pair at the same moment (on PostgreSQL each request
 * has its own connection and transaction; SQLite runs one write at a time).
 */
let token: string;
beforeAll(async () => {
  const app = await setupStrapi();
  // supertest makes an idle server listen for each request: parallel requests need it listening once.
  await new Promise<void>((resolve) => app.server.httpServer.listen(0, '127.0.0.1', () => resolve()));
  token = await adminToken();
});
afterAll(async () => {
  // The Content Manager writes history versions after commit, unawaited: let them finish.
  const pool = (strapiApp().db.connection as any).client.pool;
  for (let i = 0; i < 100 && (pool.numUsed() > 0 || pool.numPendingAcquires() > 0); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await teardownStrapi();
});

const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const PARALLEL = 6;

const race = async (uid: string, body: Record<string, unknown>) => {
  const responses = await Promise.all(
    Array.from({ length: PARALLEL }, () => withToken(token).post(`${CM}/${uid}`).send(body))
  );
  expect(responses.map((r) => r.status).sort()).toEqual([201, ...Array(PARALLEL - 1).fill(409)]);
  return {
    created: responses.filter((r) => r.status === 201),
    refused: responses.filter((r) => r.status !== 201),
  };
};

describe(`${PARALLEL} simultaneous Content Manager requests for the same pair (${process.env.DATABASE_CLIENT ?? 'sqlite'})`, () => {
  it('create exactly one training record for a person and session; the others get 409 naming alumnus', async () => {
    const app = strapiApp();
    const course = await app.documents('plugin::liaison.training-course').create({ data: { title: '校友工作实务', area: 'alumni_work' } as any });
    const session = await app.documents('plugin::liaison.training-session').create({
      data: { course: course.documentId, startsAt: '2026-05-01T01:00:00.000Z' } as any,
    });
    const alumnus = await makeAlumnus();
    const before = await app.db.query('plugin::liaison.training-record').count();

    const { created, refused } = await race('plugin::liaison.training-record', {
      session: { connect: [{ documentId: session.documentId }] },
      alumnus: { connect: [{ documentId: alumnus.documentId }] },
      result: 'pending',
    });

    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual(['alumnus']);
    }
    expect(await app.db.query('plugin::liaison.training-record').count()).toBe(before + 1);
    const stored = await app.db.query('plugin::liaison.training-record').findMany({
      where: { session: { id: session.id }, alumnus: { id: alumnus.id } },
    });
    expect(stored.map((r: any) => r.documentId)).toEqual([created[0].body.data.documentId]);
  });

  it('create exactly one appraisal for a post and cycle; the others get 409 naming liaison', async () => {
    const app = strapiApp();
    const cycle = await app.documents('plugin::liaison.appraisal-cycle').create({
      data: { name: '2025年度考核', periodStart: '2025-01-01', periodEnd: '2025-12-31', cycleStatus: 'open' } as any,
    });
    const post = await makePost();
    const before = await app.db.query('plugin::liaison.appraisal').count();

    const { created, refused } = await race('plugin::liaison.appraisal', {
      cycle: { connect: [{ documentId: cycle.documentId }] },
      liaison: { connect: [{ documentId: post.documentId }] },
      grade: 'good',
    });

    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(PARALLEL - 1);
    for (const res of refused) {
      expect(res.status).toBe(409);
      expect(fieldsOf(res.body)).toEqual(['liaison']);
    }
    expect(await app.db.query('plugin::liaison.appraisal').count()).toBe(before + 1);
  });

  it('still lets different pairs be created side by side', async () => {
    const app = strapiApp();
    const course = await app.documents('plugin::liaison.training-course').create({ data: { title: '数据管理', area: 'data_management' } as any });
    const session = await app.documents('plugin::liaison.training-session').create({
      data: { course: course.documentId, startsAt: '2026-06-01T01:00:00.000Z' } as any,
    });
    const alumni = await Promise.all(Array.from({ length: 4 }, () => makeAlumnus()));
    const responses = await Promise.all(
      alumni.map((a) =>
        withToken(token).post(`${CM}/plugin::liaison.training-record`).send({
          session: { connect: [{ documentId: session.documentId }] },
          alumnus: { connect: [{ documentId: a.documentId }] },
          result: 'pending',
        })
      )
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });
});
