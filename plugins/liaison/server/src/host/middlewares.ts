import type { Core } from '@strapi/strapi';
import { checkUploads, sandboxUploads } from '../uploads';

/**
 * The plugin's HTTP middlewares. A host lists them in its config/middlewares.ts where they
 * work best (this project: rate limit and cache before `strapi::query`, uploads between
 * `strapi::body` and `strapi::public`); those it does not list are added here, so that a
 * freshly installed plugin is as safe as a tuned one. Added in the bootstrap phase they run
 * after the host's own middlewares (body parsed, security headers set), just before the
 * router; the /uploads sandbox must wrap `strapi::public`, so it is added in the register
 * phase, before every configured middleware.
 */
const listedIn = (strapi: Core.Strapi) => {
  const entries = (strapi.config.get('middlewares') as unknown[]) ?? [];
  return new Set(entries.map((entry) => (typeof entry === 'string' ? entry : (entry as { name?: string; resolve?: string } | null)?.name)));
};

const BEFORE_ROUTER = ['allowed-methods', 'rate-limit', 'public-cache', 'account-limits'];

export const addUnlistedMiddlewaresFirst = (strapi: Core.Strapi) => {
  if (!listedIn(strapi).has('plugin::liaison.uploads')) strapi.server.use(sandboxUploads(strapi));
};

export const addUnlistedMiddlewaresLast = (strapi: Core.Strapi) => {
  const listed = listedIn(strapi);
  for (const name of BEFORE_ROUTER) {
    const uid = `plugin::liaison.${name}`;
    if (!listed.has(uid)) strapi.server.use((strapi.middleware(uid as any) as any)({}, { strapi }));
  }
  if (!listed.has('plugin::liaison.uploads')) strapi.server.use(checkUploads());
};
