import type { Core } from '@strapi/strapi';
import { RateLimiter, tooManyRequests, type Decision } from '../website/rate-limit';
import { addressOf } from '../website/callers';
import { wholeNumberEnv as envInt } from '../utils/env';

/**
 * Limits of the account routes, counted across instances in the website's shared table
 * (website/rate-limit.ts): sign-in attempts per client address and per account (the
 * identifier tried, whatever the address: a password guessed from many addresses), and the
 * requests of the public account routes (claim, activate, forgot, reset) per address.
 * A limit of 0 is none.
 */
export interface AccountLimits {
  windowSeconds: number;
  signInPerAddress: number;
  signInPerAccount: number;
  perAddress: number;
}

export const limitsFromEnv = (): AccountLimits => ({
  windowSeconds: envInt('ACCOUNT_LIMIT_WINDOW_SECONDS', 900) || 900,
  signInPerAddress: envInt('SIGNIN_LIMIT_PER_ADDRESS', 30),
  signInPerAccount: envInt('SIGNIN_LIMIT_PER_ACCOUNT', 10),
  perAddress: envInt('ACCOUNT_LIMIT_PER_ADDRESS', 20),
});

/** The counts: one limiter (its own window), its clients prefixed by what they count. */
export class AccountLimiter {
  private limiter: RateLimiter | null = null;
  limits: AccountLimits = limitsFromEnv();

  constructor(private strapi: Core.Strapi) {}

  async configure(limits: AccountLimits) {
    await this.stop();
    this.limits = limits;
    const max = Math.max(limits.signInPerAddress, limits.signInPerAccount, limits.perAddress);
    if (max > 0) {
      this.limiter = new RateLimiter(this.strapi, { points: max, durationSeconds: limits.windowSeconds, syncMs: 250 });
      this.limiter.start();
    }
  }

  async stop() {
    await this.limiter?.stop();
    this.limiter = null;
  }

  /** Syncs the counts with the shared table now (tests of several instances). */
  sync() {
    return this.limiter?.sync();
  }

  /** Counts one request against each (client, limit); the first refusal, if any. */
  consume(clients: [string, number][]) {
    if (!this.limiter) return null;
    for (const [client, limit] of clients) {
      if (limit <= 0) continue;
      const decision = this.limiter.consume(client, limit);
      if (!decision.allowed) return decision;
    }
    return null;
  }
}

const tooMany = (ctx: any, retryAfter: number, limit: number, windowSeconds: number) =>
  tooManyRequests(ctx, retryAfter, `Too many attempts: at most ${limit} every ${windowSeconds} s; try again in ${retryAfter} s`);

/**
 * The middleware (config/middlewares.ts: plugin::liaison.account-limits, after the body
 * parser, which it needs for the identifier): users-permissions' sign-in
 * (POST <prefix>/auth/local) per address and per identifier, and the public account routes
 * per address. Every attempt counts, a right one too.
 */
export const accountLimitsMiddleware = (strapi: Core.Strapi, current: () => AccountLimiter) => {
  const prefix = String(strapi.config.get('api.rest.prefix') ?? '/api').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const signIn = new RegExp(`^${prefix}/auth/local/?$`, 'i');
  const accountRoute = new RegExp(`^${prefix}/liaison/account/(claim|activate|forgot|reset)/?$`, 'i');
  return async (ctx: any, next: () => Promise<unknown>) => {
    if (ctx.method !== 'POST') return next();
    const limiter = current();
    const { limits } = limiter;
    const address = addressOf(ctx);
    let refusal: Decision | null = null;
    if (signIn.test(ctx.path)) {
      const identifier = String(ctx.request.body?.identifier ?? '').trim().toLowerCase().slice(0, 200);
      refusal = limiter.consume([
        [`signin-ip:${address}`, limits.signInPerAddress],
        ...(identifier ? ([[`signin-id:${identifier}`, limits.signInPerAccount]] as [string, number][]) : []),
      ]);
    } else {
      const route = accountRoute.exec(ctx.path);
      if (route) refusal = limiter.consume([[`account-ip:${address}`, limits.perAddress]]);
    }
    if (refusal) return tooMany(ctx, refusal.retryAfter, refusal.limit, limits.windowSeconds);
    return next();
  };
};
