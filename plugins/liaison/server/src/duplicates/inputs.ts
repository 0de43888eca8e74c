import { z } from '@strapi/utils';
import { addProblem, documentId, oneOf, optional, paging, says, text, withDefault } from '../rules/inputs';
import { MERGE_FIELDS, type MergeField } from './merge';

/** GET /duplicates: a page of pairs, best first, at or above a score; `q`: in either one's name or student number. */
export const duplicatesQuery = z
  .object({
    ...paging(100_000, 100),
    minScore: withDefault(
      z.preprocess((v) => (typeof v === 'string' && v.trim() && Number.isFinite(Number(v)) ? Number(v) : v), z.number(says('duplicates.score')).min(0, says('duplicates.score')).max(1, says('duplicates.score'))),
      0
    ),
    status: withDefault(oneOf(['open', 'dismissed', 'merged'] as const), 'open'),
    q: optional(text(100).transform((v) => v.trim())),
  })
  .strict();
export type DuplicatesQuery = z.output<typeof duplicatesQuery>;

/** POST /alumni/:documentId/merge: the other record, and which side each chosen field comes from. */
export const mergeInput = z
  .object({
    from: documentId('duplicates.noAlumnus'),
    fields: optional(
      z.record(z.string(), z.unknown()).superRefine((fields, ctx) => {
        for (const [field, side] of Object.entries(fields)) {
          if (!(MERGE_FIELDS as readonly string[]).includes(field)) addProblem(ctx, [field], 'duplicates.field', { list: MERGE_FIELDS.join(', ') });
          else if (side !== 'a' && side !== 'b') addProblem(ctx, [field], 'duplicates.side');
        }
      })
    ).transform((f) => (f ?? {}) as Partial<Record<MergeField, 'a' | 'b'>>),
  })
  .strict();
