import { demoSize, shouldSeedDemo } from '../../src/bootstrap/demo';

describe('SEED_DEMO', () => {
  it('seeds by default in development only', () => {
    expect(shouldSeedDemo({ NODE_ENV: 'development' })).toBe(true);
    expect(shouldSeedDemo({ NODE_ENV: 'production' })).toBe(false);
    expect(shouldSeedDemo({ NODE_ENV: 'test' })).toBe(false);
  });
  it('is decided by the flag when it is set', () => {
    expect(shouldSeedDemo({ NODE_ENV: 'production', SEED_DEMO: 'true' })).toBe(true);
    expect(shouldSeedDemo({ NODE_ENV: 'development', SEED_DEMO: 'false' })).toBe(false);
  });
  it('takes its size from DEMO_ALUMNI when that is a positive whole number', () => {
    expect(demoSize({ DEMO_ALUMNI: '500' })).toBe(500);
    expect(demoSize({ DEMO_ALUMNI: 'lots' })).toBe(2000);
    expect(demoSize({})).toBe(2000);
  });
});
