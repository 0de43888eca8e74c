#!/usr/bin/env node
/**
 * Office-day benchmark: what staff wait for on a working day, at real size, on PostgreSQL.
 *
 *   npm run bench:office-day -- [--alumni=300000] [--runs=20] [--keep] [--database=<url>] [--only=<regexp>] [--compile=false]
 *
 * 1. On a fresh PostgreSQL database (BENCH_PG_URL; dropped afterwards unless --keep), a
 *    child process seeds the demo network with `seedDemo(strapi, { alumni })` (the
 *    `bench:seed` loader) and runs VACUUM ANALYZE, as autovacuum would on a live database.
 *    `--database=<url>` measures a database kept by an earlier run instead (no seeding);
 *    `--only=<regexp>` times only the requests whose names match.
 * 2. Another child starts Liaison as production runs it (NODE_ENV=production, its own
 *    secrets, `--max-semi-space-size=64`, the plugin's bootstrap on that database), logs in
 *    as a super admin and times each request below through HTTP with the admin's JWT: one
 *    warm-up call, then --runs timed calls (median, p95, max), one request after another.
 *    Finding a person: the Content Manager's alumni search (`_q`) by name, pinyin, initials,
 *    student number, phone prefix and e-mail part, its relation picker (a post's holder) by
 *    name, and the nominate dialog's search (`GET /liaison/alumni?q=`); target p95 < 300 ms. The plugin pages' requests (board:
 *    coverage per dimension, summary, filter options, a scope, candidates per dimension;
 *    appraisal results; training overview; the network overview; the Content Manager's
 *    alumni list); target p95 < 500 ms.
 * 3. A table side by side with the targets. Figures go to bench/results/office-day-<date>.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync, execFileSync } = require('child_process');
const { appDir, distDir, args, log, freshDatabase, writeResults, runScript, productionSecrets, pad, fmt, now, stats } = require('./lib');

const ALUMNI = Number(args.alumni ?? 300000);
const RUNS = Number(args.runs ?? 20);
const NODE_FLAGS = ['--max-semi-space-size=64'];
const FIND_TARGET = 300;
const PAGE_TARGET = 500;


// ------------------------------------------------------------------ child: seed

async function seed() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = {};
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    log(`    seeding ${ALUMNI} alumni`);
    const started = now();
    result.counts = await demo.seedDemo(strapi, { alumni: ALUMNI });
    // What autovacuum does to a live database: statistics, and the visibility map that lets
    // index-only scans skip the table (the coverage reports read the link tables so).
    await strapi.db.connection.raw('VACUUM ANALYZE');
    result.seedSeconds = (now() - started) / 1000;
    log(`    seeded, vacuumed and analysed in ${result.seedSeconds.toFixed(1)} s`);
  } finally {
    await strapi.destroy();
  }
  fs.writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

// ------------------------------------------------------------------ child: measure

/** Search terms taken from the data: one real person, found each way staff look for people. */
async function searchTerms(strapi) {
  const knex = strapi.db.connection;
  const meta = strapi.db.metadata.get('plugin::liaison.alumnus');
  const col = (a) => meta.attributes[a].columnName;
  const person = await knex(meta.tableName)
    .select({ name: col('name'), searchKey: col('searchKey'), studentNo: col('studentNo'), phone: col('phone'), email: col('email') })
    .where(col('name'), '王芳')
    .orderBy('id')
    .first()
    .then((row) => row ?? knex(meta.tableName).select({ name: col('name'), searchKey: col('searchKey'), studentNo: col('studentNo'), phone: col('phone'), email: col('email') }).whereRaw(`char_length(${col('name')}) = 3`).whereRaw(`${col('phone')} LIKE '1%'`).orderBy('id').first());
  const [, pinyin, initials] = person.searchKey.split(' ');
  return {
    name: person.name,
    pinyin,
    initials,
    studentNo: person.studentNo,
    phone: person.phone.slice(0, 5),
    email: person.email.split('@')[0],
  };
}

