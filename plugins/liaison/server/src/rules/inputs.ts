import { z } from '@strapi/utils';
import { fieldError, type FieldError } from './field-error';
import { checkOrder, isDay } from './dates';
import { isMessageId, type MessageId, type MessageValues } from './messages';

/**
 * The building blocks of the controllers' input schemas (zod, as Strapi itself uses
 * through `@strapi/utils`). Each schema names its errors by message id: `says(id, values)`
 * is the message a zod check carries, and `problemsOf` turns the issues of a failed parse
 * into our field errors (the path a person would correct, the id, the values). An issue
 * without our message (a check that names none) still gets an id from its kind.
 */

const TAG = 'liaison.message:';

/**
 * The message of a zod check, naming a message of the catalogue and its values; `at`, the
 * path it names when a check speaks for a field deeper than its own (a translated query).
 */
export const says = (id: MessageId, values: MessageValues = {}, at?: string) => `${TAG}${JSON.stringify(at === undefined ? [id, values] : [id, values, at])}`;

const heard = (message: string | undefined): { id: MessageId; values: MessageValues; at?: string } | null => {
  if (!message?.startsWith(TAG)) return null;
  const [id, values, at] = JSON.parse(message.slice(TAG.length));
  return isMessageId(id) ? { id, values: values ?? {}, at } : null;
};

/** What an issue says when its check named no message: by its kind (what zod would say in English). */
export const defaultMessage = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null) return says('required');
      return says(
        ({ string: 'common.text', number: 'common.number', int: 'common.number', boolean: 'common.boolean', array: 'common.list', object: 'common.object', record: 'common.object' } as Record<string, MessageId>)[
          issue.expected
        ] ?? 'common.invalid',
      );
    case 'invalid_value':
      return says('common.oneOf', { list: issue.values.map(String).join(', ') });
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return says('required');
      return says('common.atLeast', { min: String(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return says('common.maxLength', { max: String(issue.maximum) });
      return says('common.atMost', { max: String(issue.maximum) });
    default:
      return says('common.invalid');
  }
};

/** How a path is written: `appointments[0].alumnus` (the admin API) or `pagination[page]` (the public API's query). */
export type PathStyle = 'dots' | 'brackets';

export const pathOf = (segments: readonly PropertyKey[], style: PathStyle = 'dots') =>
  segments.reduce<string>((out, s, i) => {
    const name = String(s);
    if (i === 0) return name;
    if (typeof s === 'number' || style === 'brackets') return `${out}[${name}]`;
    return `${out}.${name}`;
  }, '');

/** The field errors of a failed parse, each once, in the order zod found them. */
export const problemsOf = (issues: readonly z.core.$ZodIssue[], options: { root?: string; style?: PathStyle } = {}): FieldError[] => {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  const add = (segments: readonly PropertyKey[], message: string) => {
    const { id, values, at } = heard(message) ?? { id: 'common.invalid' as const, values: {} };
    const problem = fieldError(at ?? (pathOf(segments, options.style) || options.root || 'body'), id, values);
    const key = JSON.stringify([problem.path, problem.id, problem.values]);
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], issue.message);
    else add(issue.path, issue.message);
  }
  return problems;
};

/** Parses `data`: the typed value, or the field errors (never throws for bad input). */
export const parseWith = <S extends z.ZodType>(
  schema: S,
  data: unknown,
  options: { root?: string; style?: PathStyle } = {},
): { value?: z.output<S>; problems: FieldError[] } => {
  const result = schema.safeParse(data, { error: defaultMessage });
  return result.success ? { value: result.data, problems: [] } : { problems: problemsOf(result.error.issues, options) };
};

// ------------------------------------------------------------------ building blocks

export { isDay };

/** The longest text an input may carry unless a schema says otherwise. */
export const MAX_TEXT = 10_000;
/** A documentId (or any record reference a client names): letters, digits, _ and -. */
export const REF = /^[A-Za-z0-9_-]{1,64}$/;

/** An absent value: `undefined`, `null`, or an empty text (a cleared form field, `?x=`). */
export const isBlank = (v: unknown) => v === undefined || v === null || v === '';

