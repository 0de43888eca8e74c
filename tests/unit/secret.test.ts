import { secret } from '../../src/utils/secret';

describe('secrets from the environment', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('are read from the environment when set', () => {
    process.env.NODE_ENV = 'production';
    process.env.ADMIN_JWT_SECRET = 'from-env';
    expect(secret('ADMIN_JWT_SECRET', 'dev')).toBe('from-env');
  });
  it('fall back to the development value outside production', () => {
    process.env.NODE_ENV = 'development';
    delete process.env.ADMIN_JWT_SECRET;
    expect(secret('ADMIN_JWT_SECRET', 'dev')).toBe('dev');
  });
  it('stop a production start that lacks them, naming the variable', () => {
    process.env.NODE_ENV = 'production';
    delete process.env.ADMIN_JWT_SECRET;
    expect(() => secret('ADMIN_JWT_SECRET', 'dev')).toThrow(/ADMIN_JWT_SECRET must be set in production/);
  });
});
