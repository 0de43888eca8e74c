#!/usr/bin/env node
/**
 * `npm run secrets`: a fresh set of the secrets production needs, in .env form.
 * Paste them into the server's .env (never into the repository); each is 32 random bytes.
 */
const { randomBytes } = require('crypto');

const fresh = () => randomBytes(32).toString('base64');

/** Every secret the app reads, freshly generated (APP_KEYS: four keys, for rotation). */
const freshSecrets = () => ({
  APP_KEYS: [fresh(), fresh(), fresh(), fresh()].join(','),
  ADMIN_JWT_SECRET: fresh(),
  API_TOKEN_SALT: fresh(),
  TRANSFER_TOKEN_SALT: fresh(),
  ENCRYPTION_KEY: fresh(),
  JWT_SECRET: fresh(),
  UNSUBSCRIBE_SECRET: fresh(),
});

if (require.main === module) {
  const lines = [
    `# Production secrets, generated ${new Date().toISOString()} by npm run secrets.`,
    '# Keep them out of the repository. Changing ENCRYPTION_KEY makes stored encrypted values unreadable;',
    '# changing UNSUBSCRIBE_SECRET voids the links in mails already sent.',
    ...Object.entries(freshSecrets()).map(([name, value]) => `${name}=${value}`),
    '# Also required in production (set them yourself):',
    '# PUBLIC_URL=https://alumni-api.example.edu',
    '# ADMIN_EMAIL= and ADMIN_PASSWORD= (for the first start, on an empty database)',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

module.exports = { freshSecrets };
