import {
  addDays,
  canDo,
  checkRenewal,
  dayOf,
  expirySteps,
  isFull,
  reminderDue,
  reminderKey,
  statusOnApproval,
  termEndOnEnding,
  termsOverlap,
} from '../../plugins/liaison/server/src/assignment/rules/lifecycle';
import assignment from '../../plugins/liaison/server/src/assignment';
import { endingInput, nominationInput, quotaInput, rejectionInput, renewalInput } from '../../plugins/liaison/server/src/assignment/inputs';
import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';

const paths = (errors: { path: string }[]) => errors.map((e) => e.path);
const nomination = { alumnus: 'a1', dimension: 'cohort', scope: 's1', role: 'monitor', termStart: '2024-07-01' };
/** What the request's schema finds wrong (the controllers answer 400 with it). */
const checkNomination = (body: unknown) => parseWith(nominationInput, body).problems;
const checkRejection = (body: unknown) => parseWith(rejectionInput, body).problems;
const checkEnding = (body: unknown) => parseWith(endingInput, body).problems;
const checkQuota = (body: unknown) => parseWith(quotaInput, body).problems;

describe('a nomination', () => {
  it('is valid with a person, a dimension, a scope, a role and a term start', () => {
    expect(checkNomination(nomination)).toEqual([]);
  });
  it('names every missing or wrong field', () => {
    expect(paths(checkNomination({ dimension: 'moon', role: 'king', termStart: '2024-02-30', termEnd: 'soon' }))).toEqual([
      'alumnus',
      'dimension',
      'scope',
      'role',
      'termStart',
      'termEnd',
    ]);
    expect(paths(checkNomination({ ...nomination, termEnd: '2024-07-01' }))).toEqual(['termEnd']);
  });
  it('takes a blank term end as none, and hands the service typed values', () => {
    expect(parseWith(nominationInput, { ...nomination, termEnd: '', reason: null, source: 'elsewhere' }).value).toEqual({
      ...nomination,
      termEnd: null,
      nominator: undefined,
      reason: undefined,
      source: undefined,
    });
  });
  it('says each problem by message id, as the request named the field', () => {
    expect(checkNomination({ ...nomination, termStart: '2024-02-30' })).toEqual([
      { path: 'termStart', id: 'assignment.requiredDate', values: {}, message: 'is required, written yyyy-MM-dd' },
    ]);
    expect(checkNomination({ ...nomination, role: 'king' })[0]).toMatchObject({ id: 'common.oneOf', message: expect.stringMatching(/^must be one of head, /) });
    expect(checkNomination({ ...nomination, alumnus: 'a\u0000b' })[0]).toMatchObject({ path: 'alumnus', id: 'assignment.requiredAlumnus' });
  });
  it('of an industry post needs a nominator and a stated reason (举荐)', () => {
    expect(paths(checkNomination({ ...nomination, dimension: 'industry' }))).toEqual(['nominator', 'reason']);
    expect(paths(checkNomination({ ...nomination, dimension: 'industry', nominator: 'n1', reason: ' ' }))).toEqual(['reason']);
    expect(checkNomination({ ...nomination, dimension: 'industry', nominator: 'n1', reason: '行业领军人物' })).toEqual([]);
  });
});

