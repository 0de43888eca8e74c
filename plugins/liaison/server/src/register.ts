import type { Core } from '@strapi/strapi';
import { registerIntegrityGuard } from './middlewares/integrity-guard';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  registerIntegrityGuard(strapi);
};
