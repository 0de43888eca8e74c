import { strapiApp, unique } from './strapi';
import { makeAlumnus } from './fixtures';

/**
 * A signed-in alumnus, made directly (not through the claim flow, which has its own tests):
 * a confirmed users-permissions user of the Authenticated role, linked to the alumnus by an
 * alumni account, and a JWT for `Authorization: Bearer …` on /api/liaison routes.
 */
export async function signedInAlumnus(data: Record<string, unknown> = {}) {
  const strapi = strapiApp();
  const alumnus = (data.documentId as string | undefined)
    ? await strapi.documents('plugin::liaison.alumnus').findOne({ documentId: data.documentId as string })
    : await makeAlumnus({ email: `${unique('alum').toLowerCase()}@example.edu.cn`, ...data });
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const email = (alumnus!.email as string | null) ?? `${unique('alum').toLowerCase()}@example.edu.cn`;
  const user = await strapi.db.query('plugin::users-permissions.user').create({
    data: { username: unique('alumnus'), email: `${unique('u')}.${email}`.toLowerCase(), provider: 'local', confirmed: true, blocked: false, role: role.id },
  });
  await strapi.db.query('plugin::liaison.alumni-account').create({ data: { alumnus: alumnus!.id, user: user.id, activatedAt: new Date() } });
  const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
  return { alumnus: alumnus!, user, jwt, auth: { Authorization: `Bearer ${jwt}` } };
}
