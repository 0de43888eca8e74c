import { z } from '@strapi/utils';
import { addProblem, always, documentId, oneOf, optional, paging, says, text, withDefault } from '../rules/inputs';
import { cleanText, normaliseEmail, normalisePhone } from '../imports/normalise';

/**
 * What the proposal routes take (zod, parsed through utils/input.ts: a 400 naming each wrong
 * field). A proposed value is normalised as the record would store it (imports/normalise.ts,
 * as PUT /me does), so that what is approved is what the record would have accepted.
 */

/** The fields a proposal may change; the first six are also those the office may mark "needs review". */
export const REVIEWABLE_FIELDS = ['city', 'employer', 'jobTitle', 'phone', 'email', 'wechat'] as const;
export const CHANGE_FIELDS = [...REVIEWABLE_FIELDS, 'alumnusStatus'] as const;
export type ChangeField = (typeof CHANGE_FIELDS)[number];
export type ReviewField = (typeof REVIEWABLE_FIELDS)[number];

export const ALUMNUS_STATUSES = ['active', 'unreachable', 'deceased'] as const;
/** Statuses after which no post is held and no mail is sent. */
export const GONE_STATUSES = ['unreachable', 'deceased'] as const;

/** Where the liaison learnt it; `self` is the person's own change of a field the office reviews. */
export const INFO_SOURCES = ['call', 'meeting', 'message', 'said_so', 'public_record', 'other'] as const;
export type InfoSource = (typeof INFO_SOURCES)[number] | 'self';

export const PROPOSAL_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Absent: no change; null or '': the field is cleared. */
const clearable = <S extends z.ZodType>(schema: S) => z.preprocess((v) => (v === '' ? null : v), schema.nullable().optional());

const trimmed = (max: number) => text(max).transform((v) => cleanText(v));

const normalised = (max: number, normalise: (v: unknown) => { value?: string | null; error?: string }, id: 'accounts.phone' | 'accounts.email') =>
  text(max).transform((v, ctx) => {
    const n = normalise(v);
    if (n.error) {
      ctx.addIssue({ code: 'custom', message: says(id) });
      return z.NEVER;
    }
    return n.value ?? null;
  });

/** Each field as the alumnus record takes it (the schema's lengths; phone and e-mail normalised). */
export const FIELD_SCHEMAS = {
  city: trimmed(64),
  employer: trimmed(200),
  jobTitle: trimmed(100),
  phone: normalised(40, normalisePhone, 'accounts.phone'),
  email: normalised(254, normaliseEmail, 'accounts.email'),
  wechat: trimmed(64),
} as const;

const changes = z
  .strictObject(
    {
      city: clearable(FIELD_SCHEMAS.city),
      employer: clearable(FIELD_SCHEMAS.employer),
      jobTitle: clearable(FIELD_SCHEMAS.jobTitle),
      phone: clearable(FIELD_SCHEMAS.phone),
      email: clearable(FIELD_SCHEMAS.email),
      wechat: clearable(FIELD_SCHEMAS.wechat),
      alumnusStatus: optional(oneOf(ALUMNUS_STATUSES)),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? says('proposals.unknownField', { list: CHANGE_FIELDS.join(', ') }) : undefined) },
  )
  .superRefine((v, ctx) => {
    if (v && typeof v === 'object' && !Object.values(v).some((x) => x !== undefined)) addProblem(ctx, [], 'proposals.nothing');
  }, always);

/** POST /api/liaison/proposals { alumnus, changes, source, note? } */
export const proposalInput = z
  .object({
    alumnus: documentId('proposals.noAlumnus'),
    changes,
    source: oneOf(INFO_SOURCES),
    note: optional(text(2000)),
  })
  .strict();
export type ProposalInput = z.output<typeof proposalInput>;
export type Changes = Partial<Record<ChangeField, string | null>>;

/** GET /liaison/proposals?status=&page=&pageSize= */
export const proposalsQuery = z
  .object({
    status: withDefault(oneOf(PROPOSAL_STATUSES), 'pending' as ProposalStatus),
    ...paging(100_000, 100, 20),
  })
  .strict();
export type ProposalsQuery = z.output<typeof proposalsQuery>;

/** POST /liaison/proposals/:documentId/reject { reason } */
export const rejectionInput = z.object({ reason: text(2000, 'proposals.reason').transform((v, ctx) => {
  const r = cleanText(v);
  if (!r) {
    ctx.addIssue({ code: 'custom', message: says('proposals.reason') });
    return z.NEVER;
  }
  return r;
}) }).strict();

/** PUT /liaison/proposals/settings { reviewFields } */
export const settingsInput = z
  .object({ reviewFields: z.array(oneOf(REVIEWABLE_FIELDS), says('common.list')).max(REVIEWABLE_FIELDS.length) })
  .strict();
export type ProposalSettings = { reviewFields: ReviewField[] };
