import type { Core } from '@strapi/strapi';
import { requestAdminUser, scopeForRequest } from './request';
import type { DocumentMiddleware } from '../writes/types';

/** How to reach an alumnus: shown to those who look after them only when the alumnus consented to be contacted. */
export const CONTACT_FIELDS = ['phone', 'email', 'wechat'] as const;
/**
 * Where an alumnus works. The person's liaisons see it under the same consent, to be
 * contacted by the network (career help and cooperation approach people at work); scoped
 * staff never read it (their roles lack the fields, services/admin-roles.ts).
 */
export const WORK_FIELDS = ['employer', 'jobTitle'] as const;

/**
 * The one rule of what a person's consent opens to those who look after them in the
 * network: with consent to be contacted, how to reach them and where they work; without it,
 * none of these (null). Applied to a row read with those fields.
 */
export const withConsentedFields = <R extends Record<string, unknown>>(row: R, contactConsent: unknown): R => {
  if (contactConsent === true || contactConsent === 1 || contactConsent === '1') return row;
  const out: Record<string, unknown> = { ...row };
  for (const f of [...CONTACT_FIELDS, ...WORK_FIELDS]) if (f in out) out[f] = null;
  return out as R;
};
const READS = new Set(['findOne', 'findFirst', 'findMany']);

/**
 * A scoped admin user (a chapter editor reading their members) sees how to reach an
 * alumnus only when the alumnus consented to be contacted: for the others, phone,
 * e-mail and WeChat are removed from every alumni read, whatever fields the role allows.
 */
export const memberContacts = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== 'plugin::liaison.alumnus' || !READS.has(ctx.action)) return next();
  const user = await requestAdminUser(strapi);
  if (!user) return next();
  const scope = await scopeForRequest(strapi, user);
  if (scope.all) return next();
  const result: any = await next();
  const rows: any[] = (Array.isArray(result) ? result : result ? [result] : []).filter((r) => CONTACT_FIELDS.some((f) => r?.[f] !== undefined));
  if (!rows.length) return result;
  const consented = new Set(
    (
      await strapi.db.query('plugin::liaison.alumnus').findMany({
        where: { id: { $in: rows.map((r) => r.id) }, contactConsent: true },
        select: ['id'],
      })
    ).map((r: any) => r.id)
  );
  for (const row of rows) {
    if (!consented.has(row.id)) for (const f of CONTACT_FIELDS) if (row[f] !== undefined) row[f] = null;
  }
  return result;
};
