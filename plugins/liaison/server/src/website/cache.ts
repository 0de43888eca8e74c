import { createHash } from 'crypto';
import { LRUCache } from 'lru-cache';
import type { PublicPaths } from './paths';

interface Entry {
  body: string;
  type: string;
  etag: string;
}

/**
 * The public answers the website reads, and nothing else, are cached. The router accepts
 * any letter case and one trailing slash (`/API/STORIES/`): the cache knows each route by
 * one spelling, its static part in lower case and its parameter as given (slugs are case
 * sensitive), so that every spelling the router serves is cached, and under one key.
 */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The route's one spelling, or undefined when the path is not a public read (see paths.ts for where they live). */
export const publicRoutes = (paths: PublicPaths) => {
  const exact = [paths.feed, paths.openapi, paths.chapters, paths.honours];
  // A record's path keeps its parameter (a slug or documentId) as given.
  const withRecord = [paths.stories, paths.events].map((base) => ({ base, pattern: new RegExp(`^${escape(base)}(?:/([^/]+))?/?$`, 'i') }));
  const exactPatterns = exact.map((path) => ({ path, pattern: new RegExp(`^${escape(path)}/?$`, 'i') }));
  return (path: string): string | undefined => {
    for (const route of exactPatterns) if (route.pattern.test(path)) return route.path;
    for (const route of withRecord) {
      const m = path.match(route.pattern);
      if (m) return m[1] ? `${route.base}/${m[1]}` : route.base;
    }
    return undefined;
  };
};

export const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/**
 * Public GET answers kept in this process, keyed by their URL. Any write of the content
 * they show clears it (see invalidation.ts); the generation counter keeps a request that
 * read before a write from storing its answer after the clear.
 */
export class PublicCache {
  private entries: LRUCache<string, Entry>;
  generation = 0;
  hits = 0;
  misses = 0;

  constructor(options: { maxEntries: number; maxBytes: number; ttlSeconds: number }) {
    this.entries = new LRUCache<string, Entry>({
      max: options.maxEntries,
      maxSize: options.maxBytes,
      sizeCalculation: (e) => Buffer.byteLength(e.body) + 64,
      // Answers that depend on the clock (upcoming events) age out even without a write.
      ttl: options.ttlSeconds * 1000,
    });
  }

  get(key: string) {
    const entry = this.entries.get(key);
    if (entry) this.hits += 1;
    else this.misses += 1;
    return entry;
  }

  /** Stores an answer unless the cache was cleared since the request began. */
  set(key: string, entry: Entry, generation: number) {
    if (generation === this.generation) this.entries.set(key, entry);
  }

  clear() {
    this.generation += 1;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * The Koa middleware: a hit answers from memory, a miss runs the route and keeps a 200.
 * Both carry an ETag, and `If-None-Match` with it answers 304. Anonymous callers and the
 * website's server (a read-only API token: it reads what the public reads, but is not
 * refused when the Public role is) have their own entries; any other Authorization header
 * (full-access tokens, signed-in users, a token that is not valid) is never cached. The key
 * is the route and the query string: nothing in an answer depends on a request header.
 */
export const cacheMiddleware =
  (cache: () => PublicCache | null, publicRoute: (path: string) => string | undefined, kindOf: (ctx: any) => Promise<'public' | 'website' | null>) =>
  async (ctx: any, next: () => Promise<unknown>) => {
  const store = cache();
  const route = store && (ctx.method === 'GET' || ctx.method === 'HEAD') ? publicRoute(ctx.path) : undefined;
  const kind = route ? await kindOf(ctx) : null;
  if (!store || !route || !kind) return next();
  ctx.set('Cache-Control', 'public, no-cache');
  ctx.vary('Origin');
  const key = `${kind} ${route}${ctx.search ?? ''}`;
  const hit = store.get(key);
  if (hit) {
    ctx.set('X-Cache', 'HIT');
    ctx.set('ETag', hit.etag);
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.type = hit.type;
    ctx.body = hit.body;
    return;
  }
  const generation = store.generation;
  await next();
  if (ctx.status !== 200 || ctx.body === undefined || ctx.body === null) return;
  const isText = typeof ctx.body === 'string';
  if (!isText && (typeof ctx.body !== 'object' || Buffer.isBuffer(ctx.body) || typeof ctx.body.pipe === 'function')) return;
  const type = isText ? ctx.response.get('Content-Type') || 'text/plain; charset=utf-8' : 'application/json; charset=utf-8';
  const body = isText ? ctx.body : JSON.stringify(ctx.body);
  const entry = { body, type, etag: etagOf(body) };
  store.set(key, entry, generation);
  ctx.set('X-Cache', 'MISS');
  ctx.set('ETag', entry.etag);
  ctx.type = type;
  ctx.body = body;
  if (ctx.fresh) ctx.status = 304;
};
