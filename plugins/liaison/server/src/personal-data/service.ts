import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { format } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { holderInScope } from '../access/rules';
import { actorOf, type Actor } from '../assignment/history';
import type { ConsentsResponse, ErasureResult, PersonalDataExport } from '../admin-api-types';
import { ALUMNUS_POPULATE, gatherDossier, UID } from './dossier';
import { CONSENTS, consentHistoryOf, withConsentSource } from './consents';
import { eraseAlumnus } from './erase';
import type { ConsentsInput, ExportFormat } from './inputs';

type User = any;

/**
 * `strapi.plugin('liaison').service('personal-data')`: a person's rights over their data.
 * Every method first finds the alumnus within the user's reach: an unknown documentId and
 * an alumnus outside a scoped user's colleges (and chapters) are the same 404, so that a
 * scoped user learns nothing of the others.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const notFound = () => new errors.NotFoundError(format('assignment.noAlumnus', {}, requestLanguage()));

  const reach = async (documentId: string, user: User) => {
    const row = await strapi.db.query(UID.alumnus as any).findOne({ where: { documentId }, populate: ALUMNUS_POPULATE });
    if (!row) throw notFound();
    const scope = await strapi.plugin('liaison').service('access').scopeOf(user);
    const holder = { id: row.id, cohort: row.cohort ? { id: row.cohort.id, college: row.cohort.college ? { id: row.cohort.college.id } : null } : null, chapter: row.chapter ? { id: row.chapter.id } : null };
    if (!holderInScope(holder, scope)) throw notFound();
    return { row, wholeNetwork: scope.all };
  };
  const findAlumnus = async (documentId: string, user: User) => (await reach(documentId, user)).row;

  /** Who did it, as the audit names them (an admin user), never the person's data. */
  const record = (request: 'export', alumnus: { id: number; documentId: string }, by: Actor | null, extra: Record<string, unknown>) =>
    strapi.db.query(UID.request as any).create({
      data: { request, alumnus: alumnus.id, alumnusDocumentId: alumnus.documentId, at: new Date(), by: by?.name ?? null, byId: by?.id ?? null, ...extra },
    });

  return {
    findAlumnus,

    /**
     * Everything held about the person, as `render` writes it (JSON, the page, the PDF); the
     * export is recorded (who, whom, when, which format) once it is written, not when writing fails.
     */
    async export<T>(documentId: string, format: ExportFormat, user: User, render: (dossier: PersonalDataExport) => T | Promise<T>): Promise<T> {
      // Staff of part of the network (College Staff) do not read how to reach alumni: nor in their copy.
      const { row: alumnus, wholeNetwork } = await reach(documentId, user);
      const written = await render(await gatherDossier(strapi, alumnus, requestLanguage(), wholeNetwork));
      await record('export', alumnus, actorOf(user), { format });
      return written;
    },

    /** The consents as they stand and their history, newest first. */
    async consents(documentId: string, user: User): Promise<ConsentsResponse> {
      const alumnus = await findAlumnus(documentId, user);
      return {
        data: await consentHistoryOf(strapi, alumnus.id),
        meta: {
          contactConsent: !!alumnus.contactConsent,
          contactConsentAt: alumnus.contactConsentAt ? new Date(alumnus.contactConsentAt).toISOString() : null,
          publishConsent: !!alumnus.publishConsent,
          publishConsentAt: alumnus.publishConsentAt ? new Date(alumnus.publishConsentAt).toISOString() : null,
        },
      };
    },

    /**
     * Records consents given or withdrawn (by the person, through a liaison, or as the office
     * heard them): an update through the Document Service, whose consents step writes the
     * history with this source and date. A consent that does not change is left as it was.
     */
    async recordConsents(documentId: string, input: ConsentsInput, user: User): Promise<ConsentsResponse> {
      const alumnus = await findAlumnus(documentId, user);
      const at = input.at ?? new Date().toISOString();
      const data: Record<string, unknown> = {};
      for (const c of CONSENTS) {
        const value = input[c.consent];
        if (value === undefined || value === !!alumnus[c.field]) continue;
        data[c.field] = value;
        data[c.at] = at;
      }
      if (Object.keys(data).length) {
        await strapi.documents(UID.alumnus as any).update(withConsentSource({ documentId, data } as any, { source: input.source, by: actorOf(user) }) as any);
      }
      return this.consents(documentId, user);
    },

    /** Anonymises the person (personal-data/erase.ts); 409 while they hold a live post or when erased already. */
    async erase(documentId: string, reason: string, user: User): Promise<ErasureResult> {
      const alumnus = await findAlumnus(documentId, user);
      return eraseAlumnus(strapi, alumnus, reason, actorOf(user));
    },
  };
};
