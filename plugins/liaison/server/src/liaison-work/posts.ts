import type { Core } from '@strapi/strapi';
import { signedInAlumnus, type SignedInAlumnus } from '../accounts/current';
import { DIMENSIONS, SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { today } from '../assignment/rules/lifecycle';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';

const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';

/** The scope a post looks after: a class, college, chapter or industry group. */
export interface PostScope {
  kind: Dimension;
  uid: string;
  id: number;
  documentId: string;
  name: string;
}

/** A post its holder acts for today. */
export interface LivePost {
  id: number;
  documentId: string;
  dimension: Dimension;
  role: string | null;
  termStart: string | null;
  termEnd: string | null;
  scope: PostScope;
}

const SCOPE_TYPES: Record<Dimension, { uid: string; name: string }> = {
  cohort: { uid: COHORT, name: 'className' },
  college: { uid: 'plugin::liaison.college', name: 'name' },
  region: { uid: 'plugin::liaison.chapter', name: 'name' },
  industry: { uid: 'plugin::liaison.industry-group', name: 'name' },
};

/**
 * The posts an alumnus acts for on `today`: active, begun (termStart on or before today)
 * and not ended (termEnd today or later: the last day of a term is still the liaison's).
 * Checked on every request, so rights begin and end with the post without any job. "Today" is
 * the network's day (Asia/Shanghai, as the post lifecycle counts terms), not UTC's.
 */
export const livePostsOf = async (strapi: Core.Strapi, alumnusId: number, day: string = today()): Promise<LivePost[]> => {
  const rows = await strapi.db.query(POST as any).findMany({
    where: {
      alumnus: { id: alumnusId },
      postStatus: 'active',
      $and: [{ $or: [{ termStart: null }, { termStart: { $lte: day } }] }, { $or: [{ termEnd: null }, { termEnd: { $gte: day } }] }],
    },
    populate: Object.fromEntries(DIMENSIONS.map((d) => [SCOPE_FIELD[d], { select: ['id', 'documentId', SCOPE_TYPES[d].name] }])),
    orderBy: [{ id: 'asc' }],
  });
  const live: LivePost[] = [];
  for (const row of rows as any[]) {
    const dimension = row.dimension as Dimension;
    const target = DIMENSIONS.includes(dimension) ? row[SCOPE_FIELD[dimension]] : null;
    if (!target) continue; // a post without its scope looks after nobody
    live.push({
      id: row.id,
      documentId: row.documentId,
      dimension,
      role: row.role ?? null,
      termStart: row.termStart ?? null,
      termEnd: row.termEnd ?? null,
      scope: { kind: dimension, uid: SCOPE_TYPES[dimension].uid, id: target.id, documentId: target.documentId, name: target[SCOPE_TYPES[dimension].name] ?? '' },
    });
  }
  return live;
};

/**
 * SQL selecting the ids of the alumni in a post's scope (for `id IN (…)`): the class's
 * members, the college's (through their class), the chapter's, the industry group's.
 */
export const alumniOfScope = (strapi: Core.Strapi, scope: Pick<PostScope, 'kind' | 'id'>): { sql: string; bindings: number[] } => {
  if (scope.kind === 'college') {
    const toCohort = joinOf(strapi, ALUMNUS, 'cohort');
    const toCollege = joinOf(strapi, COHORT, 'college');
    return {
      sql: `SELECT ac.${toCohort.from} FROM ${toCohort.table} ac JOIN ${toCollege.table} cc ON cc.${toCollege.from} = ac.${toCohort.to} WHERE cc.${toCollege.to} = ?`,
      bindings: [scope.id],
    };
  }
  const link = joinOf(strapi, ALUMNUS, scope.kind === 'region' ? 'chapter' : scope.kind);
  return { sql: `SELECT ${link.from} FROM ${link.table} WHERE ${link.to} = ?`, bindings: [scope.id] };
};

/**
 * For each of `alumnusIds`, the first of `posts` whose scope holds them (one statement); an
 * alumnus no post looks after is absent from the map: a liaison acts on a person only
 * through a post that looks after them.
 */
export const postsHolding = async (strapi: Core.Strapi, posts: LivePost[], alumnusIds: number[]): Promise<Map<number, LivePost>> => {
  const ids = [...new Set(alumnusIds.filter((id) => Number.isSafeInteger(id)))];
  const held = new Map<number, LivePost>();
  if (!posts.length || !ids.length) return held;
  const A = tableOf(strapi, ALUMNUS);
  const marks = ids.map(() => '?').join(', ');
  const branches = posts.map((post, i) => {
    const scope = alumniOfScope(strapi, post.scope);
    return { sql: `SELECT ${i} AS i, a.id AS alumnus FROM ${A} a WHERE a.id IN (${marks}) AND a.id IN (${scope.sql})`, bindings: [...ids, ...scope.bindings] };
  });
  const result = await strapi.db.connection.raw(
    `SELECT alumnus, MIN(i) AS i FROM (${branches.map((b) => b.sql).join(' UNION ALL ')}) held GROUP BY alumnus`,
    branches.flatMap((b) => b.bindings)
  );
  for (const row of rowsOf(result)) held.set(Number(row.alumnus), posts[Number(row.i)]);
  return held;
};

/** The first of `posts` whose scope holds the alumnus, or null. */
export const postHolding = async (strapi: Core.Strapi, posts: LivePost[], alumnusId: number): Promise<LivePost | null> =>
  (await postsHolding(strapi, posts, [alumnusId])).get(alumnusId) ?? null;

/** A signed-in alumnus with the posts they act for today (possibly none). */
export interface SignedInLiaison {
  me: SignedInAlumnus;
  posts: LivePost[];
}

export const signedInLiaison = async (strapi: Core.Strapi, ctx: any): Promise<SignedInLiaison> => {
  const me = await signedInAlumnus(strapi, ctx);
  return { me, posts: await livePostsOf(strapi, me.id) };
};

/** The alumni table's name and a column of it, for statements over a scope. */
export const alumniTable = (strapi: Core.Strapi) => ({ table: tableOf(strapi, ALUMNUS), column: (attribute: string) => columnOf(strapi, ALUMNUS, attribute) });
