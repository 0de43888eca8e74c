#!/usr/bin/env node
/**
 * `npm start`: the production server. NODE_ENV is production whatever the shell says, so
 * that the development secrets and admin are never used by a real deployment (the app
 * refuses to start until the production .env is complete: see .env.example).
 * V8 flags must be given when node starts, hence a child process.
 */
const path = require('path');
const { spawn } = require('child_process');

const strapi = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
const child = spawn(process.execPath, ['--max-semi-space-size=64', strapi, 'start', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});

// A process manager stops this process: the server gets the signal too, and this one ends as it did.
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => child.kill(signal);
for (const signal of SIGNALS) process.on(signal, forward);
child.on('exit', (code, signal) => {
  for (const s of SIGNALS) process.off(s, forward);
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
