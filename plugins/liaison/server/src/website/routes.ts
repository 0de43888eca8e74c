import type { Core } from '@strapi/strapi';
import { publicPathsOf } from './paths';

/** Strapi's five REST routes of a type: reads for the website, writes for staff's full-access API tokens. */
const restRoutes = (plural: string, controller: string) => [
  { method: 'GET', path: `/${plural}`, handler: `${controller}.find` },
  { method: 'GET', path: `/${plural}/:id`, handler: `${controller}.findOne` },
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
export const websiteRouter = ({ strapi }: { strapi: Core.Strapi }) => ({
  type: 'content-api',
  prefix: publicPathsOf(strapi).routerPrefix,
  routes: [
    ...restRoutes('stories', 'story'),
    ...restRoutes('events', 'event'),
    { method: 'GET', path: '/events.ics', handler: 'feeds.eventsFeed', config: { auth: false, policies: [] } },
    { method: 'GET', path: '/openapi.json', handler: 'feeds.openapi', config: { auth: false, policies: [] } },
  ],
});
