import { z } from '@strapi/utils';
import { documentId, filledText, isDay, oneOf, optional, paging, says, text, wholeNumber, withDefault } from '../rules/inputs';
import { normaliseEmail } from '../imports/normalise';

/** What an item is about (issue 17). */
export const KINDS = ['career_help', 'cooperation', 'suggestion', 'complaint', 'data_correction', 'other'] as const;
export type Kind = (typeof KINDS)[number];

const kind = oneOf(KINDS);
const content = filledText(4000);

/**
 * POST /api/liaison/feedback: an alumnus's own item; `alumnus` (a liaison recording one for an
 * alumnus of their scope) or `toOffice` (a liaison's question to the office) change who it is from.
 */
export const sendInput = z
  .object({
    kind,
    content,
    contactBack: withDefault(z.boolean(says('common.boolean')), false),
    alumnus: optional(documentId('feedback.noAlumnus')),
    toOffice: withDefault(z.boolean(says('common.boolean')), false),
  })
  .strict();

const email = text(254).transform((v, ctx) => {
  const n = normaliseEmail(v);
  if (n.error) {
    ctx.addIssue({ code: 'custom', message: says('accounts.email') });
    return z.NEVER;
  }
  return n.value;
});

/** POST /api/liaison/feedback/anonymous: from the alumni page, signed out; `website` is the honeypot. */
export const anonymousInput = z
  .object({
    kind,
    content,
    name: optional(text(100)),
    email: optional(email),
    website: optional(z.string(says('common.text')).max(2000, says('common.maxLength', { max: 2000 }))),
  })
  .strict();

export const answerInput = z.object({ answer: filledText(4000) }).strict();

export const reassignInput = z
  .object({ post: optional(documentId('feedback.noPost')), office: optional(z.boolean(says('common.boolean'))) })
  .strict()
  .superRefine((v, ctx) => {
    if (!!v.post === (v.office === true)) ctx.addIssue({ code: 'custom', path: ['post'], message: says('feedback.oneTarget') });
  });

export const STATUSES = ['open', 'overdue', 'answered'] as const;
/** GET /liaison/feedback: a status's items, narrowed by kind and by words in the item, its answer or who it is from. */
export const staffListQuery = z
  .object({ status: withDefault(oneOf(STATUSES), 'open'), kind: optional(kind), q: optional(text(100).transform((v) => v.trim())), ...paging(10_000, 100, 25) })
  .strict();
export type StaffListQuery = z.output<typeof staffListQuery>;

const days = z
  .array(z.string(says('feedback.days')).refine(isDay, says('feedback.days')), says('feedback.days'))
  .max(400, says('common.atMost', { max: 400 }));

/** PUT /liaison/feedback/settings: the deadline per kind (working days), the calendar, the escalation. */
export const settingsInput = z
  .object({
    deadlines: z.object(Object.fromEntries(KINDS.map((k) => [k, optional(wholeNumber(1, 60))])) as Record<Kind, any>).strict(),
    holidays: days,
    workdays: days,
    escalateAfterDays: wholeNumber(1, 60),
  })
  .strict();
export type SettingsInput = z.output<typeof settingsInput>;
