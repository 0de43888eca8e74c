import { DEFAULT_THRESHOLDS, gradeOf, normalise, rankWithin, totalOf, type Criterion, type Grade, type Thresholds } from './rules';

/** One appraisal's figures: its measured raw figures and the reviewers' mean scores. */
export interface Figures {
  dimension: string;
  scopeKey: string | null;
  measures: Record<string, number>;
  scores: Record<string, number | null>;
}

export interface Appraised {
  total: number;
  grade: Grade;
  /** Within the dimension, 1 the best; ties share a rank (1, 2, 2, 4). */
  rank: number;
  /** Within the dimension's scope (a cohort, college, chapter or industry group). */
  scopeRank: number;
}

/**
 * A cycle's appraisals from their figures: each measure normalised within the dimension
 * (its best gets 100), weighted into a total with the scores, graded by the thresholds,
 * and ranked within the dimension and within the scope. The answer is in the rows' order.
 */
export const appraise = (rows: Figures[], criteria: Criterion[], thresholds: Thresholds = DEFAULT_THRESHOLDS): Appraised[] => {
  const best = new Map<string, number>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row.measures)) {
      const k = `${row.dimension}|${key}`;
      best.set(k, Math.max(best.get(k) ?? 0, Number(value) || 0));
    }
  }
  const totals = rows.map((row) => {
    const normalised = Object.fromEntries(
      Object.entries(row.measures).map(([key, value]) => [key, normalise(Number(value) || 0, best.get(`${row.dimension}|${key}`) ?? 0)]),
    );
    return { row, total: totalOf(criteria, normalised, row.scores).total };
  });
  const ranks = rankWithin(totals, (x) => x.row.dimension);
  const scopeRanks = rankWithin(totals, (x) => `${x.row.dimension}|${x.row.scopeKey}`);
  return totals.map((x) => ({
    total: x.total,
    grade: gradeOf(x.total, thresholds),
    rank: ranks.get(x)!,
    scopeRank: scopeRanks.get(x)!,
  }));
};
