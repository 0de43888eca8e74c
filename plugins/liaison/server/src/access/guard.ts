import type { Core } from '@strapi/strapi';
import { holderInScope, postOutsideScope, UIDS, type PostScopeRow } from './rules';
import { outsideMessage, relationOutsideScope, storedOutsideScope } from './relation-scope';
import { requestAdminUser, scopeForRequest } from './request';
import type { NetworkScope } from './types';
import type { MessageId } from '../rules/messages';
import { fieldLabel, forbiddenError } from '../utils/errors';
import { writtenIds } from '../utils/written';
import type { DocumentMiddleware } from '../writes/types';

/** Writes of a post the guard checks. */
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
/** Writes whose result is checked too (they store a scope). */
const STORING = new Set(['create', 'update', 'clone']);

const ID = { select: ['id'] };
const POST_SCOPE = {
  cohort: { select: ['id'], populate: { college: ID } },
  college: ID,
  chapter: ID,
  industry: ID,
};
const SCOPE_POPULATE = {
  ...POST_SCOPE,
  alumnus: { select: ['id'], populate: { cohort: { select: ['id'], populate: { college: ID } }, chapter: ID } },
  successor: { select: ['id'], populate: POST_SCOPE },
};

const scopesOf = (strapi: Core.Strapi, where: Record<string, unknown>) =>
  strapi.db.query(UIDS.post).findMany({ where, select: ['id'], populate: SCOPE_POPULATE }) as Promise<PostScopeRow[]>;

/**
 * 403. A PolicyError (a ForbiddenError) because Strapi's route authorisation turns any
 * other ForbiddenError thrown below it into a bare "Forbidden", losing the field.
 */
const refuse = (field: string, stored: boolean, id: MessageId = 'access.outside') =>
  forbiddenError(field, id, {}, (message, lang) => {
    const zh = lang === 'zh-Hans';
    if (!stored) return zh ? '此联络员岗位不在您负责的学院和校友会范围内' : 'This liaison post lies outside your colleges and chapters';
    return zh
      ? `此联络员岗位将不在您负责的学院和校友会范围内（${fieldLabel(field, lang)}：${message}）`
      : `This liaison post would lie outside your colleges and chapters (${field}: ${message})`;
  });

const check = (rows: PostScopeRow[], scope: NetworkScope, stored: boolean) => {
  for (const row of rows) {
    const outside = postOutsideScope(row, scope);
    if (outside) throw refuse(outside, stored);
  }
};

/** Scope relations first: when a post asks for several things out of reach, the answer names its scope. */
const CHECK_FIRST = ['cohort', 'college', 'chapter', 'industry', 'alumnus', 'nominator', 'successor'];

/**
 * Strapi checks RBAC conditions only on the row a write starts from, never on what it
 * stores, and not at all on create. This Document Service middleware closes that: for
 * an admin user who does not see the whole network (College Staff, Chapter Editors, any
 * custom role), a write of a liaison post is refused with 403 when the post it starts
 * from, or the post it stores (new cohort, college, chapter or industry group), lies
 * outside their colleges and chapters, and when it links a record they could not pick
 * (holder, nominator, successor: by any form of relation input, and what a clone copies);
 * the refused write is rolled back. Scripts, jobs and whole-network staff are not affected.
 */
export const postAccess = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== UIDS.post || !WRITES.has(ctx.action)) return next();
  const user = await requestAdminUser(strapi);
  if (!user) return next();
  const scope = await scopeForRequest(strapi, user);
  if (scope.all) return next();

  const documentId = (ctx.params as { documentId?: string })?.documentId;
  const before = documentId ? await scopesOf(strapi, { documentId }) : [];
  check(before, scope, false);
  if (!STORING.has(ctx.action)) return next();
  // Every record the write links to (holder, nominator, successor, scope) must be one
  // they could pick: refused before anything is written, whatever else is wrong with it.
  const data = (ctx.params as { data?: Record<string, unknown> })?.data;
  const asked = await relationOutsideScope(strapi, UIDS.post, data, scope, CHECK_FIRST);
  if (asked) throw refuse(asked.field, true, outsideMessage(asked.target));
  const holderBefore = new Map(before.map((row) => [row.id, row.alumnus?.id ?? null]));
  const successorBefore = new Map(before.map((row) => [row.id, row.successor?.id ?? null]));

  return strapi.db.transaction(async () => {
    const result: any = await next();
    const ids = writtenIds(result);
    const after = ids.length ? await scopesOf(strapi, { id: { $in: ids } }) : [];
    check(after, scope, true);
    // A new holder must be one of their alumni (or members); an unchanged one is left alone.
    for (const row of after) {
      const changed = ctx.action !== 'update' || holderBefore.get(row.id) !== (row.alumnus?.id ?? null);
      if (changed && row.alumnus && !holderInScope(row.alumnus, scope)) throw refuse('alumnus', true, outsideMessage(UIDS.alumnus));
      // A successor is a post too (one-to-one: linking it takes it from its former predecessor).
      const newSuccessor = ctx.action !== 'update' || successorBefore.get(row.id) !== (row.successor?.id ?? null);
      if (newSuccessor && row.successor && postOutsideScope(row.successor, scope)) throw refuse('successor', true);
    }
    const copied = ctx.action === 'clone' ? await storedOutsideScope(strapi, UIDS.post, ids, scope, CHECK_FIRST) : null;
    if (copied) throw refuse(copied.field, true, outsideMessage(copied.target));
    return result;
  });
};
