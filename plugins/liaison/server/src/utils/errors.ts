import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldError } from '../rules/field-error';
import { format, languageOf, type Lang, type MessageId, type MessageValues } from '../rules/messages';
import { TERMS_ZH } from '../rules/terms-zh';

/**
 * The language of the request being served: its Accept-Language (the admin panel sends its
 * own language, see src/admin/locale.ts), else the admin user's preferred language, else English.
 */
export const requestLanguage = (): Lang => {
  const ctx = (globalThis as any).strapi?.requestContext?.get?.();
  if (!ctx) return 'en';
  return languageOf(ctx.get?.('accept-language') ?? ctx.request?.header?.['accept-language'], ctx.state?.user?.preferedLanguage);
};

/** How a field is named before its message: the field itself in English, its Chinese name in Chinese. */
export const fieldLabel = (path: string, lang: Lang) => (lang === 'zh-Hans' ? (TERMS_ZH[path] ?? path) : path);

/** "field: message" joined, in the language's punctuation. */
const describe = (problems: { path: string; message: string }[], lang: Lang) =>
  problems
    .map((p) => `${fieldLabel(p.path, lang)}${lang === 'zh-Hans' ? '：' : ': '}${p.message}`)
    .join(lang === 'zh-Hans' ? '；' : '; ');

/** One entry of `details.errors`: Strapi's shape, plus the message id and values the admin can translate by. */
export const errorDetail = (
  path: string | string[],
  id: MessageId,
  values: MessageValues,
  lang: Lang,
  name: 'ValidationError' | 'PolicyError' = 'ValidationError',
) => {
  const written = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  return {
    path: Array.isArray(path) ? path : [path],
    message: format(id, written, lang),
    name,
    messageId: `liaison.error.${id}`,
    values: written,
  };
};

const said = (problems: FieldError[], lang: Lang) => {
  const list = problems.map((p) => errorDetail(p.path, p.id, p.values, lang));
  return { message: describe(problems.map((p, i) => ({ path: p.path, message: list[i].message })), lang), details: { errors: list } };
};

/** 400, in the shape Strapi's own validation errors have, so the admin shows it on the field. */
export const validationError = (problems: FieldError[], lang: Lang = requestLanguage()) => {
  const { message, details } = said(problems, lang);
  return new errors.ValidationError(message, details);
};

/** 409: the value is taken by another record. */
export const conflictError = (problems: FieldError[], lang: Lang = requestLanguage()) => {
  const { message, details } = said(problems, lang);
  return createHttpError(409, message, { details });
};

/**
 * 403 naming the field, in the request's language. A PolicyError keeps its message and
 * field through Strapi's route authorisation (a plain ForbiddenError becomes a bare "Forbidden").
 * `summary` is the error's message in each language (default: the field's message).
 */
export const forbiddenError = (
  path: string,
  id: MessageId,
  values: MessageValues = {},
  summary?: (message: string, lang: Lang) => string,
) => {
  const lang = requestLanguage();
  const detail = errorDetail(path, id, values, lang, 'PolicyError');
  return new errors.PolicyError(summary ? summary(detail.message, lang) : detail.message, { errors: [detail] });
};
