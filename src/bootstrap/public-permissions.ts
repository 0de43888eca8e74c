import type { Core } from '@strapi/strapi';

/** What each users-permissions role may do through the content API, beyond signing in. */
export const CONTENT_API_GRANTS: Record<'public' | 'authenticated', string[]> = {
  public: ['api::story.story.find', 'api::story.story.findOne', 'api::event.event.find', 'api::event.event.findOne'],
  authenticated: ['api::story.story.find', 'api::story.story.findOne', 'api::event.event.find', 'api::event.event.findOne'],
};

/** Sign-in and account routes stay as users-permissions sets them up. */
const isAccountAction = (action: string) => action.startsWith('plugin::users-permissions.');

/**
 * Makes the Public and Authenticated roles hold exactly their grants (plus the account
 * routes users-permissions gives them): added when missing, removed when someone
 * granted more. Runs at every start and is idempotent.
 */
export const syncContentApiPermissions = async (strapi: Core.Strapi) => {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');

  for (const [type, grants] of Object.entries(CONTENT_API_GRANTS)) {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`users-permissions role "${type}" is missing`);
    const held = (await permissions.findMany({ where: { role: { id: role.id } } })) as { id: number; action: string }[];

    const extra = held.filter((p) => !grants.includes(p.action) && !isAccountAction(p.action));
    if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });

    const heldActions = new Set(held.map((p) => p.action));
    for (const action of grants.filter((a) => !heldActions.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
};
