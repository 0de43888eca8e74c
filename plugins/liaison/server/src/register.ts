import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';
import { registerWritePipeline } from './writes/pipeline';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerWritePipeline(strapi);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi });
};
