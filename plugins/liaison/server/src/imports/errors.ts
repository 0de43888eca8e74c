import { errors } from '@strapi/utils';
import { importMessage, type ImportLang } from './messages';

/** A problem of a request, named by the field or parameter to correct. */
export interface RequestProblem {
  path: string;
  id: string;
  values?: Record<string, unknown>;
}

const entries = (problems: RequestProblem[], lang: ImportLang, name: string) =>
  problems.map((p) => ({
    path: [p.path],
    message: importMessage(p.id, p.values, lang),
    name,
    messageId: `liaison.${p.id}`,
    values: p.values ?? {},
  }));

const summary = (problems: RequestProblem[], lang: ImportLang) =>
  problems.map((p) => `${p.path}${lang === 'zh-Hans' ? '：' : ': '}${importMessage(p.id, p.values, lang)}`).join(lang === 'zh-Hans' ? '；' : '; ');

/** 400 in Strapi's error shape (`details.errors[].path` names the field), in the request's language. */
export const importValidationError = (problems: RequestProblem[], lang: ImportLang) =>
  new errors.ValidationError(summary(problems, lang), { errors: entries(problems, lang, 'ValidationError') });

/** 403 naming the field (a PolicyError keeps its message and details through Strapi's route authorisation). */
export const importForbidden = (problem: RequestProblem, lang: ImportLang) =>
  new errors.PolicyError(summary([problem], lang), { errors: entries([problem], lang, 'PolicyError') });
