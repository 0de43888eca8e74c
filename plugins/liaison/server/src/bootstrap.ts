import type { Core } from '@strapi/strapi';
import { registerActions } from './permissions';
import { installDatabaseGuards } from './services/db-guards';
import { ensureStaffRoles } from './services/admin-roles';
import { CAPABILITIES, alumniActions } from './capabilities';
import { configureContentManager } from './services/cm-layout';
import { grantWebsiteReads } from './host/public-permissions';
import { addUnlistedMiddlewaresLast } from './host/middlewares';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerActions(strapi);
  await installDatabaseGuards(strapi);
  await ensureStaffRoles(strapi);
  for (const capability of CAPABILITIES) await capability.bootstrap?.({ strapi });
  await configureContentManager(strapi);
  await grantWebsiteReads(strapi, alumniActions());
  addUnlistedMiddlewaresLast(strapi);
};