describe('the lifecycle', () => {
  it('approves and rejects only nominations; renews and ends only active or approved posts', () => {
    expect(['nominated', 'approved', 'active', 'ended', 'rejected'].filter((s) => canDo('approve', s))).toEqual(['nominated']);
    expect(['nominated', 'approved', 'active', 'ended', 'rejected'].filter((s) => canDo('reject', s))).toEqual(['nominated']);
    expect(['nominated', 'approved', 'active', 'ended', 'rejected'].filter((s) => canDo('renew', s))).toEqual(['approved', 'active']);
    expect(['nominated', 'approved', 'active', 'ended', 'rejected'].filter((s) => canDo('end', s))).toEqual(['approved', 'active']);
  });
  it('makes an approved post active from its term start on', () => {
    expect(statusOnApproval('2024-07-01', '2024-07-01')).toBe('active');
    expect(statusOnApproval('2024-06-30', '2024-07-01')).toBe('active');
    expect(statusOnApproval('2024-07-02', '2024-07-01')).toBe('approved');
  });
  it('calls a scope full when its taken posts reach its number', () => {
    expect(isFull(1, 2)).toBe(false);
    expect(isFull(2, 2)).toBe(true);
    expect(isFull(0, 0)).toBe(true);
  });
  it('finds overlapping terms, open ends included', () => {
    expect(termsOverlap({ termStart: '2024-01-01', termEnd: '2024-12-31' }, { termStart: '2024-12-31', termEnd: null })).toBe(true);
    expect(termsOverlap({ termStart: '2024-01-01', termEnd: '2024-12-31' }, { termStart: '2025-01-01', termEnd: '2026-01-01' })).toBe(false);
    expect(termsOverlap({ termStart: '2024-01-01', termEnd: null }, { termStart: '2030-01-01', termEnd: '2031-01-01' })).toBe(true);
    expect(termsOverlap({ termStart: '2025-01-01', termEnd: null }, { termStart: '2020-01-01', termEnd: '2024-12-31' })).toBe(false);
  });
  it('needs a reason to reject, a later term end to renew, a known reason to end', () => {
    expect(paths(checkRejection({}))).toEqual(['reason']);
    expect(checkRejection({ reason: '不符合条件' })).toEqual([]);
    expect(paths(checkRenewal('2026-06-30', { termEnd: '2026-06-30' }))).toEqual(['termEnd']);
    expect(checkRenewal('2026-06-30', { termEnd: '2026-06-30' })[0]).toMatchObject({ id: 'assignment.renewLater', message: 'must be later than the current term end (2026-06-30)' });
    expect(checkRenewal('2029-06-30', { termEnd: '2026-06-30' })).toEqual([]);
    expect(paths(parseWith(renewalInput, {}).problems)).toEqual(['termEnd']);
    expect(paths(checkEnding({ reason: 'bored', successor: 'not a valid id!' }))).toEqual(['reason', 'successor']);
    expect(checkEnding({ reason: 'deceased', note: '交接完毕' })).toEqual([]);
  });
  it('records the day a term ends: today, an earlier end kept, never before its start', () => {
    expect(termEndOnEnding('2024-01-01', '2030-01-01', '2025-05-05')).toBe('2025-05-05');
    expect(termEndOnEnding('2024-01-01', null, '2025-05-05')).toBe('2025-05-05');
    expect(termEndOnEnding('2024-01-01', '2025-01-01', '2025-05-05')).toBe('2025-01-01');
    expect(termEndOnEnding('2025-09-01', '2028-08-31', '2025-05-05')).toBe('2025-09-02');
  });
  it('checks the posts of a scope', () => {
    expect(checkQuota({ dimension: 'cohort', posts: 2 })).toEqual([]);
    expect(paths(checkQuota({ dimension: 'x', posts: 1.5 }))).toEqual(['dimension', 'posts']);
    expect(paths(checkQuota({ dimension: 'college', scope: 'bad id!', posts: -1 }))).toEqual(['scope', 'posts']);
  });
});

describe('the daily expiry', () => {
  const day = '2026-03-01';
  it('ends a term past its end, activates a begun approved term, and does nothing to others', () => {
    expect(expirySteps({ postStatus: 'active', termStart: '2020-01-01', termEnd: '2026-02-28' }, day)).toEqual([{ kind: 'end' }]);
    expect(expirySteps({ postStatus: 'approved', termStart: '2025-01-01', termEnd: '2026-02-28' }, day)).toEqual([{ kind: 'end' }]);
    expect(expirySteps({ postStatus: 'approved', termStart: day, termEnd: null }, day)).toEqual([{ kind: 'activate' }]);
    expect(expirySteps({ postStatus: 'active', termStart: '2020-01-01', termEnd: day }, day)).toEqual([{ kind: 'remind', days: 7 }]);
    expect(expirySteps({ postStatus: 'nominated', termStart: '2020-01-01', termEnd: '2021-01-01' }, day)).toEqual([]);
    expect(expirySteps({ postStatus: 'ended', termStart: '2020-01-01', termEnd: '2021-01-01' }, day)).toEqual([]);
  });
  it('reminds 30 days before the end, then in the last 7 days', () => {
    expect(reminderDue(addDays(day, 31), day)).toBeNull();
    expect(reminderDue(addDays(day, 30), day)).toBe(30);
    expect(reminderDue(addDays(day, 8), day)).toBe(30);
    expect(reminderDue(addDays(day, 7), day)).toBe(7);
    expect(reminderDue(day, day)).toBe(7);
    expect(reminderDue(addDays(day, -1), day)).toBeNull();
    expect(reminderDue(null, day)).toBeNull();
  });
  it('keys each reminder by post, term end, days and recipient, so it goes out once', () => {
    expect(reminderKey('p1', '2026-03-31', 30, 'Staff@Example.org')).toBe('term-reminder:p1:2026-03-31:30:staff@example.org');
  });
  it("uses the network's date (Asia/Shanghai)", () => {
    expect(dayOf(new Date('2026-03-01T18:00:00Z'))).toBe('2026-03-02');
    expect(dayOf(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
  });
  it('is scheduled at 2:00 each day by the capability, on the day of its slot', async () => {
    const scheduled: any[] = [];
    const runExpiry = jest.fn(async () => ({}));
    const services: Record<string, any> = { jobs: { schedule: (d: any) => scheduled.push(d) }, assignment: { runExpiry } };
    const strapi = { plugin: () => ({ service: (name: string) => services[name] }) };
    await assignment.bootstrap!({ strapi });
    expect(scheduled).toHaveLength(1);
    expect(scheduled[0]).toMatchObject({ name: 'post-expiry', rule: '0 2 * * *' });
    await scheduled[0].run({ strapi, slot: new Date('2026-03-01T18:00:00Z') });
    expect(runExpiry).toHaveBeenCalledWith('2026-03-02');
  });
});
