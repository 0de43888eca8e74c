import { fieldError, type FieldError } from './field-error';

type DateLike = string | number | Date | null | undefined;

const toTime = (value: DateLike): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : new Date(value).getTime();
  return Number.isNaN(time) ? null : time;
};

/**
 * `later` must be strictly after `earlier` when both are set.
 * Returns the error on the later field, which is the one a person fixes.
 */
export const checkOrder = (
  earlier: { field: string; value: DateLike },
  later: { field: string; value: DateLike },
  orEqual = false
): FieldError[] => {
  const a = toTime(earlier.value);
  const b = toTime(later.value);
  if (a === null || b === null) return [];
  if (b > a || (orEqual && b === a)) return [];
  return [fieldError(later.field, orEqual ? 'date.onOrAfter' : 'date.after', { field: earlier.field })];
};

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a value is a day written yyyy-MM-dd that exists (no 30 February). */
export const isDay = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

/**
 * Date and datetime values a writer sends, checked before Strapi parses them, so the
 * error names the field (Strapi's own parser says only "Invalid format").
 */
export const checkDateFormats = (
  attributes: Record<string, { type?: string }>,
  data: Record<string, unknown> | undefined
): FieldError[] => {
  if (!data) return [];
  const errors: FieldError[] = [];
  for (const [name, value] of Object.entries(data)) {
    const type = attributes[name]?.type;
    if (typeof value !== 'string' || value === '') continue;
    if (type === 'date' && !isDay(value)) {
      errors.push(fieldError(name, 'date.format'));
    } else if (type === 'datetime' && Number.isNaN(Date.parse(value))) {
      errors.push(fieldError(name, 'datetime.format'));
    }
  }
  return errors;
};
