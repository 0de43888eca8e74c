import { fieldError, type FieldError } from './field-error';

export const checkCohortYears = (value: unknown): FieldError[] => {
  if (value === null || value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.every((year) => Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2100);
  return ok ? [] : [fieldError('cohortYears', 'must be a list of graduation years between 1900 and 2100')];
};
