import { containsPattern, indexedBy, searchFieldsFor, SHORT_TERM_FIELDS, ALUMNI_SEARCH_FIELDS } from '../../plugins/liaison/server/src/board/search-index';

describe('which index finds a term', () => {
  it('trigrams for a run of three letters or digits, in any script', () => {
    for (const term of ['王芳华', 'wangfang', '13912', 'wang.fang@', 'a.bcd', '欧阳振 东']) expect({ term, by: indexedBy(term) }).toEqual({ term, by: 'trigrams' });
  });

  it('pieces for one or two characters without spaces', () => {
    for (const term of ['王芳', '芳', 'wf', '@e', '1-']) expect({ term, by: indexedBy(term) }).toEqual({ term, by: 'pieces' });
  });

  it('none for what neither can find: spaces in a short term, no run of three, a line feed', () => {
    for (const term of ['', 'a b', 'w f', 'a.b', '1-2-3', '欧阳 振东', 'ab\ncd']) expect({ term, by: indexedBy(term) }).toEqual({ term, by: null });
  });
});

describe('where a term is looked for', () => {
  it('one or two characters in the name, pinyin and initials; longer in every search field', () => {
    expect(searchFieldsFor('王芳')).toEqual(SHORT_TERM_FIELDS);
    expect(searchFieldsFor('wf')).toEqual(SHORT_TERM_FIELDS);
    expect(searchFieldsFor('王芳华')).toEqual(ALUMNI_SEARCH_FIELDS);
    expect(ALUMNI_SEARCH_FIELDS).toEqual(expect.arrayContaining(['name', 'searchKey', 'studentNo', 'phone', 'email', 'wechat']));
  });

  it("escapes LIKE's wildcards and its escape character", () => {
    expect(containsPattern('a%b_c\\d')).toBe('%a\\%b\\_c\\\\d%');
  });
});
