import type { Core } from '@strapi/strapi';
import { pickerFilter } from './rules';
import { requestAdminUser, scopeForRequest } from './request';
import { addContentManagerMiddleware } from './cm-routes';

export const PICKER_PATH = '/relations/:model/:targetField';
/** The website's types link to the network (chapters, colleges, featured alumni, organising posts). */
const WEBSITE_MODELS = ['plugin::liaison.event', 'plugin::liaison.story'];

/**
 * The Content Manager's relation pickers list every record of a target type the user
 * has no read permission on, and apply no scope to the others' `connect`. For a scoped
 * admin user (College Staff, Chapter Editor), a picker on one of the plugin's types is
 * narrowed to their colleges and chapters: colleges, cohorts and alumni of their
 * colleges, their chapters and their members, posts of either; industry groups none.
 */
export const pickerScope = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const { model, targetField } = ctx.params ?? {};
  if (typeof model === 'string' && (model.startsWith('plugin::liaison.') || WEBSITE_MODELS.includes(model))) {
    const target = (strapi.getModel(model as any)?.attributes as any)?.[targetField]?.target;
    const user = target ? await requestAdminUser(strapi, ctx.state) : null;
    if (user) {
      const filter = pickerFilter(target, await scopeForRequest(strapi, user));
      if (filter) {
        // The parsed query is cached per query string: the controller reads this same object.
        const query = ctx.request.query;
        query.filters = query.filters ? { $and: [query.filters, filter] } : filter;
      }
    }
  }
  return next();
};

/** Adds the picker scope to the Content Manager's "available relations" route. */
export const scopeRelationPickers = (strapi: Core.Strapi) => addContentManagerMiddleware(strapi, 'GET', PICKER_PATH, pickerScope(strapi));
