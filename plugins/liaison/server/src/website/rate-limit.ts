import type { Core } from '@strapi/strapi';
import { RateLimiterPostgres, RateLimiterSQLite, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { isPublicPath } from './cache';

export interface RateLimitSettings {
  /** Requests one client (IP address) may make in a window; 0 turns limits off. */
  points: number;
  durationSeconds: number;
}

const TABLE = 'liaison_rate_limits';

/**
 * The store is the application's own database through Strapi's knex, so every instance
 * on one PostgreSQL shares the counts. Both stores create their table themselves; the
 * SQLite one does it asynchronously, hence the wait for its ready callback.
 */
export const createLimiter = (strapi: Core.Strapi, settings: RateLimitSettings): Promise<RateLimiterAbstract> =>
  new Promise((resolve, reject) => {
    const options = {
      storeClient: strapi.db.connection,
      storeType: 'knex',
      tableName: TABLE,
      keyPrefix: 'public',
      points: settings.points,
      duration: settings.durationSeconds,
      clearExpiredByTimeout: true,
    };
    let limiter: RateLimiterAbstract;
    const ready = (error?: Error) => (error ? reject(error) : resolve(limiter));
    limiter =
      strapi.db.dialect.client === 'postgres'
        ? new RateLimiterPostgres({ ...options, tableCreated: false } as any, ready)
        : new RateLimiterSQLite({ ...options } as any, ready);
  });

/**
 * 429 with Retry-After (whole seconds) once a client has used its requests in the window,
 * on the public endpoints only; every answer says what is left.
 */
export const rateLimitMiddleware = (limiter: () => { limiter: RateLimiterAbstract; settings: RateLimitSettings } | null) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const current = limiter();
    if (!current || !isPublicPath(ctx.path) || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    try {
      // An IPv4 client reaching an IPv6 socket shows as ::ffff:a.b.c.d: one client, one count.
      const client = String(ctx.request.ip || 'unknown').replace(/^::ffff:/, '');
      const res = await current.limiter.consume(client);
      ctx.set('RateLimit-Limit', String(current.settings.points));
      ctx.set('RateLimit-Remaining', String(res.remainingPoints));
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
      ctx.set('Retry-After', String(seconds));
      ctx.set('RateLimit-Limit', String(current.settings.points));
      ctx.set('RateLimit-Remaining', '0');
      ctx.status = 429;
      ctx.body = {
        data: null,
        error: {
          status: 429,
          name: 'TooManyRequestsError',
          message: `Too many requests: at most ${current.settings.points} every ${current.settings.durationSeconds} s; try again in ${seconds} s`,
          details: { retryAfter: seconds },
        },
      };
      return;
    }
    return next();
  };
