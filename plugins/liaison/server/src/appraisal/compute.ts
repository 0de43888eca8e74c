import type { Core } from '@strapi/strapi';
import { insertDocuments, updateRows } from '../utils/bulk-insert';
import { refreshRecordLabels } from '../services/record-labels';
import { criteriaOf, thresholdsOf, UID } from './deps';
import { appraisalsOf, meanScores, measuredFigures, postsOfPeriod } from './queries';
import { appraise } from './scoring';

/** Adds an appraisal for each post of the period not yet in the cycle, and refreshes every row's dimension and scope. */
export const enrol = async (strapi: Core.Strapi, cycle: any, trx: any) => {
  const posts = await postsOfPeriod(strapi, cycle, trx);
  const existing = await appraisalsOf(strapi, cycle.id, trx);
  const have = new Set(existing.map((a) => a.postId));
  const fresh = posts.filter((p) => !have.has(p.postId));
  const inserted = await insertDocuments(
    strapi,
    trx,
    UID.appraisal,
    fresh.map((p) => ({
      data: {
        dimension: p.dimension,
        scopeKey: p.scopeKey,
        collegeId: p.collegeId,
        measures: {},
        scores: {},
      },
      links: { cycle: cycle.id, liaison: p.postId },
    })),
  );
  const byPost = new Map(posts.map((p) => [p.postId, p]));
  const stale = existing.filter((a) => {
    const p = a.postId !== null ? byPost.get(a.postId) : undefined;
    return p && (p.dimension !== a.dimension || p.scopeKey !== a.scopeKey);
  });
  await updateRows(
    strapi,
    trx,
    UID.appraisal,
    ['dimension', 'scopeKey', 'collegeId'],
    stale.map((a) => {
      const p = byPost.get(a.postId!)!;
      return { id: a.id, values: [p.dimension, p.scopeKey, p.collegeId] };
    }),
  );
  if (inserted.length) await refreshRecordLabels(strapi, UID.appraisal, { ids: inserted.map((i) => i.id) }, trx);
  return inserted.length;
};

/**
 * Recomputes a cycle's appraisals: (re)measures when asked (one statement per measure),
 * then totals, grades and ranks from the stored figures and the reviewers' means, and
 * writes the rows that changed in batched statements.
 */
export const recompute = async (strapi: Core.Strapi, cycle: any, options: { measure: boolean; dimension?: string }, trx: any) => {
  const criteria = criteriaOf(cycle);
  const rows = await appraisalsOf(strapi, cycle.id, trx, options.dimension);
  const means = await meanScores(strapi, cycle.id, trx);
  const measured = criteria.filter((x) => x.kind === 'measured');
  const scored = criteria.filter((x) => x.kind === 'scored');
  const raws = options.measure ? await measuredFigures(strapi, cycle, criteria, trx) : null;
  const figures = rows.map((row) => ({
    dimension: row.dimension ?? '',
    scopeKey: row.scopeKey,
    measures: raws ? Object.fromEntries(measured.map((x) => [x.key, raws.get(row.postId ?? -1)?.[x.key] ?? 0])) : row.measures,
    scores: Object.fromEntries(scored.map((x) => [x.key, means.get(row.id)?.[x.key] ?? null])),
  }));
  const appraised = appraise(figures, criteria, thresholdsOf(cycle));
  const changed = rows
    .map((row, i) => ({ row, ...figures[i], ...appraised[i] }))
    .filter(
      (x) =>
        options.measure ||
        x.total !== x.row.total ||
        x.grade !== x.row.grade ||
        x.rank !== x.row.rank ||
        x.scopeRank !== x.row.scopeRank ||
        JSON.stringify(x.scores) !== JSON.stringify(x.row.scores),
    );
  await updateRows(
    strapi,
    trx,
    UID.appraisal,
    ['measures', 'scores', 'total', 'grade', 'rank', 'scopeRank'],
    changed.map((x) => ({
      id: x.row.id,
      values: [x.measures, x.scores, x.total, x.grade, x.rank, x.scopeRank],
    })),
  );
  return { appraisals: rows.length, updated: changed.length };
};
