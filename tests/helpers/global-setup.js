const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { createTestDatabase } = require('./test-database');

module.exports = async () => {
  const db = await createTestDatabase();
  globalThis.__LIAISON_TEST_DB__ = db;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    CRON_ENABLED: 'false',
    SEED_DEMO: 'false',
    // Rate limits are off unless a test turns them on (tests/website/proxy.test.ts, instances.test.ts).
    RATE_LIMIT_POINTS: process.env.RATE_LIMIT_POINTS || '0',
    SIGNIN_LIMIT_PER_ADDRESS: process.env.SIGNIN_LIMIT_PER_ADDRESS || '0',
    SIGNIN_LIMIT_PER_ACCOUNT: process.env.SIGNIN_LIMIT_PER_ACCOUNT || '0',
    ACCOUNT_LIMIT_PER_ADDRESS: process.env.ACCOUNT_LIMIT_PER_ADDRESS || '0',
    LOG_LEVEL: process.env.LOG_LEVEL || 'error',
    DATABASE_CLIENT: db.client,
    ...(db.client === 'postgres' ? { DATABASE_URL: db.url } : { DATABASE_FILENAME: db.filename }),
  });
  // The plugin's server is compiled on its own (npm run build:plugin), then the app: once for the
  // whole run; each test file loads dist/. A run started beside another that has just compiled
  // them (.ci/run: SQLite and PostgreSQL side by side) says LIAISON_TEST_COMPILED=true and does
  // not write the files the other run is reading.
  if (process.env.LIAISON_TEST_COMPILED !== 'true') {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'plugins/liaison/tsconfig.json'], {
      stdio: 'inherit',
    });
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir: process.cwd(), ignoreDiagnostics: false });
  }
  // The admin panel the browser tests open: built once, when it is missing.
  if (!fs.existsSync(path.join(process.cwd(), 'dist', 'build', 'index.html'))) {
    execFileSync(process.execPath, [path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js'), 'build'], { stdio: 'inherit' });
  }
  process.stdout.write(`\nTest database: ${db.client} ${db.name || db.filename}\n`);
};
