import { z } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { parseWith, says } from '../rules/inputs';

/**
 * The values a public query may carry (a parameter, a filter's operand), each checked by
 * the server and described to the website by the same spec (`schemaOf`, in the OpenAPI
 * document), so that what the document allows the server accepts and nothing else
 * reaches the database: a value the database would choke on (a NUL byte, a date that is
 * not one, a number past its column) is a 400 naming where it was, not a 500.
 */
export type ValueSpec =
  | { type: 'string'; maxLength?: number }
  | { type: 'enum'; values: readonly string[] }
  /** `cut`: a larger number is taken as `max` rather than refused (page sizes). */
  | { type: 'integer'; min: number; max: number; cut?: boolean }
  | { type: 'boolean' }
  | { type: 'datetime' }
  | { type: 'year' };

/** The longest text a public query may send, in characters: no stored field is longer. */
export const MAX_TEXT = 500;
/** The range of an integer column on both databases. */
export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;

const NO_NUL = '^[^\\u0000]*$';
/** An ISO 8601 date, or date and time with an optional zone; the date must exist. */
const DATE_TIME = /^([1-9]\d{3})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/;

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** qs turns long arrays (over its arrayLimit) into objects with numeric keys. */
export const asList = (v: unknown): unknown[] | null => {
  if (Array.isArray(v)) return v;
  if (isObject(v) && Object.keys(v).every((k) => /^\d+$/.test(k))) return Object.values(v);
  return null;
};
/** `record[key]` if the record has it as its own: `constructor` or `__proto__` names no field. */
export const own = <T>(record: Record<string, T> | undefined, key: string): T | undefined =>
  record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const isDateTime = (v: string) => {
  const m = DATE_TIME.exec(v);
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0, zoneHour = 0, zoneMinute = 0] = m.slice(1).map((x) => Number(x ?? 0));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59 && zoneHour <= 23 && zoneMinute <= 59;
};

/** One value, as a query string carries it: text (numbers and booleans as their digits and words), no list or object, no NUL. */
const single = z
  .custom<unknown>((v) => typeof v !== 'object' || v === null, says('website.singleValue'))
  .transform((v) => (v === null || v === undefined ? '' : String(v)))
  .refine((text) => !text.includes('\u0000'), says('common.nul'));

const specific = (spec: ValueSpec): z.ZodType<unknown, string> => {
  switch (spec.type) {
    case 'string': {
      const max = spec.maxLength ?? MAX_TEXT;
      // Characters as JSON Schema counts them (code points), so the document's maxLength agrees.
      return z.string().refine((text) => [...text].length <= max, says('common.maxLength', { max }));
    }
    case 'enum':
      return z.enum(spec.values as [string, ...string[]], says('common.oneOf', { list: spec.values.join(', ') }));
    case 'boolean':
      return z.enum(['true', 'false'], says('common.boolean')).transform((text) => text === 'true');
    case 'datetime':
      return z.string().refine(isDateTime, says('website.datetime'));
    case 'year':
      return z.string().regex(/^\d{4}$/, says('website.year')).transform(Number);
    case 'integer': {
      const range = spec.cut ? says('website.atLeast', { min: spec.min }) : says('common.wholeNumber', { min: spec.min, max: spec.max });
      return z
        .string()
        .regex(/^-?\d+$/, range)
        .transform(Number)
        .refine((n) => n >= spec.min && (n <= spec.max || !!spec.cut), range)
        .transform((n) => Math.min(n, spec.max));
    }
  }
};

const SCHEMAS = new WeakMap<ValueSpec, z.ZodType>();

/** The zod schema of a spec's values (the same spec `schemaOf` describes to the website). */
export const zodOf = (spec: ValueSpec): z.ZodType => {
  let schema = SCHEMAS.get(spec);
  if (!schema) SCHEMAS.set(spec, (schema = single.pipe(specific(spec))));
  return schema;
};

/** The value `v` as the spec takes it, or undefined with a problem at `path`. */
export const checkValue = (spec: ValueSpec, v: unknown, path: string, problems: FieldError[]): unknown => {
  const parsed = parseWith(zodOf(spec), v);
  problems.push(...parsed.problems.map((p) => fieldError(path, p.id, p.values)));
  return parsed.value;
};

/** The JSON Schema (OpenAPI 3.1) of the values a spec accepts. */
export const schemaOf = (spec: ValueSpec): Record<string, unknown> => {
  switch (spec.type) {
    case 'string':
      return { type: 'string', maxLength: spec.maxLength ?? MAX_TEXT, pattern: NO_NUL };
    case 'enum':
      return { type: 'string', enum: [...spec.values] };
    case 'boolean':
      return { type: 'boolean' };
    case 'datetime':
      return {
        type: 'string',
        pattern: DATE_TIME.source,
        description: 'an ISO 8601 date, or date and time (UTC unless a zone is given)',
        examples: ['2027-01-01', '2027-01-01T09:30:00Z', '2027-06-30T18:00:00+08:00'],
      };
    case 'year':
      return { type: 'string', pattern: '^\\d{4}$', examples: ['2006'] };
    case 'integer':
      return spec.cut
        ? { type: 'integer', minimum: spec.min, description: `larger values are taken as ${spec.max}` }
        : { type: 'integer', minimum: spec.min, maximum: spec.max };
  }
};
