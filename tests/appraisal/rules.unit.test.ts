import {
  checkOpen,
  checkScoredCriterion,
  gradeOf,
  normalise,
  parseSort,
  rankWithin,
  totalOf,
} from '../../plugins/liaison/server/src/appraisal/rules';
import { criteriaInput, cycleInput, resultsQuery, scoreProblems, thresholdsInput } from '../../plugins/liaison/server/src/appraisal/inputs';
import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';

/** What a cycle's criteria schema finds wrong (the admin API and the write guard answer 400 with it). */
const checkCriteria = (criteria: unknown) => parseWith(criteriaInput, criteria).problems;
const checkScore = (score: unknown) => scoreProblems(score);
import { neutralise } from '../../plugins/liaison/server/src/utils/spreadsheet';
import { bestGrade, eligibilityProblem, isEligible } from '../../plugins/liaison/server/src/honours/rules';

describe('appraisal rules', () => {
  it('normalises a figure against the best of its dimension, 0 when nobody did anything', () => {
    expect([normalise(4, 4), normalise(2, 4), normalise(1, 3), normalise(0, 4), normalise(0, 0), normalise(5, 0)]).toEqual([
      100, 50, 33.33, 0, 0, 0,
    ]);
  });

  it('weights measured and scored criteria into a total, listing scored criteria nobody scored', () => {
    const criteria = [
      {
        key: 'contacts',
        kind: 'measured' as const,
        measure: 'contacts',
        weight: 40,
      },
      { key: 'performance', kind: 'scored' as const, weight: 35 },
      { key: 'case', kind: 'scored' as const, weight: 25 },
    ];
    expect(totalOf(criteria, { contacts: 50 }, { performance: 80, case: null })).toEqual({ total: 48, missing: ['case'] });
    expect(totalOf(criteria, { contacts: 100 }, { performance: 100, case: 100 })).toEqual({ total: 100, missing: [] });
  });

  it('grades by thresholds, each threshold belonging to its grade', () => {
    const t = { excellent: 85, good: 70, pass: 60 };
    expect([gradeOf(85, t), gradeOf(84.99, t), gradeOf(70, t), gradeOf(60, t), gradeOf(59.9, t)]).toEqual([
      'excellent',
      'good',
      'good',
      'pass',
      'fail',
    ]);
  });

  it('ranks by total within each group, ties sharing a rank (1, 2, 2, 4)', () => {
    const rows = [
      { id: 'a', g: 'x', total: 90 },
      { id: 'b', g: 'x', total: 80 },
      { id: 'c', g: 'x', total: 80 },
      { id: 'd', g: 'x', total: 10 },
      { id: 'e', g: 'y', total: 5 },
    ];
    const ranks = rankWithin(rows, (r) => r.g);
    expect(rows.map((r) => ranks.get(r))).toEqual([1, 2, 2, 4, 1]);
  });

  it('checks criteria: weights summing to 100, known measures, unique keys', () => {
    expect(checkCriteria([{ key: 'a', kind: 'scored', weight: 100 }])).toEqual([]);
    expect(
      checkCriteria([
        { key: 'a', kind: 'scored', weight: 60 },
        { key: 'b', kind: 'scored', weight: 30 },
      ])[0],
    ).toMatchObject({ path: 'body', id: 'appraisal.weightsSum', values: { sum: '90' }, message: 'the weights must sum to 100 (they sum to 90)' });
    expect(checkCriteria([{ key: 'a', kind: 'measured', measure: 'x', weight: 100 }])[0].message).toMatch(/unknown measure \(x\)/);
    expect(checkCriteria([{ key: 'A b', kind: 'scored', weight: 100 }])[0].message).toMatch(/needs a key/);
    expect(checkCriteria([]).map((p) => p.id)).toEqual(['appraisal.criteriaList']);
    // What is stored: a scored criterion names no measure.
    expect(parseWith(criteriaInput, [{ key: 'a', kind: 'scored', weight: 100, extra: 1 }]).value).toEqual([{ key: 'a', kind: 'scored', weight: 100 }]);
  });

  it('checks thresholds and a cycle, naming each field staff correct', () => {
    expect(parseWith(thresholdsInput, { excellent: 90, good: 75, pass: 60, other: 1 }).value).toEqual({ excellent: 90, good: 75, pass: 60 });
    expect(parseWith(thresholdsInput, '').value).toBeUndefined();
    const { problems } = parseWith(cycleInput, {
      name: ' ',
      periodStart: '2090-12-31',
      periodEnd: '2090-01-01',
      criteria: [{ key: 'p', kind: 'scored', weight: 100 }],
      thresholds: { excellent: 60, good: 70, pass: 50 },
    });
    expect(problems.map((p) => [p.path, p.id])).toEqual([
      ['name', 'required'],
      ['thresholds', 'appraisal.thresholdOrder'],
      ['periodEnd', 'date.after'],
    ]);
    expect(parseWith(cycleInput, { name: 'x', periodStart: '2090-02-30', periodEnd: 'soon', criteria: 'all' }).problems.map((p) => p.path)).toEqual([
      'periodStart',
      'periodEnd',
      'criteria',
    ]);
  });

  it('reads the results’ sort as <column>:asc|desc, and the older -<column> still', () => {
    expect(['rank:asc', 'rank:desc', 'total:DESC', 'name', '-rank', '-name'].map((s) => parseSort(s))).toEqual([
      { column: 'rank', direction: 'asc' },
      { column: 'rank', direction: 'desc' },
      { column: 'total', direction: 'desc' },
      { column: 'name', direction: 'asc' },
      { column: 'rank', direction: 'desc' },
      { column: 'name', direction: 'desc' },
    ]);
    for (const bad of ['luck', 'rank:up', '-rank:desc', 'rank:asc,name:asc', 'constructor', '__proto__', ['rank'], 7]) {
      const { value, problems } = parseWith(resultsQuery, { sort: bad });
      expect(value).toBeUndefined();
      expect(problems.map((p) => p.path)).toEqual(['sort']);
    }
    expect(parseWith(resultsQuery, { sort: 'luck' }).problems[0].message).toBe('must be one of rank:asc, rank:desc, total:asc, total:desc, name:asc, name:desc');
    expect(parseWith(resultsQuery, { sort: '-rank', pageSize: '' }).value).toMatchObject({ sort: { column: 'rank', direction: 'desc' }, page: 1, pageSize: 25 });
  });

  it('checks a score, its criterion and that the cycle is open, each in one place', () => {
    expect([0, 100, 55].flatMap(checkScore)).toEqual([]);
    expect([-1, 101, 7.5, '50', null].map((s) => checkScore(s).map((p) => p.path))).toEqual([['score'], ['score'], ['score'], ['score'], ['score']]);
    const criteria = [
      { key: 'contacts', kind: 'measured' as const, measure: 'contacts', weight: 50 },
      { key: 'performance', kind: 'scored' as const, weight: 50 },
    ];
    expect(checkScoredCriterion(criteria, 'performance')).toEqual([]);
    expect(checkScoredCriterion(criteria, 'contacts')[0].message).toBe('must be a scored criterion of the cycle: performance');
    expect(checkScoredCriterion([], 'x')[0].message).toBe('must be a scored criterion of the cycle: none');
    expect([checkOpen({ cycleStatus: 'open' }), checkOpen(null), checkOpen({ cycleStatus: 'closed' }).map((p) => p.path)]).toEqual([[], [], ['cycle']]);
  });

  it('neutralises cells a spreadsheet would run as formulas, and only those', () => {
    expect(['=SUM(A1)', '+1', '-2', '@x', '\tx', 'fine', '王磊', 42, -3].map(neutralise)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-2",
      "'@x",
      "'\tx",
      'fine',
      '王磊',
      42,
      -3,
    ]);
  });
});

describe('honour eligibility', () => {
  it('keeps the best grade of an alumnus with several posts', () => {
    expect(bestGrade(['pass', 'excellent', null, 'good'])).toBe('excellent');
    expect(bestGrade([null, undefined])).toBeNull();
  });

  it('needs the kind’s minimum grade, and an appraisal at all', () => {
    expect(isEligible('title', 'excellent')).toBe(true);
    expect(isEligible('title', 'good')).toBe(false);
    expect(isEligible('bonus', 'good')).toBe(true);
    expect(isEligible('commendation', 'fail')).toBe(false);
    expect(eligibilityProblem('title', null)).toEqual({
      path: 'alumnus',
      id: 'honours.notAppraised',
      values: {},
      message: 'was not appraised in this cycle',
    });
    expect(eligibilityProblem('title', 'good')?.message).toBe(
      'honorary title needs at least the grade excellent in the cycle (the grade was good)',
    );
    expect(
      eligibilityProblem('title', 'good', {
        title: 'good',
        scholarship: 'good',
        bonus: 'good',
        invitation: 'good',
        commendation: 'pass',
      }),
    ).toBeNull();
  });
});
