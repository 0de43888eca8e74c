import {
  assertProductionEnv,
  DEV_ADMIN,
  DEV_SECRETS,
  productionEnvProblems,
  REQUIRED_IN_PRODUCTION,
  secret,
  SECRET_NAMES,
} from '../../src/utils/secret';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freshSecrets } = require('../../scripts/secrets');

/** A production environment that passes: fresh secrets from `npm run secrets`, and a public URL. */
const good = (): Record<string, string> => ({ NODE_ENV: 'production', ...freshSecrets(), PUBLIC_URL: 'https://alumni-api.example.edu' });

const messageOf = (env: Record<string, string | undefined>) => {
  try {
    assertProductionEnv(env);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
};

describe('secrets from the environment', () => {
  it('are read from the environment in production when they are fit', () => {
    const env = good();
    expect(secret('ADMIN_JWT_SECRET', env)).toBe(env.ADMIN_JWT_SECRET);
    expect(secret('APP_KEYS', env).split(',')).toHaveLength(4);
  });

  it('fall back to the development values outside production', () => {
    for (const name of SECRET_NAMES) {
      expect(secret(name, { NODE_ENV: 'development' })).toBe(DEV_SECRETS[name]);
      expect(secret(name, { NODE_ENV: 'test' })).toBe(DEV_SECRETS[name]);
    }
  });

  it('stop a production start that lacks them, naming every missing variable in one message', () => {
    const message = messageOf({ NODE_ENV: 'production' });
    expect(REQUIRED_IN_PRODUCTION).toEqual([...SECRET_NAMES, 'PUBLIC_URL']);
    expect(message).toMatch(/^Refusing to start in production/);
    expect(message).toContain(`missing: ${REQUIRED_IN_PRODUCTION.join(', ')}`);
    expect(() => secret('JWT_SECRET', { NODE_ENV: 'production' })).toThrow(/missing: APP_KEYS, ADMIN_JWT_SECRET/);
    // Blank is missing.
    expect(productionEnvProblems({ ...good(), JWT_SECRET: '   ' }).missing).toEqual(['JWT_SECRET']);
  });

  it('need UNSUBSCRIBE_SECRET and PUBLIC_URL in production (no fallback to the first APP_KEY or to localhost)', () => {
    const { UNSUBSCRIBE_SECRET, PUBLIC_URL, ...rest } = good();
    expect(productionEnvProblems(rest)).toEqual({ missing: ['UNSUBSCRIBE_SECRET', 'PUBLIC_URL'], refused: [] });
  });

  it('refuse every development default, each APP_KEY on its own, naming them all', () => {
    const env = { ...good(), ...DEV_SECRETS };
    const { missing, refused } = productionEnvProblems(env);
    expect(missing).toEqual([]);
    expect(refused).toEqual([
      'APP_KEYS: key 1 is a development default',
      'APP_KEYS: key 2 is a development default',
      ...SECRET_NAMES.filter((n) => n !== 'APP_KEYS').map((n) => `${n} is a development default`),
    ]);
    // One development key among good ones is enough to refuse.
    const mixed = `${good().APP_KEYS},devKeyB-change-me`;
    expect(productionEnvProblems({ ...good(), APP_KEYS: mixed }).refused).toEqual(['APP_KEYS: key 5 is a development default']);
    expect(productionEnvProblems({ ...good(), ENCRYPTION_KEY: DEV_ADMIN.password }).refused).toEqual(['ENCRYPTION_KEY is a development default']);
  });

  it('refuse obviously weak values: short, placeholders, one character repeated, empty keys', () => {
    const refused = (name: string, value: string) => productionEnvProblems({ ...good(), [name]: value }).refused;
    expect(refused('JWT_SECRET', 'abc123')).toEqual(['JWT_SECRET is shorter than 16 characters']);
    expect(refused('ADMIN_JWT_SECRET', 'please-change-me-before-going-live')).toEqual(['ADMIN_JWT_SECRET is a placeholder']);
    expect(refused('API_TOKEN_SALT', 'toBeModified1234567890')).toEqual(['API_TOKEN_SALT is a placeholder']);
    expect(refused('TRANSFER_TOKEN_SALT', 'a'.repeat(40))).toEqual(['TRANSFER_TOKEN_SALT has too few different characters']);
    expect(refused('APP_KEYS', `${freshSecrets().JWT_SECRET},,`)).toEqual(['APP_KEYS: key 2 is empty', 'APP_KEYS: key 3 is empty']);
  });

  it('refuse UNSUBSCRIBE_SECRET equal to an APP_KEY (its old default), and any secret used twice', () => {
    const env = good();
    const first = env.APP_KEYS.split(',')[0];
    expect(productionEnvProblems({ ...env, UNSUBSCRIBE_SECRET: first }).refused).toEqual([
      'UNSUBSCRIBE_SECRET is the same as APP_KEYS (key 1): each secret must be different',
    ]);
    expect(productionEnvProblems({ ...env, JWT_SECRET: env.ADMIN_JWT_SECRET }).refused).toEqual([
      'JWT_SECRET is the same as ADMIN_JWT_SECRET: each secret must be different',
    ]);
  });

  it('need PUBLIC_URL to be an absolute http(s) URL', () => {
    for (const url of ['alumni-api.example.edu', '/api', 'ftp://example.edu', 'https://user:pw@example.edu', 'javascript:alert(1)']) {
      expect(productionEnvProblems({ ...good(), PUBLIC_URL: url }).refused).toEqual([expect.stringMatching(/^PUBLIC_URL must be an absolute http\(s\) URL/)]);
    }
    for (const url of ['https://alumni-api.example.edu', 'http://10.0.0.5:1337', 'https://uni.example.edu/alumni-api/']) {
      expect(productionEnvProblems({ ...good(), PUBLIC_URL: url }).refused).toEqual([]);
    }
  });

  it('refuse the development admin’s login and weak admin passwords where ADMIN_* are set', () => {
    const refused = (extra: Record<string, string>) => productionEnvProblems({ ...good(), ...extra }).refused;
    expect(refused({ ADMIN_EMAIL: 'office@uni.edu', ADMIN_PASSWORD: 'Strong-Admin-Pass-2026' })).toEqual([]);
    expect(refused({ ADMIN_EMAIL: DEV_ADMIN.email.toUpperCase(), ADMIN_PASSWORD: DEV_ADMIN.password })).toEqual([
      'ADMIN_EMAIL is the development admin’s e-mail',
      'ADMIN_PASSWORD is the development admin’s password',
    ]);
    expect(refused({ ADMIN_PASSWORD: 'Short1a' })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD must have 12 to 72 characters/)]);
    expect(refused({ ADMIN_PASSWORD: 'alllowercase-and-long-1' })).toEqual([expect.stringMatching(/^ADMIN_PASSWORD must have/)]);
    expect(refused({ ADMIN_EMAIL: 'not-an-address' })).toEqual(['ADMIN_EMAIL is not an e-mail address']);
  });

  it('are fine as `npm run secrets` prints them: four fresh APP_KEYS, all different each time', () => {
    const a = freshSecrets();
    const b = freshSecrets();
    expect(Object.keys(a)).toEqual(SECRET_NAMES);
    expect(a.APP_KEYS.split(',')).toHaveLength(4);
    for (const name of SECRET_NAMES) expect(a[name]).not.toBe(b[name]);
    expect(messageOf(good())).toBe('');
  });
});
