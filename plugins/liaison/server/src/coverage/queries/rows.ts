import type { Dimension } from '../../rules/liaison-post';
import { perLiaisonOf } from '../rules';
import { n } from './context';
import type { CoverageCounts, CoverageGap, CoverageRow, DimensionSummary } from '../../admin-api-types';

export type { CoverageRow } from '../../admin-api-types';

/** A scope's row of a report, as the API answers it. */
export const toRow = (row: any): CoverageRow => ({
  scope: { documentId: row.document_id, name: row.name },
  alumni: n(row.alumni),
  posts: n(row.posts),
  active: n(row.active),
  vacancies: n(row.vacancies),
  pending: n(row.pending),
  ending: n(row.ending),
  provisional: n(row.provisional),
  perLiaison: perLiaisonOf(n(row.alumni), n(row.active)),
});

/** A dimension's totals, from its totals row (`totalsSql`). */
export const totalsOf = (row: any): CoverageCounts => ({
  alumni: n(row?.t_alumni),
  posts: n(row?.t_posts),
  active: n(row?.t_active),
  vacancies: n(row?.t_vacancies),
  pending: n(row?.t_pending),
  ending: n(row?.t_ending),
  provisional: n(row?.t_provisional),
});

/** A dimension's line of the summary, from its totals row. */
export const dimensionOf = (d: Dimension, row: any): DimensionSummary => {
  const totals = totalsOf(row);
  return {
    dimension: d,
    scopes: n(row?.scopes),
    covered: n(row?.covered),
    posts: totals.posts,
    active: totals.active,
    vacancies: totals.vacancies,
    pending: totals.pending,
    ending: totals.ending,
    provisional: totals.provisional,
    alumni: totals.alumni,
  };
};

/** One of the worst gaps, named by its dimension. */
export const gapRow = (d: Dimension) => (row: any): CoverageGap => ({ dimension: d, ...toRow(row) });
