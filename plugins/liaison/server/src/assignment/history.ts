import type { Core } from '@strapi/strapi';
import { SCOPE_FIELD, SCOPE_FIELDS, type Dimension } from '../rules/liaison-post';
import { OCCUPYING_STATUSES } from '../rules/quotas';
import { LIVE_STATUSES } from './rules/lifecycle';
import { POSTS, assertNoOverlap, assertRoom, lockScope } from './scope';
import type { DocumentMiddleware } from '../writes/types';
import type { PostHistoryEntry } from '../admin-api-types';

const EVENTS = 'plugin::liaison.post-event';

export interface Actor {
  name: string;
  id: number | null;
}

/**
 * What a lifecycle action tells the history about the change it makes, passed with the
 * write itself: `strapi.documents(POSTS).update({ documentId, data, history: { action, reason, by } })`.
 * The history step takes it out of the parameters before Strapi sees them; a write without
 * it (the Content Manager, a script) is recorded under its own action by the current user.
 */
export interface Label {
  action: string;
  reason?: string | null;
  by?: Actor;
}

/** The Document Service parameters of a post write, with what the history records of it. */
export const withHistory = <P extends Record<string, unknown>>(params: P, label: Label) => ({ ...params, history: label }) as P;

/** The admin user as the history names them. */
export const actorOf = (user: any): Actor | null => {
  if (!user) return null;
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return { name: name ? `${name} <${user.email}>` : user.email ?? user.username ?? `admin #${user.id}`, id: user.id ?? null };
};

export const SYSTEM: Actor = { name: 'system', id: null };

/** Who is writing: the admin user of the request, a users-permissions user by name, or nobody (a job, a script). */
export const currentActor = (strapi: Core.Strapi): Actor | null => {
  const ctx: any = strapi.requestContext.get();
  if (ctx?.state?.auth?.strategy?.name === 'admin') return actorOf(ctx.state.user);
  if (ctx?.state?.user) return { name: ctx.state.user.email ?? ctx.state.user.username ?? 'user', id: null };
  return null;
};

const ref = { select: ['id', 'documentId'] };
const POPULATE = {
  alumnus: ref,
  nominator: ref,
  successor: ref,
  ...Object.fromEntries(SCOPE_FIELDS.map((f) => [f, ref])),
};

const loadPost = (strapi: Core.Strapi, where: Record<string, unknown>) =>
  strapi.db.query(POSTS as any).findOne({ where, populate: POPULATE }) as Promise<any>;

const scopeFieldOf = (row: any) => SCOPE_FIELD[row?.dimension as Dimension];

/** A post as its history shows it. */
export const snapshot = (row: any) =>
  row
    ? {
        postStatus: row.postStatus ?? null,
        dimension: row.dimension ?? null,
        scope: row[scopeFieldOf(row)]?.documentId ?? null,
        alumnus: row.alumnus?.documentId ?? null,
        role: row.role ?? null,
        termStart: row.termStart ?? null,
        termEnd: row.termEnd ?? null,
        nominationSource: row.nominationSource ?? null,
        nominator: row.nominator?.documentId ?? null,
        nominationReason: row.nominationReason ?? null,
        rejectionReason: row.rejectionReason ?? null,
        endReason: row.endReason ?? null,
        endNote: row.endNote ?? null,
        successor: row.successor?.documentId ?? null,
      }
    : null;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The network's rules on every write of a post, whatever the path (the lifecycle API,
 * the Content Manager, scripts): a post that comes to take a place needs a free one,
 * and one person never has two overlapping live posts in one scope. This is the only
 * place they are checked: the lifecycle actions rely on it (and restate its refusals in
 * their request's terms, see refusals.ts).
 */
const checkInvariants = async (strapi: Core.Strapi, before: any, after: any) => {
  const field = scopeFieldOf(after);
  const scopeId = after?.[field]?.id;
  if (!field || !scopeId || !after.alumnus?.id || !after.termStart) return;
  const dimension = after.dimension as Dimension;
  const moved =
    !before ||
    before.dimension !== after.dimension ||
    before[field]?.id !== scopeId ||
    before.alumnus?.id !== after.alumnus.id ||
    before.termStart !== after.termStart ||
    before.termEnd !== after.termEnd;
  const occupying = (row: any) => (OCCUPYING_STATUSES as readonly string[]).includes(row?.postStatus);
  const live = (row: any) => LIVE_STATUSES.includes(row?.postStatus);
  const takesPlace = occupying(after) && (!occupying(before) || before[field]?.id !== scopeId || before.dimension !== after.dimension);
  // A post that starts serving is checked again, so one stored around this rule (by SQL,
  // or before it existed) does not serve beside an overlapping one.
  const mayOverlap = live(after) && (moved || !live(before) || takesPlace);
  if (!takesPlace && !mayOverlap) return;
  // Held until commit: two writes that fill one scope, or give one person two posts in it, take turns.
  await lockScope(strapi, dimension, scopeId);
  if (takesPlace) {
    await assertRoom(strapi, { dimension, id: scopeId, documentId: after[field].documentId }, 1, field, after.id);
  }
  if (mayOverlap) {
    await assertNoOverlap(
      strapi,
      { dimension, scopeId, alumnusId: after.alumnus.id, termStart: after.termStart, termEnd: after.termEnd ?? null, exceptId: after.id },
      'alumnus'
    );
  }
};

/**
 * Keeps the history of every post: a Document Service middleware on create, update and
 * delete writes a post-event (who, what, when, why, before, after) in the same
 * transaction as the change, so no path escapes it.
 */
export const postHistory = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== POSTS || !['create', 'update', 'delete', 'clone'].includes(ctx.action)) return next();
  const params = ctx.params as { documentId?: string; history?: Label };
  const label = params.history;
  delete params.history;
  return strapi.db.transaction(async () => {
    const before = ctx.action === 'update' || ctx.action === 'delete' ? await loadPost(strapi, { documentId: params.documentId }) : null;
    const result: any = await next();
    const documentId: string | undefined = ctx.action === 'delete' ? params.documentId : result?.documentId;
    if (!documentId || (ctx.action === 'delete' && !before)) return result;
    const after = ctx.action === 'delete' ? null : await loadPost(strapi, { documentId });
    if (after) await checkInvariants(strapi, before, after);
    const was = snapshot(before);
    const now = snapshot(after);
    if (ctx.action === 'update' && same(was, now)) return result;
    const by = label?.by ?? currentActor(strapi);
    await strapi.db.query(EVENTS as any).create({
      data: {
        post: documentId,
        action: label?.action ?? ctx.action,
        at: new Date(),
        by: by?.name ?? null,
        byId: by?.id ?? null,
        reason: label?.reason ?? null,
        before: was,
        after: now,
      },
    });
    return result;
  });
};

/** A post's history, newest first. */
export const historyOf = async (strapi: Core.Strapi, documentId: string): Promise<PostHistoryEntry[]> => {
  const rows: any[] = await strapi.db.query(EVENTS as any).findMany({ where: { post: documentId }, orderBy: [{ at: 'desc' }, { id: 'desc' }] });
  return rows.map((r) => ({ action: r.action, at: r.at, by: r.by, byId: r.byId, reason: r.reason, before: r.before, after: r.after }));
};
