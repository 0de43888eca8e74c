import { z } from '@strapi/utils';
import { documentId, filledText, oneOf, optional, paging, says, text, withDefault } from '../rules/inputs';
import { DIMENSIONS } from '../vocabulary';
import { questionsSchema } from './questions';

/** A moment written in ISO 8601 (what the admin's date pickers send). */
const moment = () =>
  z
    .string(says('datetime.format'))
    .max(40, says('datetime.format'))
    .refine((v) => /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v)), says('datetime.format'))
    .transform((v) => new Date(v).toISOString());

/** One scope a survey goes to: a class (cohort), college, chapter (region) or industry group, by its documentId. */
export const scopeInput = z.object({ kind: oneOf(DIMENSIONS), documentId: documentId() }, says('common.object')).strict();
export type ScopeInput = z.output<typeof scopeInput>;

const fields = {
  title: filledText(200),
  titleEn: optional(text(200)),
  intro: optional(text(5000)),
  introEn: optional(text(5000)),
  questions: questionsSchema,
  scopes: z.array(scopeInput, says('common.list')).max(500, says('common.atMost', { max: 500 })),
  opensAt: optional(moment()),
  closesAt: optional(moment()),
};

/** POST /liaison/surveys: a draft (questions and scopes may still be empty). */
export const createSurvey = z
  .object({ ...fields, questions: withDefault(questionsSchema, []), scopes: withDefault(fields.scopes, []) })
  .strict();

/** PUT /liaison/surveys/:documentId: the fields given change; `null` clears the optional ones. */
export const updateSurvey = z
  .object({
    title: fields.title.optional(),
    titleEn: z.union([z.null(), text(200)]).optional(),
    intro: z.union([z.null(), text(5000)]).optional(),
    introEn: z.union([z.null(), text(5000)]).optional(),
    questions: questionsSchema.optional(),
    scopes: fields.scopes.optional(),
    opensAt: z.union([z.null(), moment()]).optional(),
    closesAt: z.union([z.null(), moment()]).optional(),
  })
  .strict();
export type SurveyInput = z.output<typeof updateSurvey>;

export const STATUSES = ['draft', 'sent', 'closed'] as const;

/** GET /liaison/surveys?status=&page=&pageSize= */
export const listQuery = z.object({ ...paging(100_000, 100, 25), status: optional(oneOf(STATUSES)) }).strict();

/** GET /liaison/surveys/:documentId/results/export?format=csv|xlsx */
export const exportQuery = z.object({ format: withDefault(oneOf(['csv', 'xlsx'] as const), 'csv') }).strict();

/** The personal link's token in the path: any text (an unknown one is a 404). */
export const tokenParams = z.object({ token: text(200) });

/** GET /api/liaison/surveys/answer/:token?lang=en|zh-Hans: the language of the labels (default: the person's). */
export const answerQuery = z.object({ lang: optional(oneOf(['en', 'zh-Hans'] as const)) }).strict();

/** PUT /api/liaison/surveys/answer/:token { answers } (each answer checked against the questions by the service). */
export const answerBody = z.object({ answers: z.record(z.string(), z.unknown(), says('common.object')) }).strict();

/** GET /liaison/surveys/scopes?kind=&q=: the scope picker's choices. */
export const scopesQuery = z.object({ kind: oneOf(DIMENSIONS), q: optional(text(100)) }).strict();
