import { findPairs, MAX_BLOCK, type Candidate } from '../../plugins/liaison/server/src/duplicates/pairs';
import { phoneKey, studentNoKey, swappedKey } from '../../plugins/liaison/server/src/duplicates/keys';

/** The comparison on its own: which records meet, with what evidence and score. */
let next = 1;
const person = (data: Partial<Candidate>): Candidate => ({ id: next++, name: '某人', studentNo: null, phone: null, email: null, cohort: null, ...data });
const keysOf = (pairs: ReturnType<typeof findPairs>['pairs'], a: Candidate, b: Candidate) =>
  pairs.find((p) => p.first === Math.min(a.id, b.id) && p.second === Math.max(a.id, b.id))?.evidence.map((e) => e.key) ?? null;

describe('keys', () => {
  it('reads student numbers without prefix and leading zeros, phones as stored', () => {
    expect(studentNoKey('S02015001')).toBe(studentNoKey('2015001'));
    expect(studentNoKey('BJ-0020150012')).toBe('20150012');
    expect(studentNoKey('S01')).toBeNull();
    expect(phoneKey('+86 139-1234-5678')).toBe('13912345678');
    expect(phoneKey('0086 13912345678')).toBe('13912345678');
    expect(phoneKey('12')).toBeNull();
  });
  it('puts swapped names on one key in either script', () => {
    expect(swappedKey('Wang Fang')).toBe(swappedKey('fang  WANG'));
    expect(swappedKey('王芳')).toBe(swappedKey('芳王'));
    expect(swappedKey('王芳')).not.toBe(swappedKey('王方'));
  });
});

describe('findPairs', () => {
  it('pairs each kind of evidence and combines scores', () => {
    const a = person({ name: '張偉', cohort: 1, phone: '13900001111' });
    const b = person({ name: '张伟', cohort: 1, phone: '+86 139 0000 1111' });
    const c = person({ name: '张伟', cohort: 2 });
    const d = person({ studentNo: 'S0077001', email: 'A@x.org' });
    const e = person({ studentNo: '77001', email: 'a@X.org' });
    const f = person({ name: '章伟', cohort: 1 });
    const { pairs } = findPairs([a, b, c, d, e, f]);
    expect(keysOf(pairs, a, b)?.sort()).toEqual(['nameScript', 'phone']);
    expect(pairs.find((p) => p.first === a.id && p.second === b.id)?.score).toBeCloseTo(0.92);
    expect(keysOf(pairs, d, e)?.sort()).toEqual(['email', 'studentNo']);
    expect(pairs.find((p) => p.first === d.id)?.score).toBeCloseTo(0.98);
    // Another class: not the same person by name alone.
    expect(keysOf(pairs, b, c)).toBeNull();
    // A homophone in the class is too weak on its own; with the phone it counts.
    expect(keysOf(pairs, b, f)).toBeNull();
    const g = person({ name: '章伟', cohort: 1, phone: '13900001111' });
    expect(keysOf(findPairs([b, g]).pairs, b, g)?.sort()).toEqual(['namePinyin', 'phone']);
  });

  it('never compares records that share no key, and skips keys too common to mean anything', () => {
    const switchboard = Array.from({ length: MAX_BLOCK + 1 }, (_, i) => person({ name: `员工${i}`, phone: '01062750000' }));
    const { pairs, skippedBlocks } = findPairs(switchboard);
    expect(pairs).toEqual([]);
    expect(skippedBlocks).toBe(1);
    expect(findPairs([person({ name: '甲' }), person({ name: '乙' })]).pairs).toEqual([]);
  });
});
