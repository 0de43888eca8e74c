import type { Core } from '@strapi/strapi';

/** The website's lists, by the path after the REST prefix. */
const LISTS = new Map([
  ['stories', { action: 'api::story.story.find', read: 'findStories' }],
  ['events', { action: 'api::event.event.find', read: 'findEvents' }],
] as const);

/** Whether the users-permissions Public role may take the action (its permissions are kept in memory: public-permissions.ts). */
const publicMay = async (strapi: Core.Strapi, action: string) => {
  const permissions = strapi.plugin('users-permissions')?.service('permission') as
    | { findPublicPermissions: () => Promise<{ action: string }[]> }
    | undefined;
  return !!permissions && (await permissions.findPublicPermissions()).some((p) => p.action === action);
};

/**
 * The website's story and event lists without a caller (no Authorization header) are
 * answered here, after the query parser and before the rest of Strapi's chain (body,
 * session, router, authentication, policies): on a cache miss that chain was a third of
 * the request. The answer is the controller's (src/utils/published-only.ts): the same
 * website service, the same checks; the Public role must hold the list's `find`
 * permission, as users-permissions would require. Anything else (a token, a signed-in
 * user, one record, a refused role) goes on to Strapi's router: a policy added to these
 * two list routes would therefore not run for public callers.
 */
export const publicReadsMiddleware = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.get('authorization')) return next();
  const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  const list = ctx.path.startsWith(`${prefix}/`) ? LISTS.get(ctx.path.slice(prefix.length + 1)) : undefined;
  if (!list || !(await publicMay(strapi, list.action))) return next();
  const json: string = await strapi
    .plugin('liaison')
    .service('website')
    [list.read](ctx.query ?? {});
  ctx.type = 'application/json; charset=utf-8';
  ctx.body = json;
};
