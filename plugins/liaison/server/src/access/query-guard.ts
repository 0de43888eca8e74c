import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { fieldReader, type FieldReader } from './readable';
import { unreadableInFilters, unreadableInPopulate, unreadableInSort, type QueryWalk, type Unreadable } from './query-fields';
import { requestAdminUser, scopeForRequest } from './request';
import { NOTHING } from './rules';
import { errorDetail, fieldLabel, requestLanguage } from '../utils/errors';
import type { DocumentMiddleware } from '../writes/types';

const READS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
/** The project's own content: Strapi's internal reads of other types (locales, files, users) are left alone. */
export const isOwnType = (uid: unknown): uid is string => typeof uid === 'string' && uid.startsWith('plugin::liaison.');
/** What Strapi's search (`_q`) looks in: every column of these types (database/query/helpers/search). */
const SEARCHED = ['string', 'text', 'uid', 'email', 'enumeration', 'richtext'];

/** The fields a scoped admin user may read, for the request being served; null for everyone else. */
export const scopedReader = async (strapi: Core.Strapi, state?: any): Promise<FieldReader | null> => {
  const s = state ?? strapi.requestContext.get()?.state;
  const user = await requestAdminUser(strapi, s);
  if (!user) return null;
  const scope = await scopeForRequest(strapi, user);
  if (scope.all) return null;
  const ability = s?.userAbility ?? (await strapi.service('admin::permission').engine.generateUserAbility(user));
  return fieldReader(ability);
};

export const walkFor = (strapi: Core.Strapi, canRead: FieldReader): QueryWalk => ({
  models: (uid) => strapi.getModel(uid as any) as any,
  canRead,
});

/** 400 naming the query parameter, in the request's language. */
export const unreadableError = ({ path, field }: Unreadable) => {
  const lang = requestLanguage();
  const detail = errorDetail(path, 'access.unreadableQuery', { field }, lang);
  const where = path.join('.');
  return new errors.ValidationError(`${fieldLabel(where, lang)}${lang === 'zh-Hans' ? '：' : ': '}${detail.message}`, { errors: [detail] });
};

/**
 * What Strapi's search becomes for a scoped user: the same words looked for only in the
 * text fields they may read (name, display names, place …), so that a phone number or an
 * e-mail address found by a search cannot betray a member who did not consent. Null when
 * they may read every field the search looks in (the search is left as it is).
 */
export const searchWithin = (strapi: Core.Strapi, canRead: FieldReader, uid: string, q: string) => {
  const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
  const searched = Object.keys(attributes).filter((f) => SEARCHED.includes(attributes[f].type) && attributes[f].searchable !== false);
  const readable = searched.filter((f) => canRead(uid, f));
  if (readable.length === searched.length) return null;
  if (!readable.length) return NOTHING;
  return { $or: readable.map((f) => ({ [f]: { $containsi: q } })) };
};

/**
 * The filter oracle (the CVE-2026-27886 class): a scoped admin user who may not read a
 * field, or not on every record (a member's phone without their consent), could still
 * learn its value by filtering or sorting on it and watching what comes back, or the
 * count. This Document Service middleware refuses, with 400 naming the parameter, every
 * read of the project's types by a scoped user whose filters, sort or populate use such a
 * field, directly, through `$and`/`$or`/`$not` or through relations; and it narrows their
 * search (`_q`) to the fields they may read. Whole-network staff and scripts are not affected.
 */
export const queryGuard = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (!READS.has(ctx.action) || !isOwnType(ctx.uid)) return next();
  const params = ctx.params as Record<string, any> | undefined;
  if (!params || (params.filters === undefined && params.sort === undefined && params.populate === undefined && !params._q)) return next();
  const canRead = await scopedReader(strapi);
  if (!canRead) return next();
  const walk = walkFor(strapi, canRead);
  const found =
    unreadableInFilters(walk, ctx.uid, params.filters) ??
    (params.sort === undefined ? null : unreadableInSort(walk, ctx.uid, params.sort)) ??
    unreadableInPopulate(walk, ctx.uid, params.populate);
  if (found) throw unreadableError(found);
  if (typeof params._q === 'string' && params._q) {
    const search = searchWithin(strapi, canRead, ctx.uid, params._q);
    if (search) {
      const { _q, ...rest } = params;
      (ctx as any).params = { ...rest, filters: rest.filters ? { $and: [rest.filters, search] } : search };
    }
  }
  return next();
};
