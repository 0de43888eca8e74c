/**
 * The JSON the plugin's admin API answers (the admin routes under /liaison/…) for the admin
 * pages: overview, coverage and board, appraisal, honours, training and outbox. One definition
 * for both sides: the server annotates the functions that build these answers with them, and
 * the admin (admin/src) reads them with `import type`.
 *
 * Types only: this module must not import server code at run time (the admin's type check
 * includes it, and nothing of it reaches a bundle). Dates travel as strings (YYYY-MM-DD for
 * days, ISO 8601 for moments).
 *
 * One file per capability under api-types/; this module gathers them, so that both sides
 * import every answer's type from one place.
 */
export type * from './api-types/common';
export type * from './api-types/network';
export type * from './api-types/appraisal';
export type * from './api-types/outbox';
export type * from './api-types/imports';
export type * from './api-types/alumni';
export type * from './api-types/accounts';
export type * from './api-types/check-in';
export type * from './api-types/feedback';
export type * from './api-types/proposals';
export type * from './api-types/surveys';
