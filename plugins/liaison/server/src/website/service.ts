import type { Core } from '@strapi/strapi';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { PublicCache } from './cache';
import { keepPublicPermissions, PublicPermissions } from './public-permissions';
import { InvalidationListener, registerInvalidation } from './invalidation';
import { createLimiter, type RateLimitSettings } from './rate-limit';
import { findOnePublic, findPublic } from './reads';
import { EVENT, STORY } from './public-types';
import { chapterDirectory, pastFilter, upcomingFilter } from './directory';
import { eventsFeed } from './ical';
import { openApiDocument } from './openapi';
import { isEmpty, TIMEFRAME } from './query';
import { checkValue } from './values';

const envInt = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? NaN : Number(v);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
};

/**
 * The university website's API: the public reads, their cache and its invalidation
 * across instances, and the rate limits. One instance of each per process.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const cacheTtl = envInt('PUBLIC_CACHE_TTL_SECONDS', 60);
  const cache =
    process.env.PUBLIC_CACHE_ENABLED === 'false'
      ? null
      : new PublicCache({ maxEntries: envInt('PUBLIC_CACHE_MAX_ENTRIES', 5000), maxBytes: envInt('PUBLIC_CACHE_MAX_MB', 64) * 1024 * 1024, ttlSeconds: cacheTtl || 60 });
  const publicPermissions = new PublicPermissions((cacheTtl || 60) * 1000);
  /** What every write of public content (or of who may read it) clears. */
  const kept = { clear: () => (cache?.clear(), publicPermissions.clear()) };
  let listener: InvalidationListener | null = null;
  /** Whether what is kept in memory may be trusted: on PostgreSQL only while this instance listens for others' writes. */
  const trusted = () => strapi.db?.dialect.client !== 'postgres' || !!listener?.listening;
  let limiter: { limiter: RateLimiterAbstract; settings: RateLimitSettings } | null = null;

  return {
    /** The cache, when it can be trusted: on PostgreSQL only while this instance listens for others' writes. */
    activeCache(): PublicCache | null {
      return cache && trusted() ? cache : null;
    },
    cache: () => cache,
    listener: () => listener,
    rateLimiter: () => limiter,

    async start() {
      registerInvalidation(strapi, () => kept);
      keepPublicPermissions(strapi, publicPermissions, trusted);
      if (strapi.db.dialect.client === 'postgres') {
        listener = new InvalidationListener(strapi, kept);
        await listener.start();
      }
      await this.configureRateLimit({
        points: envInt('RATE_LIMIT_POINTS', 600),
        durationSeconds: envInt('RATE_LIMIT_DURATION_SECONDS', 60) || 60,
      });
    },

    /** Sets the limits (points 0: none); the counts stay in the shared table. */
    async configureRateLimit(settings: RateLimitSettings) {
      limiter = settings.points > 0 ? { limiter: await createLimiter(strapi, settings), settings } : null;
    },

    async stop() {
      await listener?.stop();
      listener = null;
    },

    /** Lists answer JSON text; `statement: false` reads through the query engine (see reads.ts). */
    findStories: (query: Record<string, unknown>, options: { statement?: boolean } = {}) => findPublic(strapi, STORY, query, options),
    findStory: (idOrSlug: string, query: Record<string, unknown>) => findOnePublic(strapi, STORY, idOrSlug, query),
    findEvents: (query: Record<string, unknown>, options: { statement?: boolean } = {}) =>
      findPublic(strapi, EVENT, query, {
        ...options,
        extraParams: ['timeframe'],
        extraFilters: (raw, problems) => {
          if (isEmpty(raw.timeframe)) return {};
          const timeframe = checkValue(TIMEFRAME.value, raw.timeframe, 'timeframe', problems);
          const now = new Date();
          if (timeframe === 'upcoming') return { filters: upcomingFilter(now), sort: ['startsAt:asc', 'id:asc'] };
          if (timeframe === 'past') return { filters: pastFilter(now), sort: ['startsAt:desc', 'id:desc'] };
          return {};
        },
      }),
    findEvent: (idOrSlug: string, query: Record<string, unknown>) => findOnePublic(strapi, EVENT, idOrSlug, query),
    chapters: (query: Record<string, unknown>) => chapterDirectory(strapi, query),
    eventsFeed: (query: Record<string, unknown>, origin: string) => eventsFeed(strapi, query, origin),
    openApi: () => {
      const types = (strapi.getModel('api::event.event').attributes as any).type.enum as string[];
      return openApiDocument(strapi.config.get('server.url') as string, types);
    },
  };
};
