import { DEV_ADMIN, firstAdminCredentials } from '../../src/bootstrap/first-admin';

describe('the first admin login', () => {
  it('comes from ADMIN_EMAIL and ADMIN_PASSWORD when both are set', () => {
    expect(firstAdminCredentials({ ADMIN_EMAIL: ' office@uni.edu ', ADMIN_PASSWORD: 'S3cret-pass', NODE_ENV: 'production' })).toEqual({
      email: 'office@uni.edu', password: 'S3cret-pass', isDevelopmentDefault: false,
    });
  });
  it('falls back to the printed development default outside production', () => {
    expect(firstAdminCredentials({ NODE_ENV: 'development' })).toEqual({ ...DEV_ADMIN, isDevelopmentDefault: true });
  });
  it('is refused in production without explicit credentials', () => {
    expect(firstAdminCredentials({ NODE_ENV: 'production', ADMIN_EMAIL: 'a@b.c' })).toHaveProperty('refused');
  });
});
