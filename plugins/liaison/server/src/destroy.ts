import type { Core } from '@strapi/strapi';
import { CAPABILITIES } from './capabilities';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  for (const capability of [...CAPABILITIES].reverse()) await capability.destroy?.({ strapi });
};
