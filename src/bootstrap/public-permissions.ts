import type { Core } from '@strapi/strapi';

/**
 * Everything the users-permissions roles may do through the content API besides the liaison
 * plugin's routes (the plugin grants and takes back its own: the website's reads, the routes of
 * signed-in alumni): nothing else is granted, and anything else found is taken back.
 *
 * Registration stays closed until alumni accounts are designed: no `auth.register`, no
 * `auth.connect` (a provider sign-in would create an account), no password-reset or
 * e-mail-confirmation mails. Public may only sign in (`auth.callback`), which is harmless
 * while no accounts exist and is what a future alumni sign-in needs first; a signed-in
 * user may read their own account, change their password and sign out.
 */
export const CONTENT_API_GRANTS: Record<'public' | 'authenticated', string[]> = {
  public: ['plugin::users-permissions.auth.callback'],
  authenticated: [
    'plugin::users-permissions.user.me',
    'plugin::users-permissions.auth.changePassword',
    'plugin::users-permissions.auth.logout',
  ],
};

/**
 * Makes the Public and Authenticated roles hold exactly their grants: added when missing,
 * removed when someone granted more (in the admin's Users & Permissions settings, say).
 * Also switches users-permissions' "allow registration" off. Runs at every start and is
 * idempotent.
 */
export const syncContentApiPermissions = async (strapi: Core.Strapi) => {
  const roles = strapi.db.query('plugin::users-permissions.role');
  const permissions = strapi.db.query('plugin::users-permissions.permission');

  for (const [type, grants] of Object.entries(CONTENT_API_GRANTS)) {
    const role = await roles.findOne({ where: { type } });
    if (!role) throw new Error(`users-permissions role "${type}" is missing`);
    const all = (await permissions.findMany({ where: { role: { id: role.id } } })) as { id: number; action: string }[];
    const held = all.filter((p) => !p.action.startsWith('plugin::liaison.'));

    const extra = held.filter((p) => !grants.includes(p.action));
    if (extra.length) await permissions.deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });

    const heldActions = new Set(held.map((p) => p.action));
    for (const action of grants.filter((a) => !heldActions.has(a))) {
      await permissions.create({ data: { action, role: role.id } });
    }
  }
  await closeRegistration(strapi);
};

/** users-permissions' advanced setting "Enable sign-ups", kept off at every start. */
export const closeRegistration = async (strapi: Core.Strapi) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false) await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
};
