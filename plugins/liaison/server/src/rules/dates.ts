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
  return [fieldError(later.field, `must be ${orEqual ? 'on or ' : ''}after ${earlier.field}`)];
};
