import type { Core } from '@strapi/strapi';
import { ACTIONS, ALL_ACTIONS } from '../permissions';
import contentTypes from '../content-types';

/** Every content type of the plugin that staff edit: a new one is covered without touching this list. */
const LIAISON_TYPES = Object.entries(contentTypes)
  .filter(([, type]) => (type.schema.pluginOptions as any)?.['content-manager']?.visible !== false)
  .map(([name]) => `plugin::liaison.${name}`);
const WEBSITE_TYPES = ['api::story.story', 'api::event.event'];
const CRUD = ['create', 'read', 'update', 'delete'].map((a) => `plugin::content-manager.explorer.${a}`);

const pluginPermissions = (actions: string[]) =>
  actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] as string[] }));

const contentPermissions = (subjects: string[], actions: string[], properties: Record<string, unknown> = {}) =>
  subjects.flatMap((subject) => actions.map((action) => ({ action, subject, properties, conditions: [] })));

/** Localised types need the locales in the permission, or Strapi's permission clean-up drops it. */
const CONTENT_LOCALES = ['zh-Hans', 'en'];

/**
 * The staff roles of the alumni office. Created once; what an administrator later
 * changes in a role's permissions is left alone on the next start.
 */
export const STAFF_ROLES = [
  {
    name: 'Alumni Office Staff',
    description: 'Runs the whole liaison network: builds it, appoints liaisons, trains, appraises and honours them.',
    permissions: [
      ...pluginPermissions(ALL_ACTIONS),
      ...contentPermissions(LIAISON_TYPES, CRUD),
      ...contentPermissions(WEBSITE_TYPES, [...CRUD, 'plugin::content-manager.explorer.publish'], { locales: CONTENT_LOCALES }),
    ],
  },
  {
    name: 'College Staff',
    description: 'Runs the liaison network of their own colleges: coverage, candidates, nominations.',
    permissions: pluginPermissions([ACTIONS.readOverview, ACTIONS.readCoverage, ACTIONS.readPosts, ACTIONS.nominate]),
  },
  {
    name: 'Chapter Editor',
    description: "Publishes one chapter's events and sees nothing of other chapters (scoped permissions come with the chapter work).",
    permissions: pluginPermissions([ACTIONS.readOverview]),
  },
];

/** Plugin actions each role has been given so far, so that a later release grants only what it adds. */
const GRANTED_KEY = 'granted-plugin-actions';

export const ensureStaffRoles = async (strapi: Core.Strapi) => {
  const roleService = strapi.service('admin::role');
  const store = strapi.store({ type: 'plugin', name: 'liaison' });
  const granted = ((await store.get({ key: GRANTED_KEY })) ?? {}) as Record<string, string[]>;
  // Plugins may bootstrap before the admin does: Strapi only creates its own default
  // roles (Super Admin first) while no role exists, so they must come before ours.
  await roleService.createRolesIfNoneExist();
  for (const role of STAFF_ROLES) {
    const pluginActions = role.permissions.filter((p) => p.subject === null).map((p) => p.action);
    const existing = await roleService.findOne({ name: role.name });
    if (!existing) {
      const created = await roleService.create({ name: role.name, description: role.description });
      await roleService.assignPermissions(created.id, role.permissions);
    } else {
      // A plugin action new in this release is granted once; one an administrator took away stays away.
      const known = new Set(granted[role.name] ?? [ACTIONS.readOverview]);
      const added = pluginActions.filter((a) => !known.has(a));
      if (added.length) {
        await strapi.service('admin::permission').createMany(
          pluginPermissions(added).map((p) => ({ ...p, role: existing.id }))
        );
      }
    }
    granted[role.name] = pluginActions;
  }
  await store.set({ key: GRANTED_KEY, value: granted });
};
