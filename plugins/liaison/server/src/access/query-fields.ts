import type { FieldReader } from './readable';

/** A field a query uses that the user may not read: the query parameter's path, and the field. */
export interface Unreadable {
  path: string[];
  field: string;
}

type Models = (uid: string) => { attributes?: Record<string, any> } | undefined;

export interface QueryWalk {
  models: Models;
  canRead: FieldReader;
}

const LOGICAL = ['$and', '$or', '$not'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The model a relation, media or component attribute leads to; undefined for a scalar. */
const targetOf = (attribute: any): string | undefined => {
  if (attribute.type === 'media') return 'plugin::upload.file';
  if (attribute.type === 'component') return attribute.component;
  return attribute.type === 'relation' ? attribute.target : undefined;
};

const IDENTIFIERS = ['id', 'documentId'];

/**
 * Whether a path and its conditions only link records to identifiers (`college.id`,
 * `{ college: { id: { $in: … } } }`): relations all the way, ending on `id`/`documentId`.
 */
const identifiesOnly = (models: Models, uid: string | undefined, parts: string[], value: unknown): boolean => {
  let model = uid;
  for (const [i, field] of parts.entries()) {
    if (IDENTIFIERS.includes(field)) return i === parts.length - 1;
    const attribute = model ? models(model)?.attributes?.[field] : undefined;
    if (attribute?.type !== 'relation') return false;
    model = attribute.target;
  }
  if (Array.isArray(value)) return value.every((v) => identifiesOnly(models, model, [], v));
  if (!isObject(value)) return true;
  return Object.entries(value).every(([key, v]) =>
    LOGICAL.includes(key) ? identifiesOnly(models, model, [], v) : key.startsWith('$') || identifiesOnly(models, model, key.split('.'), v)
  );
};

/**
 * Walks a field path (`alumnus.phone`) from a model: each step must be a field the user
 * may read on the model it is on (`id` everywhere; an unknown field is not readable).
 * Gives the first step refused (and the model it is on), or the model the path ends on
 * (undefined: a scalar).
 */
const walkPath = ({ models, canRead }: QueryWalk, uid: string, parts: string[]): { bad: string[]; on: string | undefined } | { model?: string } => {
  let model: string | undefined = uid;
  for (let i = 0; i < parts.length; i += 1) {
    const field = parts[i];
    const attribute = field === 'id' ? { type: 'increments' } : model ? models(model)?.attributes?.[field] : undefined;
    if (!attribute || !model || !canRead(model, field)) return { bad: parts.slice(0, i + 1), on: model };
    model = targetOf(attribute);
  }
  return { model };
};

/**
 * The first unreadable field a filter uses: through `$and`/`$or`/`$not` at any depth,
 * dotted keys (`alumnus.phone`) and nested relations (`{ alumnus: { phone: … } }`).
 * Operators (`$eq`, `$startsWith` …) and their values are not fields. Past a first
 * readable relation, conditions that only link records to identifiers are let through
 * (`cohort.college.id`): that is how RBAC conditions reach a college, and it tells which
 * records are linked, never a value. `skip`: names at the top that are not fields (the
 * Content Manager's `__status`).
 */
export const unreadableInFilters = (
  walk: QueryWalk,
  uid: string,
  filters: unknown,
  prefix: string[] = ['filters'],
  skip: string[] = [],
  trail: string[] = []
): Unreadable | null => {
  if (Array.isArray(filters)) {
    for (const item of filters) {
      const found = unreadableInFilters(walk, uid, item, prefix, skip, trail);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(filters)) return null;
  for (const [key, value] of Object.entries(filters)) {
    if (LOGICAL.includes(key)) {
      const found = unreadableInFilters(walk, uid, value, prefix, skip, trail);
      if (found) return found;
      continue;
    }
    if (key.startsWith('$') || skip.includes(key)) continue;
    const parts = key.split('.');
    const step = walkPath(walk, uid, parts);
    if ('bad' in step) {
      const past = trail.length + step.bad.length > 1;
      if (past && identifiesOnly(walk.models, step.on, parts.slice(step.bad.length - 1), value)) continue;
      return { path: [...prefix, ...step.bad], field: [...trail, ...step.bad].join('.') };
    }
    // A relation's own conditions go on from its target.
    if (step.model) {
      const found = unreadableInFilters(walk, step.model, value, [...prefix, ...parts], [], [...trail, ...parts]);
      if (found) return found;
    }
  }
  return null;
};

/** The field paths a sort names, in each spelling Strapi takes: `a:asc,b`, `['a.b:desc']`, `{ a: 'asc' }`, `{ a: { b: 'asc' } }`, `[{ … }]`. */
export const sortPaths = (sort: unknown): string[][] => {
  if (typeof sort === 'string') {
    return sort
      .split(',')
      .map((part) => part.trim().split(':')[0].trim())
      .filter(Boolean)
      .map((name) => name.split('.'));
  }
  if (Array.isArray(sort)) return sort.flatMap(sortPaths);
  if (isObject(sort)) {
    return Object.entries(sort).flatMap(([key, value]) =>
      isObject(value) || Array.isArray(value) ? sortPaths(value).map((p) => [...key.split('.'), ...p]) : [key.split('.')]
    );
  }
  return [];
};

/** The first unreadable field a sort orders by; named by the sort parameter itself. */
export const unreadableInSort = (walk: QueryWalk, uid: string, sort: unknown, at: string[] = ['sort'], skip: string[] = []): Unreadable | null => {
  for (const path of sortPaths(sort)) {
    if (path.length === 1 && skip.includes(path[0])) continue;
    const step = walkPath(walk, uid, path);
    if ('bad' in step) return { path: at, field: step.bad.join('.') };
  }
  return null;
};

/** The first unreadable field in the filters and sorts of a populate, at any depth. */
export const unreadableInPopulate = (walk: QueryWalk, uid: string, populate: unknown, at: string[] = ['populate']): Unreadable | null => {
  if (!isObject(populate)) return null;
  for (const [field, value] of Object.entries(populate)) {
    const attribute = walk.models(uid)?.attributes?.[field];
    const target = attribute ? targetOf(attribute) : undefined;
    if (!isObject(value) || !target) continue;
    const here = [...at, field];
    const found =
      unreadableInFilters(walk, target, value.filters, [...here, 'filters'], [], [field]) ??
      (value.sort === undefined ? null : unreadableInSort(walk, target, value.sort, [...here, 'sort'])) ??
      unreadableInPopulate(walk, target, value.populate, [...here, 'populate']);
    if (found) return found;
  }
  return null;
};
