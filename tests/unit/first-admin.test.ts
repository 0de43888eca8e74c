import { DEV_ADMIN, firstAdminCredentials } from '../../src/bootstrap/first-admin';

describe('the first admin login', () => {
  it('comes from ADMIN_EMAIL and ADMIN_PASSWORD when both are set', () => {
    expect(firstAdminCredentials({ ADMIN_EMAIL: ' office@uni.edu ', ADMIN_PASSWORD: 'S3cret-pass-2026', NODE_ENV: 'production' })).toEqual({
      email: 'office@uni.edu', password: 'S3cret-pass-2026', isDevelopmentDefault: false,
    });
  });
  it('falls back to the printed development default outside production', () => {
    expect(firstAdminCredentials({ NODE_ENV: 'development' })).toEqual({ ...DEV_ADMIN, isDevelopmentDefault: true });
  });
  it('is refused in production without explicit credentials, naming each missing one', () => {
    const only = firstAdminCredentials({ NODE_ENV: 'production', ADMIN_EMAIL: 'a@b.cn' });
    expect(only).toEqual({ refused: expect.stringContaining('missing: ADMIN_PASSWORD') });
    expect((only as any).refused).not.toContain('ADMIN_EMAIL');
    expect(firstAdminCredentials({ NODE_ENV: 'production' })).toEqual({ refused: expect.stringContaining('missing: ADMIN_EMAIL, ADMIN_PASSWORD') });
  });
  it('is refused in production when it is the development admin’s, or weak', () => {
    const dev = firstAdminCredentials({ NODE_ENV: 'production', ADMIN_EMAIL: DEV_ADMIN.email, ADMIN_PASSWORD: DEV_ADMIN.password });
    expect((dev as any).refused).toContain('ADMIN_EMAIL is the development admin’s e-mail');
    expect((dev as any).refused).toContain('ADMIN_PASSWORD is the development admin’s password');
    expect(firstAdminCredentials({ NODE_ENV: 'production', ADMIN_EMAIL: 'office@uni.edu', ADMIN_PASSWORD: 'password' })).toHaveProperty('refused');
  });
});
