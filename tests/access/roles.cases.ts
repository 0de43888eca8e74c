import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { ensureStaffRoles, STAFF_ROLES } from '../../plugins/liaison/server/src/services/admin-roles';
import { CONDITIONS } from '../../plugins/liaison/server/src/access/conditions';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

/** The scoped staff roles get their Content Manager permissions, on a new database and on an existing one. */
const roleNamed = (name: string) => strapiApp().db.query('admin::role').findOne({ where: { name } });
const contentPermissions = async (name: string) => {
  const role = await roleNamed(name);
  const perms = await strapiApp().db.query('admin::permission').findMany({ where: { role: { id: role.id } } });
  return perms
    .filter((p: any) => p.subject)
    .map((p: any) => ({ action: p.action, subject: p.subject, conditions: p.conditions, fields: p.properties?.fields ?? null }))
    .sort((a: any, b: any) => `${a.subject}${a.action}`.localeCompare(`${b.subject}${b.action}`));
};
const listed = (name: string) =>
  STAFF_ROLES.find((r) => r.name === name)!
    .permissions.filter((p) => p.subject)
    .map((p: any) => ({ action: p.action, subject: p.subject, conditions: p.conditions, fields: p.properties?.fields ?? null }))
    .sort((a: any, b: any) => `${a.subject}${a.action}`.localeCompare(`${b.subject}${b.action}`));

describe('scoped staff roles', () => {
  it('registers the two conditions staff can also pick in Settings → Roles', () => {
    const provider = strapiApp().service('admin::permission').conditionProvider;
    expect(provider.has(CONDITIONS.ownColleges)).toBe(true);
    expect(provider.has(CONDITIONS.ownChapters)).toBe(true);
  });

  it('gives College Staff read/create/update of posts and read of colleges, cohorts and alumni (no contact fields), all within their own colleges', async () => {
    const perms = await contentPermissions('College Staff');
    expect(perms).toEqual(listed('College Staff'));
    expect(perms.map((p: any) => `${p.subject.split('.').pop()}:${p.action.split('.').pop()}`).sort()).toEqual(
      ['alumnus:read', 'cohort:read', 'college:read', 'liaison:create', 'liaison:read', 'liaison:update']
    );
    expect(perms.every((p: any) => p.conditions.length === 1 && p.conditions[0] === CONDITIONS.ownColleges)).toBe(true);
    const alumni = perms.find((p: any) => p.subject === 'plugin::liaison.alumnus');
    expect(alumni.fields).toEqual(expect.arrayContaining(['name', 'cohort', 'studentNo', 'contactConsent']));
    expect(alumni.fields).not.toEqual(expect.arrayContaining(['phone']));
    for (const f of ['phone', 'email', 'wechat']) expect(alumni.fields).not.toContain(f);
  });

  it('gives Chapter Editors their chapters’ events to publication, their stories as drafts, and read of their chapters, members and posts', async () => {
    const perms = await contentPermissions('Chapter Editor');
    expect(perms).toEqual(listed('Chapter Editor'));
    expect(perms.map((p: any) => `${p.subject.split('.').pop()}:${p.action.split('.').pop()}`).sort()).toEqual([
      'alumnus:read', 'chapter:read', 'event:create', 'event:delete', 'event:publish', 'event:read', 'event:update', 'liaison:read',
      'story:create', 'story:read', 'story:update',
    ]);
    // The admin panel shows a field only when the permission names it: every field of the schema
    // a client writes (not those the server sets, such as who recorded an event's attendance).
    for (const uid of ['plugin::liaison.event', 'plugin::liaison.story']) {
      const attributes = strapiApp().getModel(uid as any).attributes as Record<string, any>;
      const schemaFields = Object.keys(attributes).filter(
        (f) => !['createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy', 'locale', 'localizations'].includes(f) && attributes[f].writable !== false
      );
      for (const p of perms.filter((p: any) => p.subject === uid && /\.(read|create|update)$/.test(p.action))) expect(p.fields.sort()).toEqual([...schemaFields].sort());
    }
    const members = perms.find((p: any) => p.subject === 'plugin::liaison.alumnus');
    for (const f of ['studentNo', 'employer', 'jobTitle']) expect(members.fields).not.toContain(f);
    expect(perms.every((p: any) => p.conditions[0] === CONDITIONS.ownChapters)).toBe(true);
  });

  it('grants them once on a database whose roles an earlier release created, and leaves an administrator’s removal alone', async () => {
    const app = strapiApp();
    const store = app.store({ type: 'plugin', name: 'liaison' });
    const permissions = app.db.query('admin::permission');
    const staff = await roleNamed('College Staff');
    const office = await roleNamed('Alumni Office Staff');
    const officeBefore = await contentPermissions('Alumni Office Staff');
    // The roles as the previous release left them: College Staff with plugin actions only, nothing tracked.
    await permissions.deleteMany({ where: { role: { id: staff.id }, subject: { $notNull: true } } });
    await store.delete({ key: 'granted-content-permissions' });
    expect(await contentPermissions('College Staff')).toEqual([]);

    await ensureStaffRoles(app);
    await ensureStaffRoles(app);
    expect(await contentPermissions('College Staff')).toEqual(listed('College Staff'));
    expect(await contentPermissions('Alumni Office Staff')).toEqual(officeBefore);

    // An administrator takes cohort reading away from College Staff: it stays away.
    await permissions.deleteMany({
      where: { role: { id: staff.id }, subject: 'plugin::liaison.cohort', action: 'plugin::content-manager.explorer.read' },
    });
    await ensureStaffRoles(app);
    expect((await contentPermissions('College Staff')).map((p: any) => p.subject)).not.toContain('plugin::liaison.cohort');
    expect(await permissions.count({ where: { role: { id: office.id } } })).toBeGreaterThan(0);

    // Put it back, for the test files that run after this one on the same database.
    const cohortRead = STAFF_ROLES.find((r) => r.name === 'College Staff')!.permissions.filter(
      (p) => p.subject === 'plugin::liaison.cohort'
    );
    await app.service('admin::role').addPermissions(staff.id, cohortRead);
    expect(await contentPermissions('College Staff')).toEqual(listed('College Staff'));
  });
});
