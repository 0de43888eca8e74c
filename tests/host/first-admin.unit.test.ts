import { DEV_ADMIN, DEV_ADMIN_NAME, firstAdminCredentials, firstAdminName, hasPlaceholderName } from '../../src/bootstrap/first-admin';

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

describe('the first admin’s name', () => {
  it('is a real person’s for the development (demo) admin, greeted by it on the home page', () => {
    const name = firstAdminName({ NODE_ENV: 'development' }, true);
    expect(name).toEqual(DEV_ADMIN_NAME);
    expect(name.firstname).not.toBe('Alumni');
    // Chinese: the whole name is the first name (Strapi writes "first last"), so "林晓雯", not "晓雯 林".
    expect([name.firstname, name.lastname].filter(Boolean).join(' ')).toBe('林晓雯');
  });
  it('comes from ADMIN_FIRSTNAME and ADMIN_LASTNAME when set', () => {
    expect(firstAdminName({ ADMIN_FIRSTNAME: ' Mei ', ADMIN_LASTNAME: ' Chen ' }, false)).toEqual({ firstname: 'Mei', lastname: 'Chen' });
    expect(firstAdminName({ ADMIN_FIRSTNAME: '陈梅' }, true)).toEqual({ firstname: '陈梅', lastname: null });
  });
  it('stays the office’s for an admin from ADMIN_EMAIL without a name', () => {
    expect(firstAdminName({ ADMIN_EMAIL: 'office@uni.edu' }, false)).toEqual({ firstname: 'Alumni', lastname: 'Office' });
  });
  it('renames only a development admin that still has the old placeholder name', () => {
    expect(hasPlaceholderName({ firstname: 'Alumni', lastname: 'Office' })).toBe(true);
    expect(hasPlaceholderName({ firstname: 'Alumni', lastname: 'Relations' })).toBe(false);
    expect(hasPlaceholderName({ firstname: '林晓雯', lastname: null })).toBe(false);
  });
});
