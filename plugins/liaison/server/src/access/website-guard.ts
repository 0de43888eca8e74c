import type { Core } from '@strapi/strapi';
import { chaptersOf, websiteRecordOutside } from './rules';
import { requestAdminUser, scopeForRequest } from './request';
import { forbiddenError } from '../utils/errors';
import { writtenIds } from '../utils/written';

/** The website types chapter editors write, and the relation that ties each to chapters. */
const TYPES: Record<string, 'chapter' | 'chapters'> = { 'api::event.event': 'chapter', 'api::story.story': 'chapters' };
const WRITES = new Set(['create', 'update', 'delete', 'publish', 'unpublish', 'discardDraft', 'clone']);
const STORING = new Set(['create', 'update', 'clone']);

const MESSAGES = {
  other: 'belongs to a chapter that is not yours',
  none: 'must belong to one of your chapters',
};


const rowsOf = (strapi: Core.Strapi, uid: string, relation: string, where: Record<string, unknown>) =>
  strapi.db.query(uid as any).findMany({ where, select: ['id'], populate: { [relation]: { select: ['id'] } } }) as Promise<any[]>;

/** Chapter ids a create or update asks for, read from its input (a documentId, an id, connect/set). */
const requestedChapters = async (strapi: Core.Strapi, value: unknown): Promise<number[] | null> => {
  if (value === undefined) return null;
  const refs: unknown[] = [];
  const collect = (v: unknown) => {
    if (v === null || v === undefined) return;
    if (Array.isArray(v)) return v.forEach(collect);
    if (typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ('connect' in o || 'set' in o) return collect(o.connect ?? o.set);
      if (typeof o.documentId === 'string' || typeof o.id === 'number') return refs.push(o.documentId ?? o.id);
      return;
    }
    refs.push(v);
  };
  collect(value);
  if (!refs.length) return null;
  const documentIds = refs.filter((r): r is string => typeof r === 'string');
  const ids = refs.filter((r): r is number => typeof r === 'number');
  const found = await strapi.db.query('plugin::liaison.chapter').findMany({
    where: { $or: [{ documentId: { $in: documentIds } }, { id: { $in: ids } }] },
    select: ['id'],
  });
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
export const registerWebsiteGuard = (strapi: Core.Strapi) => {
  strapi.documents.use(async (ctx, next) => {
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

    const asked = await requestedChapters(strapi, (ctx.params as { data?: Record<string, unknown> })?.data?.[relation]);
    if (asked && websiteRecordOutside(asked, scope) === 'other') throw forbiddenError(relation, MESSAGES.other);

    return strapi.db.transaction(async () => {
      const result = await next();
      const ids = writtenIds(result);
      for (const row of ids.length ? await rowsOf(strapi, ctx.uid, relation, { id: { $in: ids } }) : []) {
        const outside = websiteRecordOutside(chaptersOf(row), scope);
        if (outside) throw forbiddenError(relation, MESSAGES[outside]);
      }
      return result;
    });
  });
};
