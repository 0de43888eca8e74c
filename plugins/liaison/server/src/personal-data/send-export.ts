import createHttpError from 'http-errors';
import { format as say, type Lang } from '../rules/messages';
import { errorDetail } from '../utils/errors';
import type { PersonalDataExport } from '../admin-api-types';
import { readableDocument } from './document';
import { renderHtml } from './render-html';
import { NoFontError, renderPdf } from './render-pdf';
import type { ExportFormat } from './inputs';

/** A file name for the person's export: the record's documentId and the day, nothing personal (file names travel in mails and logs). */
const fileName = (dossier: PersonalDataExport, ext: string) =>
  `personal-data-${dossier.alumnus.documentId.replace(/[^A-Za-z0-9_-]/g, '')}-${dossier.exportedAt.slice(0, 10)}.${ext}`;

const TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

/** The export as a file in the asked format (the staff's route and the person's own). */
export const renderExport = async (strapi: any, dossier: PersonalDataExport, format: ExportFormat, lang: Lang) => {
  const name = fileName(dossier, format);
  if (format === 'json') return { name, body: JSON.stringify({ data: dossier }, null, 2) as string | Buffer };
  const readable = readableDocument(dossier, lang);
  if (format === 'html') return { name, body: renderHtml(readable, lang) as string | Buffer };
  try {
    return { name, body: (await renderPdf(readable, strapi.plugin('liaison').config('pdfFont') as string | undefined)) as string | Buffer };
  } catch (error) {
    if (!(error instanceof NoFontError)) throw error;
    // Not a fault of the request: this server has no font for the text. Said plainly, with the way out.
    const detail = errorDetail('format', 'personalData.pdfFont', {}, lang);
    throw createHttpError(501, say('personalData.pdfFont', {}, lang), { details: { errors: [detail] } });
  }
};

/** Sends the file: never cached, never sniffed, and a page on which nothing runs, whatever a name says. */
export const sendExport = (ctx: any, format: ExportFormat, file: { name: string; body: string | Buffer }) => {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('X-Content-Type-Options', 'nosniff');
  if (format === 'html') {
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
  }
  ctx.attachment(file.name);
  ctx.type = TYPES[format];
  ctx.body = file.body;
};
