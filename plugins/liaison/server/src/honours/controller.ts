import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError } from '../rules/field-error';
import { validationError } from '../utils/errors';
import { ROLL_DIMENSIONS } from './service';
import { checkParameters } from '../website/query';

const ROLL_PARAMETERS = ['locale', 'year', 'dimension', 'page', 'pageSize'];

/** Thin controllers: the service validates, checks the user's scope and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('honours');
  return {
    async nominate(ctx: any) {
      ctx.status = 201;
      ctx.body = {
        data: await service().nominate(ctx.request.body, ctx.state.user),
      };
    },
    async bulk(ctx: any) {
      ctx.status = 201;
      ctx.body = {
        data: await service().bulk(ctx.request.body, ctx.state.user),
      };
    },
    async approve(ctx: any) {
      ctx.body = {
        data: await service().approve(ctx.params.documentId, ctx.state.user),
      };
    },
    async reject(ctx: any) {
      ctx.body = {
        data: await service().reject(ctx.params.documentId, ctx.request.body, ctx.state.user),
      };
    },
    async list(ctx: any) {
      ctx.body = await service().list(ctx.query, ctx.state.user);
    },
    async eligible(ctx: any) {
      ctx.body = { data: await service().eligible(ctx.query, ctx.state.user) };
    },
    async getRules(ctx: any) {
      ctx.body = { data: await service().rules() };
    },
    async setRules(ctx: any) {
      ctx.body = { data: await service().setRules(ctx.request.body) };
    },

    /**
     * GET /api/liaison/honours: the public honour roll. Only its own parameters are
     * accepted: populate, filters, sort, fields … are refused, so nothing else can be reached.
     */
    async roll(ctx: any) {
      const query = ctx.query ?? {};
      const { problems, locale } = checkParameters(query, ROLL_PARAMETERS, 'the honour roll');
      const whole = (name: string, v: unknown, fallback: number | undefined, min: number, max: number) => {
        if (v === undefined || v === '') return fallback;
        const x = Number(v);
        if (typeof v !== 'string' || !Number.isInteger(x) || x < min || x > max) {
          problems.push(fieldError(name, `must be a whole number from ${min} to ${max}`));
          return fallback;
        }
        return x;
      };
      const year = whole('year', query.year, undefined, 1900, 2200);
      const page = whole('page', query.page, 1, 1, 10000)!;
      const pageSize = whole('pageSize', query.pageSize, 25, 1, 100)!;
      if (query.dimension !== undefined && !ROLL_DIMENSIONS.includes(query.dimension))
        problems.push(fieldError('dimension', `must be one of ${ROLL_DIMENSIONS.join(', ')}`));
      if (problems.length) throw validationError(problems);
      ctx.body = await service().roll({
        locale,
        year,
        dimension: query.dimension,
        page,
        pageSize,
      });
    },
  };
};
