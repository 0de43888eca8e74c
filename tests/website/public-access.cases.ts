import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('the public role', () => {
  it('reads published stories and events, and never drafts', async () => {
    const app = strapiApp();
    const slug = unique('story');
    const published = await app.documents('plugin::liaison.story').create({
      data: { title: 'A published story', slug, summary: 'Out in the open' },
      locale: 'zh-Hans',
      status: 'published',
    });
    const draft = await app.documents('plugin::liaison.story').create({
      data: { title: 'A draft story', slug: unique('draft'), summary: 'Not yet' },
      locale: 'zh-Hans',
    });

    const list = await http().get('/api/stories').query({ locale: 'zh-Hans', 'pagination[pageSize]': 100 });
    expect(list.status).toBe(200);
    const ids = list.body.data.map((s: any) => s.documentId);
    expect(ids).toContain(published.documentId);
    expect(ids).not.toContain(draft.documentId);

    const one = await http().get(`/api/stories/${published.documentId}`).query({ locale: 'zh-Hans' });
    expect(one.status).toBe(200);
    expect(one.body.data.slug).toBe(slug);

    const events = await http().get('/api/events');
    expect(events.status).toBe(200);
  });

  it.each([
    ['post', '/api/stories'],
    ['put', '/api/stories/x'],
    ['delete', '/api/stories/x'],
    ['post', '/api/events'],
    ['get', '/api/users'],
    ['get', '/liaison/overview'],
  ])('gets 401/403 on %s %s', async (method, url) => {
    const res = await (http() as any)[method](url).send({ data: { title: 'x' } });
    expect([401, 403]).toContain(res.status);
  });
});
