import { z } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { addProblem, filledText, says } from '../rules/inputs';

/**
 * A survey's questions (kept as JSON with the survey) and the check of an answer against
 * them. Pure: no Strapi here, so the rules are read (and tested) in one place.
 */
export const QUESTION_KINDS = ['single', 'multiple', 'text', 'number'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type Lang = 'en' | 'zh-Hans';
export type Label = { en: string; 'zh-Hans': string };

export interface SurveyOption {
  key: string;
  label: Label;
}

export interface SurveyQuestion {
  key: string;
  kind: QuestionKind;
  label: Label;
  options: SurveyOption[];
  required: boolean;
  min?: number;
  max?: number;
}

/** A question's or an option's key: what answers and exports name it by. */
export const KEY = /^[A-Za-z0-9_-]{1,40}$/;
/** The longest text answer. */
export const MAX_TEXT_ANSWER = 5000;
/** Questions in one survey, options in one question. */
export const MAX_QUESTIONS = 100;
export const MAX_OPTIONS = 50;

const key = () => z.string(says('surveys.questionKey')).regex(KEY, says('surveys.questionKey'));
const label = () => z.object({ en: filledText(500), 'zh-Hans': filledText(500) }, says('common.object')).strict();
const finite = () => z.number(says('common.number')).refine((n) => Number.isFinite(n), says('common.number'));

const questionSchema = z
  .object(
    {
      key: key(),
      kind: z.enum(QUESTION_KINDS, says('common.oneOf', { list: QUESTION_KINDS.join(', ') })),
      label: label(),
      options: z.array(z.object({ key: key(), label: label() }).strict(), says('common.list')).max(MAX_OPTIONS, says('common.atMost', { max: MAX_OPTIONS })).optional(),
      required: z.boolean(says('common.boolean')).optional(),
      min: finite().optional(),
      max: finite().optional(),
    },
    says('common.object'),
  )
  .strict()
  .superRefine((q, ctx) => {
    const options = q.options ?? [];
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && options.length < 2) addProblem(ctx, ['options'], 'surveys.options', { kind: q.kind });
    if (!choice && options.length) addProblem(ctx, ['options'], 'surveys.noOptions', { kind: q.kind });
    const seen = new Set<string>();
    options.forEach((o, i) => {
      if (seen.has(o.key)) addProblem(ctx, ['options', i, 'key'], 'surveys.optionTwice', { key: o.key });
      seen.add(o.key);
    });
    if (q.kind !== 'number') {
      if (q.min !== undefined) addProblem(ctx, ['min'], 'surveys.rangeKind');
      if (q.max !== undefined) addProblem(ctx, ['max'], 'surveys.rangeKind');
    } else if (q.min !== undefined && q.max !== undefined && q.min > q.max) {
      addProblem(ctx, ['min'], 'surveys.range', { max: q.max });
    }
  });

/** The questions of a survey as staff send them: each checked, keys unique; stored in this normal form. */
export const questionsSchema = z
  .array(questionSchema, says('common.list'))
  .max(MAX_QUESTIONS, says('common.atMost', { max: MAX_QUESTIONS }))
  .superRefine((questions, ctx) => {
    const seen = new Set<string>();
    questions.forEach((q, i) => {
      if (seen.has(q.key)) addProblem(ctx, [i, 'key'], 'surveys.keyTwice', { key: q.key });
      seen.add(q.key);
    });
  })
  .transform((questions): SurveyQuestion[] =>
    questions.map((q) => ({
      key: q.key,
      kind: q.kind,
      label: q.label,
      options: q.options ?? [],
      required: q.required ?? false,
      ...(q.kind === 'number' && q.min !== undefined ? { min: q.min } : {}),
      ...(q.kind === 'number' && q.max !== undefined ? { max: q.max } : {}),
    })),
  );

/** Stored questions, read back leniently (a hand-edited row never breaks a read). */
export const storedQuestions = (value: unknown): SurveyQuestion[] => {
  const list = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(list) ? (list.filter((q) => q && typeof q.key === 'string') as SurveyQuestion[]) : [];
};

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A label in a language, the other one when it is empty. */
export const inLanguage = (label: Partial<Label> | undefined, lang: Lang) =>
  (lang === 'en' ? label?.en || label?.['zh-Hans'] : label?.['zh-Hans'] || label?.en) ?? '';

/** The questions as the person answering reads them: labels in their language. */
export const localised = (questions: SurveyQuestion[], lang: Lang) =>
  questions.map((q) => ({
    key: q.key,
    kind: q.kind,
    label: inLanguage(q.label, lang),
    required: !!q.required,
    options: (q.options ?? []).map((o) => ({ key: o.key, label: inLanguage(o.label, lang) })),
    ...(q.min !== undefined ? { min: q.min } : {}),
    ...(q.max !== undefined ? { max: q.max } : {}),
  }));

export type AnswerValue = string | number | string[];

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Checks an answer against the questions: every problem named by its question
 * (`answers.<key>`). Blank answers to optional questions are left out of what is stored.
 */
export const checkAnswers = (questions: SurveyQuestion[], answers: unknown): { value: Record<string, AnswerValue>; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  const value: Record<string, AnswerValue> = {};
  if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return { value, problems: [fieldError('answers', 'common.object')] };
  const given = answers as Record<string, unknown>;
  const byKey = new Map(questions.map((q) => [q.key, q]));
  for (const k of Object.keys(given)) if (!byKey.has(k)) problems.push(fieldError(`answers.${k}`, 'surveys.unknownQuestion'));
  for (const q of questions) {
    const path = `answers.${q.key}`;
    const v = typeof given[q.key] === 'string' ? (given[q.key] as string).trim() : given[q.key];
    if (blank(v)) {
      if (q.required) problems.push(fieldError(path, 'required'));
      continue;
    }
    const keys = (q.options ?? []).map((o) => o.key);
    if (q.kind === 'single') {
      if (typeof v !== 'string' || !keys.includes(v)) problems.push(fieldError(path, 'surveys.answerOption', { list: keys.join(', ') }));
      else value[q.key] = v;
    } else if (q.kind === 'multiple') {
      const ok = Array.isArray(v) && v.every((x) => typeof x === 'string' && keys.includes(x)) && new Set(v).size === v.length;
      if (!ok) problems.push(fieldError(path, 'surveys.answerOptions', { list: keys.join(', ') }));
      else value[q.key] = keys.filter((k) => (v as string[]).includes(k));
    } else if (q.kind === 'number') {
      const n = typeof v === 'number' ? v : NaN;
      const min = q.min ?? -1e12;
      const max = q.max ?? 1e12;
      if (!Number.isFinite(n) || n < min || n > max) problems.push(fieldError(path, 'surveys.answerNumber', { min, max }));
      else value[q.key] = n;
    } else {
      if (typeof v !== 'string' || v.length > MAX_TEXT_ANSWER || v.includes('\u0000')) problems.push(fieldError(path, 'surveys.answerText', { max: MAX_TEXT_ANSWER }));
      else value[q.key] = v;
    }
  }
  return { value, problems };
};
