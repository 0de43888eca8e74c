import createHttpError from 'http-errors';
import { errors } from '@strapi/utils';
import type { FieldError } from '../rules';

const describe = (problems: FieldError[]) =>
  problems.map((p) => `${p.path}: ${p.message}`).join('; ');

const details = (problems: FieldError[]) => ({
  errors: problems.map((p) => ({ path: [p.path], message: p.message, name: 'ValidationError' })),
});

/** 400, in the shape Strapi's own validation errors have, so the admin shows it on the field. */
export const validationError = (problems: FieldError[]) =>
  new errors.ValidationError(describe(problems), details(problems));

/** 409: the value is taken by another record. */
export const conflictError = (problems: FieldError[]) =>
  createHttpError(409, describe(problems), { details: details(problems) });
