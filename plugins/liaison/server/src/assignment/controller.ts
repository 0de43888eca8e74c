import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { appointmentInput, candidatesQuery, endingInput, nominationInput, quotaInput, quotasQuery, rejectionInput, renewalInput } from './inputs';

/** Thin controllers: each request's input parsed by its schema (./inputs), then one service call. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('assignment');
  return {
    async nominate(ctx: any) {
      const body = inputOf(ctx).body(nominationInput);
      ctx.status = 201;
      ctx.body = { data: await service().nominate(body, ctx.state.user) };
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
    async renew(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = { data: await service().renew(documentId, input.body(renewalInput), ctx.state.user) };
    },
    async end(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = { data: await service().end(documentId, input.body(endingInput), ctx.state.user) };
    },
    async history(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().history(documentId, ctx.state.user) };
    },
    async getQuotas(ctx: any) {
      ctx.body = { data: await service().getQuotas(inputOf(ctx).query(quotasQuery), ctx.state.user) };
    },
    async setQuota(ctx: any) {
      ctx.body = { data: await service().setQuota(inputOf(ctx).body(quotaInput), ctx.state.user) };
    },
    async appoint(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      // The class first (404, 403), as for any request that names a record.
      const cohort = await service().cohortFor(documentId, ctx.state.user);
      const body = input.body(appointmentInput);
      ctx.status = 201;
      ctx.body = { data: await service().appoint(cohort, body, ctx.state.user) };
    },
    async candidates(ctx: any) {
      ctx.body = await service().candidates(inputOf(ctx).query(candidatesQuery), ctx.state.user);
    },
  };
};
