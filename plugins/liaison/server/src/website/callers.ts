import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';

/**
 * Who is asking, decided once per request for the rate limits and the cache:
 * - `public`: no Authorization header, counted by client address;
 * - `website`: the university website's server, identified by a read-only API token
 *   (Settings → API Tokens), counted by its token with its own, higher limit, and served
 *   from the cache like the public;
 * - anything else with an Authorization header (full-access tokens, signed-in users, a
 *   token that is not valid): counted by client address, never cached; Strapi decides.
 */
export interface Caller {
  kind: 'public' | 'website' | 'other';
  /** What its requests are counted under. */
  key: string;
}

interface TokenInfo {
  id: number;
  expiresAt: number | null;
}

/**
 * Read-only API tokens, looked up at most once a minute (and dropped on any token write).
 * Kept by the key as sent: hashing it (HMAC-SHA512) on every request cost a tenth of a
 * cached answer.
 */
export class WebsiteTokens {
  private known = new LRUCache<string, { token: TokenInfo | null }>({ max: 1000, ttl: 60_000 });

  constructor(private strapi: Core.Strapi) {}

  async find(accessKey: string): Promise<TokenInfo | null> {
    // Strapi's own content-API token service: the lookup its token strategy makes.
    let entry = this.known.get(accessKey);
    if (!entry) {
      const tokens = this.strapi.service('admin::api-token-content-api') as any;
      const token = await tokens.getByAccessKey(tokens.hash(accessKey));
      const usable = token && token.kind === 'content-api' && token.type === 'read-only';
      entry = { token: usable ? { id: token.id, expiresAt: token.expiresAt ? new Date(token.expiresAt).getTime() : null } : null };
      this.known.set(accessKey, entry);
    }
    const { token } = entry;
    return token && (token.expiresAt === null || token.expiresAt > Date.now()) ? token : null;
  }

  clear() {
    this.known.clear();
  }
}

/** An IPv4 client reaching an IPv6 socket shows as ::ffff:a.b.c.d: one client, one key. */
/** The client's address as the proxy settings make it (IPv4 without its IPv6 prefix). */
export const addressOf = (ctx: any) => String(ctx.request.ip || 'unknown').replace(/^::ffff:/, '');

export const callerOf = (tokens: WebsiteTokens) => async (ctx: any): Promise<Caller> => {
  if (ctx.state.liaisonCaller) return ctx.state.liaisonCaller;
  const header: string = ctx.get('authorization');
  let caller: Caller = { kind: header ? 'other' : 'public', key: `ip:${addressOf(ctx)}` };
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  // API tokens are hex; a JWT (an admin or a signed-in alumnus) is not one of them.
  if (bearer && !bearer[1].includes('.')) {
    const token = await tokens.find(bearer[1]);
    if (token) caller = { kind: 'website', key: `token:${token.id}` };
  }
  ctx.state.liaisonCaller = caller;
  return caller;
};