async function measure() {
  const { createStrapi } = require('@strapi/strapi');
  const started = now();
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = { startSeconds: (now() - started) / 1000, load: [os.loadavg()[0]] };
  try {
    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const email = 'office-day@liaison.test';
    const password = 'Office-Day-Bench-2026';
    if (!(await strapi.db.query('admin::user').findOne({ where: { email } }))) {
      const superAdmin = await strapi.service('admin::role').getSuperAdmin();
      await strapi.service('admin::user').create({ email, firstname: 'Office', lastname: 'Day', password, isActive: true, roles: [superAdmin.id] });
    }
    const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const token = (await login.json()).data.token;
    const call = async (url) => {
      const t0 = now();
      const res = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      const ms = now() - t0;
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      return { ms, body };
    };

    const terms = await searchTerms(strapi);
    result.terms = terms;
    const cm = (q) => `/content-manager/collection-types/plugin::liaison.alumnus?page=1&pageSize=10&sort=name:ASC${q === undefined ? '' : `&_q=${encodeURIComponent(q)}`}`;
    const cycles = (await call('/liaison/cycles')).body.data;
    const cycle = cycles[0];
    const firstScope = async (dimension) => (await call(`/liaison/coverage?dimension=${dimension}`)).body.data[0].scope.documentId;
    const scopes = {};
    for (const d of ['cohort', 'college', 'region', 'industry']) scopes[d] = await firstScope(d);

    /** [group, name, url, what the answer's size is read from] */
    const requests = [
      ['find', `CM search _q= name (${terms.name})`, cm(terms.name)],
      ['find', `CM search _q= pinyin (${terms.pinyin})`, cm(terms.pinyin)],
      ['find', `CM search _q= initials (${terms.initials})`, cm(terms.initials)],
      ['find', `CM search _q= student number`, cm(terms.studentNo)],
      ['find', `CM search _q= phone prefix (${terms.phone})`, cm(terms.phone)],
      ['find', `CM search _q= e-mail part (${terms.email})`, cm(terms.email)],
      ['find', `CM relation picker _q= name (${terms.name})`, `/content-manager/relations/plugin::liaison.liaison/alumnus?pageSize=10&_q=${encodeURIComponent(terms.name)}`],
      ['find', `CM relation picker _q= given name (${terms.name.slice(1)})`, `/content-manager/relations/plugin::liaison.liaison/alumnus?pageSize=10&_q=${encodeURIComponent(terms.name.slice(1))}`],
      ['find', `nominate q= name (${terms.name})`, `/liaison/alumni?q=${encodeURIComponent(terms.name)}`],
      ['find', `nominate q= pinyin (${terms.pinyin})`, `/liaison/alumni?q=${encodeURIComponent(terms.pinyin)}`],
      ['find', `nominate q= initials (${terms.initials})`, `/liaison/alumni?q=${encodeURIComponent(terms.initials)}`],
      ['find', `nominate q= student number`, `/liaison/alumni?q=${encodeURIComponent(terms.studentNo)}`],
      ['page', 'CM alumni list', cm()],
      ['page', 'coverage?dimension=cohort', '/liaison/coverage?dimension=cohort'],
      ['page', 'coverage?dimension=college', '/liaison/coverage?dimension=college'],
      ['page', 'coverage?dimension=region', '/liaison/coverage?dimension=region'],
      ['page', 'coverage?dimension=industry', '/liaison/coverage?dimension=industry'],
      ['page', 'coverage/summary', '/liaison/coverage/summary'],
      ['page', 'coverage/options', '/liaison/coverage/options'],
      ['page', 'scopes/cohort/:id', `/liaison/scopes/cohort/${scopes.cohort}`],
      ...['cohort', 'college', 'region', 'industry'].map((d) => ['page', `candidates?dimension=${d}`, `/liaison/candidates?dimension=${d}&scope=${scopes[d]}`]),
      ['page', 'cycles/:id/results', `/liaison/cycles/${cycle.documentId}/results?page=1&pageSize=25`],
      ['page', 'training/overview', '/liaison/training/overview'],
      ['page', 'overview', '/liaison/overview'],
    ];
    result.requests = [];
    const only = args.only ? new RegExp(args.only) : null;
    for (const [group, name, url] of requests.filter(([, name]) => !only || only.test(name))) {
      const warm = await call(url);
      const found = warm.body.pagination?.total ?? warm.body.meta?.pagination?.total ?? (Array.isArray(warm.body.data) ? warm.body.data.length : undefined);
      const ms = [];
      for (let i = 0; i < RUNS; i += 1) ms.push((await call(url)).ms);
      const s = stats(ms);
      result.requests.push({ group, name, url, found, ...s, target: group === 'find' ? FIND_TARGET : PAGE_TARGET });
      log(`    ${pad(name, 44)} p50 ${fmt(s.median).padStart(7)} ms  p95 ${fmt(s.p95).padStart(7)} ms  (${found ?? '-'} found)`);
      result.load.push(os.loadavg()[0]);
    }
  } finally {
    if (strapi.server?.httpServer?.listening) await new Promise((resolve) => strapi.server.httpServer.close(resolve));
    await strapi.destroy();
  }
  fs.writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

// ------------------------------------------------------------------ parent

function runPhase(phase, env, flags = []) {
  const out = path.join(os.tmpdir(), `liaison-bench-${process.pid}-office-day-${phase}.json`);
  try {
    const res = spawnSync(process.execPath, [...flags, __filename, `--child=${phase}`, `--out=${out}`, `--alumni=${ALUMNI}`, `--runs=${RUNS}`, ...(args.only ? [`--only=${args.only}`] : [])], {
      cwd: appDir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    if (res.status !== 0) throw new Error(`office-day ${phase} failed (exit ${res.status})`);
    return JSON.parse(fs.readFileSync(out, 'utf8'));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

async function main() {
  if (args.compile !== 'false') {
    log('Compiling the plugin and the app…');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'plugins/liaison/tsconfig.json'], { cwd: appDir, stdio: 'inherit' });
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir, ignoreDiagnostics: false });
  }
  const database = args.database
    ? { env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: args.database }, drop: async () => {} }
    : await freshDatabase('postgres', 'office_day');
  const env = { ...database.env, SEED_DEMO: 'false', CRON_ENABLED: 'false', LOG_LEVEL: 'error', NODE_ENV: 'production', ...productionSecrets() };
  let seeded = null;
  let measured;
  try {
    if (!args.database) {
      log(`\n[postgres] seeding ${ALUMNI} alumni`);
      seeded = runPhase('seed', env);
    }
    log(`\n[postgres] ${RUNS} runs of each request after one warm-up`);
    measured = runPhase('measure', env, NODE_FLAGS);
  } finally {
    if (args.keep === 'true' && !args.database) log(`Kept the database: ${database.env.DATABASE_URL}`);
    else await database.drop();
  }

  const lines = [];
  lines.push(`Office day on PostgreSQL, ${ALUMNI} alumni: each request ${RUNS} times after one warm-up, production mode, an admin's JWT`);
  lines.push(`${pad('request', 46)} ${pad('found', 7)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('max ms', 8)} ${pad('target p95', 11)} met`);
  for (const r of measured.requests) {
    lines.push(`${pad(r.name, 46)} ${pad(r.found ?? '-', 7)} ${pad(fmt(r.median), 8)} ${pad(fmt(r.p95), 8)} ${pad(fmt(r.max), 8)} ${pad(`< ${r.target}`, 11)} ${r.p95 < r.target ? 'yes' : 'NO'}`);
  }
  const missed = measured.requests.filter((r) => r.p95 >= r.target).length;
  lines.push(`${measured.requests.length - missed} of ${measured.requests.length} requests within their targets`);
  lines.push(`1-minute load average during the run: ${Math.min(...measured.load).toFixed(2)}–${Math.max(...measured.load).toFixed(2)} on ${os.cpus().length} cores`);
  process.stdout.write(`\n${lines.join('\n')}\n`);
  writeResults('office-day', { alumni: ALUMNI, runs: RUNS, label: args.label, seeded, ...measured });
}

const CHILDREN = { seed, measure };
runScript(() => CHILDREN[args.child](), main);
