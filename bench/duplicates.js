#!/usr/bin/env node
/**
 * Duplicate scan benchmark: the scan over every alumnus (blocking on normalised keys)
 * through HTTP, and the review list, against comparing every pair.
 *
 *   npm run bench:duplicates -- [--db=postgres|sqlite|both] [--alumni=300000] [--share=0.01] [--calls=20] [--sample=3000]
 *
 * For each database, in a child process on a fresh database (PostgreSQL: a new database on
 * BENCH_PG_URL, dropped afterwards; SQLite: a temp file):
 *   1. seed the demo network with `seedDemo(strapi, { alumni: N })`, then copy --share of
 *      the alumni as second records of the same people, the way registrars' files make them
 *      (the student number with a college prefix and leading zeros, the name in traditional
 *      characters, the phone written with +86 and spaces), in one SQL statement;
 *   2. as a super admin: POST /liaison/duplicates/scan, poll GET /liaison/duplicates/scan to
 *      the end (the scan's own time and the wall time), then time --calls requests of the
 *      review list (GET /liaison/duplicates, first page) and of one pair side by side;
 *   3. the other way: comparing the same keys (precomputed, the cheapest form) for every pair
 *      of --sample records, timed and extrapolated to all N²/2 pairs.
 * Figures go to bench/results/duplicates-<date>.json.
 */
const os = require('os');
const path = require('path');
const { appDir, distDir, args, log, runChild, writeResults, runScript, pad, fmt, now, stats } = require('./lib');


