import { appraise, type Figures } from '../../plugins/liaison/server/src/appraisal/scoring';
import type { Criterion } from '../../plugins/liaison/server/src/appraisal/rules';

const contacts: Criterion = { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 100 };
const performance: Criterion = { key: 'performance', kind: 'scored', weight: 100 };

const row = (dimension: string, scopeKey: string, measures: Record<string, number>, scores: Record<string, number | null> = {}): Figures => ({
  dimension,
  scopeKey,
  measures,
  scores,
});
const scored = (score: number | null, dimension = 'cohort', scopeKey = 'cohort:1') => row(dimension, scopeKey, {}, { performance: score });

describe('appraise: from a cycle’s figures to totals, grades and ranks', () => {
  it('gives the best of each dimension 100 on a measure, the others in proportion', () => {
    const answer = appraise(
      [
        row('cohort', 'cohort:1', { contacts: 8 }),
        row('cohort', 'cohort:2', { contacts: 2 }),
        row('region', 'region:7', { contacts: 3 }),
        row('region', 'region:7', { contacts: 0 }),
      ],
      [contacts],
    );
    // The region's best made 3 contacts, fewer than the cohort's second, and still gets 100.
    expect(answer.map((a) => a.total)).toEqual([100, 25, 100, 0]);
  });

  it('counts nobody when nobody in the dimension did anything', () => {
    const answer = appraise([row('industry', 'industry:1', { contacts: 0 }), row('industry', 'industry:2', { contacts: 0 })], [contacts]);
    expect(answer.map((a) => [a.total, a.grade, a.rank])).toEqual([
      [0, 'fail', 1],
      [0, 'fail', 1],
    ]);
  });

  it('weights measured figures and reviewers’ scores into the total', () => {
    const criteria: Criterion[] = [
      { ...contacts, weight: 40 },
      { ...performance, weight: 60 },
    ];
    const answer = appraise(
      [row('college', 'college:1', { contacts: 10 }, { performance: 50 }), row('college', 'college:1', { contacts: 5 }, { performance: 100 })],
      criteria,
    );
    // 40 % of 100 + 60 % of 50, and 40 % of 50 + 60 % of 100.
    expect(answer.map((a) => a.total)).toEqual([70, 80]);
    expect(answer.map((a) => a.rank)).toEqual([2, 1]);
  });

  it('counts a scored criterion no reviewer has scored yet as 0', () => {
    const criteria: Criterion[] = [
      { ...contacts, weight: 50 },
      { ...performance, weight: 50 },
    ];
    const answer = appraise([row('cohort', 'cohort:1', { contacts: 4 }, { performance: null }), row('cohort', 'cohort:1', { contacts: 4 }, {})], criteria);
    expect(answer.map((a) => [a.total, a.grade])).toEqual([
      [50, 'fail'],
      [50, 'fail'],
    ]);
  });

  it('grades by the cycle’s thresholds, a total on a threshold belonging to the higher grade', () => {
    const totals = [85, 84.5, 70, 69.5, 60, 59.5];
    const defaults = appraise(totals.map((s) => scored(s)), [performance]);
    expect(defaults.map((a) => a.grade)).toEqual(['excellent', 'good', 'good', 'pass', 'pass', 'fail']);
    const strict = appraise(totals.map((s) => scored(s)), [performance], { excellent: 90, good: 80, pass: 70 });
    expect(strict.map((a) => a.grade)).toEqual(['good', 'good', 'pass', 'fail', 'fail', 'fail']);
  });

  it('ranks highest first, ties sharing a rank and the next rank skipped (1, 2, 2, 4)', () => {
    const answer = appraise([scored(80), scored(95), scored(80), scored(10)], [performance]);
    expect(answer.map((a) => a.rank)).toEqual([2, 1, 2, 4]);
  });

  it('ranks again from 1 in each dimension and in each scope', () => {
    const answer = appraise(
      [
        scored(90, 'cohort', 'cohort:1'),
        scored(80, 'cohort', 'cohort:1'),
        scored(70, 'cohort', 'cohort:2'),
        scored(60, 'cohort', 'cohort:2'),
        scored(50, 'college', 'college:1'),
        scored(40, 'college', 'college:1'),
      ],
      [performance],
    );
    expect(answer.map((a) => [a.rank, a.scopeRank])).toEqual([
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 2],
      [1, 1],
      [2, 2],
    ]);
  });

  it('answers in the rows’ order, whatever their totals', () => {
    const rows = [scored(10), scored(90), scored(50)];
    expect(appraise(rows, [performance]).map((a) => a.total)).toEqual([10, 90, 50]);
    expect(appraise([], [performance])).toEqual([]);
  });
});
