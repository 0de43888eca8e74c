import type { Core } from '@strapi/strapi';
import type { NetworkScope } from './types';

type AdminUser = { id: number; roles?: { code?: string; name?: string }[] };

/** Admin panel sessions and admin API tokens both act as an admin user. */
const ADMIN_STRATEGIES = ['admin', 'admin-token'];

/** The admin user behind the current HTTP request, with their roles; null outside admin requests. */
export const requestAdminUser = async (strapi: Core.Strapi, state?: any): Promise<AdminUser | null> => {
  const s = state ?? strapi.requestContext.get()?.state;
  if (!s?.user || !ADMIN_STRATEGIES.includes(s.auth?.strategy?.name)) return null;
  if (Array.isArray(s.user.roles)) return s.user;
  const user = await strapi.db.query('admin::user').findOne({ where: { id: s.user.id }, populate: ['roles'] });
  return user ?? null;
};

/**
 * `scopeOf(user)`, asked once per request and user: RBAC conditions run for every
 * permission on every admin request, so they share this answer.
 */
export const scopeForRequest = async (strapi: Core.Strapi, user: AdminUser): Promise<NetworkScope> => {
  const state = strapi.requestContext.get()?.state as any;
  const cache: Map<number, Promise<NetworkScope>> | undefined = state
    ? (state.liaisonScopes ??= new Map<number, Promise<NetworkScope>>())
    : undefined;
  const cached = cache?.get(user.id);
  if (cached) return cached;
  const scope = strapi.plugin('liaison').service('access').scopeOf(user) as Promise<NetworkScope>;
  cache?.set(user.id, scope);
  return scope;
};
