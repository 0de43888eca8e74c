import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';
import { Client } from 'pg';

/** Everything a public answer is made of: a write of any of these clears the public cache. */
export const SHOWN_TYPES = new Set([
  'plugin::liaison.story',
  'plugin::liaison.event',
  'plugin::liaison.alumnus',
  'plugin::liaison.chapter',
  'plugin::liaison.college',
  'plugin::liaison.cohort',
  'plugin::liaison.industry-group',
  'plugin::liaison.liaison',
  'plugin::liaison.honour',
  'plugin::upload.file',
  // Who may read at all: a cached answer must not outlive the public role's permission.
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
]);

/**
 * Who the website's server is: a revoked or changed read-only token is forgotten at once,
 * on every instance. Its answers are the public's, so the cache stays (Strapi writes a
 * token's lastUsedAt as it is used, which must not empty the cache).
 */
export const TOKEN_TYPES = new Set(['admin::api-token']);
export type Cleared = 'all' | 'tokens';

/** What a write clears: the public cache and the tokens known, or the tokens only. */
export interface Clearable {
  clear(what?: Cleared): void;
}
const READS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
export const CHANNEL = 'liaison_public_cache';
const LISTENER_NAME = 'liaison-cache-listener';

/**
 * Clears this instance's cache once the write commits (a reader in between could
 * otherwise store what it read before the write), and on PostgreSQL tells the other
 * instances: NOTIFY inside the write's transaction is delivered when it commits, and
 * never when it rolls back. Identical notifications of one transaction arrive once.
 */
/** Transactions that have announced already: a document write touches many rows, one announcement does. */
const announced = { all: new WeakSet<object>(), tokens: new WeakSet<object>() };

const announce = async (strapi: Core.Strapi, cache: Clearable, what: Cleared = 'all') => {
  const pg = strapi.db.dialect.client === 'postgres';
  if (!strapi.db.inTransaction()) {
    cache.clear(what);
    if (pg) await strapi.db.connection.raw('SELECT pg_notify(?, ?)', [CHANNEL, what]);
    return;
  }
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    if (announced[what].has(trx)) return;
    announced[what].add(trx);
    onCommit(() => cache.clear(what));
    if (pg) await trx.raw('SELECT pg_notify(?, ?)', [CHANNEL, what]);
  });
};

/**
 * For writers that bypass the Document Service and the query engine (the import's batched
 * SQL): the same announcement a write of a shown type makes, once its transaction commits.
 */
export const announceChange = (strapi: Core.Strapi, cache: Clearable) => announce(strapi, cache);

/** Every Document Service write of what the website shows: REST, the Content Manager (bulk actions too), jobs, our services. */
export const cacheInvalidation =
  (strapi: Core.Strapi, cache: () => Clearable | null): DocumentMiddleware =>
  async (ctx, next) => {
    const store = cache();
    if (!store || !SHOWN_TYPES.has(ctx.uid) || READS.has(ctx.action)) return next();
    return strapi.db.transaction(async () => {
      const result = await next();
      await announce(strapi, store);
      return result;
    });
  };

/** Writes that go through the query engine alone (the upload plugin, services writing rows directly, API tokens). */
export const subscribeInvalidation = (strapi: Core.Strapi, cache: () => Clearable | null) => {
  strapi.db.lifecycles.subscribe({
    models: [...SHOWN_TYPES, ...TOKEN_TYPES],
    ...Object.fromEntries(
      ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'].map((hook) => [
        hook,
        async (event: { model: { uid: string } }) => {
          const store = cache();
          if (store) await announce(strapi, store, TOKEN_TYPES.has(event.model.uid) ? 'tokens' : 'all');
        },
      ])
    ),
  } as any);
};

/**
 * One LISTEN connection per instance, outside the pool. When it drops, notifications may
 * have been missed: it reconnects (with a growing pause) and clears the whole cache.
 */
export class InvalidationListener {
  private client: Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;
  private delay = 250;
  connections = 0;

  constructor(
    private strapi: Core.Strapi,
    private cache: Clearable
  ) {}

  async start() {
    this.stopped = false;
    await this.connect();
  }

  private async connect() {
    if (this.stopped) return;
    const settings = this.strapi.config.get('database.connection.connection') as any;
    const client = new Client({ ...(typeof settings === 'string' ? { connectionString: settings } : settings), application_name: LISTENER_NAME });
    client.on('notification', (msg) => {
      if (msg.channel === CHANNEL) this.cache.clear(msg.payload === 'tokens' ? 'tokens' : 'all');
    });
    const lost = () => {
      if (this.client !== client) return;
      this.client = null;
      client.removeAllListeners('end');
      client.end().catch(() => undefined);
      this.schedule();
    };
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.client = client;
      this.connections += 1;
      this.delay = 250;
      // Whatever was announced while no connection listened is unknown: start afresh.
      this.cache.clear();
    } catch (error) {
      this.strapi.log.warn(`public cache: LISTEN failed (${(error as Error).message}); retrying`);
      client.removeAllListeners();
      client.end().catch(() => undefined);
      this.schedule();
    }
  }

  private schedule() {
    if (this.stopped || this.retry) return;
    // While nobody listens, nothing cached can be trusted.
    this.cache.clear();
    this.retry = setTimeout(() => {
      this.retry = null;
      void this.connect();
    }, this.delay);
    this.delay = Math.min(this.delay * 2, 10_000);
  }

  get listening() {
    return !!this.client;
  }

  async stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners();
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    }
  }
}
