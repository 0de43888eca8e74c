import type { Core } from '@strapi/strapi';

import { adminCredentialProblems, DEV_ADMIN } from '../utils/secret';

export { DEV_ADMIN };

type Env = Record<string, string | undefined>;

export interface AdminCredentials {
  email: string;
  password: string;
  isDevelopmentDefault: boolean;
  created?: boolean;
}

/**
 * The demo's first admin: a staff member of the alumni office with a real name, so that the
 * home page greets "您好，林晓雯" rather than a placeholder. The whole name is the first name
 * (Strapi greets by the first name and writes "first last", which would put a Chinese
 * surname last); no last name.
 */
export const DEV_ADMIN_NAME = { firstname: '林晓雯', lastname: null } as const;

/** What the first admin was called before the demo admin had a name; such a development admin is renamed at start. */
export const PLACEHOLDER_ADMIN_NAME = { firstname: 'Alumni', lastname: 'Office' } as const;

export interface AdminName {
  firstname: string;
  lastname: string | null;
}

/**
 * The first admin's name: ADMIN_FIRSTNAME (and ADMIN_LASTNAME) when set; otherwise the
 * development admin is the demo's named staff member, and an admin from ADMIN_EMAIL is
 * "Alumni Office" until they change it in their profile.
 */
export const firstAdminName = (env: Env, isDevelopmentDefault: boolean): AdminName => {
  const firstname = env.ADMIN_FIRSTNAME?.trim();
  const lastname = env.ADMIN_LASTNAME?.trim() || null;
  if (firstname) return { firstname, lastname };
  return isDevelopmentDefault ? { ...DEV_ADMIN_NAME } : { ...PLACEHOLDER_ADMIN_NAME };
};

/** The first admin's login: from ADMIN_EMAIL/ADMIN_PASSWORD, or the development defaults outside production. */
export const firstAdminCredentials = (env: Env): AdminCredentials | { refused: string } => {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (env.NODE_ENV === 'production') {
    const missing = [!email && 'ADMIN_EMAIL', !password && 'ADMIN_PASSWORD'].filter(Boolean);
    const problems = [
      ...(missing.length ? [`missing: ${missing.join(', ')} (the database has no admin yet: they make the first one)`] : []),
      ...adminCredentialProblems(env).map((p) => `refused: ${p}`),
    ];
    if (problems.length) return { refused: `Refusing to start in production (NODE_ENV=production):\n  ${problems.join('\n  ')}` };
  }
  if (email && password) return { email, password, isDevelopmentDefault: false };
  return { ...DEV_ADMIN, isDevelopmentDefault: true };
};

/**
 * In production, an admin who still logs in with the development admin's published
 * password (a database first started with a development `npm start`) stops the start.
 */
export const refuseDevelopmentAdmin = async (strapi: Core.Strapi) => {
  if (process.env.NODE_ENV !== 'production') return;
  const user = await strapi.db.query('admin::user').findOne({ where: { email: DEV_ADMIN.email }, select: ['id', 'password'] });
  if (!user?.password) return;
  const published = await strapi.service('admin::auth').validatePassword(DEV_ADMIN.password, user.password);
  if (!published) return;
  throw new Error(
    `Refusing to start in production (NODE_ENV=production):\n  refused: the admin ${DEV_ADMIN.email} still has the development password printed in the README.\n` +
      `Change it with the same database settings, in development mode (this check is production's):\n` +
      `  NODE_ENV=development SEED_DEMO=false npx strapi admin:reset-user-password --email ${DEV_ADMIN.email} --password '<a new one>'\n` +
      `or delete that user, then start again.`
  );
};

/** Creates the first super admin when the database has no admin user yet; in production, refuses to start without one. */
export const ensureFirstAdmin = async (strapi: Core.Strapi) => {
  const userService = strapi.service('admin::user');
  if (await userService.exists()) {
    await refuseDevelopmentAdmin(strapi);
    return null;
  }

  const credentials = firstAdminCredentials(process.env);
  if ('refused' in credentials) throw new Error(credentials.refused);
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await userService.create({
    email: credentials.email.toLowerCase(),
    ...firstAdminName(process.env, credentials.isDevelopmentDefault),
    password: credentials.password,
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  return { ...credentials, created: true };
};

/** Whether a development admin still has the placeholder name the first admin used to get. */
export const hasPlaceholderName = (user: { firstname?: string | null; lastname?: string | null }) =>
  user.firstname === PLACEHOLDER_ADMIN_NAME.firstname && user.lastname === PLACEHOLDER_ADMIN_NAME.lastname;

/**
 * Outside production, the development login is worth repeating on every start while it
 * exists. A development admin created before it had a name ("Alumni Office") gets the
 * demo's name, unless ADMIN_FIRSTNAME says otherwise; a name changed in the profile stays.
 */
export const developmentAdminInUse = async (strapi: Core.Strapi): Promise<AdminCredentials | null> => {
  if (process.env.NODE_ENV === 'production') return null;
  const user = await strapi.db.query('admin::user').findOne({ where: { email: DEV_ADMIN.email } });
  if (!user) return null;
  if (hasPlaceholderName(user)) {
    await strapi.db.query('admin::user').update({ where: { id: user.id }, data: firstAdminName(process.env, true) });
  }
  return { ...DEV_ADMIN, isDevelopmentDefault: true, created: false };
};
