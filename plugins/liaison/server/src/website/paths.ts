import type { Core } from '@strapi/strapi';

/**
 * Where the website's public API answers. Stories, events, the feed and the OpenAPI document
 * sit under Strapi's REST prefix and the plugin's `publicPrefix` (none by default:
 * `/api/stories`); a host whose own types already answer `/api/stories` sets
 * `publicPrefix: '/alumni'` in config/plugins and the website reads `/api/alumni/stories`.
 * The directory and honour roll are the plugin's own routes, always under `/api/liaison`.
 */
export interface PublicPaths {
  /** The router prefix of the website's routes (relative to Strapi's REST prefix). */
  routerPrefix: string;
  stories: string;
  events: string;
  feed: string;
  openapi: string;
  chapters: string;
  honours: string;
}

export const PUBLIC_PREFIX_PATTERN = /^(\/[a-z0-9][a-z0-9-]*)*$/;

const trimSlash = (path: string) => path.replace(/\/+$/, '');

export const publicPathsOf = (strapi: Core.Strapi): PublicPaths => {
  const rest = trimSlash(String(strapi.config.get('api.rest.prefix') ?? '/api'));
  const own = trimSlash(String(strapi.config.get('plugin::liaison.publicPrefix') ?? ''));
  const base = `${rest}${own}`;
  return {
    routerPrefix: own,
    stories: `${base}/stories`,
    events: `${base}/events`,
    feed: `${base}/events.ics`,
    openapi: `${base}/openapi.json`,
    chapters: `${rest}/liaison/chapters`,
    honours: `${rest}/liaison/honours`,
  };
};
