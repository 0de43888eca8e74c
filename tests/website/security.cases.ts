import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/fixtures';
import { CONTENT_API_GRANTS, syncContentApiPermissions } from '../../src/bootstrap/public-permissions';
import { grantWebsiteReads, WEBSITE_READS } from '../../plugins/liaison/server/src/host/public-permissions';
import { alumniActions } from '../../plugins/liaison/server/src/capabilities';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

/**
 * The public content API serves what is published, whatever the query asks for; and no
 * stranger can make themselves an account.
 */
const TYPES = [
  { uid: 'plugin::liaison.story', path: '/api/stories', data: () => ({ summary: 'x' }) },
  {
    uid: 'plugin::liaison.event',
    path: '/api/events',
    data: () => ({ type: 'reunion', startsAt: '2027-05-01T10:00:00.000Z', venue: 'Main hall' }),
  },
] as const;
const LOCALES = ['zh-Hans', 'en'] as const;

const cases = TYPES.flatMap((type) => LOCALES.map((locale) => [type.path, locale, type] as const));

/** A document published with one title, whose draft was then edited, and a document never published. */
const setUp = async (type: (typeof TYPES)[number], locale: string) => {
  const docs = strapiApp().documents(type.uid as any);
  const published = await docs.create({
    data: { ...type.data(), title: 'Published title', slug: unique('pub') },
    locale,
    status: 'published',
  });
  await docs.update({ documentId: published.documentId, locale, data: { title: 'Unpublished edit' } });
  const draft = await docs.create({ data: { ...type.data(), title: 'Never published', slug: unique('draft') }, locale });
  return { published: published.documentId, draft: draft.documentId };
};

const expectStatusRefused = (res: any) => {
  expect(res.status).toBe(400);
  expect(res.body.data).toBeNull();
  expect(res.body.error.details.errors.map((e: any) => e.path)).toEqual([['status']]);
  expect(JSON.stringify(res.body)).not.toMatch(/Unpublished edit|Never published/);
};

