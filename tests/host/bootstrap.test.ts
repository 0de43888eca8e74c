import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeChapter, makeCohort, makePost } from '../helpers/fixtures';
import { syncContentApiPermissions } from '../../src/bootstrap/public-permissions';
import { grantWebsiteReads } from '../../plugins/liaison/server/src/host/public-permissions';
import { alumniActions } from '../../plugins/liaison/server/src/capabilities';
import { ensureStaffRoles, STAFF_ROLES } from '../../plugins/liaison/server/src/services/admin-roles';
import { ensureContentLocales } from '../../src/bootstrap/locales';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('start-up', () => {
  it('creates each staff role once, however often it runs', async () => {
    const app = strapiApp();
    await ensureStaffRoles(app);
    await ensureStaffRoles(app);
    for (const role of STAFF_ROLES) {
      expect(await app.db.query('admin::role').count({ where: { name: role.name } })).toBe(1);
    }
    const office = await app.db.query('admin::role').findOne({ where: { name: 'Alumni Office Staff' }, populate: ['permissions'] });
    const subjects = new Set(office.permissions.filter((p: any) => p.action === 'plugin::content-manager.explorer.update').map((p: any) => p.subject));
    // Every content type staff edit (the plugin's visible ones, stories and events), each once.
    const editable = Object.entries(app.contentTypes as Record<string, any>)
      .filter(([uid, type]) => uid.startsWith('plugin::liaison.') && type.pluginOptions?.['content-manager']?.visible !== false)
      .map(([uid]) => uid);
    expect([...subjects].sort()).toEqual([...editable].sort());
    expect(subjects.has('plugin::liaison.story') && subjects.has('plugin::liaison.event')).toBe(true);
    expect(subjects.has('plugin::liaison.conduct-version')).toBe(true);
  });

  it('keeps an administrator\u2019s change to a staff role on the next start', async () => {
    const app = strapiApp();
    const editor = await app.db.query('admin::role').findOne({ where: { name: 'Chapter Editor' } });
    await app.db.query('admin::role').update({ where: { id: editor.id }, data: { description: 'Edited by the office' } });
    await ensureStaffRoles(app);
    expect((await app.db.query('admin::role').findOne({ where: { id: editor.id } })).description).toBe('Edited by the office');
  });

  it('takes back a permission someone granted the public role, and restores a removed one', async () => {
    const app = strapiApp();
    const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const perms = app.db.query('plugin::users-permissions.permission');
    await perms.create({ data: { action: 'plugin::liaison.story.create', role: role.id } });
    await perms.deleteMany({ where: { action: 'plugin::liaison.event.find', role: { id: role.id } } });
    expect((await http().get('/api/events')).status).toBe(403);

    // As at a start: the plugin grants and takes back its own actions, then the host the rest.
    await grantWebsiteReads(app, alumniActions());
    await syncContentApiPermissions(app);
    const held = (await perms.findMany({ where: { role: { id: role.id } } })).map((p: any) => p.action);
    expect(held).not.toContain('plugin::liaison.story.create');
    expect(held).toEqual(expect.arrayContaining(['plugin::liaison.story.find', 'plugin::liaison.story.findOne', 'plugin::liaison.event.find', 'plugin::liaison.event.findOne']));
    // Account routes included: the role holds exactly its list (registration is not on it).
    expect(held.sort()).toEqual(
      ['plugin::liaison.event.find', 'plugin::liaison.event.findOne', 'plugin::liaison.story.find', 'plugin::liaison.story.findOne', 'plugin::users-permissions.auth.callback']
    );
    expect((await http().get('/api/events')).status).toBe(200);
  });

  it('sets up zh-Hans as the default content locale, with English beside it', async () => {
    const app = strapiApp();
    await ensureContentLocales(app);
    const locales = await app.plugin('i18n').service('locales').find();
    expect(locales.map((l: any) => l.code).sort()).toEqual(['en', 'zh-Hans']);
    expect(await app.plugin('i18n').service('locales').getDefaultLocale()).toBe('zh-Hans');
  });
});

