/**
 * Secrets from the environment. Development and tests get fixed defaults so that
 * `npm run develop` works out of the box; production (`npm start`) refuses to start
 * unless every secret is set, none is a development default or a placeholder, and
 * PUBLIC_URL is an absolute http(s) URL. All problems are named in one message.
 */

/** The committed development values: published, so never accepted in production. */
export const DEV_SECRETS = {
  APP_KEYS: 'devKeyA-change-me,devKeyB-change-me',
  ADMIN_JWT_SECRET: 'dev-admin-jwt-secret-change-me',
  API_TOKEN_SALT: 'dev-api-token-salt-change-me',
  TRANSFER_TOKEN_SALT: 'dev-transfer-token-salt-change-me',
  ENCRYPTION_KEY: 'dev-encryption-key-change-me',
  JWT_SECRET: 'dev-users-permissions-jwt-secret-change-me',
  UNSUBSCRIBE_SECRET: 'dev-unsubscribe-secret-change-me',
} as const;

/** The development admin, created outside production when ADMIN_EMAIL/ADMIN_PASSWORD are unset. */
export const DEV_ADMIN = { email: 'admin@liaison.local', password: 'Liaison-Admin-2026' };

export type SecretName = keyof typeof DEV_SECRETS;
export const SECRET_NAMES = Object.keys(DEV_SECRETS) as SecretName[];

/** What production needs besides the secrets. */
export const REQUIRED_IN_PRODUCTION = [...SECRET_NAMES, 'PUBLIC_URL'] as const;

export const MIN_SECRET_LENGTH = 16;

type Env = Record<string, string | undefined>;

const isProduction = (env: Env) => env.NODE_ENV === 'production';

const DEV_VALUES = new Set([...Object.values(DEV_SECRETS).flatMap((v) => [v, ...v.split(',')]), DEV_ADMIN.password]);
const PLACEHOLDER = /change.?me|to.?be.?modified|replace.?me|your.?secret/i;

/** Why a secret value is not good enough for production, or null when it is. */
export const weakness = (value: string): string | null => {
  if (DEV_VALUES.has(value)) return 'is a development default';
  if (PLACEHOLDER.test(value)) return 'is a placeholder';
  if (value.length < MIN_SECRET_LENGTH) return `is shorter than ${MIN_SECRET_LENGTH} characters`;
  if (new Set(value).size < 6) return 'has too few different characters';
  return null;
};

export const MIN_ADMIN_PASSWORD_LENGTH = 12;

/**
 * Why ADMIN_EMAIL/ADMIN_PASSWORD, where set, are refused in production: the development
 * admin's login is printed in the README, and a weak password guards the whole network.
 */
export const adminCredentialProblems = (env: Env): string[] => {
  const problems: string[] = [];
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (email) {
    if (email.toLowerCase() === DEV_ADMIN.email) problems.push('ADMIN_EMAIL is the development admin’s e-mail');
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push('ADMIN_EMAIL is not an e-mail address');
  }
  if (password) {
    if (password === DEV_ADMIN.password) problems.push('ADMIN_PASSWORD is the development admin’s password');
    else if (/change.?me/i.test(password)) problems.push('ADMIN_PASSWORD is a placeholder');
    else if (
      password.length < MIN_ADMIN_PASSWORD_LENGTH ||
      Buffer.byteLength(password) > 72 ||
      !/[a-z]/.test(password) ||
      !/[A-Z]/.test(password) ||
      !/[0-9]/.test(password)
    ) {
      problems.push(`ADMIN_PASSWORD must have ${MIN_ADMIN_PASSWORD_LENGTH} to 72 characters, with a lower-case letter, a capital and a digit`);
    }
  }
  return problems;
};

const splitKeys = (raw: string) => raw.split(',').map((k) => k.trim());

/** What is missing and what is refused in a production environment (empty lists when it is fit). */
export const productionEnvProblems = (env: Env): { missing: string[]; refused: string[] } => {
  const missing: string[] = [];
  const refused: string[] = [];
  const given = (name: string) => {
    const value = env[name]?.trim();
    if (!value) missing.push(name);
    return value || null;
  };

  const values = new Map<string, string>();
  for (const name of SECRET_NAMES) {
    const value = given(name);
    if (!value) continue;
    if (name === 'APP_KEYS') {
      splitKeys(value).forEach((key, i) => {
        const why = key ? weakness(key) : 'is empty';
        if (why) refused.push(`APP_KEYS: key ${i + 1} ${why}`);
        else values.set(`APP_KEYS (key ${i + 1})`, key);
      });
      continue;
    }
    const why = weakness(value);
    if (why) refused.push(`${name} ${why}`);
    else values.set(name, value);
  }

  // One value in two places: knowing one secret would give away the other.
  const seen = new Map<string, string>();
  for (const [name, value] of values) {
    const first = seen.get(value);
    if (first) refused.push(`${name} is the same as ${first}: each secret must be different`);
    else seen.set(value, name);
  }

  const url = given('PUBLIC_URL');
  if (url && !isAbsoluteHttpUrl(url)) refused.push(`PUBLIC_URL must be an absolute http(s) URL, such as https://alumni-api.example.edu (got "${url}")`);

  refused.push(...adminCredentialProblems(env));
  return { missing, refused };
};

export const isAbsoluteHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !!url.hostname && !url.username && !url.password;
  } catch {
    return false;
  }
};

/** Throws, naming every missing or refused variable at once, when production's environment is not fit. */
export const assertProductionEnv = (env: Env = process.env, extra: { missing?: string[]; refused?: string[] } = {}) => {
  const problems = productionEnvProblems(env);
  const missing = [...problems.missing, ...(extra.missing ?? [])];
  const refused = [...problems.refused, ...(extra.refused ?? [])];
  if (!missing.length && !refused.length) return;
  const lines = ['Refusing to start in production (NODE_ENV=production):'];
  if (missing.length) lines.push(`  missing: ${missing.join(', ')}`);
  for (const r of refused) lines.push(`  refused: ${r}`);
  lines.push('Print a fresh set with `npm run secrets`; see .env.example for a production .env.');
  throw new Error(lines.join('\n'));
};

/** A secret: from the environment, else (outside production only) its development default. */
export const secret = (name: SecretName, env: Env = process.env): string => {
  if (isProduction(env)) {
    assertProductionEnv(env);
    return name === 'APP_KEYS' ? splitKeys(env[name]!).join(',') : env[name]!.trim();
  }
  return env[name] || DEV_SECRETS[name];
};
