#!/usr/bin/env node
/**
 * Appraisal benchmark: a whole cycle's measured criteria for every liaison post at once
 * (one SQL aggregate per measure, batched writes), against the per-liaison way through
 * the Document Service.
 *
 *   npm run bench:appraisal -- [--db=sqlite|postgres|both] [--alumni=300000] [--contacts=150] [--runs=5] [--sample=40]
 *
 * For each database, in a child process on a fresh database (PostgreSQL: a new database
 * on BENCH_PG_URL, dropped afterwards; SQLite: a temp file):
 *   1. seed the demo network with `seedDemo(strapi, { alumni, contactsPerPost })`: 300,000
 *      alumni give about 8,600 liaison posts, and --contacts=150 about 1,000,000 contact
 *      logs over the last year (the demo logs contacts from 1 January of the previous
 *      year, its closed appraisal cycle, so the table holds about twice as many);
 *   2. create a cycle over the last year with the five built-in measures (the service
 *      enrols every post that served in it), then time `measureCycle` --runs times: every
 *      measure over every post, normalised, totalled, graded, ranked and written back;
 *   3. the per-liaison way: for --sample posts, count each measure's rows for that post
 *      through the Document Service (what a loop over liaisons would do), and extrapolate
 *      to all posts.
 * Figures go to bench/results/appraisal-<date>.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { appDir, distDir, args, log, runChild, writeResults, runScript, pad, fmt, now, percentile } = require('./lib');

const CRITERIA = [
  { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 40 },
  { key: 'events', kind: 'measured', measure: 'events_organised', weight: 15 },
  {
    key: 'attendance',
    kind: 'measured',
    measure: 'event_attendance',
    weight: 15,
  },
  {
    key: 'feedback',
    kind: 'measured',
    measure: 'feedback_on_time',
    weight: 15,
  },
  {
    key: 'verified',
    kind: 'measured',
    measure: 'records_verified',
    weight: 15,
  },
];
const day = (d) => d.toISOString().slice(0, 10);

// ------------------------------------------------------------------ child: one database

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = { db: strapi.db.dialect.client, load: [] };
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    log(`    seeding ${args.alumni} alumni, ${args.contacts} contact logs per active post`);
    let started = now();
    result.counts = await demo.seedDemo(strapi, {
      alumni: Number(args.alumni),
      contactsPerPost: Number(args.contacts),
      appraise: false,
    });
    result.seedSeconds = (now() - started) / 1000;
    log(`    seeded in ${result.seedSeconds.toFixed(1)} s: ${result.counts['plugin::liaison.contact-log']} contact logs`);

    const service = strapi.plugin('liaison').service('appraisal');
    const today = new Date();
    const periodStart = day(new Date(today.getTime() - 364 * 86_400_000));
    const periodEnd = day(today);
    started = now();
    const created = await service.createCycle({
      name: 'Benchmark cycle',
      periodStart,
      periodEnd,
      criteria: CRITERIA,
    });
    result.createSeconds = (now() - started) / 1000;
    const cycle = await strapi.db.query('plugin::liaison.appraisal-cycle').findOne({ where: { documentId: created.documentId } });
    result.posts = created.appraisals;
    log(
      `    cycle ${periodStart} – ${periodEnd}: ${created.appraisals} posts appraised (created and computed in ${result.createSeconds.toFixed(1)} s)`,
    );

    const runs = Number(args.runs);
    const ms = [];
    for (let i = 0; i < runs; i += 1) {
      result.load.push(os.loadavg()[0]);
      const t0 = now();
      await service.measureCycle(cycle);
      ms.push(now() - t0);
      log(`    measureCycle run ${i + 1}: ${ms[i].toFixed(0)} ms`);
    }
    const sorted = [...ms].sort((a, b) => a - b);
    result.measure = {
      runs,
      median: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      min: sorted[0],
      max: sorted[sorted.length - 1],
    };
    const answer = await service.results(
      created.documentId,
      { pageSize: '5', sort: 'rank' },
      { id: 0, roles: [{ code: 'strapi-super-admin' }] },
    );
    result.grades = answer.meta.grades;
    result.top = answer.data.map((r) => ({
      post: r.post.documentId,
      total: r.total,
      measures: r.measures,
    }));

    // The per-liaison way: per post, one count per measure through the Document Service.
    const docs = (uid) => strapi.documents(uid);
    const from = new Date(`${periodStart}T00:00:00Z`).toISOString();
    const to = new Date(new Date(`${periodEnd}T00:00:00Z`).getTime() + 86_400_000).toISOString();
    const appraisals = await strapi.db.query('plugin::liaison.appraisal').findMany({
      where: { cycle: { id: cycle.id } },
      populate: { liaison: { select: ['documentId'] } },
      orderBy: { id: 'asc' },
    });
    const sample = Number(args.sample);
    const step = Math.max(1, Math.floor(appraisals.length / sample));
    const picked = appraisals.filter((_, i) => i % step === 0).slice(0, sample);
    result.load.push(os.loadavg()[0]);
    const t0 = now();
    for (const a of picked) {
      const post = { documentId: a.liaison.documentId };
      await docs('plugin::liaison.contact-log').count({
        filters: { liaison: post, contactedAt: { $gte: from, $lt: to } },
      });
      const events = await docs('plugin::liaison.event').findMany({
        status: 'published',
        filters: { organisers: post, startsAt: { $gte: from, $lt: to } },
        fields: ['attendance'],
      });
      void events.reduce((s, e) => s + (e.attendance ?? 0), 0);
      const feedback = await docs('plugin::liaison.feedback').findMany({
        filters: {
          liaison: post,
          dueAt: { $gte: from, $lt: to },
          answeredAt: { $notNull: true },
        },
        fields: ['dueAt', 'answeredAt'],
      });
      void feedback.filter((f) => new Date(f.answeredAt) <= new Date(f.dueAt)).length;
      await docs('plugin::liaison.alumnus').count({
        filters: {
          verifiedBy: post,
          lastVerifiedAt: { $gte: periodStart, $lte: periodEnd },
        },
      });
    }
    const perPost = (now() - t0) / picked.length;
    result.documentService = {
      samplePosts: picked.length,
      msPerPost: perPost,
      posts: appraisals.length,
      extrapolatedMs: perPost * appraisals.length,
    };
    log(
      `    Document Service: ${perPost.toFixed(1)} ms per post × ${appraisals.length} posts = ${((perPost * appraisals.length) / 1000).toFixed(1)} s (before normalising, totals and ranks)`,
    );
  } finally {
    await strapi.destroy();
  }
  fs.writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

// ------------------------------------------------------------------ parent: databases

async function main() {
  const dbs = (args.db || 'both') === 'both' ? ['postgres', 'sqlite'] : [args.db];
  for (const db of dbs) if (!['postgres', 'sqlite'].includes(db)) throw new Error('--db must be sqlite, postgres or both');
  const alumni = Number(args.alumni || 300000);
  const contacts = Number(args.contacts || 150);
  const runs = Number(args.runs || 5);
  const sample = Number(args.sample || 40);

  if (args.compile !== 'false') {
    log('Compiling the plugin and the app…');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'plugins/liaison/tsconfig.json'], {
      cwd: appDir,
      stdio: 'inherit',
    });
    const { compileStrapi } = require('@strapi/strapi');
    await compileStrapi({ appDir, ignoreDiagnostics: false });
  }

  const results = [];
  for (const db of dbs) {
    log(`\n[${db}] ${alumni} alumni`);
    results.push({
      database: db,
      ...(await runChild(__filename, db, 'appraisal', 'true', {
        alumni,
        contacts,
        runs,
        sample,
      })),
    });
  }

  const lines = [];
  lines.push(
    `A whole cycle's measured criteria (5 measures) for every liaison post: ${runs} runs, and the per-liaison Document Service way on ${sample} sample posts, extrapolated`,
  );
  lines.push(
    `${pad('database', 10)} ${pad('posts', 7)} ${pad('contact logs', 13)} ${pad('median ms', 10)} ${pad('p95 ms', 8)} ${pad('Document Service s', 19)} ratio`,
  );
  for (const r of results) {
    const ds = r.documentService.extrapolatedMs;
    lines.push(
      `${pad(r.database, 10)} ${pad(r.posts, 7)} ${pad(r.counts['plugin::liaison.contact-log'], 13)} ${pad(fmt(r.measure.median), 10)} ${pad(fmt(r.measure.p95), 8)} ${pad(fmt(ds / 1000), 19)} ${fmt(ds / r.measure.median, 0)}×`,
    );
    r.ratio = ds / r.measure.median;
  }
  if (results.length > 1) {
    const same = results.every((r) => JSON.stringify(r.grades) === JSON.stringify(results[0].grades));
    lines.push(`Grade counts identical on ${results.map((r) => r.database).join(' and ')}: ${same ? 'yes' : 'NO'}`);
  }
  lines.push(
    `1-minute load average during the runs: ${results.map((r) => `${r.database} ${r.load.map((l) => l.toFixed(2)).join('/')}`).join('; ')} on ${os.cpus().length} cores`,
  );
  process.stdout.write(`\n${lines.join('\n')}\n`);
  writeResults('appraisal', { alumni, contacts, runs, sample, results });
}

runScript(child, main);
