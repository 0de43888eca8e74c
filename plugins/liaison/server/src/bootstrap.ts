import type { Core } from '@strapi/strapi';
import { registerActions } from './permissions';
import { installDatabaseGuards } from './services/db-guards';
import { ensureStaffRoles } from './services/admin-roles';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await installDatabaseGuards(strapi);
  await ensureStaffRoles(strapi);
};
