import type { Core } from '@strapi/strapi';
import { publicPathsOf } from './paths';
import { publicRoleStrategy } from './public-role';

/**
 * Strapi's five REST routes of a type: reads for the website, writes for staff's full-access
 * API tokens. How the reads' callers are authenticated is `reads` (below).
 */
const restRoutes = (plural: string, controller: string, reads: () => object) => [
  { method: 'GET', path: `/${plural}`, handler: `${controller}.find`, config: reads() },
  { method: 'GET', path: `/${plural}/:id`, handler: `${controller}.findOne`, config: reads() },
  { method: 'POST', path: `/${plural}`, handler: `${controller}.create` },
  { method: 'PUT', path: `/${plural}/:id`, handler: `${controller}.update` },
  { method: 'DELETE', path: `/${plural}/:id`, handler: `${controller}.delete` },
];

/**
 * The website's public API: stories and events (each action is a permission of the Public
 * role, `plugin::liaison.story.find` …, which the plugin grants for reads), the iCalendar
 * feed and the OpenAPI document (no permission: always public). Under `publicPrefix`
 * (paths.ts), by default none: `/api/stories`.
 */
export const websiteRouter = ({ strapi }: { strapi: Core.Strapi }) => {
  // An anonymous reader is the Public role, its permissions held in memory (public-role.ts);
  // anyone else is decided by Strapi's own strategies, in their usual order. One object per
  // route: Strapi adds each route's scope to its config.
  const strategy = publicRoleStrategy(strapi);
  const reads = () => ({ auth: { strategies: [strategy, 'content-api-token', 'users-permissions'] } });
  return {
    type: 'content-api',
    prefix: publicPathsOf(strapi).routerPrefix,
    routes: [
      ...restRoutes('stories', 'story', reads),
      ...restRoutes('events', 'event', reads),
      { method: 'GET', path: '/events.ics', handler: 'feeds.eventsFeed', config: { auth: false, policies: [] } },
      { method: 'GET', path: '/openapi.json', handler: 'feeds.openapi', config: { auth: false, policies: [] } },
    ],
  };
};
