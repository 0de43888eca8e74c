import { addTags, addYear, MAX_YEAR, MIN_YEAR, parseTags, parseYear, TAG, toList } from '../../plugins/liaison/admin/src/utils/lists';
import { pageSizeOptions, PAGE_SIZES, DEFAULT_PAGE_SIZE } from '../../plugins/liaison/admin/src/utils/pageSize';
import { checkCohortYears, checkTags } from '../../plugins/liaison/server/src/rules/story';
import { CUSTOM_FIELDS } from '../../plugins/liaison/server/src/fields';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';
import storySchema from '../../plugins/liaison/server/src/content-types/story/schema.json';

describe("the story's tag input", () => {
  it('turns what staff type into tags the server accepts', () => {
    expect(parseTags(' Class Spirit, 校友，abroad ; giving_back\nx-')).toEqual({
      tags: ['class-spirit', 'abroad', 'giving-back'],
      rejected: ['校友', 'x-'],
    });
    const { tags } = parseTags('Start Up,  MEDICINE,a,' + 'b'.repeat(40));
    expect(checkTags(tags)).toEqual([]);
    expect(checkTags(parseTags('b'.repeat(41)).rejected)).not.toEqual([]);
  });
  it('applies the same rule as the server', () => {
    for (const tag of ['a', 'ab', 'a-b', '9', 'x'.repeat(40), 'x'.repeat(41), '-a', 'a-', 'A', 'a_b', '中文', '']) {
      expect(TAG.test(tag)).toBe(checkTags([tag]).length === 0);
    }
  });
  it('adds each tag once, keeping the order', () => {
    expect(addTags(['a', 'b'], ['b', 'c', 'c', 'd'])).toEqual(['a', 'b', 'c', 'd']);
  });
  it('reads the stored value as a list, whatever it is', () => {
    expect(toList(['a'])).toEqual(['a']);
    expect(toList('["a"]')).toEqual(['a']);
    expect(toList(null)).toEqual([]);
    expect(toList({ a: 1 })).toEqual([]);
    expect(toList('[oops')).toEqual([]);
  });
});

describe("the story's cohort-year input", () => {
  it('takes whole years in the range the server accepts', () => {
    for (const year of [MIN_YEAR - 1, MIN_YEAR, 2006, MAX_YEAR, MAX_YEAR + 1, 2006.5]) {
      expect(parseYear(year) !== null).toBe(checkCohortYears([year]).length === 0);
    }
    expect(parseYear('2006')).toBe(2006);
    expect(parseYear('06')).toBeNull();
  });
  it('keeps each year once, in order: the list the website reads', () => {
    const years = addYear(addYear(addYear([], 2010), 1999), 2010);
    expect(years).toEqual([1999, 2010]);
    expect(checkCohortYears(years)).toEqual([]);
  });
});

describe('the custom fields of stories', () => {
  it('are JSON underneath, as the website API and its filters read them', () => {
    const attributes = storySchema.attributes as Record<string, any>;
    expect(attributes.tags).toMatchObject({ type: 'customField', customField: 'plugin::liaison.tag-list' });
    expect(attributes.cohortYears).toMatchObject({ type: 'customField', customField: 'plugin::liaison.year-list' });
    for (const field of CUSTOM_FIELDS) expect(field.type).toBe('json');
    expect(CUSTOM_FIELDS.map((f) => `plugin::${f.plugin}.${f.name}`).sort()).toEqual(['plugin::liaison.tag-list', 'plugin::liaison.year-list']);
  });
});

describe('list pages', () => {
  it('offer the page size they use, so the selector shows it', () => {
    expect(PAGE_SIZES).toContain(String(DEFAULT_PAGE_SIZE));
    expect(pageSizeOptions(undefined)).toEqual(PAGE_SIZES);
    expect(pageSizeOptions('25')).toEqual(PAGE_SIZES);
    expect(pageSizeOptions('30')).toEqual(['10', '25', '30', '50', '100']);
    expect(pageSizeOptions('x')).toEqual(PAGE_SIZES);
  });
});

describe("the plugin's admin translations", () => {
  it('have every message in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(zh as Record<string, string>)) expect([key, value.trim()]).not.toEqual([key, '']);
  });
});
