/** The records a relation input names: numeric ids and documentIds. */
export interface References {
  ids: number[];
  documentIds: string[];
}

/** Strapi reads a reference as an id when `parseInt` reads a number in it ("12", "12abc"). */
const asId = (v: unknown): number | null => {
  if (typeof v !== 'number' && typeof v !== 'string') return null;
  const n = parseInt(String(v), 10);
  return Number.isNaN(n) ? null : n;
};

/**
 * Every record a relation input of a create or update points at, in any form Strapi
 * accepts: a documentId, an id, `{ documentId }`, `{ id }`, an array of those, or
 * `{ connect, set }` holding any of them. `disconnect` only removes, so it is left out.
 * A bare value is read as Strapi reads it: an id when it starts with a number, else a
 * documentId. Every reference is listed, even those Strapi would drop (an xToOne keeps
 * its last), so that a check on the list is never narrower than the write.
 */
export const referencesOf = (value: unknown): References => {
  const refs: References = { ids: [], documentIds: [] };
  const collect = (v: unknown): void => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach(collect);
    if (typeof v === 'number' || typeof v === 'string') {
      const id = asId(v);
      if (id !== null) refs.ids.push(id);
      else if (typeof v === 'string') refs.documentIds.push(v);
      return;
    }
    if (typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if ('connect' in o || 'set' in o || 'disconnect' in o) {
      collect(o.connect);
      collect(o.set);
      return;
    }
    if (typeof o.documentId === 'string') refs.documentIds.push(o.documentId);
    const id = asId(o.id);
    if (id !== null) refs.ids.push(id);
  };
  collect(value);
  return refs;
};

export const hasReferences = (refs: References) => refs.ids.length > 0 || refs.documentIds.length > 0;

/** A `where` matching the referenced records (nothing when there is none). */
export const whereReferenced = (refs: References) => ({
  $or: [{ id: { $in: refs.ids.length ? refs.ids : [-1] } }, { documentId: { $in: refs.documentIds.length ? refs.documentIds : [''] } }],
});
