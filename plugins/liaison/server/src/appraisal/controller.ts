import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { toCsv, toXlsx } from '../utils/spreadsheet';
import { cycleChangesInput, cycleInput, exportQuery, noteInput, resultsQuery, scoreInput } from './inputs';

/** Thin controllers: each request's input parsed by its schema (./inputs), then the service checks the user's scope and does the work. */
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
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().getCycle(documentId) };
    },
    async createCycle(ctx: any) {
      const body = inputOf(ctx).body(cycleInput);
      ctx.status = 201;
      ctx.body = { data: await service().createCycle(body) };
    },
    async updateCycle(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      // A closed cycle answers 409 whatever the body (before the body's 400).
      await service().assertCycleOpen(documentId);
      ctx.body = { data: await service().updateCycle(documentId, input.body(cycleChangesInput)) };
    },
    async compute(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().compute(documentId) };
    },
    async close(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().close(documentId) };
    },
    async results(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = await service().results(documentId, input.query(resultsQuery), ctx.state.user);
    },
    async score(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      ctx.body = { data: await service().score(documentId, input.body(scoreInput), ctx.state.user) };
    },
    async note(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const body = input.body(noteInput);
      ctx.status = 201;
      ctx.body = { data: await service().note(documentId, body, ctx.state.user) };
    },
    async notes(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().notes(documentId, ctx.state.user) };
    },
    async history(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = { data: await service().history(documentId, ctx.state.user) };
    },
    async export(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const { format } = input.query(exportQuery);
      const { cycle, header, rows } = await service().exportTable(documentId, ctx.state.user);
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
