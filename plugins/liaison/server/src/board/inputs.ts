import { z } from '@strapi/utils';
import { DIMENSIONS } from '../vocabulary';
import { addProblem, oneOf, pathId } from '../rules/inputs';

/** GET /scopes/:dimension/:documentId */
export const scopeParams = z.object({ dimension: oneOf(DIMENSIONS), documentId: pathId() });

/**
 * GET /alumni?q=&limit=: what staff type in the nominate dialog. Lenient as a search box is:
 * anything but text searches for nothing, a limit that is not a number is the default (the
 * search keeps it from 1 to 50); a NUL character, which the databases refuse, is a 400.
 */
export const alumniQuery = z.object({
  q: z
    .unknown()
    .optional()
    .superRefine((v, ctx) => {
      if (typeof v === 'string' && v.includes('\u0000')) addProblem(ctx, [], 'common.nul');
    })
    .transform((v) => (typeof v === 'string' ? v : '')),
  limit: z.unknown().optional().transform((v) => {
    const n = Number(v ?? 20);
    return Number.isFinite(n) ? n : 20;
  }),
});
