import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { findScopeOr404, parseDimension, postsOfScope, scopeVisible } from './scopes';
import { searchAlumni } from './alumni-search';
import type { AlumniSearchResponse, ScopeResponse } from '../admin-api-types';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const accessOf = (ctx: any) => strapi.plugin('liaison').service('access').scopeOf(ctx.state.user);

  return {
    /** GET /liaison/scopes/:dimension/:documentId: a scope with its posts and holders. */
    async scope(ctx: any) {
      const dimension = parseDimension(ctx.params.dimension);
      const scope = await findScopeOr404(strapi, dimension, ctx.params.documentId);
      if (!scopeVisible(await accessOf(ctx), scope)) throw new errors.NotFoundError(`No ${dimension} scope with documentId ${scope.documentId}`);
      const posts = await postsOfScope(strapi, scope);
      const body: ScopeResponse = { data: { scope: { documentId: scope.documentId, name: scope.name, dimension }, posts } };
      ctx.body = body;
    },

    /** GET /liaison/alumni?q=: alumni by name, pinyin, initials or student number. */
    async alumni(ctx: any) {
      const q = typeof ctx.query.q === 'string' ? ctx.query.q : '';
      const limit = Number(ctx.query.limit ?? 20);
      const body: AlumniSearchResponse = { data: await searchAlumni(strapi, await accessOf(ctx), q, Number.isFinite(limit) ? limit : 20) };
      ctx.body = body;
    },
  };
};
