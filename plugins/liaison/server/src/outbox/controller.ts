import type { Core } from '@strapi/strapi';
import { validationError } from '../utils/errors';
import { sendLinkPage, tokenOf } from '../utils/link-page';
import { parseOutboxQuery, unsubscribePage, type UnsubscribeOutcome } from './rules';

const STATUS: Record<UnsubscribeOutcome, number> = { confirm: 200, done: 200, invalid: 400, expired: 400, unknown: 404 };

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

  /** GET /api/liaison/unsubscribe?token= (public: the link in every mail to an alumnus): a page with one button, nothing changes. */
  async unsubscribePage(ctx: any) {
    const token = tokenOf(ctx);
    const outcome = await outbox(strapi).checkUnsubscribe(token);
    sendLinkPage(ctx, STATUS[outcome], unsubscribePage(outcome, token ?? undefined));
  },

  /** POST /api/liaison/unsubscribe (the page's button: token in the form; RFC 8058 one-click: token in the query) */
  async unsubscribe(ctx: any) {
    const outcome = await outbox(strapi).unsubscribe(tokenOf(ctx));
    sendLinkPage(ctx, STATUS[outcome], unsubscribePage(outcome));
  },
});
