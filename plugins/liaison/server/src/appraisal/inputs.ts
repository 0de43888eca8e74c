import { z } from '@strapi/utils';
import { DIMENSIONS } from '../vocabulary';
import { addProblem, always, day, filledText, inOrder, oneOf, optional, paging, parseWith, says, text, wholeNumber } from '../rules/inputs';
import { registeredMeasures } from './measures';
import { GRADES, parseSort, round2, SORT_FORMS, type Criterion, type Thresholds } from './rules';

/**
 * What the appraisal endpoints take, as zod schemas. A cycle's criteria and thresholds are
 * checked by the same schemas whichever way they are written (the admin API here, the
 * Content Manager through the write guard, guard.ts), each problem said of the field staff
 * correct (`criteria`, `thresholds`).
 */

const KEY = /^[a-z][a-z0-9_]{0,39}$/;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A cycle's criteria: at least one, unique keys, known measures, weights summing to 100. */
export const criteriaInput = z
  .array(z.unknown(), says('appraisal.criteriaList'))
  .min(1, { error: says('appraisal.criteriaList'), abort: true })
  .superRefine((criteria, ctx) => {
    const measures = registeredMeasures().map((m) => m.key);
    const seen = new Set<string>();
    let wrong = false;
    const problem: typeof addProblem = (...args) => {
      wrong = true;
      addProblem(...args);
    };
    criteria.forEach((c: any, i) => {
      const n = i + 1;
      if (!c || typeof c !== 'object' || Array.isArray(c)) return problem(ctx, [], 'appraisal.criterionObject', { n });
      if (typeof c.key !== 'string' || !KEY.test(c.key)) problem(ctx, [], 'appraisal.criterionKey', { n });
      else if (seen.has(c.key)) problem(ctx, [], 'appraisal.keyTwice', { key: c.key });
      else seen.add(c.key);
      if (c.kind !== 'measured' && c.kind !== 'scored') problem(ctx, [], 'appraisal.criterionKind', { n });
      if (c.kind === 'measured' && !measures.includes(c.measure)) problem(ctx, [], 'appraisal.unknownMeasure', { n, measure: String(c.measure ?? '') });
      if (c.kind === 'scored' && c.measure !== undefined && c.measure !== null) problem(ctx, [], 'appraisal.scoredMeasure', { n });
      if (!isNumber(c.weight) || c.weight <= 0 || c.weight > 100) problem(ctx, [], 'appraisal.weight', { n });
    });
    if (wrong) return;
    const sum = criteria.reduce((s: number, c: any) => s + c.weight, 0);
    if (Math.abs(sum - 100) > 1e-9) addProblem(ctx, [], 'appraisal.weightsSum', { sum: round2(sum) });
  })
  // What is stored of each criterion: a measured one names its measure, a scored one none.
  .transform((criteria): Criterion[] =>
    criteria.map((c: any) => ({ key: c.key, kind: c.kind, ...(c.kind === 'measured' ? { measure: c.measure } : {}), weight: c.weight })),
  );

const isScore = (v: unknown) => isNumber(v) && v >= 0 && v <= 100;
const isThresholds = (t: unknown): t is Thresholds =>
  !!t && typeof t === 'object' && (['excellent', 'good', 'pass'] as const).every((g) => isScore((t as any)[g]));

/** The grades' thresholds: excellent above good above pass, each from 0 to 100 (absent: the defaults). */
export const thresholdsInput = optional(
  z
    .custom<Thresholds>(isThresholds, says('appraisal.thresholds'))
    .superRefine((t, ctx) => {
      if (!(t.excellent > t.good && t.good > t.pass)) addProblem(ctx, [], 'appraisal.thresholdOrder');
    })
    .transform(({ excellent, good, pass }): Thresholds => ({ excellent, good, pass })),
);

/** A reviewer's score: a whole number from 0 to 100. */
export const scoreValue = wholeNumber(0, 100);

/** What the write guard checks on any write of a cycle (absent: unchanged), each said of its field. */
const cycleRules = z.object({ criteria: criteriaInput.optional(), thresholds: thresholdsInput });
export const cycleRulesProblems = (data: { criteria?: unknown; thresholds?: unknown }) =>
  parseWith(cycleRules, { criteria: data.criteria, thresholds: data.thresholds }).problems;

/** What the write guard checks on any write of a score. */
export const scoreProblems = (score: unknown) => parseWith(z.object({ score: scoreValue }), { score }).problems;

const cycleFields = {
  name: filledText(200),
  periodStart: day(),
  periodEnd: day(),
  criteria: criteriaInput,
  thresholds: thresholdsInput,
};

/** POST /cycles: a new cycle. */
export const cycleInput = z.object(cycleFields).superRefine(inOrder('periodStart', 'periodEnd'), always);
export type CycleInput = z.output<typeof cycleInput>;

/** PUT /cycles/:documentId: what changes (the rest stays; that the period still runs forward is the write guard's to check). */
export const cycleChangesInput = z.object({
  name: optional(cycleFields.name),
  periodStart: optional(cycleFields.periodStart),
  periodEnd: optional(cycleFields.periodEnd),
  criteria: optional(cycleFields.criteria),
  thresholds: cycleFields.thresholds,
});
export type CycleChanges = z.output<typeof cycleChangesInput>;

/** PUT /appraisals/:documentId/scores: a reviewer's score (that the criterion is a scored one of the cycle is the service's to check). */
export const scoreInput = z.object({
  criterion: text(255),
  score: scoreValue,
  comment: optional(text(2000)),
});
export type ScoreInput = z.output<typeof scoreInput>;

/** POST /appraisals/:documentId/notes: supervision feedback. */
export const noteInput = z.object({ text: filledText(4000).transform((t) => t.trim()) });
export type NoteInput = z.output<typeof noteInput>;

/** The results' order: `<column>:asc|desc`, `<column>` (ascending), or the older `-<column>` (descending). */
const sortInput = z.string(says('common.oneOf', { list: SORT_FORMS.join(', ') })).transform((value, ctx) => {
  const sort = parseSort(value);
  if (sort) return sort;
  addProblem(ctx, [], 'common.oneOf', { list: SORT_FORMS.join(', ') });
  return z.NEVER;
});

/** GET /cycles/:documentId/results: filters, order and page (that the scope exists is the service's to check). */
export const resultsQuery = z
  .object({
    dimension: optional(oneOf(DIMENSIONS)),
    scope: optional(text(255)),
    grade: optional(oneOf(GRADES)),
    sort: optional(sortInput),
    ...paging(100_000, 200),
  })
  .superRefine((q, ctx) => {
    if (q.scope !== undefined && q.dimension === undefined) addProblem(ctx, ['scope'], 'appraisal.needsDimension');
  }, always);
export type ResultsQuery = z.output<typeof resultsQuery>;

/** GET /cycles/:documentId/export */
export const exportQuery = z.object({ format: optional(oneOf(['csv', 'xlsx'])).transform((f) => f ?? 'csv') });
