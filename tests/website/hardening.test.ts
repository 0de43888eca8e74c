import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/fixtures';
import { PREPARED_PER_CONNECTION } from '../../plugins/liaison/server/src/website/list-statement';
import { limitWebsite } from '../helpers/rate-limits';

/**
 * The website's read path as an attacker tries it: links never come from request
 * headers, every spelling the router accepts is limited and cached as one route, the
 * website's server has its own limit and is served from the cache, and no client can make
 * the database keep state per query shape.
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const website = () => strapiApp().plugin('liaison').service('website');

const readOnlyToken = async () =>
  (await strapiApp().service('admin::api-token').create({ name: unique('website'), type: 'read-only', lifespan: null, description: 'the website' }))
    .accessKey as string;

let eventSlug: string;

beforeAll(async () => {
  await setupStrapi();
  eventSlug = unique('host-event');
  await strapiApp()
    .documents('plugin::liaison.event')
    .create({
      data: { title: 'Homecoming', slug: eventSlug, type: 'reunion', startsAt: new Date(Date.now() + 7 * 86400000).toISOString(), venue: 'Main hall' } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
});
afterAll(async () => {
  await website().configureRateLimit({ points: 0, durationSeconds: 60 });
  await teardownStrapi();
});

describe('links come from PUBLIC_URL, never from the request (cache poisoning through Host)', () => {
  it('a feed asked with a forged Host and X-Forwarded-Host links to the configured address, and so does the next caller’s', async () => {
    website().cache()?.clear();
    const forged = await http()
      .get('/api/events.ics')
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'https');
    expect(forged.status).toBe(200);
    expect(forged.text).toContain(eventSlug);
    expect(forged.text).not.toContain('evil.example');
    expect(forged.text).toContain(`${website().publicUrl()}/api/events/${eventSlug}`);
    const next = await http().get('/api/events.ics');
    expect(next.headers['x-cache']).toBe('HIT');
    expect(next.text).not.toContain('evil.example');
  });

  it('the OpenAPI document names the configured server whatever Host says', async () => {
    const res = await http().get('/api/openapi.json').set('Host', 'evil.example');
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).not.toContain('evil.example');
  });
});

describe('every spelling the router accepts is one route for the limits and the cache', () => {
  afterEach(() => limitWebsite(0));

  it('trailing slashes and capitals are counted and refused like the route itself', async () => {
    await limitWebsite(3);
    for (const path of ['/api/stories', '/api/stories/', '/API/STORIES']) expect((await http().get(path)).status).toBe(200);
    for (const path of ['/api/events.ICS', '/api/openapi.json/', '/Api/Liaison/Chapters/', '/api/stories/nothing-here/', '/api/EVENTS'])
      expect((await http().get(path)).status).toBe(429);
  });

  it('a spelling the router accepts is answered from the cache entry of the route', async () => {
    website().cache()?.clear();
    const first = await http().get(`/api/events/${eventSlug}?fields[0]=title`);
    expect(first.status).toBe(200);
    expect(first.headers['x-cache']).toBe('MISS');
    for (const spelling of [`/API/EVENTS/${eventSlug}/?fields[0]=title`, `/api/Events/${eventSlug}?fields[0]=title`]) {
      const again = await http().get(spelling);
      expect(again.status).toBe(200);
      expect(again.headers['x-cache']).toBe('HIT');
      expect(again.body).toEqual(first.body);
    }
    // A slug is case sensitive: another spelling of the slug is another record (here none).
    const other = await http().get(`/api/events/${eventSlug.toUpperCase()}?fields[0]=title`);
    expect(other.status).toBe(404);
  });
});

describe('the website’s server: a read-only API token', () => {
  afterEach(() => limitWebsite(0));

  it('has its own limit, apart from the public’s, and is still served from the cache', async () => {
    const token = await readOnlyToken();
    await limitWebsite(2, 5);
    website().cache()?.clear();
    expect((await http().get('/api/stories')).status).toBe(200);
    expect((await http().get('/api/stories')).status).toBe(200);
    expect((await http().get('/api/stories')).status).toBe(429);
    const statuses: number[] = [];
    const cache: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = await http().get('/api/stories').set('Authorization', `Bearer ${token}`);
      statuses.push(res.status);
      cache.push(res.headers['x-cache']);
      if (res.status === 200) expect(res.headers['ratelimit-limit']).toBe('5');
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(cache.slice(0, 5)).toEqual(['MISS', 'HIT', 'HIT', 'HIT', 'HIT']);
  });

  it('keeps reading when the Public role may not, and the public never gets the token’s cached answer', async () => {
    const token = await readOnlyToken();
    const perms = strapiApp().db.query('plugin::users-permissions.permission');
    const role = await strapiApp().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const find = await perms.findOne({ where: { action: 'plugin::liaison.story.find', role: role.id } });
    await perms.delete({ where: { id: find.id } });
    try {
      const path = `/api/stories?pagination[pageSize]=1&filters[slug][$ne]=${unique('q')}`;
      const asWebsite = await http().get(path).set('Authorization', `Bearer ${token}`);
      expect(asWebsite.status).toBe(200);
      expect((await http().get(path).set('Authorization', `Bearer ${token}`)).headers['x-cache']).toBe('HIT');
      expect((await http().get(path)).status).toBe(403);
    } finally {
      await perms.create({ data: { action: 'plugin::liaison.story.find', role: role.id } });
    }
  });

  it('a revoked token is refused at once, even where its answer was cached', async () => {
    const tokens = strapiApp().service('admin::api-token') as any;
    const created = await tokens.create({ name: unique('revoked'), type: 'read-only', lifespan: null, description: 'the website' });
    const path = `/api/stories?pagination[pageSize]=2&filters[slug][$ne]=${unique('q')}`;
    const asWebsite = () => http().get(path).set('Authorization', `Bearer ${created.accessKey}`);
    expect((await asWebsite()).status).toBe(200);
    expect((await asWebsite()).headers['x-cache']).toBe('HIT');
    await tokens.revoke(created.id);
    const after = await asWebsite();
    expect(after.status).toBe(401);
    expect(after.headers['x-cache']).toBeUndefined();
  });

  it('a full-access token, an unknown token and a JWT are never cached', async () => {
    const full = await fullAccessToken();
    for (let i = 0; i < 2; i += 1) {
      const res = await http().get('/api/stories').set('Authorization', `Bearer ${full}`);
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
    }
    const unknown = await http().get('/api/stories').set('Authorization', `Bearer ${'ab'.repeat(64)}`);
    expect(unknown.status).toBe(401);
    expect(unknown.headers['x-cache']).toBeUndefined();
  });
});

(onPostgres ? describe : describe.skip)('no server state per query shape (PostgreSQL)', () => {
  it('hundreds of list shapes leave at most PREPARED_PER_CONNECTION prepared statements on any pooled connection', async () => {
    for (let i = 0; i < 400; i += 1) {
      const filters = Array.from({ length: (i % 20) + 1 }, (_, j) => `filters[$and][${j}][title][$ne]=x${j}`).join('&');
      const sort = ['title:asc', 'startsAt:desc', 'publishedAt:desc'][i % 3];
      const res = await http().get(`/api/events?${filters}&sort=${sort}&pagination[pageSize]=${(i % 20) + 1}&pagination[page]=${(i % 4) + 1}`);
      expect(res.status).toBe(200);
    }
    const client = (strapiApp().db.connection as any).client;
    const max = client.pool.max as number;
    const connections = await Promise.all(Array.from({ length: max }, () => client.acquireConnection()));
    try {
      const counts = await Promise.all(connections.map(async (c: any) => Number((await c.query('SELECT count(*) AS n FROM pg_prepared_statements')).rows[0].n)));
      // Some connection saw more shapes than the bound (400 shapes over the pool), and kept the bound.
      expect(Math.max(...counts)).toBe(PREPARED_PER_CONNECTION);
    } finally {
      await Promise.all(connections.map((c: any) => client.releaseConnection(c)));
    }
  });
});
