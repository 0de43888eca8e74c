/**
 * Tokens of the links in mails (unsubscribe, code-of-conduct acknowledgement): they name
 * their purpose and what they act on, carry an expiry, and cannot be forged or turned to
 * another purpose without the key. Shape: `<purpose>.<part>….<expiry, base-36 seconds>.<mac>`.
 * No Strapi here: unit-tested on their own.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { wholeNumberEnv } from './env';

export type LinkPurpose = 'unsubscribe' | 'conduct';

const PART = /^[A-Za-z0-9_-]{1,64}$/;
const EXPIRY = /^[0-9a-z]{1,10}$/;
const MAX_TOKEN = 400;
const DAY_MS = 24 * 3600 * 1000;

const mac = (key: string, purpose: string, parts: string[], expiry: string) =>
  createHmac('sha256', key).update(['liaison-link', purpose, ...parts, expiry].join('|')).digest('base64url').slice(0, 32);

/** A token for `purpose` over `parts` (document ids), valid until `expiresAt`. */
export const signLink = (key: string, purpose: LinkPurpose, parts: string[], expiresAt: Date): string => {
  if (!key) throw new Error('signLink: no key');
  for (const part of parts) if (!PART.test(part)) throw new Error(`signLink: "${part}" cannot be part of a token`);
  const expiry = Math.floor(expiresAt.getTime() / 1000).toString(36);
  return [purpose, ...parts, expiry, mac(key, purpose, parts, expiry)].join('.');
};

export type LinkReading = { ok: true; parts: string[]; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * What a token says, when it is ours, for this purpose, with this many parts, and not
 * expired at `now`. A forged token is 'invalid' whatever expiry it claims.
 */
export const readLink = (key: string, purpose: LinkPurpose, partCount: number, token: unknown, now = new Date()): LinkReading => {
  const invalid = { ok: false, reason: 'invalid' } as const;
  if (typeof token !== 'string' || token.length > MAX_TOKEN) return invalid;
  const pieces = token.split('.');
  if (pieces.length !== partCount + 3 || pieces[0] !== purpose) return invalid;
  const parts = pieces.slice(1, 1 + partCount);
  const [expiry, given] = pieces.slice(1 + partCount);
  if (!parts.every((p) => PART.test(p)) || !EXPIRY.test(expiry)) return invalid;
  const a = Buffer.from(given);
  const b = Buffer.from(mac(key, purpose, parts, expiry));
  if (a.length !== b.length || !timingSafeEqual(a, b)) return invalid;
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, parts, expiresAt };
};

/** How long the links of each purpose stay valid (UNSUBSCRIBE_LINK_DAYS, CONDUCT_LINK_DAYS; default 90 days). */
export const linkLifetimeMs = (purpose: LinkPurpose, env: Record<string, string | undefined> = process.env): number =>
  wholeNumberEnv(purpose === 'unsubscribe' ? 'UNSUBSCRIBE_LINK_DAYS' : 'CONDUCT_LINK_DAYS', 90, { min: 1, max: 3650, unit: 'days', env }) * DAY_MS;

/** The links' base: PUBLIC_URL (server.url), never a request header; http://localhost:1337 outside production. */
export const publicBaseUrl = (configured: unknown): string =>
  typeof configured === 'string' && /^https?:\/\/[^\s]+$/i.test(configured) ? configured.replace(/\/+$/, '') : 'http://localhost:1337';
