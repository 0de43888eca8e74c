import type { Core } from '@strapi/strapi';
import { validationError } from '../utils/errors';
import { parseCoverageQuery, parseFilters } from './rules';
import type { FieldError } from '../rules/field-error';

const service = (strapi: Core.Strapi) => strapi.plugin('liaison').service('coverage');
const accessOf = (strapi: Core.Strapi, ctx: any) => strapi.plugin('liaison').service('access').scopeOf(ctx.state.user);

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/coverage?dimension=&page=&pageSize=&sort=&college=&yearFrom=&yearTo=&country=&province=&sector= */
  async list(ctx: any) {
    const { value, problems } = parseCoverageQuery(ctx.query ?? {});
    if (!value) throw validationError(problems);
    const resolved = await service(strapi).resolve(value.filters, await accessOf(strapi, ctx));
    ctx.body = await service(strapi).coverage(value, resolved);
  },

  /** GET /liaison/coverage/summary?college=&yearFrom=&yearTo=&country=&province=&sector= */
  async summary(ctx: any) {
    const problems: FieldError[] = [];
    const filters = parseFilters(ctx.query ?? {}, problems);
    if (problems.length) throw validationError(problems);
    const resolved = await service(strapi).resolve(filters, await accessOf(strapi, ctx));
    ctx.body = { data: await service(strapi).summary(resolved) };
  },

  /** GET /liaison/coverage/options: the countries, provinces and sectors the filters offer. */
  async options(ctx: any) {
    ctx.body = { data: await service(strapi).filterOptions() };
  },
});
