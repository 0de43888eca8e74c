import type { Core } from '@strapi/strapi';
import type { Caller } from './callers';

export interface RateLimitSettings {
  /** Requests one client may make in a window; 0 turns limits off. */
  points: number;
  durationSeconds: number;
  /** Requests the website's server (a read-only API token) may make in a window. */
  websitePoints?: number;
  /** How often each instance adds its counts to the shared table and reads the others' (ms). */
  syncMs?: number;
}

export const RATE_TABLE = 'liaison_rate_counts';

/** The shared table: one row per client and window, its requests on every instance. */
export const installRateTable = async (trx: any) => {
  if (await trx.schema.hasTable(RATE_TABLE)) return;
  await trx.schema.createTable(RATE_TABLE, (t: any) => {
    t.string('client', 200).notNullable();
    t.bigInteger('slot').notNullable();
    t.integer('hits').notNullable();
    t.primary(['client', 'slot']);
  });
};

interface Count {
  window: number;
  /** Requests of every instance as the shared table said at the last sync (ours included). */
  shared: number;
  /** This instance's requests not yet added to the table. */
  pending: number;
  /** When this instance last saw the client. */
  seen: number;
  limit: number;
}

export interface Decision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends. */
  retryAfter: number;
}

/**
 * A client's requests reach the shared table in steps of a twentieth of its limit: a
 * client far below its limit costs the database nothing, and across N instances a client
 * can exceed its limit by at most N steps (plus what they count within one sync).
 */
const stepOf = (limit: number) => Math.max(1, Math.floor(limit / 20));

/**
 * Fixed-window request counts, kept in memory and reconciled with a shared table every
 * `syncMs`: a request costs a map lookup, and each instance writes one batched upsert per
 * sync for the clients that made a step of requests since the last, which also tells it
 * what the other instances counted; clients past half their limit learn the others' counts
 * at every sync. rate-limiter-flexible's stores, used before, wrote a row per request,
 * which cost three quarters of the cached path's throughput.
 */
export class RateLimiter {
  private counts = new Map<string, Count>();
  private timer: NodeJS.Timeout | null = null;
  private syncing: Promise<void> | null = null;
  private lastSweep = 0;

  constructor(
    private strapi: Core.Strapi,
    readonly settings: RateLimitSettings
  ) {}

  private get durationMs() {
    return this.settings.durationSeconds * 1000;
  }

  start() {
    this.timer = setInterval(() => void this.sync().catch((e) => this.strapi.log.warn(`rate limits: sync failed (${e.message})`)), this.settings.syncMs ?? 250);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.sync().catch(() => undefined);
  }

  /** Counts one request of `client` against `limit`, unless the client has used it up. */
  consume(client: string, limit: number, now = Date.now()): Decision {
    const window = Math.floor(now / this.durationMs);
    let count = this.counts.get(client);
    if (!count || count.window !== window) {
      count = { window, shared: 0, pending: 0, seen: now, limit };
      this.counts.set(client, count);
    }
    count.seen = now;
    count.limit = limit;
    const retryAfter = Math.max(1, Math.ceil(((window + 1) * this.durationMs - now) / 1000));
    const used = count.shared + count.pending;
    if (used >= limit) return { allowed: false, limit, remaining: 0, retryAfter };
    count.pending += 1;
    return { allowed: true, limit, remaining: limit - used - 1, retryAfter };
  }

  /** Adds this instance's pending counts to the table and learns the totals: one statement. */
  sync(): Promise<void> {
    if (this.syncing) return this.syncing;
    this.syncing = this.write().finally(() => {
      this.syncing = null;
    });
    return this.syncing;
  }

  private async write() {
    const now = Date.now();
    const current = Math.floor(now / this.durationMs);
    const batch: { client: string; slot: number; hits: number }[] = [];
    const idle: string[] = [];
    for (const [client, count] of this.counts) {
      if (count.window < current) this.counts.delete(client);
      else if (count.pending >= stepOf(count.limit)) batch.push({ client, slot: count.window, hits: count.pending });
      else if (count.pending === 0 && count.shared >= count.limit / 2 && now - count.seen < 10_000) idle.push(client);
    }
    const knex = this.strapi.db.connection;
    const learn = (rows: { client: string; slot: string | number; hits: number }[], sent?: Map<string, number>) => {
      for (const row of rows) {
        const count = this.counts.get(row.client);
        if (!count || count.window !== Number(row.slot)) continue;
        count.pending -= sent?.get(row.client) ?? 0;
        count.shared = Number(row.hits);
      }
    };
    for (let i = 0; i < batch.length; i += 300) {
      const part = batch.slice(i, i + 300);
      const rows = await knex(RATE_TABLE)
        .insert(part)
        .onConflict(['client', 'slot'])
        .merge({ hits: knex.raw('??.?? + excluded.??', [RATE_TABLE, 'hits', 'hits']) })
        .returning(['client', 'slot', 'hits']);
      learn(rows, new Map(part.map((p) => [p.client, p.hits])));
    }
    // Clients past half their limit, seen lately here but not since the last sync: what the other instances counted.
    for (let i = 0; i < idle.length; i += 500) {
      learn(await knex(RATE_TABLE).select('client', 'slot', 'hits').where('slot', current).whereIn('client', idle.slice(i, i + 500)));
    }
    if (now - this.lastSweep > this.durationMs) {
      this.lastSweep = now;
      await knex(RATE_TABLE).where('slot', '<', current - 1).del();
    }
  }
}

/** The 429 every limit answers: Retry-After, and Strapi's error shape saying why. */
export const tooManyRequests = (ctx: any, retryAfter: number, message: string) => {
  ctx.set('Retry-After', String(retryAfter));
  ctx.status = 429;
  ctx.body = { data: null, error: { status: 429, name: 'TooManyRequestsError', message, details: { retryAfter } } };
};

const tooMany = (ctx: any, decision: Decision, settings: RateLimitSettings) =>
  tooManyRequests(
    ctx,
    decision.retryAfter,
    `Too many requests: at most ${decision.limit} every ${settings.durationSeconds} s; try again in ${decision.retryAfter} s`
  );

/**
 * Every request under the REST prefix, whatever its spelling, is counted: 429 with
 * Retry-After once the caller has used its requests in the window; every answer says
 * what is left. The website's server (a read-only API token) has its own, higher limit.
 */
export const rateLimitMiddleware =
  (current: () => RateLimiter | null, underApi: (path: string) => boolean, callerOf: (ctx: any) => Promise<Caller>) =>
  async (ctx: any, next: () => Promise<unknown>) => {
    const limiter = current();
    if (!limiter || !underApi(ctx.path)) return next();
    const caller = await callerOf(ctx);
    const { settings } = limiter;
    const decision = limiter.consume(caller.key, caller.kind === 'website' ? (settings.websitePoints ?? settings.points * 100) : settings.points);
    ctx.set('RateLimit-Limit', `${decision.limit}`);
    ctx.set('RateLimit-Remaining', `${decision.remaining}`);
    if (!decision.allowed) return tooMany(ctx, decision, settings);
    return next();
  };
