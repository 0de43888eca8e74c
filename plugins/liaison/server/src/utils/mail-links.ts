import type { Core } from '@strapi/strapi';
import { publicBaseUrl } from './signed-link';

/** The key of the links in mails: UNSUBSCRIBE_SECRET, handed over by config/plugins.ts (required in production). */
export const mailLinkKey = (strapi: Core.Strapi): string => {
  const key = strapi.plugin('liaison').config('mailLinkSecret');
  if (typeof key !== 'string' || !key) throw new Error('No key for the links in mails: set UNSUBSCRIBE_SECRET (config/plugins.ts, liaison.config.mailLinkSecret)');
  return key;
};

/** Where the links in mails point: PUBLIC_URL (server.url), whatever host a request named. */
export const mailLinkBase = (strapi: Core.Strapi): string => publicBaseUrl(strapi.config.get('server.url'));
