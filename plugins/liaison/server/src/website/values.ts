import { fieldError, type FieldError } from '../rules';

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

/**
 * The value `v` as the spec takes it, or undefined with a problem at `path`. Query strings
 * carry text only: numbers and booleans arrive as their digits and words.
 */
export const checkValue = (spec: ValueSpec, v: unknown, path: string, problems: FieldError[]): unknown => {
  const fail = (message: string) => {
    problems.push(fieldError(path, message));
    return undefined;
  };
  if (Array.isArray(v) || (typeof v === 'object' && v !== null)) return fail('must be a single value');
  const text = v === null || v === undefined ? '' : String(v);
  if (text.includes('\u0000')) return fail('must not contain a NUL character');
  switch (spec.type) {
    case 'string': {
      const max = spec.maxLength ?? MAX_TEXT;
      // Characters as JSON Schema counts them (code points), so the document's maxLength agrees.
      return [...text].length > max ? fail(`must be at most ${max} characters`) : text;
    }
    case 'enum':
      return spec.values.includes(text) ? text : fail(`must be one of ${spec.values.join(', ')}`);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : fail('must be true or false');
    case 'datetime':
      return isDateTime(text) ? text : fail('must be a date (yyyy-MM-dd) or a date and time (ISO 8601)');
    case 'year':
      return /^\d{4}$/.test(text) ? Number(text) : fail('must be a four-digit year');
    case 'integer': {
      const range = spec.cut ? `must be a whole number of at least ${spec.min}` : `must be a whole number from ${spec.min} to ${spec.max}`;
      if (!/^-?\d+$/.test(text)) return fail(range);
      const n = Number(text);
      if (n < spec.min || (n > spec.max && !spec.cut)) return fail(range);
      if (n > spec.max) return spec.max;
      return n;
    }
  }
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