/** Text, at most `max` characters, without NUL (the databases refuse it: a 400, not a 500). */
export const text = (max = MAX_TEXT, id: MessageId = 'common.text') =>
  z
    .string(says(id))
    .max(max, says('common.maxLength', { max }))
    .refine((s) => !s.includes('\u0000'), says('common.nul'));

/** Text with something in it besides spaces (kept as written). */
export const filledText = (max = MAX_TEXT, id: MessageId = 'required') =>
  text(max, id).refine((s) => s.trim().length > 0, says(id));

/** A reference to a record by its documentId. */
export const documentId = (id: MessageId = 'common.documentId') => z.string(says(id)).regex(REF, says(id));

/** A documentId in a path (`/posts/:documentId`): any text without NUL, so that an unknown one is a 404 as ever. */
export const pathId = () => text(255, 'common.documentId');

/** A day written yyyy-MM-dd. */
export const day = (id: MessageId = 'date.format') => z.string(says(id)).refine(isDay, says(id));

/** One of a list of words. */
export const oneOf = <const T extends string>(values: readonly T[], id: MessageId = 'common.oneOf') =>
  z.enum(values as readonly T[] as [T, ...T[]], says(id, { list: values.join(', ') }));

/** A whole number from min to max (a JSON number). */
export const wholeNumber = (min: number, max: number) => {
  const message = says('common.wholeNumber', { min, max });
  return z.number(message).int(message).min(min, message).max(max, message);
};

/** A whole number from min to max, as a query string carries it (digits) or a JSON number. */
export const wholeNumberIn = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : v), wholeNumber(min, max));

/** Optional, and blank (`null`, `''`) counts as absent: the lenient forms clients already send. */
export const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (isBlank(v) ? undefined : v), schema.optional());

/** Optional (blank counts as absent), `fallback` when absent. */
export const withDefault = <S extends z.ZodType>(schema: S, fallback: z.output<S>) =>
  optional(schema).transform((v): z.output<S> => (v === undefined ? fallback : v));

/** A page and a page size of a list, as a query string carries them. */
export const paging = (maxPage: number, maxPageSize: number, defaultPageSize = 25) => ({
  page: withDefault(wholeNumberIn(1, maxPage), 1),
  pageSize: withDefault(wholeNumberIn(1, maxPageSize), defaultPageSize),
});

/** A request's path parameter `documentId`. */
export const documentIdParams = z.object({ documentId: pathId() });

/** Cross-field checks of an object that run even when one of its fields is wrong, so that one answer names every field. */
export const always = { when: () => true };

/** Adds an issue naming a message at `path` (inside a superRefine or a transform). */
export const addProblem = (ctx: z.core.$RefinementCtx, path: PropertyKey[], id: MessageId, values: MessageValues = {}) =>
  ctx.addIssue({ code: 'custom', path, message: says(id, values) });

/** Adds the problems a hand-written check found, each naming its own path (inside a superRefine or a transform). */
export const addProblems = (ctx: z.core.$RefinementCtx, problems: FieldError[]) => {
  for (const p of problems) ctx.addIssue({ code: 'custom', message: says(p.id, p.values, p.path) });
};

/**
 * A value checked and turned into another by a hand-written translation that reports its
 * problems by path (`filters[title][$eq]`): the public query's filters, sort, fields and populate.
 */
export const translated = <T>(translate: (value: unknown, problems: FieldError[]) => T) =>
  z.unknown().optional().transform((value, ctx) => {
    const problems: FieldError[] = [];
    const out = translate(value, problems);
    addProblems(ctx, problems);
    return out;
  });

/**
 * A superRefine: `later` after `earlier` when both are given, by the rule every write of the
 * record keeps (rules/dates.ts), so that the request's answer names it with its other fields.
 */
export const inOrder =
  (earlier: string, later: string) => (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const [a, b] = [value[earlier], value[later]];
    if (!isDay(a) || !isDay(b)) return;
    for (const p of checkOrder({ field: earlier, value: a }, { field: later, value: b })) addProblem(ctx, [p.path], p.id, p.values);
  };
