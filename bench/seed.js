#!/usr/bin/env node
/**
 * Seeding benchmark: the batched demo loader against one-by-one Document Service creates.
 *
 *   npm run bench:seed -- [--db=sqlite|postgres|both] [--alumni=300000] [--sample=2000]
 *
 * For each database:
 *   1. on a fresh database, time `seedDemo(strapi, { alumni: N })` (generation included)
 *      and read a sample back through the Document Service;
 *   2. on a second fresh database, time creating the demo for `--sample` alumni one record
 *      at a time through `strapi.documents(uid).create` (stories and events: create, then
 *      update + publish the second locale), and extrapolate to N with each content type's
 *      average time per document times its count in the batched run.
 *
 * Each phase runs in a child process of its own (a clean Strapi, a clean database).
 * PostgreSQL: databases `liaison_bench_<ts>_*` on BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), dropped afterwards. SQLite: temp files.
 * Figures go to bench/results/seed-<date>.json.
 */
const fs = require('fs');
const path = require('path');
const { appDir, distDir, args, log, runChild, writeResults, runScript, pad, fmt } = require('./lib');

// ------------------------------------------------------------------ child: one phase

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const phase = args.child;
  const resultFile = args.out;
  const strapi = await createStrapi({ appDir, distDir }).load();
  const demo = require(path.join(distDir, 'src', 'demo'));
  const result = { phase, db: strapi.db.dialect.client };
  try {
    if (phase === 'batched') {
      const alumni = Number(args.alumni);
      let lastStep = '';
      const started = process.hrtime.bigint();
      const counts = await demo.seedDemo(strapi, {
        alumni,
        onProgress: (step) => {
          if (step !== lastStep && step.split('.').length <= 2) log(`    ${step}`);
          lastStep = step;
        },
      });
      result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      result.counts = counts;
      result.verified = await verify(strapi, counts);
    } else {
      const data = demo.generateDemo({ alumni: Number(args.sample), today: new Date().toISOString().slice(0, 10) });
      const started = process.hrtime.bigint();
      const { counts, milliseconds } = await demo.createOneByOne(strapi, data, (uid, done, total) => {
        if (done === total) log(`    ${uid} ${total}`);
      });
      result.seconds = Number(process.hrtime.bigint() - started) / 1e9;
      result.counts = counts;
      result.milliseconds = milliseconds;
    }
  } finally {
    await strapi.destroy();
  }
  fs.writeFileSync(resultFile, JSON.stringify(result));
  process.exit(0);
}

/** Reads what was seeded back through the Document Service. */
async function verify(strapi, counts) {
  const docs = (uid) => strapi.documents(uid);
  const problems = [];
  for (const [uid, expected] of Object.entries(counts)) {
    const n = await docs(uid).count({});
    if (n !== expected) problems.push(`${uid}: ${n} documents, expected ${expected}`);
  }
  const total = counts['plugin::liaison.alumnus'];
  for (const offset of [0, Math.floor(total / 2), total - 5]) {
    const alumni = await docs('plugin::liaison.alumnus').findMany({
      start: Math.max(0, offset),
      limit: 5,
      populate: ['cohort', 'chapter', 'industry'],
    });
    for (const a of alumni) if (!a.cohort?.documentId) problems.push(`alumnus ${a.documentId} has no cohort`);
  }
  const posts = await docs('plugin::liaison.liaison').findMany({
    filters: { postStatus: 'active' },
    limit: 20,
    populate: ['alumnus', 'cohort', 'college', 'chapter', 'industry'],
  });
  for (const p of posts) {
    const scopes = ['cohort', 'college', 'chapter', 'industry'].filter((s) => p[s]);
    if (!p.alumnus || scopes.length !== 1) problems.push(`post ${p.documentId}: alumnus ${!!p.alumnus}, scopes ${scopes}`);
  }
  for (const locale of ['zh-Hans', 'en']) {
    const stories = await docs('plugin::liaison.story').findMany({ locale, status: 'published', populate: ['featuredAlumni'] });
    if (stories.length !== counts['plugin::liaison.story']) problems.push(`${stories.length} published ${locale} stories`);
  }
  if (problems.length) throw new Error(`verification failed:\n${problems.join('\n')}`);
  return true;
}

// ------------------------------------------------------------------ parent: databases and phases

async function runPhase(db, phase, extra) {
  return runChild(__filename, db, phase, phase, extra);
}


async function main() {
  const dbs = (args.db || 'both') === 'both' ? ['postgres', 'sqlite'] : [args.db];
  for (const db of dbs) if (!['postgres', 'sqlite'].includes(db)) throw new Error(`--db must be sqlite, postgres or both`);
  const alumni = Number(args.alumni || 300000);
  const sample = Number(args.sample || 2000);

  log(`Compiling the app…`);
  const { compileStrapi } = require('@strapi/strapi');
  await compileStrapi({ appDir, ignoreDiagnostics: false });

  const results = [];
  for (const db of dbs) {
    log(`\n[${db}] batched seed of ${alumni} alumni`);
    const batched = await runPhase(db, 'batched', { alumni });
    log(`[${db}] batched: ${fmt(batched.seconds)} s, verified through the Document Service`);

    log(`[${db}] one-by-one sample of ${sample} alumni through strapi.documents().create`);
    const single = await runPhase(db, 'single', { sample });
    // Extrapolate: each type's average time per document, times its count at full size.
    let extrapolatedMs = 0;
    for (const [uid, count] of Object.entries(batched.counts)) {
      const perDocument = single.milliseconds[uid] / single.counts[uid];
      extrapolatedMs += perDocument * count;
    }
    const records = Object.values(batched.counts).reduce((a, b) => a + b, 0);
    const sampleRecords = Object.values(single.counts).reduce((a, b) => a + b, 0);
    results.push({
      database: db,
      alumni,
      records,
      counts: batched.counts,
      batchedSeconds: batched.seconds,
      verified: batched.verified,
      oneByOne: {
        sampleAlumni: sample,
        sampleRecords,
        sampleSeconds: single.seconds,
        msPerType: single.milliseconds,
        countsPerType: single.counts,
        extrapolatedSeconds: extrapolatedMs / 1000,
      },
      ratio: extrapolatedMs / 1000 / batched.seconds,
    });
    log(`[${db}] one-by-one: ${sampleRecords} documents in ${fmt(single.seconds)} s → ${fmt(extrapolatedMs / 1000, 0)} s extrapolated`);
  }

  const header = `${pad('database', 10)} ${pad('records', 9)} ${pad('batched s', 10)} ${pad('one-by-one s (extrapolated)', 28)} ratio`;
  const lines = results.map(
    (r) =>
      `${pad(r.database, 10)} ${pad(r.records, 9)} ${pad(fmt(r.batchedSeconds), 10)} ${pad(fmt(r.oneByOne.extrapolatedSeconds, 0), 28)} ${fmt(r.ratio, 0)}×`
  );
  process.stdout.write(`\nSeeding ${alumni} alumni (one-by-one measured on ${sample} alumni, extrapolated)\n${header}\n${lines.join('\n')}\n`);

  writeResults('seed', { results });
}

runScript(child, main);
