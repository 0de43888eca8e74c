#!/usr/bin/env node
/**
 * Coverage benchmark: the coverage reports through HTTP against the obvious Document
 * Service way (one query per scope).
 *
 *   npm run bench:coverage -- [--db=sqlite|postgres|both] [--alumni=300000] [--calls=20] [--sample=20]
 *
 * For each database, in a child process on a fresh database (PostgreSQL: a new database
 * on BENCH_PG_URL, dropped afterwards; SQLite: a temp file):
 *   1. seed the demo network with `seedDemo(strapi, { alumni: N })` (bench/seed.js's loader);
 *   2. log in as a super admin and time `GET /liaison/coverage?dimension=<d>` for each
 *      dimension (default sort, first page) and `GET /liaison/coverage/summary`, through
 *      HTTP: one warm-up call, then --calls timed calls each (median, p95);
 *   3. compute the same per-scope numbers the obvious way through the Document Service
 *      (per scope: count its alumni, its active / approved / nominated / ending posts, read
 *      its quota override) on --sample scopes per dimension, and extrapolate to all scopes.
 * Figures go to bench/results/coverage-<date>.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { appDir, distDir, args, log, runChild, writeResults, runScript, pad, fmt, now, stats } = require('./lib');
const DIMENSIONS = ['cohort', 'college', 'region', 'industry'];
const SCOPE = {
  cohort: { uid: 'plugin::liaison.cohort', field: 'cohort', alumni: (id) => ({ cohort: { documentId: id } }) },
  college: { uid: 'plugin::liaison.college', field: 'college', alumni: (id) => ({ cohort: { college: { documentId: id } } }) },
  region: { uid: 'plugin::liaison.chapter', field: 'chapter', alumni: (id) => ({ chapter: { documentId: id } }) },
  industry: { uid: 'plugin::liaison.industry-group', field: 'industry', alumni: (id) => ({ industry: { documentId: id } }) },
};
const DEFAULT_POSTS = { cohort: 2, college: 3, region: 5, industry: 3 };


// ------------------------------------------------------------------ child: one database

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = { db: strapi.db.dialect.client, load: [] };
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    const alumni = Number(args.alumni);
    log(`    seeding ${alumni} alumni`);
    let started = now();
    result.counts = await demo.seedDemo(strapi, { alumni });
    result.seedSeconds = (now() - started) / 1000;
    log(`    seeded in ${result.seedSeconds.toFixed(1)} s`);

    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const email = 'bench@liaison.test';
    const password = 'Bench-Pass-2026';
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id] });
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

    const calls = Number(args.calls);
    const http = {};
    const scopes = {};
    const answers = {};
    const urls = [...DIMENSIONS.map((d) => [d, `/liaison/coverage?dimension=${d}`]), ['summary', '/liaison/coverage/summary']];
    for (const [name, url] of urls) {
      const warm = await call(url);
      if (name !== 'summary') {
        scopes[name] = warm.body.meta.pagination.total;
        answers[name] = warm.body.meta.totals;
      } else answers.summary = { dimensions: warm.body.data.dimensions, reach: warm.body.data.reach };
      const ms = [];
      result.load.push(os.loadavg()[0]);
      for (let i = 0; i < calls; i += 1) ms.push((await call(url)).ms);
      http[name] = stats(ms);
      log(`    ${name}: median ${http[name].median.toFixed(1)} ms, p95 ${http[name].p95.toFixed(1)} ms`);
    }
    result.http = http;
    result.scopes = scopes;
    result.answers = answers;

    // The obvious way: per scope, one query per number, through the Document Service.
    const docs = (uid) => strapi.documents(uid);
    const today = new Date().toISOString().slice(0, 10);
    const horizon = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    const sample = Number(args.sample);
    const documentService = {};
    for (const d of DIMENSIONS) {
      const S = SCOPE[d];
      const all = await docs(S.uid).findMany({ fields: ['documentId'], sort: 'id', limit: 100000 });
      const step = Math.max(1, Math.floor(all.length / sample));
      const picked = all.filter((_, i) => i % step === 0).slice(0, sample);
      const t0 = now();
      const dimensionDefault = await docs('plugin::liaison.quota').findFirst({ filters: { dimension: d, scope: '*' } });
      for (const scope of picked) {
        const posts = (extra) => docs('plugin::liaison.liaison').count({ filters: { dimension: d, [S.field]: { documentId: scope.documentId }, ...extra } });
        const [alumniCount, active, approved, pending, ending, override] = await Promise.all([
          docs('plugin::liaison.alumnus').count({ filters: { ...S.alumni(scope.documentId), alumnusStatus: { $ne: 'deceased' } } }),
          posts({ postStatus: 'active' }),
          posts({ postStatus: 'approved' }),
          posts({ postStatus: 'nominated' }),
          posts({ postStatus: 'active', termEnd: { $lte: horizon } }),
          docs('plugin::liaison.quota').findFirst({ filters: { dimension: d, scope: scope.documentId } }),
        ]);
        const quota = override?.posts ?? dimensionDefault?.posts ?? DEFAULT_POSTS[d];
        void [alumniCount, active, approved, pending, ending, quota, today];
      }
      const ms = now() - t0;
      const perScope = ms / picked.length;
      documentService[d] = { sampleScopes: picked.length, sampleMs: ms, msPerScope: perScope, scopes: all.length, extrapolatedMs: perScope * all.length };
      log(`    Document Service, ${d}: ${perScope.toFixed(1)} ms per scope × ${all.length} scopes = ${(perScope * all.length / 1000).toFixed(1)} s`);
    }
    result.documentService = documentService;
    result.load.push(os.loadavg()[0]);
  } finally {
    if (strapi.server?.httpServer?.listening) await new Promise((resolve) => strapi.server.httpServer.close(resolve));
    await strapi.destroy();
  }
  fs.writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

// ------------------------------------------------------------------ parent: databases

async function runDatabase(db, extra) {
  return runChild(__filename, db, 'coverage', 'true', extra);
}


async function main() {
  const dbs = (args.db || 'both') === 'both' ? ['postgres', 'sqlite'] : [args.db];
  for (const db of dbs) if (!['postgres', 'sqlite'].includes(db)) throw new Error(`--db must be sqlite, postgres or both`);
  const alumni = Number(args.alumni || 300000);
  const calls = Number(args.calls || 20);
  const sample = Number(args.sample || 20);

  if (args.compile !== 'false') {
    log('Compiling the plugin and the app…');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'plugins/liaison/tsconfig.json'], { cwd: appDir, stdio: 'inherit' });
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir, ignoreDiagnostics: false });
  }

  const results = [];
  for (const db of dbs) {
    log(`\n[${db}] ${alumni} alumni`);
    results.push({ database: db, ...(await runDatabase(db, { alumni, calls, sample })) });
  }

  const lines = [];
  lines.push(`Coverage on ${alumni} alumni: HTTP (${calls} calls each after one warm-up) and the Document Service (one query per number per scope, ${sample} sample scopes per dimension, extrapolated)`);
  lines.push(`${pad('database', 10)} ${pad('request', 42)} ${pad('scopes', 7)} ${pad('median ms', 10)} ${pad('p95 ms', 8)} ${pad('Document Service s', 19)} ratio`);
  for (const r of results) {
    for (const d of [...DIMENSIONS, 'summary']) {
      const h = r.http[d];
      const ds = d === 'summary' ? DIMENSIONS.reduce((acc, x) => acc + r.documentService[x].extrapolatedMs, 0) : r.documentService[d].extrapolatedMs;
      const scopes = d === 'summary' ? DIMENSIONS.reduce((acc, x) => acc + r.scopes[x], 0) : r.scopes[d];
      const url = d === 'summary' ? 'GET /liaison/coverage/summary' : `GET /liaison/coverage?dimension=${d}`;
      lines.push(`${pad(r.database, 10)} ${pad(url, 42)} ${pad(scopes, 7)} ${pad(fmt(h.median), 10)} ${pad(fmt(h.p95), 8)} ${pad(fmt(ds / 1000), 19)} ${fmt(ds / h.median, 0)}×`);
      h.documentServiceMs = ds;
      h.ratio = ds / h.median;
    }
  }
  if (results.length > 1) {
    const same = results.every((r) => JSON.stringify(r.answers) === JSON.stringify(results[0].answers));
    lines.push(`Answers (totals, summary dimensions and reach) identical on ${results.map((r) => r.database).join(' and ')}: ${same ? 'yes' : 'NO'}`);
  }
  lines.push(`(summary's Document Service figure: the four dimensions' per-scope numbers only, without reach or next chapters)`);
  lines.push(`1-minute load average during the runs: ${results.map((r) => `${r.database} ${r.load.map((l) => l.toFixed(2)).join('/')}`).join('; ')} on ${os.cpus().length} cores`);
  process.stdout.write(`\n${lines.join('\n')}\n`);

  writeResults('coverage', { alumni, calls, sample, results });
}

runScript(child, main);
