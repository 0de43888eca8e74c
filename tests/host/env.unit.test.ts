import { wholeNumberEnv } from '../../plugins/liaison/server/src/utils/env';

/** Every number the server reads from its environment: a wrong one is named, never silently replaced. */
describe('a whole number from the environment', () => {
  it('is the default when unset or empty, and the value when it is a whole number in range', () => {
    expect(wholeNumberEnv('RATE_LIMIT_POINTS', 600, { env: {} })).toBe(600);
    expect(wholeNumberEnv('RATE_LIMIT_POINTS', 600, { env: { RATE_LIMIT_POINTS: '' } })).toBe(600);
    expect(wholeNumberEnv('RATE_LIMIT_POINTS', 600, { env: { RATE_LIMIT_POINTS: '0' } })).toBe(0);
    expect(wholeNumberEnv('ACCOUNT_INVITE_DAYS', 7, { min: 1, max: 90, env: { ACCOUNT_INVITE_DAYS: '90' } })).toBe(90);
  });

  it.each([
    ['lots', 'RATE_LIMIT_POINTS must be a whole number (0 or more), got "lots"', {}],
    ['1.5', 'RATE_LIMIT_POINTS must be a whole number (0 or more), got "1.5"', {}],
    ['-1', 'RATE_LIMIT_POINTS must be a whole number (0 or more), got "-1"', {}],
    ['91', 'RATE_LIMIT_POINTS must be a whole number of days from 1 to 90, got "91"', { min: 1, max: 90, unit: 'days' }],
    ['0', 'RATE_LIMIT_POINTS must be a whole number of days from 1 to 90, got "0"', { min: 1, max: 90, unit: 'days' }],
  ])('refuses %s, naming the variable, the rule and the value', (value, message, range) => {
    expect(() => wholeNumberEnv('RATE_LIMIT_POINTS', 600, { ...range, env: { RATE_LIMIT_POINTS: value } })).toThrow(message);
  });
});
