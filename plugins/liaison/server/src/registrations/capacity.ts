import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';

const EVENT = 'plugin::liaison.event';

/**
 * Sign-ups read an event's published version, so a capacity raised (or set to none) counts
 * once the event is published: then whoever waits and now fits moves up at once and is
 * mailed, first come first served, as when someone cancels.
 */
export const waitingListFollowsCapacity = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  const result = await next();
  if (ctx.uid !== EVENT || ctx.action !== 'publish') return result;
  const documentId = (ctx.params as { documentId?: string })?.documentId;
  if (documentId) await strapi.plugin('liaison').service('signUp').fillAfterPublish(documentId);
  return result;
};
