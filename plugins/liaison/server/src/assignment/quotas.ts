import type { Core } from '@strapi/strapi';
import { DIMENSIONS, SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { DEFAULT_POSTS, OCCUPYING_STATUSES } from '../rules/quotas';
import { fieldError } from '../rules/field-error';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { conflictError, forbiddenError } from '../utils/errors';
import type { QuotaInput, QuotasQuery } from './inputs';
import { POSTS, QUOTAS, SCOPE_UID, assertCanAct, findScope, lockScope, occupiedIn, postsOf } from './scope';
import { bad, notFound, type PostStore, type User } from './posts';

/** The number of posts of each dimension and scope: read, and set by staff. */
export const quotas = (strapi: Core.Strapi, { raw }: PostStore) => ({
  async getQuotas(query: QuotasQuery, user: User) {
    const { dimension } = query;
    if (query.scope && dimension) {
      const scope = await findScope(strapi, dimension, query.scope);
      if (!scope) throw notFound('Scope');
      await assertCanAct(strapi, user, scope);
      const quota = await postsOf(strapi, dimension, scope.documentId);
      return {
        dimension,
        scope: { documentId: scope.documentId, name: scope.name },
        posts: quota.posts,
        override: quota.override,
        default: quota.dimensionDefault ?? DEFAULT_POSTS[dimension as Dimension],
        occupied: await occupiedIn(strapi, dimension, scope.id),
      };
    }
    const rows: any[] = await strapi.db.query(QUOTAS as any).findMany({ where: dimension ? { dimension } : {} });
    return (dimension ? [dimension] : DIMENSIONS).map((d: Dimension) => ({
      dimension: d,
      posts: rows.find((r) => r.dimension === d && r.scope === '*')?.posts ?? DEFAULT_POSTS[d],
      builtIn: DEFAULT_POSTS[d],
      overrides: rows.filter((r) => r.dimension === d && r.scope !== '*').map((r) => ({ scope: r.scope, posts: r.posts })),
    }));
  },

  /**
   * Sets a dimension's default (no scope) or one scope's override. Refused (409) when
   * it would leave a scope with more active and approved liaisons than posts: end
   * terms first, then lower the number.
   */
  async setQuota(body: QuotaInput, user: User) {
    const { dimension } = body;
    const scope = body.scope ? await findScope(strapi, dimension, body.scope) : null;
    if (body.scope && !scope) bad([fieldError('scope', 'assignment.noScope', { dimension })]);
    if (scope) await assertCanAct(strapi, user, scope);
    else if (!(await strapi.plugin('liaison').service('access').scopeOf(user)).all) {
      throw forbiddenError('scope', 'assignment.defaultNetworkOnly');
    }
    const key = scope ? scope.documentId : '*';
    return strapi.db.transaction(async () => {
      if (scope) {
        await lockScope(strapi, dimension, scope.id);
        const occupied = await occupiedIn(strapi, dimension, scope.id);
        if (occupied > body.posts) throw conflictError([fieldError('posts', 'assignment.quotaBelow', { occupied })]);
      } else {
        const worst = await this.mostOccupiedWithoutOverride(dimension);
        if (worst > body.posts) throw conflictError([fieldError('posts', 'assignment.defaultBelow', { worst })]);
      }
      const existing: any = await strapi.db.query(QUOTAS as any).findOne({ where: { dimension, scope: key } });
      if (existing) await strapi.documents(QUOTAS as any).update({ documentId: existing.documentId, data: { posts: body.posts } as any });
      else await strapi.documents(QUOTAS as any).create({ data: { dimension, scope: key, posts: body.posts } as any });
      return { dimension, scope: scope ? { documentId: scope.documentId, name: scope.name } : null, posts: body.posts };
    });
  },

  /** The most posts taken in one scope of the dimension that follows the default: one query. */
  async mostOccupiedWithoutOverride(dimension: Dimension): Promise<number> {
    const link = joinOf(strapi, POSTS, SCOPE_FIELD[dimension]);
    const scopeTable = tableOf(strapi, SCOPE_UID[dimension]);
    const quotas = tableOf(strapi, QUOTAS);
    const sql = `SELECT MAX(x.n) AS worst FROM (
        SELECT l.${link.to} AS sid, COUNT(*) AS n FROM ${tableOf(strapi, POSTS)} p JOIN ${link.table} l ON l.${link.from} = p.id
        WHERE p.${columnOf(strapi, POSTS, 'postStatus')} IN (?, ?) GROUP BY l.${link.to}) x
      JOIN ${scopeTable} s ON s.id = x.sid
      WHERE s.${columnOf(strapi, SCOPE_UID[dimension], 'documentId')} NOT IN (
        SELECT q.${columnOf(strapi, QUOTAS, 'scope')} FROM ${quotas} q WHERE q.${columnOf(strapi, QUOTAS, 'dimension')} = ?)`;
    const rows = rowsOf(await raw(sql, [...OCCUPYING_STATUSES, dimension]));
    return Number(rows[0]?.worst ?? 0);
  },
});
