import type { Core } from '@strapi/strapi';
import { pickerFilter, UIDS } from './rules';
import { hasReferences, referencesOf, whereReferenced } from './relation-input';
import type { NetworkScope } from './types';

/** Why a relation target is refused, by target type (alumni are people, the rest are places). */
export const OUTSIDE_MESSAGE = (target: string) =>
  target === UIDS.alumnus ? 'not an alumnus of your colleges nor a member of your chapters' : 'outside your colleges and chapters';

/** The creator fields: Strapi puts the acting admin user there itself. */
const SET_BY_STRAPI = ['createdBy', 'updatedBy'];

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
  const attributes = (strapi.getModel(uid as any)?.attributes ?? {}) as Record<string, any>;
  const fields = [...first, ...Object.keys(attributes).filter((f) => !first.includes(f))];
  for (const field of fields) {
    const attribute = attributes[field];
    if (attribute?.type !== 'relation' || !attribute.target || data[field] === undefined || SET_BY_STRAPI.includes(field)) continue;
    const refs = referencesOf(data[field]);
    if (!hasReferences(refs)) continue;
    const filter = pickerFilter(attribute.target, scope);
    if (!filter) continue;
    const target = strapi.db.query(attribute.target);
    const named = await target.count({ where: whereReferenced(refs) });
    const reachable = named ? await target.count({ where: { $and: [whereReferenced(refs), filter] } }) : 0;
    if (reachable < named) return { field, target: attribute.target };
  }
  return null;
};

