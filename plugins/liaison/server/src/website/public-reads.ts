import type { Core } from '@strapi/strapi';

/** The website's types, by their path after the REST prefix: the list and one record by slug or documentId. */
const TYPES = new Map([
  [
    'stories',
    { list: { action: 'api::story.story.find', read: 'findStories' }, one: { action: 'api::story.story.findOne', read: 'findStory' } },
  ],
  [
    'events',
    { list: { action: 'api::event.event.find', read: 'findEvents' }, one: { action: 'api::event.event.findOne', read: 'findEvent' } },
  ],
] as const);

/** `stories` → the list; `stories/<slug>` → one record (the segment decoded as the router would); anything else → nothing. */
const routeOf = (rest: string) => {
  const [name, key, ...more] = rest.split('/');
  const type = TYPES.get(name as 'stories');
  if (!type || more.length) return undefined;
  if (key === undefined) return { ...type.list, key: undefined };
  if (!key) return undefined;
  try {
    return { ...type.one, key: decodeURIComponent(key) };
  } catch {
    return undefined;
  }
};

/** Whether the users-permissions Public role may take the action (its permissions are kept in memory: public-permissions.ts). */
const publicMay = async (strapi: Core.Strapi, action: string) => {
  const permissions = strapi.plugin('users-permissions')?.service('permission') as
    | { findPublicPermissions: () => Promise<{ action: string }[]> }
    | undefined;
  return !!permissions && (await permissions.findPublicPermissions()).some((p) => p.action === action);
};

/**
 * The website's story and event reads without a caller (no Authorization header), lists
 * and single records, are answered here, after the query parser and before the rest of
 * Strapi's chain (body, session, router, authentication, policies): on a cache miss that
 * chain was a third of the request. The answer is the controller's
 * (src/utils/published-only.ts): the same website service, the same checks; the Public role
 * must hold the route's `find` or `findOne` permission, as users-permissions would require. Anything else (a token, a
 * signed-in user, a refused role) goes on to Strapi's router: a policy added to these four
 * routes would therefore not run for public callers.
 */
export const publicReadsMiddleware = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.get('authorization')) return next();
  const prefix = (strapi.config.get('api.rest.prefix') as string | undefined) ?? '/api';
  const route = ctx.path.startsWith(`${prefix}/`) ? routeOf(ctx.path.slice(prefix.length + 1)) : undefined;
  if (!route || !(await publicMay(strapi, route.action))) return next();
  const website = strapi.plugin('liaison').service('website');
  if (route.key === undefined) {
    const json: string = await website[route.read](ctx.query ?? {});
    ctx.type = 'application/json; charset=utf-8';
    ctx.body = json;
  } else {
    ctx.body = await website[route.read](route.key, ctx.query ?? {});
  }
};
