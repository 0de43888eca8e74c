import type { Core } from '@strapi/strapi';

/** What the website reads without a token: published stories and events. */
export const WEBSITE_READS = ['plugin::liaison.story.find', 'plugin::liaison.story.findOne', 'plugin::liaison.event.find', 'plugin::liaison.event.findOne'];

/**
 * The Public and Authenticated roles of users-permissions may read the website's types and
 * never write them: at every start the reads are granted and any other permission on the
 * plugin's types is taken back. The host's own types and permissions are not touched.
 */
export const grantWebsiteReads = async (strapi: Core.Strapi) => {
  if (!strapi.plugin('users-permissions')) return;
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  for (const type of ['public', 'authenticated']) {
    const role = await roles.findOne({ where: { type } });
    if (!role) continue;
    const held = (await permissions.findMany({ where: { role: { id: role.id }, action: { $startsWith: 'plugin::liaison.' } } })) as { id: number; action: string }[];
    const extra = held.filter((p) => !WEBSITE_READS.includes(p.action));
    if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
    const have = new Set(held.map((p) => p.action));
    for (const action of WEBSITE_READS.filter((a) => !have.has(a))) await permissions.create({ data: { action, role: role.id } });
  }
};