describe('drafts never leave through the public API', () => {
  it.each(cases)('%s (%s): status=draft is refused on find and findOne, other spellings too', async (path, locale, type) => {
    const ids = await setUp(type, locale);
    expectStatusRefused(await http().get(path).query({ status: 'draft', locale }));
    expectStatusRefused(await http().get(`${path}/${ids.published}`).query({ status: 'draft', locale }));
    expectStatusRefused(await http().get(`${path}/${ids.draft}`).query({ status: 'draft', locale }));
    expectStatusRefused(await http().get(`${path}?status[0]=draft&locale=${locale}`));
    expectStatusRefused(await http().get(`${path}?status=&locale=${locale}`));
  });

  it.each(cases)('%s (%s): without status, or with status=published, only published versions come back', async (path, locale, type) => {
    const ids = await setUp(type, locale);
    for (const query of [{ locale }, { locale, status: 'published' }]) {
      const list = await http().get(path).query({ ...query, 'pagination[pageSize]': 100, 'filters[documentId][$in][0]': ids.published, 'filters[documentId][$in][1]': ids.draft });
      expect(list.status).toBe(200);
      expect(list.body.data.map((d: any) => [d.documentId, d.title])).toEqual([[ids.published, 'Published title']]);

      const one = await http().get(`${path}/${ids.published}`).query(query);
      expect(one.status).toBe(200);
      expect(one.body.data.title).toBe('Published title');
      expect((await http().get(`${path}/${ids.draft}`).query(query)).status).toBe(404);
    }
  });

  it.each(cases)('%s (%s): Strapi 4 spellings (publicationState=preview) return no draft either', async (path, locale, type) => {
    const ids = await setUp(type, locale);
    const res = await http().get(`${path}?publicationState=preview&locale=${locale}&pagination[pageSize]=100`);
    expect([200, 400]).toContain(res.status);
    expect(JSON.stringify(res.body)).not.toMatch(/Unpublished edit|Never published/);
    expect(JSON.stringify(res.body)).not.toContain(ids.draft);
  });

  it('refuses status to a signed-in website user and to a read-only API token as well', async () => {
    const app = strapiApp();
    const ids = await setUp(TYPES[0], 'zh-Hans');
    const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const email = `${unique('reader')}@liaison.test`;
    await app.plugin('users-permissions').service('user').add({
      username: unique('reader'), email, password: 'Reader-Pass-2026', provider: 'local', confirmed: true, role: role.id,
    });
    const login = await http().post('/api/auth/local').send({ identifier: email, password: 'Reader-Pass-2026' });
    expect(login.status).toBe(200);
    expectStatusRefused(await http().get('/api/stories').set('Authorization', `Bearer ${login.body.jwt}`).query({ status: 'draft' }));

    const readOnly = await app.service('admin::api-token').create({ name: unique('ro'), type: 'read-only', lifespan: null, description: 'website build' });
    expectStatusRefused(await http().get(`/api/stories/${ids.draft}`).set('Authorization', `Bearer ${readOnly.accessKey}`).query({ status: 'draft' }));
  });

  it("lets staff's full-access API tokens read drafts (they may write them anyway)", async () => {
    const ids = await setUp(TYPES[1], 'en');
    const token = await fullAccessToken();
    const res = await http().get(`/api/events/${ids.draft}`).set('Authorization', `Bearer ${token}`).query({ status: 'draft', locale: 'en' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Never published');
  });
});

describe('registration is closed', () => {
  const register = (username: string) =>
    http().post('/api/auth/local/register').send({ username, email: `${username}@example.com`, password: 'Stranger-Pass-2026' });
  const users = () => strapiApp().db.query('plugin::users-permissions.user');

  it('refuses a stranger: no account, no token', async () => {
    const username = unique('stranger');
    const res = await register(username);
    expect(res.status).toBe(403);
    expect(res.body.jwt).toBeUndefined();
    expect(await users().count({ where: { username } })).toBe(0);
  });

  it('stays closed even if someone grants the register route again: sign-ups are off', async () => {
    const app = strapiApp();
    const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const perms = app.db.query('plugin::users-permissions.permission');
    const granted = await perms.create({ data: { action: 'plugin::users-permissions.auth.register', role: role.id } });
    try {
      const username = unique('stranger');
      const res = await register(username);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/disabled/i);
      expect(await users().count({ where: { username } })).toBe(0);
    } finally {
      await perms.delete({ where: { id: granted.id } });
    }
  });

  it('gives the Public and Authenticated roles exactly their listed actions at every start, and switches sign-ups off', async () => {
    const app = strapiApp();
    const roles = app.db.query('plugin::users-permissions.role');
    const perms = app.db.query('plugin::users-permissions.permission');
    const pub = await roles.findOne({ where: { type: 'public' } });
    const auth = await roles.findOne({ where: { type: 'authenticated' } });
    for (const action of ['plugin::users-permissions.auth.register', 'plugin::users-permissions.auth.forgotPassword', 'plugin::users-permissions.auth.connect']) {
      await perms.create({ data: { action, role: pub.id } });
    }
    await perms.create({ data: { action: 'plugin::users-permissions.user.find', role: auth.id } });
    await perms.create({ data: { action: 'plugin::liaison.story.create', role: auth.id } });
    await perms.deleteMany({ where: { action: 'plugin::users-permissions.auth.callback', role: { id: pub.id } } });
    const store = app.store({ type: 'plugin', name: 'users-permissions' });
    const advanced = (await store.get({ key: 'advanced' })) as Record<string, unknown>;
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: true } });

    // As at a start: the plugin's bootstrap grants its own actions, then the host's grants the rest.
    for (let i = 0; i < 2; i++) {
      await grantWebsiteReads(app, alumniActions());
      await syncContentApiPermissions(app);
    }

    const held = async (id: number) => (await perms.findMany({ where: { role: { id } } })).map((p: any) => p.action).sort();
    expect(await held(pub.id)).toEqual([...WEBSITE_READS, ...CONTENT_API_GRANTS.public].sort());
    expect(await held(auth.id)).toEqual([...WEBSITE_READS, ...alumniActions(), ...CONTENT_API_GRANTS.authenticated].sort());
    expect(await held(pub.id)).toEqual([
      'plugin::liaison.event.find', 'plugin::liaison.event.findOne', 'plugin::liaison.story.find', 'plugin::liaison.story.findOne',
      'plugin::users-permissions.auth.callback',
    ]);
    expect(alumniActions()).toContain('plugin::liaison.accounts.me');
    expect(((await store.get({ key: 'advanced' })) as any).allow_register).toBe(false);
    expect(((await store.get({ key: 'advanced' })) as any).unique_email).toBe(true);
    expect((await register(unique('stranger'))).status).toBe(403);
  });
});
