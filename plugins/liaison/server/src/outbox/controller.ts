import type { Core } from '@strapi/strapi';
import { validationError } from '../utils/errors';
import { parseOutboxQuery, unsubscribePage } from './rules';

const outbox = (strapi: Core.Strapi) => strapi.plugin('liaison').service('outbox');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/outbox?status=&page=&pageSize= */
  async list(ctx: any) {
    const { value, problems } = parseOutboxQuery(ctx.query ?? {});
    if (!value) throw validationError(problems);
    ctx.body = await outbox(strapi).list(value);
  },

  /** POST /liaison/outbox/:documentId/resend */
  async resend(ctx: any) {
    ctx.body = { data: await outbox(strapi).resend(String(ctx.params.documentId)) };
  },

  /** GET /api/liaison/unsubscribe?token= (public: the link in every mail to an alumnus) */
  async unsubscribe(ctx: any) {
    const outcome = await outbox(strapi).unsubscribe(ctx.query?.token);
    ctx.status = outcome === 'done' ? 200 : outcome === 'invalid' ? 400 : 404;
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = unsubscribePage(outcome);
  },
});
