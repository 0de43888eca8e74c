import type { Capability } from '../capabilities';
import service from './service';
import { cacheMiddleware } from './cache';
import { rateLimitMiddleware } from './rate-limit';
import { allowedMethodsMiddleware } from './allowed-methods';

const website = (strapi: any) => strapi.plugin('liaison').service('website');

/**
 * The university website's API: stories and events (their controllers in src/api call
 * this capability), the iCalendar feed, the chapter directory, the OpenAPI description,
 * the public cache with its invalidation across instances, and rate limits.
 */
const capability: Capability = {
  contentApiRoutes: [{ method: 'GET', path: '/chapters', handler: 'website.chapters', config: { auth: false, policies: [] } }],
  controllers: {
    website: ({ strapi }: { strapi: any }) => ({
      async chapters(ctx: any) {
        ctx.body = await website(strapi).chapters(ctx.query ?? {});
      },
    }),
  },
  services: { website: service },
  middlewares: {
    'public-cache': (_config: unknown, { strapi }: { strapi: any }) =>
      cacheMiddleware(
        () => website(strapi).activeCache(),
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
