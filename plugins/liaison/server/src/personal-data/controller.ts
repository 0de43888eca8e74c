import type { Core } from '@strapi/strapi';
import createHttpError from 'http-errors';
import { documentIdParams } from '../rules/inputs';
import { format as say } from '../rules/messages';
import { errorDetail, requestLanguage } from '../utils/errors';
import { inputOf } from '../utils/input';
import type { PersonalDataExport } from '../admin-api-types';
import { readableDocument } from './document';
import { renderHtml } from './render-html';
import { NoFontError, renderPdf } from './render-pdf';
import { consentsInput, eraseInput, exportQuery, type ExportFormat } from './inputs';

/** A file name for the person's export: the record's documentId and the day, nothing personal (file names travel in mails and logs). */
const fileName = (dossier: PersonalDataExport, ext: string) =>
  `personal-data-${dossier.alumnus.documentId.replace(/[^A-Za-z0-9_-]/g, '')}-${dossier.exportedAt.slice(0, 10)}.${ext}`;

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

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
      const render = async (dossier: PersonalDataExport) => {
        const name = fileName(dossier, format);
        if (format === 'json') return { name, body: JSON.stringify({ data: dossier }, null, 2) };
        const readable = readableDocument(dossier, lang);
        if (format === 'html') return { name, body: renderHtml(readable, lang) };
        try {
          return { name, body: await renderPdf(readable, strapi.plugin('liaison').config('pdfFont') as string | undefined) };
        } catch (error) {
          if (!(error instanceof NoFontError)) throw error;
          // Not a fault of the request: this server has no font for the text. Said plainly, with the way out.
          const detail = errorDetail('format', 'personalData.pdfFont', {}, lang);
          throw createHttpError(501, say('personalData.pdfFont', {}, lang), { details: { errors: [detail] } });
        }
      };
      const { name, body } = await service().export(documentId, format, ctx.state.user, render);
      ctx.set('Cache-Control', 'no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      // The page holds the person's data only: nothing runs on it, whatever a name says.
      if (format === 'html') {
        ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      }
      ctx.attachment(name);
      ctx.type = TYPES[format];
      ctx.body = body;
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
