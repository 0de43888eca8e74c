import type { Core } from '@strapi/strapi';
import { chaptersOf, websiteRecordOutside } from './rules';
import { requestAdminUser, scopeForRequest } from './request';
import { forbiddenError } from '../utils/errors';
import { writtenIds } from '../utils/written';
import { hasReferences, referencesOf, whereReferenced } from './relation-input';
import { outsideMessage, relationOutsideScope, storedOutsideScope } from './relation-scope';
import type { DocumentMiddleware } from '../writes/types';

/** The website types chapter editors write, and the relation that ties each to chapters. */
const TYPES: Record<string, 'chapter' | 'chapters'> = { 'plugin::liaison.event': 'chapter', 'plugin::liaison.story': 'chapters' };
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const STORING = new Set(['create', 'update', 'clone']);

const MESSAGES = {
  other: 'access.otherChapter',
  none: 'access.noChapter',
} as const;


const rowsOf = (strapi: Core.Strapi, uid: string, relation: string, where: Record<string, unknown>) =>
  strapi.db.query(uid as any).findMany({ where, select: ['id'], populate: { [relation]: { select: ['id'] } } }) as Promise<any[]>;

/** Chapter ids a create or update asks for, read from its input (null when it names none). */
const requestedChapters = async (strapi: Core.Strapi, value: unknown): Promise<number[] | null> => {
  if (value === undefined) return null;
  const refs = referencesOf(value);
  if (!hasReferences(refs)) return null;
  const found = await strapi.db.query('plugin::liaison.chapter').findMany({ where: whereReferenced(refs), select: ['id'] });
  // An unknown reference is Strapi's to refuse; only known chapters are checked here.
  return found.map((c: any) => c.id);
};

/**
 * Chapter editors write their own chapters' events and stories only. Strapi applies a
 * role's conditions to reads and to the row an update starts from, but not to creates,
 * not to what a write stores and not to publish; this Document Service middleware does,
 * for every admin user who does not see the whole network: the record before the write
 * (every locale and version of the document) and the rows it stores must name their
 * chapters and no other, else 403 naming the field and the write is rolled back.
 */
export const websiteAccess = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  const relation = TYPES[ctx.uid];
  if (!relation || !WRITES.has(ctx.action)) return next();
  const user = await requestAdminUser(strapi);
  if (!user) return next();
  const scope = await scopeForRequest(strapi, user);
  if (scope.all) return next();

  const documentId = (ctx.params as { documentId?: string })?.documentId;
  if (documentId) {
    for (const row of await rowsOf(strapi, ctx.uid, relation, { documentId })) {
      if (websiteRecordOutside(chaptersOf(row), scope) === 'other') throw forbiddenError(relation, MESSAGES.other);
    }
  }
  if (!STORING.has(ctx.action)) return next();

  const data = (ctx.params as { data?: Record<string, unknown> })?.data;
  const asked = await requestedChapters(strapi, data?.[relation]);
  if (asked && websiteRecordOutside(asked, scope) === 'other') throw forbiddenError(relation, MESSAGES.other);
  // Whatever else it links to (an event's organising posts, a story's featured alumni)
  // must be theirs to pick too: an editor cannot credit another college's liaison.
  const outside = await relationOutsideScope(strapi, ctx.uid, data, scope, [relation]);
  if (outside) throw forbiddenError(outside.field, outsideMessage(outside.target));

  return strapi.db.transaction(async () => {
    const result = await next();
    const ids = writtenIds(result);
    for (const row of ids.length ? await rowsOf(strapi, ctx.uid, relation, { id: { $in: ids } }) : []) {
      const outside = websiteRecordOutside(chaptersOf(row), scope);
      if (outside) throw forbiddenError(relation, MESSAGES[outside]);
    }
    const copied = ctx.action === 'clone' ? await storedOutsideScope(strapi, ctx.uid, ids, scope, [relation]) : null;
    if (copied) throw forbiddenError(copied.field, outsideMessage(copied.target));
    return result;
  });
};
