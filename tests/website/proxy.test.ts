import { http, setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { limitWebsite } from '../helpers/rate-limits';

/**
 * Behind a load balancer (PROXY_ENABLED) the client address comes from X-Forwarded-For,
 * counting only the hops we trust from the right: each proxy appends what it saw, and
 * whatever stands left of those the client wrote itself. With one trusted hop, a client
 * that makes up a new leftmost address for every request is still one client.
 */
const saved = { enabled: process.env.PROXY_ENABLED, hops: process.env.PROXY_TRUSTED_HOPS };
const website = () => strapiApp().plugin('liaison').service('website');

beforeAll(async () => {
  process.env.PROXY_ENABLED = 'true';
  process.env.PROXY_TRUSTED_HOPS = '1';
  await setupStrapi();
});
afterAll(async () => {
  await website().configureRateLimit({ points: 0, durationSeconds: 60 });
  await teardownStrapi();
  for (const [name, value] of [['PROXY_ENABLED', saved.enabled], ['PROXY_TRUSTED_HOPS', saved.hops]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});


describe('client addresses behind a proxy', () => {
  it('a forged leftmost X-Forwarded-For does not make a new client', async () => {
    await limitWebsite(2);
    const statuses = [];
    for (const forged of ['1.1.1.1', '2.2.2.2', '3.3.3.3', '4.4.4.4']) {
      statuses.push((await http().get('/api/stories').set('X-Forwarded-For', `${forged}, 203.0.113.9`)).status);
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    await website().rateLimiter().sync();
    const rows = await strapiApp().db.connection('liaison_rate_counts').select('client');
    expect(rows.map((r: any) => r.client)).toEqual(['ip:203.0.113.9']);
  });

  it('two clients the proxy names apart are counted apart', async () => {
    await limitWebsite(1);
    expect((await http().get('/api/stories').set('X-Forwarded-For', '198.51.100.1')).status).toBe(200);
    expect((await http().get('/api/stories').set('X-Forwarded-For', '198.51.100.2')).status).toBe(200);
    expect((await http().get('/api/stories').set('X-Forwarded-For', '9.9.9.9, 198.51.100.1')).status).toBe(429);
  });
});
