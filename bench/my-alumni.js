#!/usr/bin/env node
/**
 * A liaison's alumni list (GET /api/liaison/my/alumni): the one statement behind it, on the
 * demo network, for the largest scope of each dimension and all of them together.
 *
 *   npm run bench:my-alumni -- [--db=postgres|sqlite|both] [--alumni=300000] [--calls=5]
 *
 * For each database, in a child process on a fresh database (PostgreSQL: a new database on
 * BENCH_PG_URL, dropped afterwards; SQLite: a temp file): seed the demo network with
 * `seedDemo(strapi, { alumni: N })`, ANALYZE, then time --calls runs of the list's statement
 * (liaison-work/alumni.ts alumniOfPosts, pages 1 and 40 of 25) for the largest college,
 * chapter, industry group and class, and the three together, without a term and with terms
 * of each kind: a common character (王), pinyin (wang), a rare name (two characters, 王杰),
 * two letters (zh), initials (lzd). HTTP and sign-in add the same few milliseconds to each.
 * Figures go to bench/results/my-alumni-<date>.json.
 */
const path = require('path');
const { appDir, distDir, args, log, runChild, writeResults, runScript, pad, fmt, now, stats } = require('./lib');

const TERMS = [null, '王', 'wang', '王杰', 'zh', 'lzd'];

async function child() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  const result = { db: strapi.db.dialect.client, scopes: {}, runs: [] };
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    log(`    seeding ${args.alumni} alumni`);
    await demo.seedDemo(strapi, { alumni: Number(args.alumni) });
    const knex = strapi.db.connection;
    if (result.db === 'postgres') await knex.raw('ANALYZE');
    const server = path.join(appDir, 'plugins/liaison/dist/server');
    const { alumniOfPosts } = require(path.join(server, 'liaison-work/alumni.js'));
    const { joinOf, rowsOf } = require(path.join(server, 'utils/db.js'));
    const A = 'plugin::liaison.alumnus';
    const toCohort = joinOf(strapi, A, 'cohort');
    const toCollege = joinOf(strapi, 'plugin::liaison.cohort', 'college');
    const largest = async (sql) => rowsOf(await knex.raw(`${sql} GROUP BY 1 ORDER BY 2 DESC LIMIT 1`))[0];
    const scopes = {
      college: await largest(`SELECT kc.${toCollege.to} AS id, COUNT(*) AS n FROM ${toCohort.table} ac JOIN ${toCollege.table} kc ON kc.${toCollege.from} = ac.${toCohort.to}`),
      region: await largest(`SELECT ${joinOf(strapi, A, 'chapter').to} AS id, COUNT(*) AS n FROM ${joinOf(strapi, A, 'chapter').table}`),
      industry: await largest(`SELECT ${joinOf(strapi, A, 'industry').to} AS id, COUNT(*) AS n FROM ${joinOf(strapi, A, 'industry').table}`),
      cohort: await largest(`SELECT ${toCohort.to} AS id, COUNT(*) AS n FROM ${toCohort.table}`),
    };
    const post = (kind) => ({ id: 0, documentId: kind, dimension: kind, role: null, termStart: null, termEnd: null, scope: { kind, uid: '', id: Number(scopes[kind].id), documentId: '', name: '' } });
    const sets = { cohort: [post('cohort')], region: [post('region')], industry: [post('industry')], college: [post('college')], together: ['college', 'region', 'industry'].map(post) };
    for (const [kind, row] of Object.entries(scopes)) result.scopes[kind] = Number(row.n);
    for (const [name, posts] of Object.entries(sets)) {
      for (const q of TERMS) {
        for (const page of [1, 40]) {
          const ms = [];
          let total = 0;
          for (let i = 0; i < Number(args.calls); i++) {
            const started = now();
            total = (await alumniOfPosts(strapi, posts, { q: q ?? undefined, page, pageSize: 25 })).meta.pagination.total;
            ms.push(now() - started);
          }
          result.runs.push({ scope: name, q, page, total, ...stats(ms) });
        }
      }
    }
  } finally {
    await strapi.destroy();
  }
  require('fs').writeFileSync(args.out, JSON.stringify(result));
  process.exit(0);
}

async function main() {
  const dbs = args.db === 'both' ? ['postgres', 'sqlite'] : [args.db ?? 'postgres'];
  const figures = { alumni: Number(args.alumni ?? 300000), calls: Number(args.calls ?? 5), results: [] };
  for (const db of dbs) {
    log(`${db}: ${figures.alumni} alumni`);
    const r = await runChild(__filename, db, 'myalumni', 'run', { alumni: figures.alumni, calls: figures.calls });
    figures.results.push(r);
    log(`  scopes: ${JSON.stringify(r.scopes)}`);
    for (const run of r.runs) {
      log(`  ${pad(run.scope, 9)} q=${pad(run.q ?? '–', 5)} page ${pad(run.page, 3)} total ${pad(run.total, 6)} median ${fmt(run.median)} ms, max ${fmt(run.max)} ms`);
    }
  }
  writeResults('my-alumni', figures);
}

runScript(child, main);
