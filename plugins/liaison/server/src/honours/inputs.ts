import { z } from '@strapi/utils';
import { addProblem, always, documentId, filledText, oneOf, optional, paging, says, text } from '../rules/inputs';
import { DIMENSIONS } from '../vocabulary';
import { LOCALE, parametersInput, type Parameters } from '../website/query';
import { GRADE_ORDER, KIND_NAMES, KINDS, WITH_AMOUNT, type EligibilityRules, type Grade, type Kind } from './rules';

/**
 * What the honours endpoints take, as zod schemas. What needs the database (the cycle and
 * the alumni exist, the cycle is closed, the grade, the scope, an honour already given)
 * stays with the service.
 */

export const HONOUR_STATUSES = ['nominated', 'awarded', 'rejected'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The honour itself: its kind, title and amount (money honours carry one, the others none), citation. */
const honour = {
  cycle: documentId('honours.cycle'),
  kind: oneOf(KINDS),
  title: filledText(200).transform((t) => t.trim()),
  amount: z.unknown().optional(),
  citation: optional(text()).transform((c) => c ?? null),
  showPublicly: z.unknown().optional().transform((v) => v !== false),
};

type Honour = { kind?: unknown; amount?: unknown };
const amountByKind = (h: Honour, ctx: z.core.$RefinementCtx) => {
  if (!KINDS.includes(h.kind as Kind)) return;
  const kind = KIND_NAMES[h.kind as Kind];
  if (WITH_AMOUNT.includes(h.kind as Kind)) {
    if (!(typeof h.amount === 'number' && Number.isFinite(h.amount) && h.amount > 0)) addProblem(ctx, ['amount'], 'honours.amountNeeded', { kind });
  } else if (h.amount !== undefined && h.amount !== null) addProblem(ctx, ['amount'], 'honours.noAmount', { kind });
};
const withAmount = <T extends Honour>(h: T) => ({ ...h, amount: typeof h.amount === 'number' ? h.amount : null });

/** POST /honours: one alumnus's honour. */
export const nominationInput = z
  .object({ ...honour, alumnus: documentId('assignment.noAlumnus') })
  .superRefine(amountByKind, always)
  .transform(withAmount);
export type NominationInput = z.output<typeof nominationInput>;

/** POST /honours/bulk: the same honour for several alumni, all or nothing (each known and named once: the service's to check). */
export const bulkInput = z
  .object({
    ...honour,
    alumni: z.array(documentId('assignment.noAlumnus'), says('honours.alumni')).min(1, says('honours.alumni')),
  })
  .superRefine(amountByKind, always)
  .transform(withAmount);
export type BulkInput = z.output<typeof bulkInput>;

/** POST /honours/:documentId/reject */
export const rejectionInput = z.object({ reason: filledText(2000, 'assignment.rejectReason').transform((r) => r.trim()) });
export type RejectionInput = z.output<typeof rejectionInput>;

/** PUT /honours/rules: the lowest grade each kind needs (the kinds not named keep theirs). */
export const rulesInput = z
  .custom<Record<string, unknown>>(isObject, says('honours.rulesObject'))
  .superRefine((rules, ctx) => {
    for (const [kind, grade] of Object.entries(rules)) {
      if (!KINDS.includes(kind as Kind)) addProblem(ctx, [], 'honours.notKind', { kind });
      else if (!GRADE_ORDER.includes(grade as Grade)) addProblem(ctx, [], 'honours.ruleGrade', { kind, list: GRADE_ORDER.join(', ') });
    }
  })
  .transform((rules): Partial<EligibilityRules> => Object.fromEntries(KINDS.filter((k) => k in rules).map((k) => [k, rules[k] as Grade])));

/** GET /honours: a page of honours, by alumnus (a liaison's history), cycle, kind or status. */
export const listQuery = z.object({
  alumnus: optional(text(255)),
  cycle: optional(text(255)),
  kind: optional(oneOf(KINDS)),
  status: optional(oneOf(HONOUR_STATUSES)),
  ...paging(100_000, 200),
});
export type ListQuery = z.output<typeof listQuery>;

/** GET /honours/eligible: who may have an honour of this kind for the cycle. */
export const eligibleQuery = z.object({ cycle: text(255, 'honours.cycle'), kind: oneOf(KINDS) });
export type EligibleQuery = z.output<typeof eligibleQuery>;

/** The honour roll's parameters, as checked here and described in the OpenAPI document. */
export const ROLL_PARAMETERS: Parameters = {
  locale: LOCALE,
  year: { value: { type: 'integer', min: 1900, max: 2200 }, description: 'the year of the honour' },
  dimension: { value: { type: 'enum', values: DIMENSIONS }, description: 'cohort, college, region or industry' },
  page: { value: { type: 'integer', min: 1, max: 10000 }, description: 'page, from 1', default: 1 },
  pageSize: { value: { type: 'integer', min: 1, max: 100 }, description: 'rows a page, at most 100', default: 25 },
};

/** GET /api/liaison/honours: the public honour roll's own parameters, and nothing else (populate, filters, sort, fields … are refused). */
export const rollQuery = parametersInput(ROLL_PARAMETERS, 'the honour roll').transform((q) => ({
  locale: q.locale,
  year: q.year as number | undefined,
  dimension: q.dimension as string | undefined,
  page: q.page as number,
  pageSize: q.pageSize as number,
}));
export type RollQuery = z.output<typeof rollQuery>;
