import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { bulkInput, eligibleQuery, listQuery, nominationInput, rejectionInput, rollQuery, rulesInput } from './inputs';
import { parsePublic } from '../website/inputs';

/** Thin controllers: each request's input parsed by its schema (./inputs), then the service checks the user's scope and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('honours');
  return {
    async nominate(ctx: any) {
      const body = inputOf(ctx).body(nominationInput);
      ctx.status = 201;
      ctx.body = { data: await service().nominate(body, ctx.state.user) };
    },
    async bulk(ctx: any) {
      const body = inputOf(ctx).body(bulkInput);
      ctx.status = 201;
      ctx.body = { data: await service().bulk(body, ctx.state.user) };
    },
    async approve(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().approve(documentId, ctx.state.user) };
    },
    async reject(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = { data: await service().reject(documentId, input.body(rejectionInput), ctx.state.user) };
    },
    async list(ctx: any) {
      ctx.body = await service().list(inputOf(ctx).query(listQuery), ctx.state.user);
    },
    async eligible(ctx: any) {
      ctx.body = { data: await service().eligible(inputOf(ctx).query(eligibleQuery), ctx.state.user) };
    },
    async getRules(ctx: any) {
      ctx.body = { data: await service().rules() };
    },
    async setRules(ctx: any) {
      ctx.body = { data: await service().setRules(inputOf(ctx).body(rulesInput, 'rules')) };
    },

    /**
     * GET /api/liaison/honours: the public honour roll. Only its own parameters are
     * accepted: populate, filters, sort, fields … are refused, so nothing else can be reached.
     */
    async roll(ctx: any) {
      ctx.body = await service().roll(parsePublic(rollQuery, ctx.query));
    },
  };
};
