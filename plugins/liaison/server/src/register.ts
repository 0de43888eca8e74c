import type { Core } from '@strapi/strapi';
import { registerIntegrityGuard } from './middlewares/integrity-guard';
import { CAPABILITIES } from './capabilities';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerIntegrityGuard(strapi);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi });
};
