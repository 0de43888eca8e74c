import type { Core } from '@strapi/strapi';
import { addContentManagerMiddleware } from './cm-routes';
import { PICKER_PATH } from './pickers';
import { unreadableInFilters, unreadableInSort } from './query-fields';
import { isOwnType, scopedReader, unreadableError, walkFor } from './query-guard';

const READ = 'plugin::content-manager.explorer.read';
/** The Content Manager's list takes `filters[…][__status]` and `sort=status:…`, which are not fields. */
const LIST_PSEUDO_FIELDS = { filters: ['__status'], sort: ['status'] };

/**
 * The Content Manager's own sanitising silently drops a filter or sort on a field the
 * role does not list (so the answer is just unfiltered), but keeps those it does (a
 * member's phone, which the role lists for the members who consented) and those through
 * relations. Checked here on the query as the client sent it, a scoped user gets the same
 * clear 400 naming the parameter for all of them; the Document Service guard
 * (query-guard.ts) holds for every other way in.
 */
const listQueryCheck = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const model = ctx.params?.model;
  const query = ctx.request.query ?? {};
  if (isOwnType(model) && (query.filters !== undefined || query.sort !== undefined)) {
    const canRead = await scopedReader(strapi, ctx.state);
    if (canRead) {
      const walk = walkFor(strapi, canRead);
      const found =
        unreadableInFilters(walk, model, query.filters, ['filters'], LIST_PSEUDO_FIELDS.filters) ??
        (query.sort === undefined ? null : unreadableInSort(walk, model, query.sort, ['sort'], LIST_PSEUDO_FIELDS.sort));
      if (found) throw unreadableError(found);
    }
  }
  return next();
};

/**
 * The relation picker lists records of the target type through the query engine (no
 * Document Service), filtered and sorted as asked, and searches (`_q`) its main field:
 * the same rules hold there, on the target type.
 */
const pickerQueryCheck = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const { model, targetField } = ctx.params ?? {};
  const query = ctx.request.query ?? {};
  const target = isOwnType(model) ? (strapi.getModel(model as any)?.attributes as any)?.[targetField]?.target : undefined;
  if (target && (query.filters !== undefined || query.sort !== undefined || query._q)) {
    const canRead = await scopedReader(strapi, ctx.state);
    if (canRead) {
      const walk = walkFor(strapi, canRead);
      const found =
        unreadableInFilters(walk, target, query.filters) ?? (query.sort === undefined ? null : unreadableInSort(walk, target, query.sort));
      if (found) throw unreadableError(found);
      if (query._q) {
        const config = await strapi.plugin('content-manager').service('content-types').findConfiguration(strapi.getModel(model as any));
        const mainField = config?.metadatas?.[targetField]?.edit?.mainField;
        // Strapi searches the main field when the role may read it (else the documentId).
        if (mainField && !canRead(target, mainField) && ctx.state.userAbility?.can(READ, target, mainField)) {
          throw unreadableError({ path: ['_q'], field: mainField });
        }
      }
    }
  }
  return next();
};

/** Adds both checks to the Content Manager's list and relation-picker routes. */
export const checkContentManagerQueries = (strapi: Core.Strapi) => {
  addContentManagerMiddleware(strapi, 'GET', '/collection-types/:model', listQueryCheck(strapi));
  addContentManagerMiddleware(strapi, 'GET', PICKER_PATH, pickerQueryCheck(strapi));
};
