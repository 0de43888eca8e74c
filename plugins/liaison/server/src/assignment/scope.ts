import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { OCCUPYING_STATUSES, postsFor } from '../rules/quotas';
import { fieldError } from '../rules/field-error';
import { isPostgres } from '../utils/db';
import { conflictError, forbiddenError } from '../utils/errors';
import { LIVE_STATUSES, termsOverlap } from './rules/lifecycle';

export const POSTS = 'plugin::liaison.liaison';
export const QUOTAS = 'plugin::liaison.quota';
export const ALUMNI = 'plugin::liaison.alumnus';

/** The content type of each dimension's scopes. */
export const SCOPE_UID: Record<Dimension, string> = {
  cohort: 'plugin::liaison.cohort',
  college: 'plugin::liaison.college',
  region: 'plugin::liaison.chapter',
  industry: 'plugin::liaison.industry-group',
};

export interface Scope {
  dimension: Dimension;
  id: number;
  documentId: string;
  name: string;
  /** The college a cohort or college scope belongs to (its own id for a college). */
  collegeId: number | null;
}

const q = (strapi: Core.Strapi, uid: string) => strapi.db.query(uid as any);

/** A scope by its documentId, or null. */
export const findScope = async (strapi: Core.Strapi, dimension: Dimension, documentId: string): Promise<Scope | null> => {
  if (typeof documentId !== 'string' || !documentId) return null;
  const row: any = await q(strapi, SCOPE_UID[dimension]).findOne({
    where: { documentId },
    ...(dimension === 'cohort' ? { populate: { college: { select: ['id'] } } } : {}),
  });
  if (!row) return null;
  return {
    dimension,
    id: row.id,
    documentId: row.documentId,
    name: dimension === 'cohort' ? row.className ?? row.code : row.name,
    collegeId: dimension === 'cohort' ? row.college?.id ?? null : dimension === 'college' ? row.id : null,
  };
};

/** A scope by its numeric id. */
export const scopeById = async (strapi: Core.Strapi, dimension: Dimension, id: number) => {
  const row: any = await q(strapi, SCOPE_UID[dimension]).findOne({ where: { id }, select: ['documentId'] });
  return row ? findScope(strapi, dimension, row.documentId) : null;
};

/** The number of posts of a scope: its override, else the dimension's default, else the built-in one. */
export const postsOf = async (strapi: Core.Strapi, dimension: Dimension, scopeDocumentId: string) => {
  const rows: any[] = await q(strapi, QUOTAS).findMany({ where: { dimension, scope: { $in: [scopeDocumentId, '*'] } } });
  const override = rows.find((r) => r.scope === scopeDocumentId)?.posts;
  const dimensionDefault = rows.find((r) => r.scope === '*')?.posts;
  return { posts: postsFor(dimension, override, dimensionDefault), override: override ?? null, dimensionDefault: dimensionDefault ?? null };
};

/** Posts of the scope that take one of its places (active and approved), other than `exceptId`. */
export const occupiedIn = (strapi: Core.Strapi, dimension: Dimension, scopeId: number, exceptId?: number) =>
  q(strapi, POSTS).count({
    where: {
      [SCOPE_FIELD[dimension]]: { id: scopeId },
      postStatus: { $in: [...OCCUPYING_STATUSES] },
      ...(exceptId ? { id: { $ne: exceptId } } : {}),
    },
  });

/**
 * Serialises the writes that fill one scope: on PostgreSQL a transaction-scoped advisory
 * lock (released at commit), taken before counting; SQLite runs one write transaction at a time.
 */
export const lockScope = async (strapi: Core.Strapi, dimension: Dimension, scopeId: number) => {
  if (!isPostgres(strapi)) return;
  await strapi.db.transaction(async ({ trx }) => {
    await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:scope:${dimension}:${scopeId}`]);
  });
};

/** 409 when the scope has no free post (call with the scope locked, inside the write's transaction). */
export const assertRoom = async (
  strapi: Core.Strapi,
  scope: { dimension: Dimension; id: number; documentId: string },
  adding: number,
  path: string,
  exceptId?: number
) => {
  const [{ posts }, occupied] = await Promise.all([
    postsOf(strapi, scope.dimension, scope.documentId),
    occupiedIn(strapi, scope.dimension, scope.id, exceptId),
  ]);
  if (occupied + adding > posts) {
    throw conflictError([fieldError(path, 'assignment.scopeFull', { occupied, posts })]);
  }
};

/** 409 when the alumnus already has a live post in the scope whose term overlaps. */
export const assertNoOverlap = async (
  strapi: Core.Strapi,
  args: { dimension: Dimension; scopeId: number; alumnusId: number; termStart: string; termEnd: string | null; exceptId?: number },
  path: string
) => {
  const others: any[] = await q(strapi, POSTS).findMany({
    where: {
      [SCOPE_FIELD[args.dimension]]: { id: args.scopeId },
      alumnus: { id: args.alumnusId },
      postStatus: { $in: LIVE_STATUSES },
      ...(args.exceptId ? { id: { $ne: args.exceptId } } : {}),
    },
    select: ['documentId', 'termStart', 'termEnd', 'postStatus'],
  });
  const clash = others.find((o) => termsOverlap(o, args));
  if (clash) {
    throw conflictError([
      fieldError(path, 'assignment.overlap', { post: clash.documentId, from: clash.termStart, to: clash.termEnd ?? 'open' }),
    ]);
  }
};

/** College Staff may act only on cohort and college scopes inside their own colleges. */
export const assertCanAct = async (strapi: Core.Strapi, user: any, scope: { dimension: Dimension; collegeId: number | null }) => {
  const access = await strapi.plugin('liaison').service('access').scopeOf(user);
  if (access.all) return;
  if ((scope.dimension === 'cohort' || scope.dimension === 'college') && scope.collegeId && access.colleges.includes(scope.collegeId)) return;
  throw forbiddenError('scope', 'access.scope');
};
