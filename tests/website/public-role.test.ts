import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { fullAccessToken } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

/**
 * The website's anonymous reads without the cache (PUBLIC_CACHE_ENABLED=false): the Public
 * role's permissions are read once and held, not read on every request, and a change of
 * them (through Users & Permissions' own service, as the admin panel saves a role) takes
 * effect at the next request. Across instances: tests/website/instances.test.ts.
 */
const before = process.env.PUBLIC_CACHE_ENABLED;
let slug: string;
let permissionReads = 0;
let unsubscribe: () => void;

const publicRole = () => strapiApp().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
/** The Public role's actions as the admin panel saves them: users-permissions' updateRole with the whole permission tree. */
const savePublicRole = async (change: (actions: Record<string, { enabled: boolean }>) => void) => {
  const roles = strapiApp().plugin('users-permissions').service('role') as any;
  const role = await publicRole();
  const full = await roles.findOne(role.id);
  const story = full.permissions['plugin::liaison'].controllers.story;
  change(story);
  await roles.updateRole(role.id, { name: full.name, description: full.description, permissions: full.permissions });
};

beforeAll(async () => {
  process.env.PUBLIC_CACHE_ENABLED = 'false';
  await setupStrapi();
  slug = unique('role-story');
  await strapiApp()
    .documents('plugin::liaison.story')
    .create({ data: { title: 'Held permissions', slug, summary: 'read without a cache' } as any, locale: 'zh-Hans', status: 'published' });
  unsubscribe = strapiApp().db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission'],
    beforeFindMany: () => {
      permissionReads += 1;
    },
  } as any) as unknown as () => void;
});
afterAll(async () => {
  unsubscribe?.();
  if (before === undefined) delete process.env.PUBLIC_CACHE_ENABLED;
  else process.env.PUBLIC_CACHE_ENABLED = before;
  await teardownStrapi();
});

describe("the Public role's permissions for the website's reads", () => {
  it('are read once for many anonymous requests, none of them from a cache', async () => {
    await http().get('/api/stories');
    permissionReads = 0;
    for (let i = 0; i < 5; i += 1) {
      const res = await http().get(`/api/stories?pagination[pageSize]=${i + 1}`);
      expect(res.status).toBe(200);
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.body.data.length).toBeGreaterThan(0);
      expect((await http().get(`/api/stories/${slug}`)).body.data.title).toBe('Held permissions');
    }
    expect(permissionReads).toBe(0);
  });

  it('take effect at the next request when the role is saved without them, and again when they are given back', async () => {
    expect((await http().get('/api/stories')).status).toBe(200);
    await savePublicRole((story) => {
      story.find.enabled = false;
    });
    try {
      const refused = await http().get('/api/stories');
      expect(refused.status).toBe(403);
      expect(refused.body.error.name).toBe('ForbiddenError');
      // The role keeps what it was not refused.
      expect((await http().get(`/api/stories/${slug}`)).status).toBe(200);
    } finally {
      await savePublicRole((story) => {
        story.find.enabled = true;
      });
    }
    expect((await http().get('/api/stories')).status).toBe(200);
  });

  it('answer 401 when the role may do nothing at all, as users-permissions does', async () => {
    const role = await publicRole();
    const perms = strapiApp().db.query('plugin::users-permissions.permission');
    const held = await perms.findMany({ where: { role: { id: role.id } } });
    await perms.deleteMany({ where: { role: { id: role.id } } });
    try {
      expect((await http().get('/api/stories')).status).toBe(401);
      expect((await http().get(`/api/stories/${slug}`)).status).toBe(401);
    } finally {
      for (const p of held) await perms.create({ data: { action: p.action, role: role.id } });
    }
    expect((await http().get(`/api/stories/${slug}`)).status).toBe(200);
  });

  it('are not what decides a request with an Authorization header: Strapi’s token and users-permissions strategies do', async () => {
    const token = await fullAccessToken();
    const { auth } = await signedInAlumnus();
    await savePublicRole((story) => {
      story.find.enabled = false;
    });
    try {
      expect((await http().get('/api/stories')).status).toBe(403);
      const staff = await http().get('/api/stories?status=draft').set('Authorization', `Bearer ${token}`);
      expect(staff.status).toBe(200);
      // A signed-in alumnus is the Authenticated role, which keeps its own grant.
      const signedIn = await http().get('/api/stories').set(auth);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.data.length).toBeGreaterThan(0);
      expect((await http().get('/api/stories').set('Authorization', 'Bearer not-a-token')).status).toBe(401);
    } finally {
      await savePublicRole((story) => {
        story.find.enabled = true;
      });
    }
  });
});
