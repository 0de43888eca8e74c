import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules/field-error';
import type { Lang } from '../rules/messages';
import { conflictError } from '../utils/errors';
import { ALUMNUS_POPULATE, gatherDossier, personalRecord, UID } from '../personal-data/dossier';
import { consentHistoryOf, withConsentSource } from '../personal-data/consents';
import type { PersonalDataExport } from '../admin-api-types';
import { TRACKED_FIELDS, type MeInput } from './inputs';
import type { SignedInAlumnus } from './current';
import { TOKEN } from './tokens';
import { changesBetween, FIELD_CHANGE, recordChanges, written } from '../proposals/history';
import { proposalSettings } from '../proposals/settings';

const ACCOUNT = 'plugin::liaison.alumni-account';
const USER = 'plugin::users-permissions.user';
const PROPOSAL = 'plugin::liaison.change-proposal';
export { FIELD_CHANGE };

const row = (strapi: Core.Strapi, id: number) => strapi.db.query(UID.alumnus as any).findOne({ where: { id }, populate: ALUMNUS_POPULATE });

/** The person's own record: every field of theirs (how to reach them, their student number …), their consents' history. */
export const readMe = async (strapi: Core.Strapi, me: SignedInAlumnus, lang: Lang) => {
  const alumnus = await row(strapi, me.id);
  return {
    data: personalRecord(alumnus, lang),
    meta: { consents: await consentHistoryOf(strapi, me.id, false), changes: await changesOf(strapi, me.id) },
  };
};

/** What the person changed themselves, newest first. */
export const changesOf = async (strapi: Core.Strapi, alumnusId: number) =>
  (
    await strapi.db.query(FIELD_CHANGE as any).findMany({ where: { alumnus: { id: alumnusId } }, orderBy: [{ at: 'desc' }, { id: 'desc' }] })
  ).map((c: any) => ({ field: c.field, oldValue: c.oldValue ?? null, newValue: c.newValue ?? null, source: c.source, at: new Date(c.at).toISOString() }));

/**
 * The person's own changes, in one transaction: the record updated through the Document
 * Service (whose consents step dates the consents and records them with source `self`), each
 * other field that changes recorded with who, when and from where (proposals/history.ts, the
 * same writer as approved proposals). A new e-mail address is also the sign-in's (409 when
 * another sign-in uses it). A change of a field the office marks "needs review" is not applied:
 * it waits as a proposal (source `self`), and `meta.pendingReview` names those fields.
 */
export const updateMe = async (strapi: Core.Strapi, me: SignedInAlumnus, input: MeInput, lang: Lang) => {
  const { reviewFields } = await proposalSettings(strapi).get();
  const pendingReview: string[] = [];
  await strapi.db.transaction(async () => {
    const before = await row(strapi, me.id);
    const data: Record<string, unknown> = {};
    const held: Record<string, unknown> = {};
    for (const field of TRACKED_FIELDS) {
      const value = input[field];
      if (value === undefined || written(value) === written(before[field])) continue;
      if ((reviewFields as readonly string[]).includes(field)) held[field] = value;
      else data[field] = value;
    }
    const changes = changesBetween(before, data);
    for (const field of ['contactConsent', 'publishConsent'] as const) {
      if (input[field] !== undefined && input[field] !== !!before[field]) data[field] = input[field];
    }
    if (Object.keys(held).length) {
      await strapi.plugin('liaison').service('proposals').create({
        alumnusId: me.id,
        before,
        changes: held,
        infoSource: 'self',
        note: null,
        postId: null,
        proposerId: me.id,
      });
      pendingReview.push(...Object.keys(held));
    }
    if (!Object.keys(data).length) return;
    if (typeof data.email === 'string') {
      const other: any = await strapi.db.query(USER as any).findOne({ where: { email: data.email, id: { $ne: me.userId } }, select: ['id'] });
      if (other) throw conflictError([fieldError('email', 'accounts.emailTaken')]);
      await strapi.db.query(USER as any).update({ where: { id: me.userId }, data: { email: data.email } });
    }
    await strapi
      .documents(UID.alumnus as any)
      .update(withConsentSource({ documentId: me.documentId, data } as any, { source: 'self', by: null }) as any);
    await recordChanges(strapi, me.id, changes, { source: 'self', byUser: me.userId });
  });
  const answer = await readMe(strapi, me, lang);
  return { ...answer, meta: { ...answer.meta, pendingReview } };
};

/**
 * Removes a person's sign-in: the users-permissions user, its account and the links still open
 * to them. The alumnus record stays. Joins the caller's transaction (an erasure, a merge).
 */
export const removeLogin = async (strapi: Core.Strapi, alumnusId: number) => {
  const accounts: any[] = await strapi.db.query(ACCOUNT as any).findMany({ where: { alumnus: { id: alumnusId } }, populate: { user: { select: ['id'] } } });
  const tokens: any[] = await strapi.db.query(TOKEN as any).findMany({ where: { alumnus: { id: alumnusId } }, select: ['id'] });
  if (tokens.length) await strapi.db.query(TOKEN as any).deleteMany({ where: { id: { $in: tokens.map((t) => t.id) } } });
  if (!accounts.length) return 0;
  await strapi.db.query(ACCOUNT as any).deleteMany({ where: { id: { $in: accounts.map((a) => a.id) } } });
  const users = accounts.map((a) => a.user?.id).filter(Boolean);
  if (users.length) await strapi.db.query(USER as any).deleteMany({ where: { id: { $in: users } } });
  return accounts.length;
};

/** Everything held about the person, for themselves (their own contact fields included). */
export const exportMe = async (strapi: Core.Strapi, me: SignedInAlumnus, lang: Lang, format: 'json' | 'html' | 'pdf'): Promise<PersonalDataExport> => {
  const alumnus = await row(strapi, me.id);
  const dossier = await gatherDossier(strapi, alumnus, lang, true);
  await strapi.db.query(UID.request as any).create({
    data: { request: 'export', alumnus: me.id, alumnusDocumentId: me.documentId, format, at: new Date(), by: 'self', byId: null },
  });
  return dossier;
};

/** An erasure's part: the sign-in and its links go, and the history of their fields and the proposals about them (old and new values are theirs). */
export const eraseAccountData = async (strapi: Core.Strapi, alumnusId: number) => {
  const removed = await removeLogin(strapi, alumnusId);
  const changes: any[] = await strapi.db.query(FIELD_CHANGE as any).findMany({ where: { alumnus: { id: alumnusId } }, select: ['id'] });
  if (changes.length) await strapi.db.query(FIELD_CHANGE as any).deleteMany({ where: { id: { $in: changes.map((c) => c.id) } } });
  // Proposed changes about the person hold their values too (old and proposed).
  const proposals: any[] = await strapi.db.query(PROPOSAL as any).findMany({ where: { alumnus: { id: alumnusId } }, select: ['id'] });
  if (proposals.length) await strapi.db.query(PROPOSAL as any).deleteMany({ where: { id: { $in: proposals.map((p) => p.id) } } });
  return removed;
};

/**
 * A merge's part, before the links move to the kept record: when both records have a sign-in,
 * the kept record's stays and the merged record's goes (its user, account and links), since a
 * person has one account; when only the merged record has one, it moves with the other links.
 */
export const mergeAccounts = async (strapi: Core.Strapi, keptId: number, fromId: number) => {
  const kept = await strapi.db.query(ACCOUNT as any).findOne({ where: { alumnus: { id: keptId } }, select: ['id'] });
  if (kept) return removeLogin(strapi, fromId);
  return 0;
};
