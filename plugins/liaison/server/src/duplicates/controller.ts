import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentIdParams } from '../rules/inputs';
import { format } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { inputOf } from '../utils/input';
import { duplicatesQuery, mergeInput } from './inputs';

const duplicates = (strapi: Core.Strapi) => strapi.plugin('liaison').service('duplicates');
const notFound = () => new errors.NotFoundError(format('duplicates.notFound', {}, requestLanguage()));

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/duplicates?page=&pageSize=&minScore=&status= */
  async list(ctx: any) {
    ctx.body = await duplicates(strapi).list(inputOf(ctx).query(duplicatesQuery), ctx.state.user);
  },

  /** GET /liaison/duplicates/scan: the scan's state. */
  async scanStatus(ctx: any) {
    ctx.body = { data: await duplicates(strapi).scanStatus() };
  },

  /** POST /liaison/duplicates/scan: starts a scan (a job) and answers at once. */
  async scan(ctx: any) {
    duplicates(strapi)
      .scan()
      .catch(() => undefined); // logged by the service; the state says failed
    ctx.status = 202;
    ctx.body = { data: await duplicates(strapi).scanStatus() };
  },

  /** GET /liaison/duplicates/:documentId: the pair with both records side by side. */
  async findOne(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const pair = await duplicates(strapi).findOne(documentId, ctx.state.user);
    if (!pair) throw notFound();
    ctx.body = { data: pair };
  },

  /** POST /liaison/duplicates/:documentId/dismiss */
  async dismiss(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const pair = await duplicates(strapi).dismiss(documentId, ctx.state.user);
    if (!pair) throw notFound();
    ctx.body = { data: pair };
  },

  /** POST /liaison/alumni/:documentId/merge { from, fields? } */
  async merge(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const body = input.body(mergeInput);
    ctx.body = { data: await strapi.plugin('liaison').service('merge').merge(documentId, body, ctx.state.user) };
  },
});
