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

const ACCOUNT = 'plugin::liaison.alumni-account';
const USER = 'plugin::users-permissions.user';
export const FIELD_CHANGE = 'plugin::liaison.field-change';

const row = (strapi: Core.Strapi, id: number) => strapi.db.query(UID.alumnus as any).findOne({ where: { id }, populate: ALUMNUS_POPULATE });
const written = (v: unknown) => (v === null || v === undefined ? null : String(v));

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
 * other field that changes recorded with who, when and from where. A new e-mail address is
 * also the sign-in's (409 when another sign-in uses it).
 */
export const updateMe = async (strapi: Core.Strapi, me: SignedInAlumnus, input: MeInput, lang: Lang) => {
  await strapi.db.transaction(async () => {
    const before = await row(strapi, me.id);
    const data: Record<string, unknown> = {};
    const changes: { field: string; oldValue: string | null; newValue: string | null }[] = [];
    for (const field of TRACKED_FIELDS) {
      const value = input[field];
      if (value === undefined || written(value) === written(before[field])) continue;
      data[field] = value;
      changes.push({ field, oldValue: written(before[field]), newValue: written(value) });
    }
    for (const field of ['contactConsent', 'publishConsent'] as const) {
      if (input[field] !== undefined && input[field] !== !!before[field]) data[field] = input[field];
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
    const at = new Date();
    for (const c of changes) {
      await strapi.db.query(FIELD_CHANGE as any).create({ data: { alumnus: me.id, ...c, source: 'self', byUser: me.userId, at } });
    }
  });
  return readMe(strapi, me, lang);
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

/** An erasure's part: the sign-in and its links go, and what the person changed themselves (old and new values are theirs). */
export const eraseAccountData = async (strapi: Core.Strapi, alumnusId: number) => {
  const removed = await removeLogin(strapi, alumnusId);
  const changes: any[] = await strapi.db.query(FIELD_CHANGE as any).findMany({ where: { alumnus: { id: alumnusId } }, select: ['id'] });
  if (changes.length) await strapi.db.query(FIELD_CHANGE as any).deleteMany({ where: { id: { $in: changes.map((c) => c.id) } } });
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
