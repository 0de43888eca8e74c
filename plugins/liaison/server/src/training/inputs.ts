import { z } from '@strapi/utils';
import { documentId, filledText, optional, says, text, wholeNumber } from '../rules/inputs';

/**
 * What the training endpoints take, as zod schemas. What needs the database (the record,
 * the session and the alumni exist, room in the session, the current code of conduct)
 * stays with the services.
 */

/** PUT /training/settings: the months a new liaison has to complete the required courses. */
export const settingsInput = z.object({ months: wholeNumber(1, 60) });
export type SettingsInput = z.output<typeof settingsInput>;

/** PUT /training/records/:documentId: attendance and assessment (the result is computed). */
export const recordInput = z.object({
  attended: z.boolean(says('common.boolean')).optional(),
  score: wholeNumber(0, 100).nullable().optional(),
});
export type RecordInput = z.output<typeof recordInput>;

/** POST /training/sessions/:documentId/enrolments: the alumni to enrol, all or nothing. */
export const enrolmentInput = z.object({
  alumni: z.array(documentId('assignment.noAlumnus'), says('honours.alumni')).min(1, says('honours.alumni')),
});
export type EnrolmentInput = z.output<typeof enrolmentInput>;

/** POST /conduct/versions: a new version of the code of conduct. */
export const conductInput = z.object({
  title: filledText(200).transform((t) => t.trim()),
  textZh: filledText(),
  textEn: optional(text()).transform((t) => t ?? null),
});
export type ConductInput = z.output<typeof conductInput>;

/** POST /conduct/acknowledgements: an acknowledgement given on paper, recorded by staff. */
export const acknowledgementInput = z.object({ alumnus: documentId('assignment.noAlumnus') });
export type AcknowledgementInput = z.output<typeof acknowledgementInput>;
