import { http, strapiApp, unique } from './strapi';

/**
 * An admin user with one of the staff roles, linked to colleges (as their staff) or
 * chapters (as their editor), signed in: returns the user and its admin JWT.
 */
export async function signInStaff(
  roleName: 'Alumni Office Staff' | 'College Staff' | 'Chapter Editor',
  links: { colleges?: string[]; chapters?: string[] } = {}
) {
  const app = strapiApp();
  const role = await app.db.query('admin::role').findOne({ where: { name: roleName } });
  const email = `${unique('staff').toLowerCase()}@liaison.test`;
  const password = 'Staff-Pass-2026';
  const user = await app.service('admin::user').create({ email, firstname: 'S', lastname: roleName, password, isActive: true, roles: [role.id] });
  for (const documentId of links.colleges ?? []) {
    await app.documents('plugin::liaison.college').update({ documentId, data: { staff: { connect: [user.id] } } as any });
  }
  for (const documentId of links.chapters ?? []) {
    await app.documents('plugin::liaison.chapter').update({ documentId, data: { editors: { connect: [user.id] } } as any });
  }
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  return { user, token: res.body.data.token as string };
}
