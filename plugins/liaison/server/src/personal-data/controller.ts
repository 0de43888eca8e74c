import type { Core } from '@strapi/strapi';
import { documentIdParams } from '../rules/inputs';
import { requestLanguage } from '../utils/errors';
import { inputOf } from '../utils/input';
import type { PersonalDataExport } from '../admin-api-types';
import { consentsInput, eraseInput, exportQuery } from './inputs';
import { renderExport, sendExport } from './send-export';

/** Thin controllers: the request parsed by ./inputs, the service checks the user's reach and does the work. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('personal-data');
  return {
    /** GET /liaison/alumni/:documentId/export?format=json|html|pdf: a file to download. */
    async export(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const { format } = input.query(exportQuery);
      const lang = requestLanguage();
      const file = await service().export(documentId, format, ctx.state.user, (dossier: PersonalDataExport) => renderExport(strapi, dossier, format, lang));
      sendExport(ctx, format, file);
    },

    /** GET /liaison/alumni/:documentId/consents */
    async consents(ctx: any) {
      const { documentId } = inputOf(ctx).params(documentIdParams);
      ctx.body = await service().consents(documentId, ctx.state.user);
    },

    /** PUT /liaison/alumni/:documentId/consents { contact?, publish?, source?, at? } */
    async recordConsents(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const body = input.body(consentsInput);
      ctx.body = await service().recordConsents(documentId, body, ctx.state.user);
    },

    /** POST /liaison/alumni/:documentId/erase { reason } */
    async erase(ctx: any) {
      const input = inputOf(ctx);
      const { documentId } = input.params(documentIdParams);
      const { reason } = input.body(eraseInput);
      ctx.body = { data: await service().erase(documentId, reason, ctx.state.user) };
    },
  };
};
