import type { AddressInfo } from 'net';
import type { Core } from '@strapi/strapi';
import { http, setupStrapi, teardownStrapi, unique } from '../helpers/strapi';
import { SecondInstance } from '../helpers/instance';
import { limitWebsite, SYNC_MS, WINDOW_SECONDS } from '../helpers/rate-limits';

/**
 * The website's API on several instances: rate limits are counted once for all of them
 * (a table in the shared database), and on PostgreSQL a write on one instance clears the
 * public cache of every other (NOTIFY on commit, one LISTEN connection per instance).
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
let first: Core.Strapi;
const website = () => first.plugin('liaison').service('website');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));


beforeAll(async () => {
  first = await setupStrapi();
});
afterAll(async () => {
  await website().configureRateLimit({ points: 0, durationSeconds: 60 });
  await teardownStrapi();
});

describe('rate limits', () => {
  afterEach(() => limitWebsite(0));

  it('answer 429 with Retry-After once a client has used its requests, on public endpoints only', async () => {
    await limitWebsite(3);
    const remaining: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await http().get('/api/stories').query({ 'pagination[pageSize]': '1' });
      expect(res.status).toBe(200);
      remaining.push(res.headers['ratelimit-remaining']);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await http().get('/api/liaison/chapters');
    expect(limited.status).toBe(429);
    const wait = Number(limited.headers['retry-after']);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(limited.body.error).toMatchObject({ status: 429, name: 'TooManyRequestsError', details: { retryAfter: wait } });
    // A cached answer is limited as well: the limit comes first.
    expect((await http().get('/api/stories').query({ 'pagination[pageSize]': '1' })).status).toBe(429);
    // The admin panel and the network's private routes are not the website's.
    expect((await http().get('/admin/init')).status).toBe(200);
  });

  it('give a client its requests again when the window has passed', async () => {
    // Windows are fixed and aligned to the clock: start just after one begins, so that the
    // two requests fall in the same window even on a loaded machine.
    const windowMs = 2000;
    await website().configureRateLimit({ points: 1, durationSeconds: windowMs / 1000 });
    await pause(windowMs - (Date.now() % windowMs) + 20);
    expect((await http().get('/api/events')).status).toBe(200);
    const limited = await http().get('/api/events');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(windowMs / 1000);
    await pause(windowMs - (Date.now() % windowMs) + 100);
    expect((await http().get('/api/events')).status).toBe(200);
  });
});

(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL database (skipped on SQLite: one process)', () => {
  const second = new SecondInstance();
  let secondUrl: string;
  let firstUrl: string;

  beforeAll(async () => {
    const server = first.server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    firstUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await second.start();
    secondUrl = `http://127.0.0.1:${(await second.call<{ port: number }>('listen')).port}`;
  }, 180000);
  afterAll(() => second.stop());

  const get = async (baseUrl: string, path: string) => {
    const res = await fetch(`${baseUrl}${path}`);
    return { status: res.status, cache: res.headers.get('x-cache'), body: res.status === 200 ? await res.json() : null };
  };

  it('count one limit for all instances (each learns the others\' counts at its next sync)', async () => {
    await limitWebsite(4);
    await second.call('rateLimit', { points: 4, durationSeconds: WINDOW_SECONDS, syncMs: SYNC_MS });
    const statuses = [];
    for (const url of [firstUrl, secondUrl, firstUrl, secondUrl, firstUrl, secondUrl]) {
      statuses.push((await get(url, '/api/events')).status);
      await pause(SYNC_MS * 4);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    // What the table holds is the count of both: one row for the client in this window.
    const rows = await first.db.connection('liaison_rate_counts').select('client', 'hits');
    expect(rows.map((r: any) => [r.client, Number(r.hits)])).toEqual([['ip:127.0.0.1', 4]]);
    await second.call('rateLimit', { points: 0, durationSeconds: 60 });
    await limitWebsite(0);
  });

  it('clear every instance’s cache when one of them writes', async () => {
    const tag = unique('multi');
    const stories = first.documents('plugin::liaison.story');
    const doc = await stories.create({ data: { title: 'Before', slug: unique('multi'), tags: [tag] } as any, locale: 'zh-Hans', status: 'published' });
    const path = `/api/stories?filters[tags][$contains]=${tag}&fields=title`;
    // The create's own notification may still be on its way: ask until the answer is cached.
    let cached = await get(secondUrl, path);
    for (let i = 0; i < 50 && cached.cache !== 'HIT'; i += 1) {
      await pause(20);
      cached = await get(secondUrl, path);
    }
    expect(cached.cache).toBe('HIT');
    expect(cached.body.data.map((s: any) => s.title)).toEqual(['Before']);

    await stories.update({ documentId: doc.documentId, locale: 'zh-Hans', data: { title: 'After' } as any, status: 'published' });
    // The notification is delivered when the write commits; it reaches the other process a moment later.
    let seen: string[] = [];
    for (let i = 0; i < 100 && seen[0] !== 'After'; i += 1) {
      seen = (await get(secondUrl, path)).body.data.map((s: any) => s.title);
      if (seen[0] !== 'After') await pause(20);
    }
    expect(seen).toEqual(['After']);
  });

  it('refuse on every instance, cached or not, once the public role loses the permission to read', async () => {
    const role = await first.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const perms = first.db.query('plugin::users-permissions.permission');
    const path = '/api/events?fields=title&pagination[pageSize]=3';
    for (let i = 0; i < 50 && (await get(secondUrl, path)).cache !== 'HIT'; i += 1) await pause(20);
    expect((await get(secondUrl, path)).cache).toBe('HIT');
    await perms.deleteMany({ where: { action: 'plugin::liaison.event.find', role: { id: role.id } } });
    try {
      let status = 200;
      for (let i = 0; i < 100 && status !== 403; i += 1) {
        status = (await get(secondUrl, path)).status;
        if (status !== 403) await pause(20);
      }
      expect(status).toBe(403);
      expect((await get(secondUrl, '/api/events?pagination[pageSize]=1')).status).toBe(403);
    } finally {
      await perms.create({ data: { action: 'plugin::liaison.event.find', role: role.id } });
    }
    let back = 403;
    for (let i = 0; i < 100 && back !== 200; i += 1) {
      back = (await get(secondUrl, path)).status;
      if (back !== 200) await pause(20);
    }
    expect(back).toBe(200);
  });

  it('announce nothing for a write that rolls back', async () => {
    const tag = unique('rollback');
    await first.documents('plugin::liaison.story').create({ data: { title: 'Kept', slug: unique('rb'), tags: [tag] } as any, locale: 'zh-Hans', status: 'published' });
    const shy = await first.documents('plugin::liaison.alumnus').create({ data: { name: '不同意', studentNo: unique('S'), publishConsent: false } as any });
    const path = `/api/stories?filters[tags][$contains]=${tag}&fields=title`;
    for (let i = 0; i < 50 && (await get(secondUrl, path)).cache !== 'HIT'; i += 1) await pause(20);
    // A publish the integrity guard refuses (a featured alumnus without consent) is rolled back, its NOTIFY with it.
    await expect(
      first.documents('plugin::liaison.story').create({ data: { title: 'Refused', slug: unique('rb'), tags: [tag], featuredAlumni: [shy.documentId] } as any, locale: 'zh-Hans', status: 'published' })
    ).rejects.toThrow();
    await pause(300);
    const after = await get(secondUrl, path);
    expect(after.cache).toBe('HIT');
    expect(after.body.data.map((s: any) => s.title)).toEqual(['Kept']);
  });

  it('drop the whole cache when the LISTEN connection is lost, and listen again', async () => {
    const path = '/api/stories?fields=title&pagination[pageSize]=2';
    await get(secondUrl, path);
    expect((await get(secondUrl, path)).cache).toBe('HIT');
    const before = await second.call<{ connections: number }>('cacheState');
    await first.db.connection.raw(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'liaison-cache-listener'`);
    let state = await second.call<{ connections: number; listening: boolean }>('cacheState');
    for (let i = 0; i < 100 && !(state.listening && state.connections > before.connections); i += 1) {
      await pause(50);
      state = await second.call('cacheState');
    }
    expect(state).toMatchObject({ listening: true, connections: before.connections + 1 });
    expect((await get(secondUrl, path)).cache).toBe('MISS');
    // This instance listens again too.
    for (let i = 0; i < 100 && !website().listener().listening; i += 1) await pause(50);
    expect(website().listener().listening).toBe(true);
  });
});
