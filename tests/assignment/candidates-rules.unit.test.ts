import { rankCandidates, reasonsFor, WEIGHTS, type CandidateRow } from '../../plugins/liaison/server/src/assignment/rules/candidates';

const day = '2026-06-01';
const row = (overrides: Partial<CandidateRow>): CandidateRow => ({
  documentId: 'x',
  name: 'x',
  contactConsent: false,
  email: null,
  phone: null,
  lastVerifiedAt: null,
  gradYear: 2010,
  trained: false,
  posts: 3,
  ...overrides,
});
const keys = (r: CandidateRow, dimension: any = 'cohort') => reasonsFor(r, dimension, day).map((x) => x.key);

describe('the reasons for a candidate', () => {
  it('gives each reason its points, with a human text', () => {
    const reasons = reasonsFor(row({ contactConsent: 1, email: 'a@b.c', phone: '1', lastVerifiedAt: '2025-01-01', trained: 1, posts: 0 }), 'cohort', day);
    expect(reasons.map((r) => [r.key, r.points])).toEqual([
      ['consented', WEIGHTS.consented],
      ['reachable', WEIGHTS.reachable],
      ['recentlyVerified', WEIGHTS.recentlyVerified],
      ['trained', WEIGHTS.trained],
      ['fewPosts', WEIGHTS.noPosts],
    ]);
    expect(reasons[1].text).toBe('Reachable by e-mail and phone');
  });
  it('counts a verification only within two years', () => {
    expect(keys(row({ lastVerifiedAt: '2026-05-31' }))).toEqual(['recentlyVerified']);
    expect(keys(row({ lastVerifiedAt: '2024-06-01' }))).toEqual(['recentlyVerified']);
    expect(keys(row({ lastVerifiedAt: '2024-05-31' }))).toEqual([]);
  });
  it('values having served the scope before', () => {
    expect(reasonsFor(row({ servedBefore: 1 }), 'cohort', day)).toEqual([
      { key: 'servedBefore', points: WEIGHTS.servedBefore, text: 'Served as a liaison of this scope before' },
    ]);
  });
  it('prefers those with few posts', () => {
    expect(reasonsFor(row({ posts: 1 }), 'cohort', day)).toEqual([{ key: 'fewPosts', points: WEIGHTS.onePost, text: 'Holds only one other post' }]);
    expect(keys(row({ posts: 2 }))).toEqual([]);
  });
  it('rewards seniority in industry groups only, up to a cap', () => {
    expect(keys(row({ gradYear: 2000 }), 'industry')).toEqual(['seniority']);
    expect(reasonsFor(row({ gradYear: 1980 }), 'industry', day)[0].points).toBe(WEIGHTS.seniorityMax);
    expect(reasonsFor(row({ gradYear: 2020 }), 'industry', day)[0].points).toBe(6);
    expect(keys(row({ gradYear: 2000 }), 'college')).toEqual([]);
    expect(keys(row({ gradYear: 2026 }), 'industry')).toEqual([]);
  });
});

describe('the ranking', () => {
  it('puts the highest score first, ties by earlier graduation then name, and keeps the limit', () => {
    const ranked = rankCandidates(
      [
        row({ documentId: 'c', name: 'C', email: 'c@x' }),
        row({ documentId: 'a', name: 'A', contactConsent: true }),
        row({ documentId: 'b', name: 'B', email: 'b@x', gradYear: 2005 }),
        row({ documentId: 'd', name: 'D' }),
      ],
      'cohort',
      day,
      3
    );
    expect(ranked.map((r) => [r.alumnus.documentId, r.score])).toEqual([
      ['a', 30],
      ['b', 20],
      ['c', 20],
    ]);
  });
});
