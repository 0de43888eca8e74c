import type { Core } from '@strapi/strapi';
import { PublicCache } from './cache';
import { InvalidationListener, subscribeInvalidation, type Clearable } from './invalidation';
import { RateLimiter, type RateLimitSettings } from './rate-limit';
import { callerOf, WebsiteTokens } from './callers';
import { PublicRole } from './public-role';
import { findOnePublic, findPublic } from './reads';
import { EVENT, STORY } from './public-types';
import { chapterDirectory, pastFilter, upcomingFilter } from './directory';
import { eventsFeed } from './ical';
import { openApiDocument } from './openapi';
import { publicPathsOf } from './paths';
import type { TranslatedQuery } from './query';
import { eventQuery, eventsQuery, parsePublic, storiesQuery, storyQuery, type DirectoryQuery, type FeedQuery } from './inputs';
import { mailLinkBase } from '../utils/mail-links';
import { wholeNumberEnv as envInt } from '../utils/env';

/**
 * The university website's API: the public reads, their cache and its invalidation
 * across instances, and the rate limits. One instance of each per process.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Links in answers: PUBLIC_URL, never a request's Host or X-Forwarded-* (the same base as mails'). */
  const publicUrl = () => mailLinkBase(strapi);
  const cacheTtl = envInt('PUBLIC_CACHE_TTL_SECONDS', 60);
  const cache =
    process.env.PUBLIC_CACHE_ENABLED === 'false'
      ? null
      : new PublicCache({ maxEntries: envInt('PUBLIC_CACHE_MAX_ENTRIES', 5000), maxBytes: envInt('PUBLIC_CACHE_MAX_MB', 64) * 1024 * 1024, ttlSeconds: cacheTtl || 60 });
  const tokens = new WebsiteTokens(strapi);
  let listener: InvalidationListener | null = null;
  let started = false;
  /** Whether what is kept in memory may be trusted: on PostgreSQL only while this instance listens for others' writes. */
  const trusted = () => started && (strapi.db?.dialect.client !== 'postgres' || !!listener?.listening);
  const publicRole = new PublicRole(strapi, trusted);
  /** What every write of public content (or of who may read it) clears. */
  const kept: Clearable = {
    clear: (what = 'all') => {
      tokens.clear();
      if (what === 'all') {
        cache?.clear();
        publicRole.clear();
      }
    },
  };
  let limiter: RateLimiter | null = null;
  let listStatement = true;
  const caller = callerOf(tokens);

  return {
    /** The cache, when it can be trusted: on PostgreSQL only while this instance listens for others' writes. */
    activeCache(): PublicCache | null {
      return cache && trusted() ? cache : null;
    },
    cache: () => cache,
    listener: () => listener,
    rateLimiter: () => limiter,
    /** The Public role's permissions for the website's anonymous reads (public-role.ts). */
    publicRole: () => publicRole,
    /** Who asks (public, the website's server, anyone else), once per request. */
    callerOf: caller,
    /** What a write of public content clears (the write pipeline's cache invalidation): nothing before start. */
    invalidated: (): Clearable | null => (started ? kept : null),

    async start() {
      subscribeInvalidation(strapi, () => kept);
      started = true;
      if (strapi.db.dialect.client === 'postgres') {
        listener = new InvalidationListener(strapi, kept);
        await listener.start();
      }
      await this.configureRateLimit({
        points: envInt('RATE_LIMIT_POINTS', 600),
        durationSeconds: envInt('RATE_LIMIT_DURATION_SECONDS', 60) || 60,
        websitePoints: envInt('WEBSITE_RATE_LIMIT_POINTS', 60000),
        syncMs: envInt('RATE_LIMIT_SYNC_MS', 250) || 250,
      });
    },

    /** Sets the limits (points 0: none); the counts stay in the shared table. */
    async configureRateLimit(settings: RateLimitSettings) {
      await limiter?.stop();
      limiter = settings.points > 0 ? new RateLimiter(strapi, settings) : null;
      limiter?.start();
    },

    async stop() {
      started = false;
      await limiter?.stop();
      limiter = null;
      await listener?.stop();
      listener = null;
    },

    /** Lists answer JSON text; `statement: false` reads through the query engine (see reads.ts). */
    /** Whether lists may be read as one statement (list-statement.ts); the benchmark compares both ways. */
    useListStatement(on: boolean) {
      listStatement = on;
    },
    /** The reads of the public API, each given its query as the controller parsed it (./inputs). */
    stories: ({ query }: { query: TranslatedQuery }, options: { statement?: boolean } = {}) =>
      findPublic(strapi, STORY, query, { statement: listStatement, ...options }),
    story: (idOrSlug: string, { query }: { query: TranslatedQuery }) => findOnePublic(strapi, STORY, idOrSlug, query),
    events: ({ query, extra }: { query: TranslatedQuery; extra: { timeframe?: 'upcoming' | 'past' } }, options: { statement?: boolean } = {}) => {
      const now = new Date();
      const timeframe = {
        upcoming: { filters: upcomingFilter(now), sort: ['startsAt:asc', 'id:asc'] },
        past: { filters: pastFilter(now), sort: ['startsAt:desc', 'id:desc'] },
      };
      return findPublic(strapi, EVENT, query, { statement: listStatement, ...options, extra: extra.timeframe ? timeframe[extra.timeframe] : {} });
    },
    event: (idOrSlug: string, { query }: { query: TranslatedQuery }) => findOnePublic(strapi, EVENT, idOrSlug, query),
    /** The same reads from a query string's parameters as they come (scripts, tests, the benchmark): 400 when they are wrong. */
    findStories(raw: Record<string, unknown>, options: { statement?: boolean } = {}) {
      return this.stories(parsePublic(storiesQuery, raw), options);
    },
    findStory(idOrSlug: string, raw: Record<string, unknown>) {
      return this.story(idOrSlug, parsePublic(storyQuery, raw));
    },
    findEvents(raw: Record<string, unknown>, options: { statement?: boolean } = {}) {
      return this.events(parsePublic(eventsQuery, raw), options);
    },
    findEvent(idOrSlug: string, raw: Record<string, unknown>) {
      return this.event(idOrSlug, parsePublic(eventQuery, raw));
    },
    chapters: (query: DirectoryQuery) => chapterDirectory(strapi, query),
    /** The server's public address, for links in answers: PUBLIC_URL, never a request header. */
    publicUrl,
    eventsFeed: (query: FeedQuery) => eventsFeed(strapi, query, publicUrl(), publicPathsOf(strapi).events),
    openApi: () => {
      const types = (strapi.getModel('plugin::liaison.event').attributes as any).type.enum as string[];
      return openApiDocument(publicUrl(), types, publicPathsOf(strapi));
    },
  };
};
