import { createHash, randomBytes } from 'crypto';
import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import { validationError } from '../utils/errors';
import { isPostgres } from '../utils/db';
import { mailLinkBase } from '../utils/mail-links';
import { insertDocuments } from '../utils/bulk-insert';
import { wholeNumberEnv } from '../utils/env';

export const TOKEN = 'plugin::liaison.account-token';
export type TokenPurpose = 'claim' | 'invite' | 'reset';

const HOUR = 3600 * 1000;

/** How long a link of each purpose stays valid: a claim 24 h, a reset 1 h, an invitation ACCOUNT_INVITE_DAYS (7). */
export const lifetimeMs = (purpose: TokenPurpose) =>
  purpose === 'claim' ? 24 * HOUR : purpose === 'reset' ? HOUR : wholeNumberEnv('ACCOUNT_INVITE_DAYS', 7, { min: 1, max: 90 }) * 24 * HOUR;

/** Mails of one purpose one person gets in an hour at most (ACCOUNT_MAILS_PER_HOUR, 3): nobody can flood a person's inbox. */
export const mailsPerHour = () => wholeNumberEnv('ACCOUNT_MAILS_PER_HOUR', 3, { min: 1, max: 100 });

/** Only this is stored: a token read from the database is of no use. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** 256 random bits. */
export const newToken = () => randomBytes(32).toString('base64url');

/**
 * Where a mailed link points: the alumni page (ALUMNI_PAGE_URL, default the plugin's own page,
 * PUBLIC_URL + /api/liaison/app, see alumni-app), which reads the token and posts it to
 * /api/liaison/account/activate or /reset.
 */
/** Where Strapi serves the content API ('/api' unless the host changed it). */
const apiPrefix = (strapi: Core.Strapi) => (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/+$/, '');

export const linkFor = (strapi: Core.Strapi, purpose: TokenPurpose, token: string) => {
  const configured = process.env.ALUMNI_PAGE_URL;
  const base = configured && /^https?:\/\/\S+$/i.test(configured) ? configured.replace(/\/+$/, '') : `${mailLinkBase(strapi)}${apiPrefix(strapi)}/liaison/app`;
  return `${base}/${purpose === 'reset' ? 'reset' : 'activate'}?token=${encodeURIComponent(token)}`;
};

/** New tokens for these alumni (batched): the tokens to mail, in the order given. Joins the caller's transaction. */
export const issueTokens = async (strapi: Core.Strapi, purpose: TokenPurpose, alumnusIds: number[], now = new Date()): Promise<string[]> => {
  const tokens = alumnusIds.map(() => newToken());
  const expiresAt = new Date(now.getTime() + lifetimeMs(purpose));
  await strapi.db.transaction(async ({ trx }) => {
    await insertDocuments(
      strapi,
      trx,
      TOKEN,
      alumnusIds.map((id, i) => ({ data: { purpose, tokenHash: hashToken(tokens[i]), expiresAt, usedAt: null }, links: { alumnus: id } })),
    );
  });
  return tokens;
};

/** How many tokens of `purpose` this person was sent in the last hour. */
export const sentLately = async (strapi: Core.Strapi, alumnusId: number, purpose: TokenPurpose) =>
  strapi.db.query(TOKEN as any).count({ where: { alumnus: { id: alumnusId }, purpose, createdAt: { $gt: new Date(Date.now() - HOUR) } } });

const refused = (id: 'accounts.tokenUnknown' | 'accounts.tokenUsed' | 'accounts.tokenExpired') => validationError([fieldError('token', id)]);

/**
 * Takes a token of one of `purposes` for good, in the caller's transaction: the alumnus it was
 * sent to, or a 400 naming `token` (unknown, used, expired). On PostgreSQL the person is locked
 * first (an advisory lock, to the end of the transaction), so that two activations of one person
 * take turns; marking the token used is a conditional update, so that of two requests with one
 * token exactly one gets it (the other finds it used).
 */
export const takeToken = async (strapi: Core.Strapi, trx: any, token: string, purposes: TokenPurpose[]) => {
  const row: any = await strapi.db.query(TOKEN as any).findOne({
    where: { tokenHash: hashToken(token), purpose: { $in: purposes } },
    populate: { alumnus: { select: ['id', 'documentId', 'name', 'email', 'language'] } },
  });
  if (!row || !row.alumnus) throw refused('accounts.tokenUnknown');
  if (row.usedAt) throw refused('accounts.tokenUsed');
  const now = new Date();
  if (new Date(row.expiresAt).getTime() <= now.getTime()) throw refused('accounts.tokenExpired');
  // The person first (before any of their links' rows): two activations of one person take turns, without deadlocking on each other's links.
  if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:account:${row.alumnus.id}`]);
  const { count } = await strapi.db.query(TOKEN as any).updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) throw refused('accounts.tokenUsed');
  return { purpose: row.purpose as TokenPurpose, alumnus: row.alumnus as { id: number; documentId: string; name: string; email: string | null; language: string | null } };
};

/** Every link of this person's still open for these purposes is spent (a new password ends the other reset links). */
export const spendTokens = async (strapi: Core.Strapi, alumnusId: number, purposes: TokenPurpose[]) => {
  const open: any[] = await strapi.db.query(TOKEN as any).findMany({ where: { alumnus: { id: alumnusId }, purpose: { $in: purposes }, usedAt: null }, select: ['id'] });
  if (open.length) await strapi.db.query(TOKEN as any).updateMany({ where: { id: { $in: open.map((t) => t.id) } }, data: { usedAt: new Date() } });
};
