import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldError } from '../rules';
import { languageOf, localise, TERMS_ZH, type Lang } from '../rules/messages';

/**
 * The language of the request being served: its Accept-Language (the admin panel sends its
 * own language, see src/admin/locale.ts), else the admin user's preferred language, else English.
 */
export const requestLanguage = (): Lang => {
  const ctx = (globalThis as any).strapi?.requestContext?.get?.();
  if (!ctx) return 'en';
  return languageOf(ctx.get?.('accept-language') ?? ctx.request?.header?.['accept-language'], ctx.state?.user?.preferedLanguage);
};

const localised = (problems: FieldError[], lang: Lang) =>
  problems.map((p) => ({ ...p, ...localise(p.message, lang) }));

const describe = (problems: ReturnType<typeof localised>, lang: Lang) =>
  problems
    .map((p) => (lang === 'zh-Hans' ? `${TERMS_ZH[p.path] ?? p.path}：${p.message}` : `${p.path}: ${p.message}`))
    .join(lang === 'zh-Hans' ? '；' : '; ');

const details = (problems: ReturnType<typeof localised>) => ({
  errors: problems.map((p) => ({
    path: [p.path],
    message: p.message,
    name: 'ValidationError',
    ...(p.id ? { messageId: `liaison.error.${p.id}`, values: p.values } : {}),
  })),
});

/** 400, in the shape Strapi's own validation errors have, so the admin shows it on the field. */
export const validationError = (problems: FieldError[], lang: Lang = requestLanguage()) => {
  const l = localised(problems, lang);
  return new errors.ValidationError(describe(l, lang), details(l));
};

/** 409: the value is taken by another record. */
export const conflictError = (problems: FieldError[], lang: Lang = requestLanguage()) => {
  const l = localised(problems, lang);
  return createHttpError(409, describe(l, lang), { details: details(l) });
};

/**
 * 403 naming the field, in the request's language. A PolicyError keeps its message and
 * field through Strapi's route authorisation (a plain ForbiddenError becomes a bare "Forbidden").
 */
export const forbiddenError = (path: string, english: string) => {
  const { message, id, values } = localise(english, requestLanguage());
  return new errors.PolicyError(message, {
    errors: [{ path: [path], message, name: 'PolicyError', ...(id ? { messageId: `liaison.error.${id}`, values } : {}) }],
  });
};
