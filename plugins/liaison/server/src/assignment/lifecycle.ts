import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError } from '../utils/errors';
import { canDo, checkRenewal, statusOnApproval, termEndOnEnding, today } from './rules/lifecycle';
import type { EndingInput, NominationInput, RejectionInput, RenewalInput } from './inputs';
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
    async nominate(body: NominationInput, user: User) {
      const dimension: Dimension = body.dimension;
      const [alumnus, scope, nominator] = await Promise.all([
        findAlumnus(body.alumnus),
        findScope(strapi, dimension, body.scope),
        body.nominator ? findAlumnus(body.nominator) : Promise.resolve(undefined),
      ]);
      const problems: FieldError[] = [];
      if (!alumnus) problems.push(fieldError('alumnus', 'assignment.noAlumnus'));
      else if (alumnus.alumnusStatus === 'deceased') problems.push(fieldError('alumnus', 'assignment.deceased'));
      if (!scope) problems.push(fieldError('scope', 'assignment.noScope', { dimension }));
      if (nominator === null) problems.push(fieldError('nominator', 'assignment.noAlumnus'));
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
              termEnd: body.termEnd,
              postStatus: 'nominated',
              nominationSource: body.source ?? (nominator ? 'alumnus' : 'staff'),
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
        if (!canDo('approve', row.postStatus)) throw conflictError([fieldError('postStatus', 'assignment.approveStatus', { status: row.postStatus })]);
        if (row.termEnd && row.termEnd < today()) bad([fieldError('termEnd', 'assignment.termOver', { date: row.termEnd })]);
        // The request names the post, not its scope relation: a full scope is refused on `scope`.
        await restating(
          () => update({ action: 'approve', by: actorOf(user) }, documentId, { postStatus: statusOnApproval(row.termStart, today()) }),
          (refusal) => (refusal.kind === 'full' ? fieldError('scope', refusal.id, refusal.values) : null),
        );
      });
    },

    async reject(documentId: string, body: RejectionInput, user: User) {
      const { scope } = await postFor(documentId, user);
      return locked(scope, documentId, async (row) => {
        if (!canDo('reject', row.postStatus)) throw conflictError([fieldError('postStatus', 'assignment.rejectStatus', { status: row.postStatus })]);
        await update({ action: 'reject', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'rejected',
          rejectionReason: body.reason,
        });
      });
    },

    async renew(documentId: string, body: RenewalInput, user: User) {
      const { scope } = await postFor(documentId, user);
      return locked(scope, documentId, async (row) => {
        if (!canDo('renew', row.postStatus)) throw conflictError([fieldError('postStatus', 'assignment.renewStatus', { status: row.postStatus })]);
        bad(checkRenewal(body.termEnd, row));
        await update({ action: 'renew', reason: body.reason, by: actorOf(user) }, documentId, {
          termEnd: body.termEnd,
        });
      });
    },

    async end(documentId: string, body: EndingInput, user: User) {
      const { row: found, scope } = await postFor(documentId, user);
      let successor: any = null;
      if (body.successor) {
        successor = await loadPost(body.successor);
        const sameScope = successor && successor.dimension === scope.dimension && scopeOfRow(successor)?.id === scope.id;
        if (!successor || !sameScope || successor.id === found.id) {
          bad([fieldError('successor', 'assignment.successorScope')]);
        }
      }
      return locked(scope, documentId, async (row) => {
        if (!canDo('end', row.postStatus)) throw conflictError([fieldError('postStatus', 'assignment.endStatus', { status: row.postStatus })]);
        await update({ action: 'end', reason: body.reason, by: actorOf(user) }, documentId, {
          postStatus: 'ended',
          endReason: body.reason,
          endNote: body.note,
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
