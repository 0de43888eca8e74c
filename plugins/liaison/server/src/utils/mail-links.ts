import { createHash } from 'crypto';
import type { Core } from '@strapi/strapi';
import { publicBaseUrl } from './signed-link';

/**
 * The key of the links in mails (unsubscribe, code-of-conduct acknowledgement): the plugin's
 * `mailLinkSecret` (this project hands it UNSUBSCRIBE_SECRET in config/plugins.ts). In
 * production it must be set; a host trying the plugin in development without one gets a key
 * derived from its own app keys, so links work there and change when those keys do.
 */
export const mailLinkKey = (strapi: Core.Strapi): string => {
  const key = strapi.plugin('liaison').config('mailLinkSecret');
  if (typeof key === 'string' && key) return key;
  const appKeys = strapi.config.get('server.app.keys') as string[] | undefined;
  if (process.env.NODE_ENV !== 'production' && appKeys?.length) {
    return createHash('sha256').update(`liaison mail links\n${appKeys.join('\n')}`).digest('base64url');
  }
  throw new Error('No key for the links in mails: set the liaison plugin\'s mailLinkSecret in config/plugins (this project: UNSUBSCRIBE_SECRET)');
};

/** Where the links in mails point: PUBLIC_URL (server.url), whatever host a request named. */
export const mailLinkBase = (strapi: Core.Strapi): string => publicBaseUrl(strapi.config.get('server.url'));