// ------------------------------------------------------------------ child: one database

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = { db: strapi.db.dialect.client, load: [] };
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    const alumni = Number(args.alumni);
    log(`    seeding ${alumni} alumni`);
    await demo.seedDemo(strapi, { alumni });

    // Second records of --share of the people, as another office would have typed them.
    const meta = strapi.db.metadata.get('plugin::liaison.alumnus');
    const c = (a) => meta.attributes[a].columnName;
    const link = meta.attributes.cohort.joinTable;
    const every = Math.max(1, Math.round(1 / Number(args.share)));
    const knex = strapi.db.connection;
    const t = meta.tableName;
    const traditional = { 张: '張', 刘: '劉', 陈: '陳', 杨: '楊', 黄: '黃', 赵: '趙', 吴: '吳', 孙: '孫', 马: '馬', 郑: '鄭', 伟: '偉', 红: '紅', 军: '軍', 华: '華', 丽: '麗', 国: '國' };
    const nameSql = Object.entries(traditional).reduce((sql, [s, tr]) => `REPLACE(${sql}, '${s}', '${tr}')`, `o.${c('name')}`);
    const phoneSql = `CASE WHEN o.${c('phone')} IS NULL THEN NULL ELSE '+86 ' || o.${c('phone')} END`;
    await knex.raw(
      `INSERT INTO ${t} (${c('documentId')}, ${c('name')}, ${c('studentNo')}, ${c('phone')}, ${c('email')}, ${c('alumnusStatus')}, ${c('country')}, ${c('contactConsent')}, ${c('publishConsent')}, ${c('gender')}, ${c('createdAt')}, ${c('updatedAt')}, ${c('publishedAt')})
       SELECT 'dup' || o.id, ${nameSql}, 'FX00' || o.${c('studentNo')}, ${phoneSql}, NULL, 'active', 'CN', false, false, 'undisclosed', o.${c('createdAt')}, o.${c('updatedAt')}, o.${c('publishedAt')}
         FROM ${t} o WHERE o.id % ${every} = 0 AND o.${c('studentNo')} IS NOT NULL`
    );
    await knex.raw(
      `INSERT INTO ${link.name} (${link.joinColumn.name}, ${link.inverseJoinColumn.name})
       SELECT n.id, l.${link.inverseJoinColumn.name} FROM ${t} n JOIN ${t} o ON n.${c('studentNo')} = 'FX00' || o.${c('studentNo')} JOIN ${link.name} l ON l.${link.joinColumn.name} = o.id`
    );
    const [{ n }] = await knex(t).count({ n: '*' });
    result.alumni = Number(n);
    result.planted = result.alumni - alumni;
    log(`    ${result.alumni} alumni, ${result.planted} of them second records of someone`);

    await strapi.server.mount();
    await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${strapi.server.httpServer.address().port}`;
    const email = 'bench@liaison.test';
    const password = 'Bench-Pass-2026';
    const superAdmin = await strapi.service('admin::role').getSuperAdmin();
    await strapi.service('admin::user').create({ email, firstname: 'Bench', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id] });
    const login = await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    const token = (await login.json()).data.token;
    const call = async (url, method = 'GET') => {
      const t0 = now();
      const res = await fetch(`${base}${url}`, { method, headers: { authorization: `Bearer ${token}` } });
      const body = await res.json();
      if (res.status >= 300) throw new Error(`${url}: ${res.status} ${JSON.stringify(body)}`);
      return { ms: now() - t0, body };
    };

    let rss = process.memoryUsage().rss;
    const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
    const t0 = now();
    await call('/liaison/duplicates/scan', 'POST');
    let scan;
    for (;;) {
      scan = (await call('/liaison/duplicates/scan')).body.data;
      if (scan.status === 'done' || scan.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    clearInterval(sampler);
    if (scan.status !== 'done') throw new Error('the scan failed');
    result.scan = { wallMs: now() - t0, ms: scan.ms, pairs: scan.pairs, peakRssMb: Math.round(rss / 2 ** 20) };
    log(`    scan: ${(scan.ms / 1000).toFixed(1)} s, ${scan.pairs} pairs, peak RSS ${result.scan.peakRssMb} MB`);

    const first = await call('/liaison/duplicates?pageSize=25');
    const planted = await call('/liaison/duplicates?pageSize=1&minScore=0.9');
    result.found = { total: first.body.meta.pagination.total, atLeast90: planted.body.meta.pagination.total };
    const pair = first.body.data[0].documentId;
    const calls = Number(args.calls);
    for (const [name, url] of [['list', '/liaison/duplicates?pageSize=25'], ['list p.40', '/liaison/duplicates?pageSize=25&page=40'], ['pair', `/liaison/duplicates/${pair}`]]) {
      const ms = [];
      result.load.push(os.loadavg()[0]);
      for (let i = 0; i < calls; i += 1) ms.push((await call(url)).ms);
      result[name] = stats(ms);
      log(`    ${name}: median ${result[name].median.toFixed(1)} ms, p95 ${result[name].p95.toFixed(1)} ms`);
    }

    // Every pair: the same comparison on a sample, extrapolated to N²/2 pairs.
    const sample = Number(args.sample);
    const rows = await knex(t).select({ name: c('name'), studentNo: c('studentNo'), phone: c('phone'), email: c('email') }).limit(sample);
    // Keys computed once, outside the timing: the every-pair way is timed at its cheapest.
    const studentNoKey = (v) => (v ? String(v).replace(/\D/g, '').replace(/^0+/, '') : null);
    const phoneKey = (v) => (v ? String(v).replace(/\D/g, '').replace(/^86/, '') : null);
    const emailKey = (v) => (v ? String(v).toLowerCase() : null);
    const nameKey = (v) => String(v ?? '').replace(/\s/g, '');
    const keyed = rows.map((r) => ({ ...r, s: studentNoKey(r.studentNo), p: phoneKey(r.phone), e: emailKey(r.email), k: nameKey(r.name) }));
    const t1 = now();
    let matches = 0;
    for (let i = 0; i < keyed.length; i++)
      for (let j = i + 1; j < keyed.length; j++) {
        const a = keyed[i];
        const b = keyed[j];
        if ((a.s && a.s === b.s) || (a.p && a.p === b.p) || (a.e && a.e === b.e) || a.k === b.k) matches++;
      }
    const perPair = (now() - t1) / ((keyed.length * (keyed.length - 1)) / 2);
    result.everyPair = { sample: keyed.length, matches, nsPerPair: perPair * 1e6, extrapolatedSeconds: (perPair * ((result.alumni * (result.alumni - 1)) / 2)) / 1000 };
    log(`    every pair: ${(perPair * 1e6).toFixed(1)} ns a pair, ${result.everyPair.extrapolatedSeconds.toFixed(0)} s for all`);
  } finally {
    await strapi.destroy();
  }
  require('fs').writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

// ------------------------------------------------------------------ parent

async function main() {
  const dbs = args.db === 'both' ? ['postgres', 'sqlite'] : [args.db || 'postgres'];
  const extra = { alumni: args.alumni || 300000, share: args.share || 0.01, calls: args.calls || 20, sample: args.sample || 3000 };
  const figures = {};
  for (const db of dbs) {
    log(`${db}:`);
    figures[db] = await runChild(__filename, db, 'duplicates', 'true', extra);
  }
  process.stdout.write(`\n${pad('database', 12)}${pad('alumni', 10)}${pad('scan', 10)}${pad('pairs', 9)}${pad('≥90 %', 8)}${pad('peak RSS', 10)}${pad('list p95', 10)}${pad('pair p95', 10)}${pad('every pair (extrap.)', 22)}ratio\n`);
  for (const [db, f] of Object.entries(figures)) {
    process.stdout.write(
      `${pad(db, 12)}${pad(f.alumni, 10)}${pad(`${fmt(f.scan.ms / 1000)} s`, 10)}${pad(f.scan.pairs, 9)}${pad(f.found.atLeast90, 8)}${pad(`${f.scan.peakRssMb} MB`, 10)}${pad(`${fmt(f.list.p95)} ms`, 10)}${pad(`${fmt(f.pair.p95)} ms`, 10)}${pad(`${fmt(f.everyPair.extrapolatedSeconds, 0)} s`, 22)}${fmt(f.everyPair.extrapolatedSeconds / (f.scan.ms / 1000), 0)}×\n`
    );
  }
  process.stdout.write('Targets: the scan over 300,000 alumni under 30 s; the duplicate review (list, one pair) p95 under 300 ms.\n');
  writeResults('duplicates', { args: extra, figures });
}

runScript(child, main);
