import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';
import { registerWritePipeline } from './writes/pipeline';
import { addUnlistedMiddlewaresFirst } from './host/middlewares';
import { defaultUploadSecurity } from './host/upload-security';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  registerWritePipeline(strapi);
  defaultUploadSecurity(strapi);
  addUnlistedMiddlewaresFirst(strapi);
  for (const capability of CAPABILITIES) await capability.register?.({ strapi });
};
