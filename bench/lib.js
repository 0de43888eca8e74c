/**
 * What the benchmarks share: their command-line flags, a fresh database per run
 * (PostgreSQL on BENCH_PG_URL, dropped afterwards, or a temp SQLite file), and running
 * one phase in a child process on it.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');

/** --name=value flags (a bare --name is 'true'). */
const args = Object.fromEntries(
  process.argv
    .slice(2)
    .filter((a) => a.startsWith('--'))
    .map((a) => {
      const at = a.indexOf('=');
      return at < 0 ? [a.slice(2), 'true'] : [a.slice(2, at), a.slice(at + 1)];
    })
);

const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

const PG_URL = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function withPg(fn) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(db, label) {
  if (db === 'postgres') {
    const name = `liaison_bench_${Date.now()}_${label}`.replace(/[^a-z0-9_]/gi, '_');
    await withPg((c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: url.toString() },
      drop: () => withPg((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-bench-'));
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'bench.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `script --child=<child> --out=<file> --k=v…` on a fresh `db` database and returns
 * the JSON the child wrote to <file>. `options.env` adds to the child's environment,
 * `options.nodeArgs` are Node's own flags for it.
 */
async function runChild(script, db, label, child, extra, options = {}) {
  const database = await freshDatabase(db, label);
  const out = path.join(os.tmpdir(), `liaison-bench-${process.pid}-${db}-${label}.json`);
  try {
    const res = spawnSync(
      process.execPath,
      [...(options.nodeArgs ?? []), script, `--child=${child}`, `--out=${out}`, ...Object.entries(extra).map(([k, v]) => `--${k}=${v}`)],
      {
        cwd: appDir,
        stdio: ['ignore', 'inherit', 'inherit'],
        env: { ...process.env, ...database.env, SEED_DEMO: 'false', CRON_ENABLED: 'false', LOG_LEVEL: 'error', ...(options.env ?? {}) },
      }
    );
    if (res.status !== 0) throw new Error(`${db} ${label} failed (exit ${res.status})`);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(out, { force: true });
    await database.drop();
  }
}

const pad = (s, n) => String(s).padEnd(n);

/** Milliseconds, fractional, from a monotonic clock. */
const now = () => Number(process.hrtime.bigint()) / 1e6;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
/** Timings in ms as calls, median, p95, min and max. */
const stats = (ms) => {
  const sorted = [...ms].sort((a, b) => a - b);
  return { calls: ms.length, median: percentile(sorted, 50), p95: percentile(sorted, 95), min: sorted[0], max: sorted[sorted.length - 1] };
};
const fmt = (n, d = 1) => n.toFixed(d);

/** Writes a run's figures to bench/results/<name>-<date>.json, with the machine they were measured on. */
function writeResults(name, figures) {
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const machine = { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version };
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), machine, ...figures }, null, 2));
  process.stdout.write(`\nFigures written to ${path.relative(appDir, file)}\n`);
}

/**
 * What production mode needs to start (`scripts/start.js` refuses development secrets and
 * admin): fresh secrets as `npm run secrets` prints them, PUBLIC_URL and a first admin.
 */
function productionSecrets() {
  const password = `Bench-${require('crypto').randomBytes(12).toString('base64url')}-9aZ`;
  return { ...require('../scripts/secrets').freshSecrets(), PUBLIC_URL: 'http://127.0.0.1:1337', ADMIN_EMAIL: 'bench@liaison.test', ADMIN_PASSWORD: password };
}

/** A benchmark script is its own child process: `--child` runs one phase, otherwise the whole run. */
function runScript(child, main) {
  (args.child ? child() : main()).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { appDir, distDir, args, log, withPg, freshDatabase, runChild, writeResults, runScript, productionSecrets, pad, fmt, now, percentile, stats };
