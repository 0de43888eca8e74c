import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { inputOf } from '../utils/input';
import { sendLinkPage, tokenOf } from '../utils/link-page';
import { unsubscribePage, type UnsubscribeOutcome } from './rules';
import { outboxQuery } from './inputs';

const STATUS: Record<UnsubscribeOutcome, number> = { confirm: 200, done: 200, invalid: 400, expired: 400, unknown: 404 };

const outbox = (strapi: Core.Strapi) => strapi.plugin('liaison').service('outbox');

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/outbox?status=&page=&pageSize= */
  async list(ctx: any) {
    ctx.body = await outbox(strapi).list(inputOf(ctx).query(outboxQuery));
  },

  /** POST /liaison/outbox/:documentId/resend */
  async resend(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await outbox(strapi).resend(documentId) };
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
