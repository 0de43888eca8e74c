import { z } from '@strapi/utils';
import { DIMENSIONS, END_REASONS, ROLES } from '../vocabulary';
import {
  addProblem,
  always,
  day,
  documentId,
  filledText,
  inOrder,
  isBlank,
  oneOf,
  optional,
  REF,
  says,
  text,
  wholeNumber,
  wholeNumberIn,
  withDefault,
} from '../rules/inputs';

/**
 * What the assignment endpoints take, as zod schemas: the controllers parse with them, the
 * service gets the typed values. What needs the database (the scope exists, room in it,
 * overlapping terms, the post's status) stays with the service and the write pipeline.
 */

const NOMINATION_SOURCES = ['staff', 'college', 'chapter', 'alumnus', 'self'] as const;

/** A term: the start required, the end optional (blank is none) and after the start. */
const term = {
  termStart: day('assignment.requiredDate'),
  termEnd: optional(day()).transform((v) => v ?? null),
};

/** POST /posts: a nomination; an industry post enters only with a nominator and a stated reason (举荐). */
export const nominationInput = z
  .object({
    alumnus: documentId('assignment.requiredAlumnus'),
    dimension: oneOf(DIMENSIONS),
    scope: documentId('assignment.requiredScope'),
    role: oneOf(ROLES),
    ...term,
    nominator: optional(documentId('assignment.alumnusId')),
    reason: optional(text()),
    /** Who proposed the person; anything else is read as "not said". */
    source: z.unknown().optional().transform((v) => (NOMINATION_SOURCES as readonly unknown[]).includes(v) ? (v as (typeof NOMINATION_SOURCES)[number]) : undefined),
  })
  .superRefine(inOrder('termStart', 'termEnd'), always)
  .superRefine((v, ctx) => {
    if (v.dimension !== 'industry') return;
    if (!(typeof v.nominator === 'string' && REF.test(v.nominator))) addProblem(ctx, ['nominator'], 'assignment.nominator');
    if (!(typeof v.reason === 'string' && v.reason.trim())) addProblem(ctx, ['reason'], 'post.industryReason');
  }, always);
export type NominationInput = z.output<typeof nominationInput>;

/** POST /posts/:documentId/reject */
export const rejectionInput = z.object({ reason: filledText(2000, 'assignment.rejectReason') });
export type RejectionInput = z.output<typeof rejectionInput>;

/** POST /posts/:documentId/renew: the new term end (that it is later than the current one is the service's to check). */
export const renewalInput = z.object({
  termEnd: day('assignment.requiredDate'),
  /** Why, kept in the history; anything but text is read as "not said". */
  reason: z
    .unknown()
    .optional()
    .superRefine((v, ctx) => {
      if (typeof v === 'string' && v.includes('\u0000')) addProblem(ctx, [], 'common.nul');
    })
    .transform((v) => (typeof v === 'string' ? v : null)),
});
export type RenewalInput = z.output<typeof renewalInput>;

/** POST /posts/:documentId/end */
export const endingInput = z.object({
  reason: oneOf(END_REASONS),
  note: optional(text()).transform((v) => (v?.trim() ? v : null)),
  successor: optional(documentId('assignment.postId')),
});
export type EndingInput = z.output<typeof endingInput>;

/** GET /quotas: one dimension (or all), or one scope of a dimension. */
export const quotasQuery = z
  .object({
    dimension: oneOf(DIMENSIONS).optional(),
    scope: optional(text(255)),
  })
  .superRefine((v, ctx) => {
    if (v.scope && v.dimension === undefined) addProblem(ctx, ['dimension'], 'assignment.requiredWithScope');
  }, always);
export type QuotasQuery = z.output<typeof quotasQuery>;

/** PUT /quotas: a dimension's default (no scope) or one scope's number of posts. */
export const quotaInput = z.object({
  dimension: oneOf(DIMENSIONS),
  scope: optional(documentId()),
  posts: wholeNumber(0, 1000),
});
export type QuotaInput = z.output<typeof quotaInput>;

/** One appointee of a graduation appointment: by alumnus documentId, or by student number. */
const appointee = z
  .object({
    role: oneOf(ROLES),
    alumnus: optional(documentId('assignment.alumnusId')),
    studentNo: optional(text(64)).transform((v) => v?.trim() || undefined),
  })
  .superRefine((a, ctx) => {
    if (isBlank(a.alumnus) && isBlank(a.studentNo)) addProblem(ctx, ['alumnus'], 'assignment.appointee');
  }, always);

/** POST /cohorts/:documentId/appoint: the class's liaisons, all or nothing. */
export const appointmentInput = z
  .object({
    ...term,
    appointments: z.array(appointee, says('assignment.appointees')).min(1, says('assignment.appointees')),
    /** The language of the class's mail when a member has none: Chinese unless English is asked. */
    locale: z.unknown().optional().transform((v) => (v === 'en' ? 'en' : 'zh-Hans') as 'en' | 'zh-Hans'),
  })
  .superRefine(inOrder('termStart', 'termEnd'), always);
export type AppointmentInput = z.output<typeof appointmentInput>;

/** GET /candidates: ranked suggestions for a scope's free post. */
export const candidatesQuery = z.object({
  dimension: oneOf(DIMENSIONS),
  scope: text(255, 'assignment.requiredDocumentId').min(1, says('assignment.requiredDocumentId')),
  limit: withDefault(wholeNumberIn(1, 100), 20),
});
export type CandidatesQuery = z.output<typeof candidatesQuery>;
