import type { Core } from '@strapi/strapi';
import { registerIntegrityGuard } from './middlewares/integrity-guard';
import { CAPABILITIES } from './capabilities';
import { registerRecordLabels } from './services/record-labels';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerIntegrityGuard(strapi);
  registerRecordLabels(strapi);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi });
};
