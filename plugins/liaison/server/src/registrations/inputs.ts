import { z } from '@strapi/utils';
import { documentId, says, withDefault } from '../rules/inputs';
import { MAX_GUESTS } from './service';

const guests = withDefault(
  z
    .number(says('signUp.guests', { max: MAX_GUESTS }))
    .int(says('signUp.guests', { max: MAX_GUESTS }))
    .min(0, says('signUp.guests', { max: MAX_GUESTS }))
    .max(MAX_GUESTS, says('signUp.guests', { max: MAX_GUESTS })),
  0
);

/** POST /api/liaison/events/:documentId/registrations: how many guests come along. */
export const signUpInput = z.object({ guests }).strict();

/** POST /liaison/events/:documentId/registrations (admin): whom staff sign up, and their guests. */
export const staffSignUpInput = z.object({ alumnus: documentId('signUp.noAlumnus'), guests }).strict();