describe('the network overview', () => {
  it('counts the scopes of each dimension and those with an active liaison', async () => {
    const token = await adminToken();
    const read = async () => {
      const res = await withToken(token).get('/liaison/overview');
      expect(res.status).toBe(200);
      return Object.fromEntries(res.body.data.dimensions.map((d: any) => [d.dimension, d]));
    };
    const before = await read();
    const cohort = await makeCohort();
    await makeCohort();
    await makePost({ cohort: cohort.documentId });
    await makePost({ cohort: cohort.documentId, role: 'league_secretary' });
    const chapter = await makeChapter();
    await makePost({ dimension: 'region', chapter: chapter.documentId, postStatus: 'nominated' });
    const after = await read();

    expect(after.cohort.scopes - before.cohort.scopes).toBe(2);
    expect(after.cohort.covered - before.cohort.covered).toBe(1);
    expect(after.cohort.activePosts - before.cohort.activePosts).toBe(2);
    expect(after.region.scopes - before.region.scopes).toBe(1);
    expect(after.region.covered - before.region.covered).toBe(0);
  });
});

describe('staff signed in with their role', () => {
  const signInAs = async (roleName: string) => {
    const app = strapiApp();
    const role = await app.db.query('admin::role').findOne({ where: { name: roleName } });
    const email = `${roleName.replace(/\s+/g, '-').toLowerCase()}-${process.pid}@liaison.test`;
    const password = 'Staff-Pass-2026';
    if (!(await app.db.query('admin::user').findOne({ where: { email } }))) {
      await app.service('admin::user').create({ email, firstname: 'S', lastname: 'T', password, isActive: true, roles: [role.id] });
    }
    const res = await http().post('/admin/login').send({ email, password });
    expect(res.status).toBe(200);
    return res.body.data.token as string;
  };
  const get = (token: string, url: string) => withToken(token).get(url);

  it('lets the alumni office work on the whole network and the website content', async () => {
    const token = await signInAs('Alumni Office Staff');
    expect((await get(token, '/content-manager/collection-types/plugin::liaison.alumnus')).status).toBe(200);
    expect((await get(token, '/content-manager/collection-types/plugin::liaison.liaison')).status).toBe(200);
    expect((await get(token, '/content-manager/collection-types/plugin::liaison.story?locale=en')).status).toBe(200);
    expect((await get(token, '/liaison/overview')).status).toBe(200);
  });

  it('keeps a chapter editor who edits no chapter out of the alumni register (members of their own chapters only: access-content-manager.test.ts)', async () => {
    const token = await signInAs('Chapter Editor');
    expect((await get(token, '/content-manager/collection-types/plugin::liaison.alumnus')).status).toBe(403);
    expect((await get(token, '/liaison/overview')).status).toBe(200);
  });
});

describe('the database', () => {
  it('has the indexes the network is searched by', async () => {
    const app = strapiApp();
    const names =
      app.db.dialect.client === 'postgres'
        ? (await app.db.connection.raw("select indexname as name from pg_indexes where schemaname = current_schema()")).rows
        : await app.db.connection.raw("select name from sqlite_master where type = 'index'");
    const found = new Set(names.map((r: { name: string }) => r.name));
    for (const name of [
      'liaison_posts_dim_status_idx', 'liaison_cohorts_grad_year_idx', 'liaison_alumni_name_idx', 'liaison_alumni_place_idx',
      'liaison_feedback_status_due_idx', 'liaison_outbox_delivery_idx', 'stories_slug_locale_uq', 'events_slug_locale_uq',
    ]) {
      expect({ name, present: found.has(name) }).toEqual({ name, present: true });
    }
  });

  (process.env.DATABASE_CLIENT === 'postgres' ? it : it.skip)('never JIT-compiles a query (PostgreSQL): a short query the planner overestimates would pay up to a second for it', async () => {
    const app = strapiApp();
    // Every connection of the pool, not only the first.
    const settings = await Promise.all(Array.from({ length: 4 }, () => app.db.connection.raw('select current_setting(\'jit\') as jit, pg_sleep(0.05)')));
    expect(settings.map((r: any) => r.rows[0].jit)).toEqual(['off', 'off', 'off', 'off']);
  });
});
