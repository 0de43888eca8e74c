import type { NetworkScope } from './types';

/**
 * What of the network a scoped admin user (College Staff, Chapter Editor) may reach, as
 * plain functions: the RBAC conditions, the relation-picker filters and the write guard
 * all answer from these, so they cannot disagree.
 */
export const UIDS = {
  post: 'plugin::liaison.liaison',
  cohort: 'plugin::liaison.cohort',
  college: 'plugin::liaison.college',
  alumnus: 'plugin::liaison.alumnus',
  chapter: 'plugin::liaison.chapter',
  industry: 'plugin::liaison.industry-group',
} as const;

type Scoped = Extract<NetworkScope, { all: false }>;
export type Query = Record<string, unknown>;

/** Which relation paths of a type lead to a college id and to a chapter id. */
const PATHS: Record<string, { college: string[]; chapter: string[] }> = {
  [UIDS.post]: { college: ['cohort.college.id', 'college.id'], chapter: ['chapter.id'] },
  [UIDS.cohort]: { college: ['college.id'], chapter: [] },
  [UIDS.college]: { college: ['id'], chapter: [] },
  [UIDS.alumnus]: { college: ['cohort.college.id'], chapter: ['chapter.id'] },
  [UIDS.chapter]: { college: [], chapter: ['id'] },
  [UIDS.industry]: { college: [], chapter: [] },
  // The website's content chapter editors write: their chapters' events and stories.
  'plugin::liaison.event': { college: [], chapter: ['chapter.id'] },
  'plugin::liaison.story': { college: [], chapter: ['chapters.id'] },
};

export const SCOPED_TYPES = Object.keys(PATHS);

/** The chapters a website record names (an event's one chapter, a story's chapters). */
export const chaptersOf = (row: { chapter?: { id: number } | null; chapters?: { id: number }[] | null }): number[] =>
  row.chapters ? row.chapters.map((c) => c.id) : row.chapter ? [row.chapter.id] : [];

/**
 * Why a website record lies outside a chapter editor's reach, or null: it must name at
 * least one chapter, and only chapters of theirs.
 */
export const websiteRecordOutside = (chapters: number[], scope: NetworkScope): 'none' | 'other' | null => {
  if (scope.all) return null;
  if (!chapters.length) return 'none';
  return chapters.every((id) => scope.chapters.includes(id)) ? null : 'other';
};

export type ScopeKind = 'college' | 'chapter';

/**
 * The records of `uid` inside the given colleges (kind 'college') or chapters (kind
 * 'chapter'), as a query with dotted paths (what RBAC conditions return), or `false`
 * when there is none: no path from that type, or no college/chapter at all.
 */
export const conditionQuery = (uid: string, kind: ScopeKind, ids: number[]): Query | false => {
  const paths = PATHS[uid]?.[kind] ?? [];
  if (!paths.length || !ids.length) return false;
  const parts = paths.map((path) => ({ [path]: { $in: ids } }));
  return parts.length === 1 ? parts[0] : { $or: parts };
};

/** Both kinds together: the records a scoped user reaches through any of their colleges or chapters. */
export const scopeQuery = (uid: string, scope: Scoped): Query | false => {
  const parts = [conditionQuery(uid, 'college', scope.colleges), conditionQuery(uid, 'chapter', scope.chapters)].filter(
    (q): q is Query => q !== false
  );
  if (!parts.length) return false;
  return parts.length === 1 ? parts[0] : { $or: parts };
};

/** `{ 'a.b.id': x }` → `{ a: { b: { id: x } } }`, through `$or`/`$and`: the shape of query-string filters. */
export const nest = (query: Query): Query => {
  const out: Query = {};
  for (const [key, value] of Object.entries(query)) {
    if (key === '$or' || key === '$and') {
      out[key] = (value as Query[]).map(nest);
      continue;
    }
    const path = key.split('.');
    let at = out;
    for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Query;
    at[path[path.length - 1]] = value;
  }
  return out;
};

/** Matches no record, and survives Strapi's query sanitising (an empty `$in` would be dropped). */
export const NOTHING: Query = { id: { $null: true } };

/** The filter a relation picker of a scoped user gets for a target type, or null to leave it alone. */
export const pickerFilter = (targetUid: string, scope: NetworkScope): Query | null => {
  if (scope.all) return null;
  // Colleges' staff and chapters' editors are set by the alumni office, not by their peers.
  if (targetUid === 'admin::user') return NOTHING;
  if (!SCOPED_TYPES.includes(targetUid)) return null;
  const query = scopeQuery(targetUid, scope);
  return query === false ? NOTHING : nest(query);
};

/** A post's scope relations as the guard reads them back. */
export interface PostScopeRow {
  id?: number;
  cohort?: { id: number; college?: { id: number } | null } | null;
  college?: { id: number } | null;
  chapter?: { id: number } | null;
  industry?: { id: number } | null;
  alumnus?: HolderRow | null;
  successor?: PostScopeRow | null;
}

/** The holder of a post, as far as their scope goes. */
export interface HolderRow {
  id: number;
  cohort?: { id: number; college?: { id: number } | null } | null;
  chapter?: { id: number } | null;
}

/** A holder is within reach when they graduated from one of the user's colleges or belong to one of their chapters. */
export const holderInScope = (holder: HolderRow, scope: NetworkScope): boolean =>
  scope.all ||
  (!!holder.cohort?.college && scope.colleges.includes(holder.cohort.college.id)) ||
  (!!holder.chapter && scope.chapters.includes(holder.chapter.id));

/**
 * The scope field of a post that lies outside the user's colleges and chapters, or null
 * when every scope it names is theirs. A post that names no scope at all is outside too
 * (nobody but the whole-network staff would see it again).
 */
export const postOutsideScope = (post: PostScopeRow, scope: NetworkScope): string | null => {
  if (scope.all) return null;
  const named: [string, boolean][] = [];
  if (post.cohort) named.push(['cohort', !!post.cohort.college && scope.colleges.includes(post.cohort.college.id)]);
  if (post.college) named.push(['college', scope.colleges.includes(post.college.id)]);
  if (post.chapter) named.push(['chapter', scope.chapters.includes(post.chapter.id)]);
  if (post.industry) named.push(['industry', false]);
  if (!named.length) return 'dimension';
  return named.find(([, inside]) => !inside)?.[0] ?? null;
};
