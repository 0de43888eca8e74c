import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async coverage(ctx: any) {
    ctx.body = { data: await strapi.plugin('liaison').service('overview').coverage() };
  },
});
