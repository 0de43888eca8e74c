import {
  addDays,
  decadeOf,
  DEFAULT_SORT,
  parseSortKeys,
  perLiaisonOf,
  shareOf,
  vacanciesOf,
} from '../../plugins/liaison/server/src/coverage/rules';
import { coverageFilters, coverageQuery } from '../../plugins/liaison/server/src/coverage/inputs';
import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';

/** The coverage board's query strings, as the controller parses them. */
const parseCoverageQuery = (query: Record<string, unknown>) => parseWith(coverageQuery, query);
const parseSort = (sort: unknown, problems: { path: string }[]) => {
  const parsed = parseWith(coverageQuery, { dimension: 'region', sort });
  problems.push(...parsed.problems);
  return parsed.value?.sort;
};
const parseFilters = (query: Record<string, unknown>, problems: { path: string }[]) => {
  const parsed = parseWith(coverageFilters, query);
  problems.push(...parsed.problems);
  return parsed.value;
};

describe('coverage rules', () => {
  it('vacancies: posts not taken by active or approved liaisons, never negative', () => {
    expect(vacanciesOf(3, 1, 1)).toBe(1);
    expect(vacanciesOf(2, 0, 0)).toBe(2);
    expect(vacanciesOf(2, 2, 1)).toBe(0);
  });

  it('alumni per active liaison: one decimal, null without one', () => {
    expect(perLiaisonOf(10, 3)).toBe(3.3);
    expect(perLiaisonOf(0, 2)).toBe(0);
    expect(perLiaisonOf(40, 0)).toBeNull();
  });

  it('decades, shares and dates', () => {
    expect(decadeOf(1987)).toBe(1980);
    expect(decadeOf(2000)).toBe(2000);
    expect(shareOf(2, 3)).toBe(0.6667);
    expect(shareOf(0, 0)).toBe(0);
    expect(addDays('2026-12-31', 60)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('sort: columns with a direction, several keys, worst gaps by default', () => {
    const problems: any[] = [];
    expect(parseSort(undefined, problems)).toEqual(DEFAULT_SORT);
    expect(parseSort('name', problems)).toEqual([{ column: 'name', direction: 'asc' }]);
    expect(parseSort('perLiaison:DESC,alumni:asc', problems)).toEqual([
      { column: 'perLiaison', direction: 'desc' },
      { column: 'alumni', direction: 'asc' },
    ]);
    expect(problems).toEqual([]);
    expect(parseSortKeys('name:asc,name:desc')).toEqual([{ column: 'name', direction: 'asc' }]);
    for (const bad of ['id:asc', 'name:sideways', 'name:asc:x', ['name:asc']]) {
      const p: any[] = [];
      parseSort(bad, p);
      expect(p.map((x) => x.path)).toEqual(['sort']);
    }
  });

  it('a coverage query: defaults, and every bad parameter named', () => {
    expect(parseCoverageQuery({ dimension: 'region' }).value).toEqual({
      dimension: 'region',
      page: 1,
      pageSize: 25,
      sort: DEFAULT_SORT,
      filters: {},
    });
    const { value, problems } = parseCoverageQuery({ dimension: 'x', page: '0', pageSize: '1000', sort: 'foo', yearFrom: 'abc' });
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['dimension', 'page', 'pageSize', 'sort', 'yearFrom']);
    expect(parseCoverageQuery({}).problems).toEqual([
      { path: 'dimension', id: 'common.requiredOneOf', values: { list: 'cohort, college, region, industry' }, message: 'is required: one of cohort, college, region, industry' },
    ]);
    expect(parseCoverageQuery({ dimension: 'cohort', country: ['CN', 'US'], province: 'a\u0000b' }).problems.map((p) => [p.path, p.id])).toEqual([
      ['country', 'common.once'],
      ['province', 'common.nul'],
    ]);
  });

  it('filters: trimmed text, whole years in order, blanks ignored', () => {
    const problems: any[] = [];
    expect(parseFilters({ college: ' abc ', yearFrom: '1990', yearTo: '1999', country: '', province: '广东省', sector: 'C' }, problems)).toEqual({
      college: 'abc',
      yearFrom: 1990,
      yearTo: 1999,
      province: '广东省',
      sector: 'C',
    });
    expect(problems).toEqual([]);
    parseFilters({ yearFrom: '2001', yearTo: '2000' }, problems);
    expect(problems.map((p) => p.path)).toEqual(['yearTo']);
    expect(parseFilters({ college: '   ', yearFrom: ' 1990 ' }, [])).toEqual({ yearFrom: 1990 });
  });
});
