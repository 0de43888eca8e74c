import type { Core } from '@strapi/strapi';
import type { InfoSource } from './inputs';

export const FIELD_CHANGE = 'plugin::liaison.field-change';

/** A field's value as the history writes it: text, or null. */
export const written = (v: unknown) => (v === null || v === undefined ? null : String(v));

export interface FieldChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

/**
 * Where a change of an alumnus' field came from: the person's own (PUT /me), or a proposal
 * approved by staff (the proposing post, where the information came from, the approver).
 */
export type Provenance =
  | { source: 'self'; byUser: number }
  | {
      source: 'proposal';
      proposal: number;
      post: number | null;
      /** The proposer's sign-in (users-permissions user), when they have one. */
      byUser: number | null;
      infoSource: InfoSource;
      approvedBy: number | null;
      approvedByName: string | null;
    };

/** The changes between a record and the values given for some of its fields (unchanged ones left out). */
export const changesBetween = (before: Record<string, unknown>, values: Record<string, unknown>): FieldChange[] =>
  Object.entries(values)
    .filter(([field, value]) => value !== undefined && written(value) !== written(before[field]))
    .map(([field, value]) => ({ field, oldValue: written(before[field]), newValue: written(value) }));

/**
 * The one writer of an alumnus' field history: each change with who, when and from where.
 * Joins the caller's transaction (the person's own change, an approval).
 */
export const recordChanges = async (strapi: Core.Strapi, alumnusId: number, changes: FieldChange[], provenance: Provenance, at = new Date()) => {
  for (const c of changes) {
    await strapi.db.query(FIELD_CHANGE as any).create({ data: { alumnus: alumnusId, ...c, ...provenance, at } });
  }
};
