import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inputOf } from '../utils/input';
import { findScopeOr404, postsOfScope, scopeVisible } from './scopes';
import { searchAlumni } from './alumni-search';
import { alumniQuery, scopeParams } from './inputs';
import type { AlumniSearchResponse, ScopeResponse } from '../admin-api-types';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const accessOf = (ctx: any) => strapi.plugin('liaison').service('access').scopeOf(ctx.state.user);

  return {
    /** GET /liaison/scopes/:dimension/:documentId: a scope with its posts and holders. */
    async scope(ctx: any) {
      const { dimension, documentId } = inputOf(ctx).params(scopeParams);
      const scope = await findScopeOr404(strapi, dimension, documentId);
      if (!scopeVisible(await accessOf(ctx), scope)) throw new errors.NotFoundError(`No ${dimension} scope with documentId ${scope.documentId}`);
      const posts = await postsOfScope(strapi, scope);
      const body: ScopeResponse = { data: { scope: { documentId: scope.documentId, name: scope.name, dimension }, posts } };
      ctx.body = body;
    },

    /** GET /liaison/alumni?q=: alumni by name, pinyin, initials or student number. */
    async alumni(ctx: any) {
      const { q, limit } = inputOf(ctx).query(alumniQuery);
      const body: AlumniSearchResponse = { data: await searchAlumni(strapi, await accessOf(ctx), q, limit) };
      ctx.body = body;
    },
  };
};
