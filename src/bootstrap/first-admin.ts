import type { Core } from '@strapi/strapi';

export const DEV_ADMIN = { email: 'admin@liaison.local', password: 'Liaison-Admin-2026' };

export interface AdminCredentials {
  email: string;
  password: string;
  isDevelopmentDefault: boolean;
  created?: boolean;
}

/** The first admin's login: from ADMIN_EMAIL/ADMIN_PASSWORD, or the development defaults outside production. */
export const firstAdminCredentials = (env: NodeJS.ProcessEnv): AdminCredentials | { refused: string } => {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (email && password) return { email, password, isDevelopmentDefault: false };
  if (env.NODE_ENV === 'production') {
    return { refused: 'ADMIN_EMAIL and ADMIN_PASSWORD must be set in production; no default admin is created' };
  }
  return { ...DEV_ADMIN, isDevelopmentDefault: true };
};

/** Creates the first super admin when the database has no admin user yet. */
export const ensureFirstAdmin = async (strapi: Core.Strapi) => {
  const userService = strapi.service('admin::user');
  if (await userService.exists()) return null;

  const credentials = firstAdminCredentials(process.env);
  if ('refused' in credentials) {
    strapi.log.warn(credentials.refused);
    return null;
  }
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await userService.create({
    email: credentials.email.toLowerCase(),
    firstname: 'Alumni',
    lastname: 'Office',
    password: credentials.password,
    isActive: true,
    registrationToken: null,
    roles: superAdmin ? [superAdmin.id] : [],
  });
  return { ...credentials, created: true };
};

/** Outside production, the development login is worth repeating on every start while it exists. */
export const developmentAdminInUse = async (strapi: Core.Strapi): Promise<AdminCredentials | null> => {
  if (process.env.NODE_ENV === 'production') return null;
  const user = await strapi.db.query('admin::user').findOne({ where: { email: DEV_ADMIN.email } });
  return user ? { ...DEV_ADMIN, isDevelopmentDefault: true, created: false } : null;
};
