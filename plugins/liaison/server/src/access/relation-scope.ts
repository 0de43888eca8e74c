import type { Core } from '@strapi/strapi';
import { pickerFilter, UIDS } from './rules';
import { hasReferences, referencesOf, whereReferenced } from './relation-input';
import type { NetworkScope } from './types';
import type { MessageId } from '../rules/messages';

/** Why a relation target is refused, by target type (alumni are people, the rest are places). */
export const outsideMessage = (target: string): MessageId => (target === UIDS.alumnus ? 'access.holder' : 'access.outside');

/** The creator fields: Strapi puts the acting admin user there itself. */
const SET_BY_STRAPI = ['createdBy', 'updatedBy'];

/** The relations a client writes, scope relations first, and whom a scoped user may link them to. */
const checkedRelations = (strapi: Core.Strapi, uid: string, scope: NetworkScope, first: string[]) => {
  const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
  const fields = [...first, ...Object.keys(attributes).filter((f) => !first.includes(f))];
  return fields.flatMap((field) => {
    const attribute = attributes[field];
    if (attribute?.type !== 'relation' || !attribute.target || attribute.writable === false || SET_BY_STRAPI.includes(field)) return [];
    const filter = pickerFilter(attribute.target, scope);
    return filter ? [{ field, target: attribute.target as string, filter }] : [];
  });
};

/**
 * The first relation of a create or update whose input points at a record the scoped
 * user could not pick: the same reach as their relation pickers (access/pickers.ts), so
 * that what the Content Manager offers and what the server accepts agree. Types with no
 * scope (media files) are left to their own permissions; references to records that do
 * not exist are left to Strapi to refuse. `first` orders the fields checked (the answer
 * names one field). Returns the field and the target type, or null.
 */
export const relationOutsideScope = async (
  strapi: Core.Strapi,
  uid: string,
  data: Record<string, unknown> | undefined,
  scope: NetworkScope,
  first: string[] = []
): Promise<{ field: string; target: string } | null> => {
  if (!data || scope.all) return null;
  for (const { field, target, filter } of checkedRelations(strapi, uid, scope, first)) {
    if (data[field] === undefined) continue;
    const refs = referencesOf(data[field]);
    if (!hasReferences(refs)) continue;
    const rows = strapi.db.query(target as any);
    const named = await rows.count({ where: whereReferenced(refs) });
    const reachable = named ? await rows.count({ where: { $and: [whereReferenced(refs), filter] } }) : 0;
    if (reachable < named) return { field, target };
  }
  return null;
};

/**
 * The same for what rows already store: a clone copies every relation of its source,
 * so the copy a scoped user makes must link only to records they could pick (an event
 * the office had another college's liaison organise is not theirs to duplicate).
 */
export const storedOutsideScope = async (
  strapi: Core.Strapi,
  uid: string,
  ids: number[],
  scope: NetworkScope,
  first: string[] = []
): Promise<{ field: string; target: string } | null> => {
  if (!ids.length || scope.all) return null;
  for (const { field, target, filter } of checkedRelations(strapi, uid, scope, first)) {
    const rows: any[] = await strapi.db.query(uid as any).findMany({ where: { id: { $in: ids } }, select: ['id'], populate: { [field]: { select: ['id'] } } });
    const linked = [...new Set(rows.flatMap((r) => [r[field]].flat()).filter(Boolean).map((t: any) => t.id))];
    if (!linked.length) continue;
    const reachable = await strapi.db.query(target as any).count({ where: { $and: [{ id: { $in: linked } }, filter] } });
    if (reachable < linked.length) return { field, target };
  }
  return null;
};
