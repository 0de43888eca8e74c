import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { holderInScope, postOutsideScope, UIDS, type PostScopeRow } from './rules';
import { requestAdminUser, scopeForRequest } from './request';
import type { NetworkScope } from './types';
import { localise, TERMS_ZH } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { writtenIds } from '../utils/written';

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
const refuse = (field: string, stored: boolean, english = 'outside your colleges and chapters') => {
  const lang = requestLanguage();
  const { message, id, values } = localise(english, lang);
  const zh = lang === 'zh-Hans';
  const summary = stored
    ? zh
      ? `此联络员岗位将不在您负责的学院和校友会范围内（${TERMS_ZH[field] ?? field}：${message}）`
      : `This liaison post would lie outside your colleges and chapters (${field}: ${message})`
    : zh
      ? '此联络员岗位不在您负责的学院和校友会范围内'
      : 'This liaison post lies outside your colleges and chapters';
  return new errors.PolicyError(summary, {
    errors: [{ path: [field], message, name: 'PolicyError', ...(id ? { messageId: `liaison.error.${id}`, values } : {}) }],
  });
};

const check = (rows: PostScopeRow[], scope: NetworkScope, stored: boolean) => {
  for (const row of rows) {
    const outside = postOutsideScope(row, scope);
    if (outside) throw refuse(outside, stored);
  }
};

/** The record a relation input points at: a documentId, an id, `{ documentId }`, or the first of `connect`/`set`. */
const pointedAt = (value: unknown): { documentId?: string; id?: number } | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return { documentId: value };
  if (typeof value === 'number') return { id: value };
  if (Array.isArray(value)) return pointedAt(value[0]);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (v.connect !== undefined) return pointedAt(v.connect);
    if (v.set !== undefined) return pointedAt(v.set);
    if (typeof v.documentId === 'string') return { documentId: v.documentId };
    if (typeof v.id === 'number') return { id: v.id };
  }
  return null;
};

const SCOPE_TARGETS = {
  cohort: { uid: 'plugin::liaison.cohort', populate: { college: ID } },
  college: { uid: 'plugin::liaison.college' },
  chapter: { uid: 'plugin::liaison.chapter' },
  industry: { uid: 'plugin::liaison.industry-group' },
  alumnus: { uid: 'plugin::liaison.alumnus', populate: { cohort: { select: ['id'], populate: { college: ID } }, chapter: ID } },
} as const;

/**
 * What a create or update asks to store, read from its input: when another rule refuses
 * the write first (a full scope, an overlapping term), a scoped user must still learn
 * only that the scope is not theirs, nothing about another college's posts.
 */
const requestedOutsideScope = async (strapi: Core.Strapi, data: Record<string, unknown> | undefined, scope: NetworkScope) => {
  if (!data) return null;
  const row: Record<string, any> = {};
  for (const [field, target] of Object.entries(SCOPE_TARGETS)) {
    const ref = pointedAt(data[field]);
    if (!ref) continue;
    const found = await strapi.db.query(target.uid as any).findOne({
      where: ref.documentId ? { documentId: ref.documentId } : { id: ref.id },
      select: ['id'],
      populate: (target as { populate?: any }).populate,
    });
    if (found) row[field] = found;
  }
  const namesScope = ['cohort', 'college', 'chapter', 'industry'].some((field) => row[field]);
  const outside = namesScope ? postOutsideScope(row as PostScopeRow, scope) : null;
  if (outside) return outside;
  if (row.alumnus && !holderInScope(row.alumnus, scope)) return 'alumnus';
  return null;
};


/**
 * Strapi checks RBAC conditions only on the row a write starts from, never on what it
 * stores, and not at all on create. This Document Service middleware closes that: for
 * an admin user who does not see the whole network (College Staff, Chapter Editors, any
 * custom role), a write of a liaison post is refused with 403 when the post it starts
 * from, or the post it stores (new cohort, college, chapter or industry group), lies
 * outside their colleges and chapters; the refused write is rolled back. Scripts, jobs
 * and whole-network staff are not affected.
 */
export const registerPostGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
    if (ctx.uid !== UIDS.post || !WRITES.has(ctx.action)) return next();
    const user = await requestAdminUser(strapi);
    if (!user) return next();
    const scope = await scopeForRequest(strapi, user);
    if (scope.all) return next();

    const documentId = (ctx.params as { documentId?: string })?.documentId;
    const before = documentId ? await scopesOf(strapi, { documentId }) : [];
    check(before, scope, false);
    if (!STORING.has(ctx.action)) return next();
    const holderBefore = new Map(before.map((row) => [row.id, row.alumnus?.id ?? null]));
    const successorBefore = new Map(before.map((row) => [row.id, row.successor?.id ?? null]));

    return strapi.db.transaction(async () => {
      let result: any;
      try {
        result = await next();
      } catch (error) {
        if (error instanceof errors.PolicyError) throw error;
        const field = await requestedOutsideScope(strapi, (ctx.params as { data?: Record<string, unknown> })?.data, scope).catch(() => null);
        if (field) throw refuse(field, true, field === 'alumnus' ? 'not an alumnus of your colleges nor a member of your chapters' : undefined);
        throw error;
      }
      const ids = writtenIds(result);
      const after = ids.length ? await scopesOf(strapi, { id: { $in: ids } }) : [];
      check(after, scope, true);
      // A new holder must be one of their alumni (or members); an unchanged one is left alone.
      for (const row of after) {
        const changed = ctx.action !== 'update' || holderBefore.get(row.id) !== (row.alumnus?.id ?? null);
        if (changed && row.alumnus && !holderInScope(row.alumnus, scope)) throw refuse('alumnus', true, 'not an alumnus of your colleges nor a member of your chapters');
        // A successor is a post too (one-to-one: linking it takes it from its former predecessor).
        const newSuccessor = ctx.action !== 'update' || successorBefore.get(row.id) !== (row.successor?.id ?? null);
        if (newSuccessor && row.successor && postOutsideScope(row.successor, scope)) throw refuse('successor', true);
      }
      return result;
    });
  });
};
