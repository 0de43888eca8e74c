import { factories } from '@strapi/strapi';
import type { Capability } from '../capabilities';
import { publishedOnlyController } from './published-only';
import feeds from './feeds';
import service from './service';
import { cacheMiddleware, publicRoutes } from './cache';
import { publicPathsOf } from './paths';
import { rateLimitMiddleware } from './rate-limit';
import { allowedMethodsMiddleware } from './allowed-methods';
import { directoryQuery, parsePublic } from './inputs';

const website = (strapi: any) => strapi.plugin('liaison').service('website');

/**
 * The university website's API: stories and events (their routes in routes.ts), the iCalendar feed, the chapter directory, the OpenAPI description,
 * the public cache with its invalidation across instances, and rate limits.
 */
const capability: Capability = {
  contentApiRoutes: [{ method: 'GET', path: '/chapters', handler: 'website.chapters', config: { auth: false, policies: [] } }],
  controllers: {
    story: publishedOnlyController('plugin::liaison.story'),
    event: publishedOnlyController('plugin::liaison.event'),
    feeds,
    website: ({ strapi }: { strapi: any }) => ({
      async chapters(ctx: any) {
        ctx.body = await website(strapi).chapters(parsePublic(directoryQuery, ctx.query));
      },
    }),
  },
  services: {
    website: service,
    story: factories.createCoreService('plugin::liaison.story'),
    event: factories.createCoreService('plugin::liaison.event'),
  },
  middlewares: {
    'public-cache': (_config: unknown, { strapi }: { strapi: any }) =>
      cacheMiddleware(
        () => website(strapi).activeCache(),
        publicRoutes(publicPathsOf(strapi)),
        async (ctx) => {
          const { kind } = await website(strapi).callerOf(ctx);
          return kind === 'other' ? null : kind;
        }
      ),
    'rate-limit': (_config: unknown, { strapi }: { strapi: any }) => {
      const prefix = new RegExp(`^${String(strapi.config.get('api.rest.prefix') ?? '/api').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`, 'i');
      return rateLimitMiddleware(() => website(strapi).rateLimiter(), (path) => prefix.test(path), (ctx) => website(strapi).callerOf(ctx));
    },
    'allowed-methods': (_config: unknown, { strapi }: { strapi: any }) => allowedMethodsMiddleware(strapi),
  },
  bootstrap: async ({ strapi }) => {
    await website(strapi).start();
  },
  destroy: async ({ strapi }) => {
    await website(strapi).stop();
  },
};

export default capability;
