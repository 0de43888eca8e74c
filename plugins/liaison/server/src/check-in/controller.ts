import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { toCsv, toXlsx } from '../utils/spreadsheet';
import { checkInInput, eventsQuery, exportQuery, registrationsQuery } from './inputs';

const service = (strapi: Core.Strapi) => strapi.plugin('liaison').service('checkIn');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** POST /liaison/events/:documentId/check-in { code } */
  async checkIn(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const { code } = input.body(checkInInput);
    ctx.body = { data: await service(strapi).checkIn(documentId, code, ctx.state) };
  },

  /** GET /liaison/events/:documentId/registrations?status=&q=&page=&pageSize= */
  async registrations(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    ctx.body = await service(strapi).list(documentId, input.query(registrationsQuery), ctx.state);
  },

  /** GET /liaison/registrations/events?when=upcoming|past&page=&pageSize= */
  async events(ctx: any) {
    ctx.body = await service(strapi).events(inputOf(ctx).query(eventsQuery), ctx.state);
  },

  /** GET /liaison/events/:documentId/arrivals: the counts alone. */
  async arrivals(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await service(strapi).counts(documentId, ctx.state) };
  },

  /** GET /liaison/events/:documentId/registrations/export?format=csv|xlsx&status= */
  async export(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const { format, status } = input.query(exportQuery);
    const { event, header, rows } = await service(strapi).exportTable(documentId, { status }, ctx.state);
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = toCsv(header, rows);
    } else {
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = await toXlsx(event.title ?? 'registrations', header, rows);
    }
    ctx.attachment(`registrations-${documentId}.${format}`);
  },
});
