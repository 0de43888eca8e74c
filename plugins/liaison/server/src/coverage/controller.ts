import type { Core } from '@strapi/strapi';
import { inputOf } from '../utils/input';
import { coverageFilters, coverageQuery } from './inputs';

const service = (strapi: Core.Strapi) => strapi.plugin('liaison').service('coverage');
const accessOf = (strapi: Core.Strapi, ctx: any) => strapi.plugin('liaison').service('access').scopeOf(ctx.state.user);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/coverage?dimension=&page=&pageSize=&sort=&college=&yearFrom=&yearTo=&country=&province=&sector= */
  async list(ctx: any) {
    const query = inputOf(ctx).query(coverageQuery);
    const resolved = await service(strapi).resolve(query.filters, await accessOf(strapi, ctx));
    ctx.body = await service(strapi).coverage(query, resolved);
  },

  /** GET /liaison/coverage/summary?college=&yearFrom=&yearTo=&country=&province=&sector= */
  async summary(ctx: any) {
    const filters = inputOf(ctx).query(coverageFilters);
    const resolved = await service(strapi).resolve(filters, await accessOf(strapi, ctx));
    ctx.body = { data: await service(strapi).summary(resolved) };
  },

  /** GET /liaison/coverage/options: the countries, provinces and sectors the filters offer. */
  async options(ctx: any) {
    ctx.body = { data: await service(strapi).filterOptions() };
  },
});
