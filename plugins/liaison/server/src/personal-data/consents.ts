import type { Core } from '@strapi/strapi';
import type { DocumentMiddleware } from '../writes/types';
import { actorOf, currentActor, type Actor } from '../assignment/history';
import type { ConsentChange } from '../admin-api-types';

export const ALUMNUS = 'plugin::liaison.alumnus';
export const CONSENT_CHANGES = 'plugin::liaison.consent-change';

/** The two consents an alumnus gives: to be contacted, to be published (stories, the directory, the honour roll). */
export const CONSENTS = [
  { consent: 'contact', field: 'contactConsent', at: 'contactConsentAt' },
  { consent: 'publish', field: 'publishConsent', at: 'publishConsentAt' },
] as const;

export type Consent = (typeof CONSENTS)[number]['consent'];
export const CONSENT_SOURCES = ['admin', 'import', 'self', 'liaison', 'erasure', 'system'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * Where a consent change came from, passed with the write itself:
 * `strapi.documents(ALUMNUS).update({ documentId, data, consent: { source: 'self' } })`.
 * The consents step takes it out of the parameters before Strapi sees them. A write
 * without it is the admin panel's when an admin user makes it, else the system's.
 */
export interface ConsentLabel {
  source: ConsentSource;
  by?: Actor | null;
}

export const withConsentSource = <P extends Record<string, unknown>>(params: P, label: ConsentLabel) => ({ ...params, consent: label }) as P;

const yes = (v: unknown) => v === true || v === 1 || v === 'true' || v === '1';
const instant = (v: unknown) => (v === null || v === undefined || v === '' ? null : new Date(v as string).getTime());

export interface ConsentEntry {
  alumnusId: number;
  consent: Consent;
  granted: boolean;
  at: Date | string;
  source: ConsentSource;
  by?: Actor | null;
}

/**
 * Writes consent changes in the caller's transaction: for writers that bypass the
 * Document Service (a batched import, SQL), which must record what they change themselves.
 */
export const recordConsentChanges = async (strapi: Core.Strapi, entries: ConsentEntry[]) => {
  for (const e of entries) {
    await strapi.db.query(CONSENT_CHANGES as any).create({
      data: {
        alumnus: e.alumnusId,
        consent: e.consent,
        granted: e.granted,
        at: new Date(e.at),
        source: e.source,
        by: e.by?.name ?? null,
        byId: e.by?.id ?? null,
      },
    });
  }
};

const SELECT = ['id', ...CONSENTS.flatMap((c) => [c.field, c.at])];

/**
 * A step of the write pipeline: on every create and update of an alumnus, whatever the
 * path (the Content Manager, our routes, the unsubscribe link, scripts), a consent that
 * changes gets its date (now, unless the write sets another one) and a consent-change
 * row (the new value, its date, where it came from, who) in the write's transaction.
 */
export const consentHistory = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== ALUMNUS || !['create', 'update', 'delete', 'clone'].includes(ctx.action)) return next();
  const params = ctx.params as { documentId?: string; data?: Record<string, unknown>; consent?: ConsentLabel };
  const label = params.consent;
  delete params.consent;
  if (ctx.action === 'delete') return next();
  const data = params.data;
  if (!data || !CONSENTS.some((c) => c.field in data)) return next();

  return strapi.db.transaction(async () => {
    const before =
      ctx.action === 'update' && params.documentId
        ? await strapi.db.query(ALUMNUS as any).findOne({ where: { documentId: params.documentId }, select: SELECT })
        : null;
    const now = new Date();
    for (const c of CONSENTS) {
      if (!(c.field in data)) continue;
      const changed = yes(data[c.field]) !== yes(before?.[c.field]);
      // The date the writer sent is kept when it is new (the Content Manager sends the old one back with every save).
      const dateSent = c.at in data && data[c.at] !== null && data[c.at] !== '' && instant(data[c.at]) !== instant(before?.[c.at]);
      if (changed && !dateSent) data[c.at] = now.toISOString();
    }
    const result: any = await next();
    const id = result?.id ?? before?.id;
    if (!id) return result;
    const after = await strapi.db.query(ALUMNUS as any).findOne({ where: { id }, select: SELECT });
    if (!after) return result;
    const by = label?.by !== undefined ? label.by : currentActor(strapi);
    const source: ConsentSource = label?.source ?? (by?.id ? 'admin' : 'system');
    const entries: ConsentEntry[] = CONSENTS.filter((c) => yes(after[c.field]) !== yes(before?.[c.field])).map((c) => ({
      alumnusId: id,
      consent: c.consent,
      granted: yes(after[c.field]),
      at: after[c.at] ?? now,
      source,
      by,
    }));
    await recordConsentChanges(strapi, entries);
    return result;
  });
};

/** An alumnus' consent history, newest first; `withBy`: the staff member who recorded each change (not in a person's own export). */
export const consentHistoryOf = async (strapi: Core.Strapi, alumnusId: number, withBy = true): Promise<ConsentChange[]> => {
  const rows: any[] = await strapi.db.query(CONSENT_CHANGES as any).findMany({
    where: { alumnus: { id: alumnusId } },
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
  });
  return rows.map((r) => ({
    consent: r.consent,
    granted: !!r.granted,
    at: r.at instanceof Date ? r.at.toISOString() : r.at,
    source: r.source,
    ...(withBy ? { by: r.by ?? null } : {}),
  }));
};

export { actorOf };
