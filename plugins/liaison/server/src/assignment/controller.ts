import type { Core } from '@strapi/strapi';

/** Thin controllers: the service validates, checks the user's scope and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('assignment');
  return {
    async nominate(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await service().nominate(ctx.request.body, ctx.state.user) };
    },
    async approve(ctx: any) {
      ctx.body = { data: await service().approve(ctx.params.documentId, ctx.state.user) };
    },
    async reject(ctx: any) {
      ctx.body = { data: await service().reject(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async renew(ctx: any) {
      ctx.body = { data: await service().renew(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async end(ctx: any) {
      ctx.body = { data: await service().end(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async history(ctx: any) {
      ctx.body = { data: await service().history(ctx.params.documentId, ctx.state.user) };
    },
    async getQuotas(ctx: any) {
      ctx.body = { data: await service().getQuotas(ctx.query, ctx.state.user) };
    },
    async setQuota(ctx: any) {
      ctx.body = { data: await service().setQuota(ctx.request.body, ctx.state.user) };
    },
    async appoint(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await service().appoint(ctx.params.documentId, ctx.request.body, ctx.state.user) };
    },
    async candidates(ctx: any) {
      ctx.body = await service().candidates(ctx.query, ctx.state.user);
    },
  };
};
