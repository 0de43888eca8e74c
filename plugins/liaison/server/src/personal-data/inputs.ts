import { z } from '@strapi/utils';
import { addProblem, always, filledText, oneOf, optional, says, withDefault } from '../rules/inputs';

/**
 * What the personal-data routes take, as zod schemas (parsed by the controller through
 * utils/input.ts: a 400 naming each wrong field). Whether the alumnus exists and is within
 * the user's reach, holds a live post or was erased already is the service's to say.
 */

export const EXPORT_FORMATS = ['json', 'html', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** GET /liaison/alumni/:documentId/export?format=json|html|pdf (default json). */
export const exportQuery = z.object({ format: withDefault(oneOf(EXPORT_FORMATS), 'json' as ExportFormat) }).strict();

/** The longest reason an erasure keeps. */
export const MAX_REASON = 1000;

/** POST /liaison/alumni/:documentId/erase { reason }: why (a request of the person, a court order …), kept with the erasure. */
export const eraseInput = z.object({ reason: filledText(MAX_REASON).transform((r) => r.trim()) }).strict();
export type EraseInput = z.output<typeof eraseInput>;

/** Where staff heard a consent: in the admin panel themselves, from a liaison, or from the person. */
export const RECORDED_SOURCES = ['admin', 'liaison', 'self'] as const;

const moment = z
  .string(says('datetime.format'))
  .max(40, says('datetime.format'))
  .refine((v) => !Number.isNaN(Date.parse(v)), says('datetime.format'))
  .transform((v) => new Date(v).toISOString());

/**
 * PUT /liaison/alumni/:documentId/consents { contact?, publish?, source?, at? }: a consent
 * given or withdrawn outside the admin's form, with where it came from and when (not in the future).
 */
export const consentsInput = z
  .object({
    contact: optional(z.boolean(says('common.boolean'))),
    publish: optional(z.boolean(says('common.boolean'))),
    source: withDefault(oneOf(RECORDED_SOURCES), 'admin' as (typeof RECORDED_SOURCES)[number]),
    at: optional(moment),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.contact === undefined && v.publish === undefined) addProblem(ctx, ['contact'], 'personalData.consentNeeded');
    if (v.at && Date.parse(v.at) > Date.now() + 60_000) addProblem(ctx, ['at'], 'personalData.future');
  }, always);
export type ConsentsInput = z.output<typeof consentsInput>;

