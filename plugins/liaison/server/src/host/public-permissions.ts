import type { Core } from '@strapi/strapi';

/** What the website reads without a token: published stories and events. */
export const WEBSITE_READS = ['plugin::liaison.story.find', 'plugin::liaison.story.findOne', 'plugin::liaison.event.find', 'plugin::liaison.event.findOne'];

/**
 * The Public and Authenticated roles of users-permissions may read the website's types and
 * never write them: at every start the reads are granted and any other permission on the
 * plugin's types is taken back. The Authenticated role also holds the routes of signed-in
 * alumni (`alumniActions`, from the capabilities' `alumniRoutes`); each of those controllers
 * finds the alumnus behind the user itself (accounts/current.ts). The host's own types and
 * permissions are not touched.
 */
export const grantWebsiteReads = async (strapi: Core.Strapi, alumniActions: string[] = []) => {
  if (!strapi.plugin('users-permissions')) return;
  const roles = strapi.db.query('plugin::users-permissions.role');
  // On an empty database this plugin may start before users-permissions has made its roles:
  // its own (idempotent) initialisation makes them, with its default permissions, now.
  if ((await roles.count()) === 0) await strapi.plugin('users-permissions').service('users-permissions').initialize();
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const type of ['public', 'authenticated']) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    const granted = type === 'authenticated' ? [...WEBSITE_READS, ...alumniActions] : WEBSITE_READS;
    const held = (await permissions.findMany({ where: { role: { id: role.id }, action: { $startsWith: 'plugin::liaison.' } } })) as { id: number; action: string }[];
    const extra = held.filter((p) => !granted.includes(p.action));
    if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    const have = new Set(held.map((p) => p.action));
    for (const action of granted.filter((a) => !have.has(a))) await permissions.create({ data: { action, role: role.id } });
  }
};
