import { checkLiaisonPost, type PostState } from '../../plugins/liaison/server/src/rules';

const post = (overrides: Partial<PostState> = {}): PostState => ({
  dimension: 'cohort',
  hasAlumnus: true,
  scopes: { cohort: true, college: false, chapter: false, industry: false },
  termStart: '2024-01-01',
  termEnd: null,
  postStatus: 'active',
  nominationReason: null,
  endReason: null,
  ...overrides,
});
const paths = (p: PostState) => checkLiaisonPost(p).map((e) => e.path);

describe('a liaison post', () => {
  it('is valid with its alumnus, its dimension and the matching scope', () => {
    expect(checkLiaisonPost(post())).toEqual([]);
  });

  it.each([
    ['cohort', 'cohort'],
    ['college', 'college'],
    ['region', 'chapter'],
    ['industry', 'industry'],
  ])('of dimension %s needs its %s and nothing else', (dimension, field) => {
    const none = { cohort: false, college: false, chapter: false, industry: false };
    expect(paths(post({ dimension, scopes: none, nominationReason: 'x' }))).toEqual([field]);
    expect(paths(post({ dimension, scopes: { ...none, [field]: true }, nominationReason: 'x' }))).toEqual([]);
    const all = { cohort: true, college: true, chapter: true, industry: true };
    expect(paths(post({ dimension, scopes: all, nominationReason: 'x' })).sort()).toEqual(
      ['cohort', 'college', 'chapter', 'industry'].filter((f) => f !== field).sort()
    );
  });

  it('refuses an unknown dimension and a missing alumnus', () => {
    expect(paths(post({ dimension: 'planet', hasAlumnus: false }))).toEqual(['alumnus', 'dimension']);
  });

  it('in an industry needs a stated nomination reason', () => {
    const industry = post({ dimension: 'industry', scopes: { cohort: false, college: false, chapter: false, industry: true } });
    expect(paths({ ...industry, nominationReason: '   ' })).toEqual(['nominationReason']);
    expect(paths({ ...industry, nominationReason: '行业领军人物' })).toEqual([]);
  });

  it('ends after it starts, never on the same day', () => {
    expect(paths(post({ termEnd: '2023-12-31' }))).toEqual(['termEnd']);
    expect(paths(post({ termEnd: '2024-01-01' }))).toEqual(['termEnd']);
    expect(paths(post({ termEnd: '2024-01-02' }))).toEqual([]);
  });

  it('once ended, records when and why', () => {
    expect(paths(post({ postStatus: 'ended' })).sort()).toEqual(['endReason', 'termEnd']);
    expect(paths(post({ postStatus: 'ended', termEnd: '2026-06-30', endReason: 'term_over' }))).toEqual([]);
  });
});
