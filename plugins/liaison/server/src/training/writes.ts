import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';
import { dayOf } from '../assignment/rules/lifecycle';

const RECORD = 'plugin::liaison.training-record';
const POST = 'plugin::liaison.liaison';
const SERVING = ['active', 'approved'];

/**
 * Training's rules on every write path: a record's result is computed (whatever the writer
 * typed) and a session has room for it; a post that starts serving from a nomination (or is
 * created serving) is new, so it is provisional until its holder is trained.
 */
export const trainingWrites = (strapi: Core.Strapi): DocumentMiddleware =>
  (async (ctx: any, next: () => Promise<any>) => {
    // A record's result is computed, whatever the writer typed.
    if (ctx.uid === RECORD && (ctx.action === 'create' || ctx.action === 'update')) {
      if (ctx.params?.data) delete ctx.params.data.result;
      if (ctx.action === 'create') await strapi.plugin('liaison').service('training').assertRoom(ctx.params?.data?.session);
      const written = await next();
      if (written?.id) await strapi.plugin('liaison').service('training').recomputeResult(written.id);
      return written;
    }
    // A post that becomes approved or active from a nomination (or is created so) is new: provisional until trained.
    if (ctx.uid === POST && (ctx.action === 'create' || ctx.action === 'update')) {
      const status = ctx.params?.data?.postStatus;
      if (!SERVING.includes(status)) return next();
      const before =
        ctx.action === 'update' && ctx.params.documentId
          ? await strapi.db.query(POST).findOne({
              where: { documentId: ctx.params.documentId },
              select: ['postStatus'],
            })
          : null;
      const written = await next();
      if (written?.id && (ctx.action === 'create' || before?.postStatus === 'nominated')) {
        await strapi.plugin('liaison').service('training').markApproved([written.id], dayOf());
      }
      return written;
    }
    return next();
  }) as DocumentMiddleware;
