import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError } from '../utils/errors';
import { canDo, checkEnding, checkNomination, checkRejection, checkRenewal, statusOnApproval, termEndOnEnding, today } from './rules/lifecycle';
import { actorOf, historyOf, withHistory } from './history';
import { POSTS, assertCanAct, findScope, lockScope, type Scope } from './scope';
import { restating } from './refusals';
import { bad, scopeOfRow, type PostStore, type User } from './posts';

/**
 * The actions on one post: nominate, approve, reject, renew, end, and its history.
 * Room in the scope and overlapping terms are the write pipeline's to refuse (see history.ts).
 */
export const lifecycle = (strapi: Core.Strapi, store: PostStore) => {
  const { loadPost, findAlumnus, postFor, update, reload } = store;

  /**
   * A lifecycle change in one transaction, with the scope locked and the post read again
   * under the lock: two staff acting on the same post or scope at once are serialised.
   */
  const locked = (scope: Scope, documentId: string, change: (row: any) => Promise<unknown>) =>
    strapi.db.transaction(async () => {
      await lockScope(strapi, scope.dimension, scope.id);
      await change(await loadPost(documentId));
      return reload(documentId);
    });

  return {
    async nominate(body: any, user: User) {
      body = body ?? {};
      bad(checkNomination(body));
      const dimension = body.dimension as Dimension;
      const [alumnus, scope, nominator] = await Promise.all([
        findAlumnus(body.alumnus),
        findScope(strapi, dimension, body.scope),
        body.nominator ? findAlumnus(body.nominator) : Promise.resolve(undefined),
      ]);
      const problems: FieldError[] = [];
      if (!alumnus) problems.push(fieldError('alumnus', 'no alumnus has this documentId'));
      else if (alumnus.alumnusStatus === 'deceased') problems.push(fieldError('alumnus', 'is recorded as deceased'));
      if (!scope) problems.push(fieldError('scope', `no ${dimension} scope has this documentId`));
      if (nominator === null) problems.push(fieldError('nominator', 'no alumnus has this documentId'));
      bad(problems);
      await assertCanAct(strapi, user, scope!);
      const by = actorOf(user);
      const created: any = await strapi.documents(POSTS as any).create(
        withHistory(
          {
            data: {
              alumnus: alumnus.documentId,
              dimension,
              [SCOPE_FIELD[dimension]]: scope!.documentId,
              role: body.role,
              termStart: body.termStart,
              termEnd: body.termEnd || null,
              postStatus: 'nominated',
              nominationSource: ['staff', 'college', 'chapter', 'alumnus', 'self'].includes(body.source) ? body.source : nominator ? 'alumnus' : 'staff',
              nominator: nominator ? nominator.documentId : null,
              nominationReason: body.reason || null,
            } as any,
          },
          { action: 'nominate', reason: body.reason || null, by: by ?? undefined },
        ),
      );
      return reload(created.documentId);
    },

    async approve(documentId: string, user: User) {
      const { scope } = await postFor(documentId, user);
      return locked(scope, documentId, async (row) => {
        if (!canDo('approve', row.postStatus)) throw conflictError([fieldError('postStatus', `only a nominated post can be approved (this one is ${row.postStatus})`)]);
        if (row.termEnd && row.termEnd < today()) bad([fieldError('termEnd', `the term of this nomination ended on ${row.termEnd}: correct it before approving`)]);
        // The request names the post, not its scope relation: a full scope is refused on `scope`.
        await restating(
          () => update({ action: 'approve', by: actorOf(user) }, documentId, { postStatus: statusOnApproval(row.termStart, today()) }),
          (refusal) => (refusal.kind === 'full' ? fieldError('scope', refusal.english) : null),
        );
      });
    },

    async reject(documentId: string, body: any, user: User) {
      const { scope } = await postFor(documentId, user);
      body = body ?? {};
      bad(checkRejection(body));
      return locked(scope, documentId, async (row) => {
        if (!canDo('reject', row.postStatus)) throw conflictError([fieldError('postStatus', `only a nominated post can be rejected (this one is ${row.postStatus})`)]);
        await update({ action: 'reject', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'rejected',
          rejectionReason: body.reason,
        });
      });
    },

    async renew(documentId: string, body: any, user: User) {
      const { scope } = await postFor(documentId, user);
      body = body ?? {};
      return locked(scope, documentId, async (row) => {
        if (!canDo('renew', row.postStatus)) throw conflictError([fieldError('postStatus', `only an active or approved post can be renewed (this one is ${row.postStatus})`)]);
        bad(checkRenewal(body, row));
        await update({ action: 'renew', reason: typeof body.reason === 'string' ? body.reason : null, by: actorOf(user) }, documentId, {
          termEnd: body.termEnd,
        });
      });
    },

    async end(documentId: string, body: any, user: User) {
      const { row: found, scope } = await postFor(documentId, user);
      body = body ?? {};
      bad(checkEnding(body));
      let successor: any = null;
      if (body.successor) {
        successor = await loadPost(body.successor);
        const sameScope = successor && successor.dimension === scope.dimension && scopeOfRow(successor)?.id === scope.id;
        if (!successor || !sameScope || successor.id === found.id) {
          bad([fieldError('successor', 'must be another post of the same scope')]);
        }
      }
      return locked(scope, documentId, async (row) => {
        if (!canDo('end', row.postStatus)) throw conflictError([fieldError('postStatus', `only an active or approved post can be ended (this one is ${row.postStatus})`)]);
        await update({ action: 'end', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'ended',
          endReason: body.reason,
          endNote: typeof body.note === 'string' && body.note.trim() ? body.note : null,
          termEnd: termEndOnEnding(row.termStart, row.termEnd, today()),
          ...(successor ? { successor: successor.documentId } : {}),
        });
      });
    },

    async history(documentId: string, user: User) {
      await postFor(documentId, user);
      return historyOf(strapi, documentId);
    },
  };
};
