import type { Core } from '@strapi/strapi';
import { signedInLiaison } from '../liaison-work/posts';
import { documentIdParams } from '../rules/inputs';
import { languageOf } from '../rules/messages';
import { requestLanguage } from '../utils/errors';
import { inputOf } from '../utils/input';
import { toCsv, toXlsx } from '../utils/spreadsheet';
import { renderShell } from '../alumni-app/page';
import { answering } from './answer';
import { answerBody, answerQuery, createSurvey, exportQuery, listQuery, scopesQuery, tokenParams, updateSurvey } from './inputs';
import { liaisonSurveys } from './liaisons';
import { resultsTable } from './results';

const service = (strapi: Core.Strapi) => strapi.plugin('liaison').service('surveys');

/** Staff's routes (/liaison/surveys…): College Staff within their colleges (store.ts). */
export const surveysController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /liaison/surveys?status=&page=&pageSize= */
  async list(ctx: any) {
    const filter = inputOf(ctx).query(listQuery);
    ctx.body = await service(strapi).list(filter, await service(strapi).reachOf(ctx.state));
  },

  /** GET /liaison/surveys/scopes?kind=cohort|college|region|industry&q= → scopes to pick (College Staff: theirs) */
  async scopes(ctx: any) {
    const { kind, q } = inputOf(ctx).query(scopesQuery);
    ctx.body = { data: await service(strapi).scopeOptions(kind, q, await service(strapi).reachOf(ctx.state)) };
  },

  /** GET /liaison/surveys/:documentId */
  async get(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await service(strapi).detail(documentId, await service(strapi).reachOf(ctx.state)) };
  },

  /** POST /liaison/surveys { title, titleEn?, intro?, introEn?, questions?, scopes?, opensAt?, closesAt? } → 201, a draft */
  async create(ctx: any) {
    const body = inputOf(ctx).body(createSurvey);
    ctx.status = 201;
    ctx.body = { data: await service(strapi).create(body, await service(strapi).reachOf(ctx.state)) };
  },

  /** PUT /liaison/surveys/:documentId { …the fields to change } */
  async update(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const body = input.body(updateSurvey);
    ctx.body = { data: await service(strapi).update(documentId, body, await service(strapi).reachOf(ctx.state)) };
  },

  /** POST /liaison/surveys/:documentId/send → 202, the send job running (its progress in GET /liaison/surveys/:documentId) */
  async send(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    const data = await service(strapi).send(documentId, await service(strapi).reachOf(ctx.state));
    ctx.status = 202;
    ctx.body = { data };
  },

  /** GET /liaison/surveys/:documentId/results */
  async results(ctx: any) {
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await service(strapi).results(documentId, await service(strapi).reachOf(ctx.state)) };
  },

  /** GET /liaison/surveys/:documentId/results/export?format=csv|xlsx, in the request's language */
  async export(ctx: any) {
    const input = inputOf(ctx);
    const { documentId } = input.params(documentIdParams);
    const { format } = input.query(exportQuery);
    const results = await service(strapi).results(documentId, await service(strapi).reachOf(ctx.state));
    const { header, rows } = resultsTable(results, requestLanguage());
    if (format === 'csv') {
      ctx.type = 'text/csv; charset=utf-8';
      ctx.body = toCsv(header, rows);
    } else {
      ctx.type = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      ctx.body = await toXlsx(results.survey.title || 'survey', header, rows);
    }
    ctx.attachment(`survey-${documentId}.${format}`);
  },
});

/** The personal link (no sign-in: the link is the key) and the page that answers through it. */
export const surveyAnswerController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/liaison/surveys/answer/:token?lang= */
  async read(ctx: any) {
    const input = inputOf(ctx);
    const { token } = input.params(tokenParams);
    const { lang } = input.query(answerQuery);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await answering(strapi).read(token, lang) };
  },

  /** PUT /api/liaison/surveys/answer/:token { answers } */
  async write(ctx: any) {
    const input = inputOf(ctx);
    const { token } = input.params(tokenParams);
    const { answers } = input.body(answerBody);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await answering(strapi).write(token, answers) };
  },

  /** GET /api/liaison/app/survey?token=…: the alumni page's survey view (static/survey.js). */
  page(ctx: any) {
    ctx.type = 'text/html; charset=utf-8';
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.body = renderShell('assets/', ['survey.js']);
  },
});

/** Liaisons' routes (signed-in alumni with live posts): their scopes' surveys. */
export const mySurveysController = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** GET /api/liaison/my/surveys */
  async list(ctx: any) {
    const { me, posts } = await signedInLiaison(strapi, ctx);
    const lang = languageOf(ctx.get?.('accept-language'), me.language);
    ctx.body = { data: await liaisonSurveys(strapi).mine(posts, lang) };
  },

  /** POST /api/liaison/my/surveys/:documentId/remind → { reminded, skipped, unreachable } */
  async remind(ctx: any) {
    const { posts } = await signedInLiaison(strapi, ctx);
    const { documentId } = inputOf(ctx).params(documentIdParams);
    ctx.body = { data: await liaisonSurveys(strapi).remind(posts, documentId) };
  },
});
