import type { Core } from '@strapi/strapi';
import { actorOf } from '../assignment/history';
import { postStore } from '../assignment/posts';
import { LIVE_STATUSES, canDo, termEndOnEnding, today } from '../assignment/rules/lifecycle';
import type { Lang } from '../rules/messages';

const POSTS = 'plugin::liaison.liaison';

/**
 * What an approved report that a person died or cannot be reached does to their posts: each
 * serving one (approved, active) ends today with that reason, a nomination is rejected; through
 * the posts' own write path (the Document Service: history, invariants, appraisal and training
 * steps), named as the approver's action. The approval is the decision, so the ending is not
 * limited to the approver's colleges: it runs outside the request's scope checks (the post
 * access guard reads the request's admin user), in the caller's transaction.
 */
export const endPostsOf = async (
  strapi: Core.Strapi,
  alumnusId: number,
  status: 'deceased' | 'unreachable',
  note: string,
  user: any,
  lang: Lang,
): Promise<string[]> => {
  const rows: any[] = await strapi.db.query(POSTS as any).findMany({
    where: { alumnus: { id: alumnusId }, postStatus: { $in: LIVE_STATUSES } },
    select: ['id', 'documentId', 'postStatus', 'termStart', 'termEnd'],
    orderBy: [{ id: 'asc' }],
  });
  if (!rows.length) return [];
  const { update } = postStore(strapi);
  const by = actorOf(user);
  const day = today();
  const system = { state: {}, request: { header: { 'accept-language': lang } } };
  await strapi.requestContext.run(system as any, async () => {
    for (const row of rows) {
      if (canDo('end', row.postStatus)) {
        await update({ action: 'end', reason: status, by }, row.documentId, {
          postStatus: 'ended',
          endReason: status,
          endNote: note,
          termEnd: termEndOnEnding(row.termStart, row.termEnd, day),
        });
      } else if (canDo('reject', row.postStatus)) {
        await update({ action: 'reject', reason: note, by }, row.documentId, {
          postStatus: 'rejected',
          rejectionReason: note,
        });
      }
    }
  });
  return rows.map((r) => r.documentId);
};
