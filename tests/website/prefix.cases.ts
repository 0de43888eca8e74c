import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { SecondInstance } from '../helpers/instance';

/**
 * A host whose own types already answer /api/stories moves the plugin's public paths with
 * one setting (publicPrefix, here through LIAISON_PUBLIC_PREFIX): stories, events, the feed
 * and the OpenAPI document move together, still public, limited and cached.
 */
const other = new SecondInstance();
let base = '';
const get = (path: string) => fetch(`${base}${path}`);

beforeAll(async () => {
  await setupStrapi();
  await other.start({ LIAISON_PUBLIC_PREFIX: '/alumni' });
  const { port } = await other.call<{ port: number }>('listen');
  base = `http://127.0.0.1:${port}`;
}, 120_000);
afterAll(async () => {
  await other.stop();
  await teardownStrapi();
});

describe('the public paths under a prefix', () => {
  it('answer there, and no longer at /api/stories', async () => {
    for (const path of ['/api/alumni/stories', '/api/alumni/events', '/api/alumni/events.ics', '/api/alumni/openapi.json']) {
      expect({ path, status: (await get(path)).status }).toEqual({ path, status: 200 });
    }
    expect((await get('/api/stories')).status).toBe(404);
    expect((await get('/api/events.ics')).status).toBe(404);
    // The plugin's own routes stay where they were.
    expect((await get('/api/liaison/chapters')).status).toBe(200);
  });

  it('are described where they are, and cached by their one spelling', async () => {
    const doc = await (await get('/api/alumni/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/alumni/stories', '/api/alumni/events/{idOrSlug}', '/api/alumni/events.ics', '/api/liaison/chapters']));
    expect(Object.keys(doc.paths)).not.toContain('/api/stories');
    await get('/api/alumni/stories?pagination[pageSize]=1');
    const again = await get('/API/ALUMNI/STORIES/?pagination[pageSize]=1');
    expect(again.status).toBe(200);
    expect(again.headers.get('x-cache')).toBe('HIT');
  });
});
