import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import { validationError } from '../utils/errors';
import { toCsv, toXlsx } from './export';

/** Thin controllers: the service validates, checks the user's scope and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('appraisal');
  return {
    async measures(ctx: any) {
      ctx.body = { data: service().measures() };
    },
    async listCycles(ctx: any) {
      ctx.body = { data: await service().listCycles() };
    },
    async getCycle(ctx: any) {
      ctx.body = { data: await service().getCycle(ctx.params.documentId) };
    },
    async createCycle(ctx: any) {
      ctx.status = 201;
      ctx.body = { data: await service().createCycle(ctx.request.body) };
    },
    async updateCycle(ctx: any) {
      ctx.body = {
        data: await service().updateCycle(ctx.params.documentId, ctx.request.body),
      };
    },
    async compute(ctx: any) {
      ctx.body = { data: await service().compute(ctx.params.documentId) };
    },
    async close(ctx: any) {
      ctx.body = { data: await service().close(ctx.params.documentId) };
    },
    async results(ctx: any) {
      ctx.body = await service().results(ctx.params.documentId, ctx.query, ctx.state.user);
    },
    async score(ctx: any) {
      ctx.body = {
        data: await service().score(ctx.params.documentId, ctx.request.body, ctx.state.user),
      };
    },
    async note(ctx: any) {
      ctx.status = 201;
      ctx.body = {
        data: await service().note(ctx.params.documentId, ctx.request.body, ctx.state.user),
      };
    },
    async notes(ctx: any) {
      ctx.body = {
        data: await service().notes(ctx.params.documentId, ctx.state.user),
      };
    },
    async history(ctx: any) {
      ctx.body = {
        data: await service().history(ctx.params.documentId, ctx.state.user),
      };
    },
    async export(ctx: any) {
      const format = ctx.query.format ?? 'csv';
      if (format !== 'csv' && format !== 'xlsx') throw validationError([fieldError('format', 'must be one of csv, xlsx')]);
      const { cycle, header, rows } = await service().exportTable(ctx.params.documentId, ctx.state.user);
      const base = `appraisal-${cycle.periodStart}-${cycle.documentId}`;
      if (format === 'csv') {
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = toCsv(header, rows);
      } else {
        ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        ctx.body = await toXlsx(cycle.name, header, rows);
      }
      ctx.attachment(`${base}.${format}`);
    },
  };
};
