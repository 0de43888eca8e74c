import { conditionQuery, holderInScope, nest, NOTHING, pickerFilter, postOutsideScope, scopeQuery, UIDS } from '../../plugins/liaison/server/src/access/rules';

const scope = { all: false as const, colleges: [1, 2], chapters: [7] };
const collegeOnly = { all: false as const, colleges: [1], chapters: [] };

describe('access rules', () => {
  it('answers RBAC conditions per subject, and drops the permission when there is nothing to see', () => {
    expect(conditionQuery(UIDS.post, 'college', [1, 2])).toEqual({
      $or: [{ 'cohort.college.id': { $in: [1, 2] } }, { 'college.id': { $in: [1, 2] } }],
    });
    expect(conditionQuery(UIDS.cohort, 'college', [1])).toEqual({ 'college.id': { $in: [1] } });
    expect(conditionQuery(UIDS.alumnus, 'chapter', [7])).toEqual({ 'chapter.id': { $in: [7] } });
    expect(conditionQuery(UIDS.college, 'college', [])).toBe(false);
    expect(conditionQuery(UIDS.cohort, 'chapter', [7])).toBe(false);
    expect(conditionQuery('plugin::liaison.feedback', 'college', [1])).toBe(false);
  });

  it('narrows relation pickers by colleges and chapters together, nested as query-string filters', () => {
    expect(scopeQuery(UIDS.alumnus, scope)).toEqual({
      $or: [{ 'cohort.college.id': { $in: [1, 2] } }, { 'chapter.id': { $in: [7] } }],
    });
    expect(pickerFilter(UIDS.cohort, collegeOnly)).toEqual({ college: { id: { $in: [1] } } });
    expect(pickerFilter(UIDS.chapter, collegeOnly)).toEqual(NOTHING);
    expect(pickerFilter(UIDS.industry, scope)).toEqual(NOTHING);
    expect(pickerFilter(UIDS.cohort, { all: true })).toBeNull();
    expect(pickerFilter('admin::user', scope)).toEqual(NOTHING);
    expect(pickerFilter('admin::user', { all: true })).toBeNull();
    expect(pickerFilter('plugin::liaison.training-course', scope)).toBeNull();
    expect(nest({ $or: [{ 'a.b.id': 1 }, { c: 2 }] })).toEqual({ $or: [{ a: { b: { id: 1 } } }, { c: 2 }] });
  });

  it('finds the scope field of a post that lies outside the user’s reach', () => {
    expect(postOutsideScope({ cohort: { id: 5, college: { id: 2 } } }, scope)).toBeNull();
    expect(postOutsideScope({ cohort: { id: 5, college: { id: 3 } } }, scope)).toBe('cohort');
    expect(postOutsideScope({ cohort: { id: 5, college: null } }, scope)).toBe('cohort');
    expect(postOutsideScope({ college: { id: 1 } }, scope)).toBeNull();
    expect(postOutsideScope({ college: { id: 1 }, chapter: { id: 8 } }, scope)).toBe('chapter');
    expect(postOutsideScope({ chapter: { id: 7 } }, scope)).toBeNull();
    expect(postOutsideScope({ industry: { id: 1 } }, scope)).toBe('industry');
    expect(postOutsideScope({}, scope)).toBe('dimension');
    expect(postOutsideScope({ industry: { id: 1 } }, { all: true })).toBeNull();
  });

  it('accepts a holder from one of the user’s colleges or chapters', () => {
    expect(holderInScope({ id: 1, cohort: { id: 3, college: { id: 2 } } }, scope)).toBe(true);
    expect(holderInScope({ id: 1, cohort: { id: 3, college: { id: 9 } }, chapter: { id: 7 } }, scope)).toBe(true);
    expect(holderInScope({ id: 1, cohort: { id: 3, college: { id: 9 } } }, scope)).toBe(false);
    expect(holderInScope({ id: 1 }, collegeOnly)).toBe(false);
  });
});
