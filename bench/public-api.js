#!/usr/bin/env node
/**
 * Public API benchmark: what the university website's busiest call costs.
 *
 *   npm run bench:public-api -- [--stories=20000] [--events=5000] [--alumni=20000] [--connections=50] [--duration=20] [--warmup=5]
 *
 * On a fresh PostgreSQL database (BENCH_PG_URL; dropped afterwards):
 *   1. seed the demo network and enlarge its website content to --stories published stories
 *      and --events events (copies of the demo's, zh-Hans and en, each story with a cover);
 *   2. load `GET /api/stories?locale=zh-Hans&pagination[pageSize]=20&populate=cover` with
 *      autocannon (--connections for --duration seconds, loopback only, after --warmup seconds
 *      of the same load that are not counted) against, each in its own process, one at a time:
 *        - cached: Liaison as production runs it (NODE_ENV=production, rate limits on at their
 *          defaults, behind a proxy: PROXY_ENABLED with one trusted hop), the requests coming
 *          from --clients client addresses in turn (X-Forwarded-For), answered from the cache;
 *        - cached, no limits: the same with RATE_LIMIT_POINTS=0, what the limits cost;
 *        - website: the website's server, one read-only API token, limits on (its own limit is
 *          raised for the run: one server asking thousands of times a second is the load);
 *        - uncached: limits on, PUBLIC_CACHE_ENABLED=false: every request reads the database
 *          through Strapi's router, users-permissions and the website's controller;
 *        - engine: the same, the list read through the query engine instead of one statement
 *          (what list-statement.ts buys);
 *        - stock Strapi: the core controller of the same type without any cache (a full-access
 *          API token takes Strapi's own find);
 *        - the ceiling: a minimal Node `http` server answering the same JSON from one SQL query;
 *   3. report requests/s and p95 latency of each, and the ratios against the targets.
 * Figures go to bench/results/public-api-<date>.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn } = require('child_process');
const { appDir, distDir, args, log, freshDatabase, writeResults, runScript, productionSecrets, pad, fmt } = require('./lib');

const STORIES = Number(args.stories ?? 20000);
const EVENTS = Number(args.events ?? 5000);
const ALUMNI = Number(args.alumni ?? 20000);
const CONNECTIONS = Number(args.connections ?? 50);
const DURATION = Number(args.duration ?? 20);
const WARMUP = Number(args.warmup ?? 5);
const CLIENTS = Number(args.clients ?? 20000);
const PAIRS = Number(args.pairs ?? 3);
const PATH = '/api/stories?locale=zh-Hans&pagination[pageSize]=20&populate=cover';
/**
 * Every server runs with a 64 MB young generation, as the README advises for production:
 * an answer is a 50 kB string, and V8's default 16 MB semi-space makes Node spend a fifth
 * of its time in scavenges under this load.
 */
const NODE_FLAGS = ['--max-semi-space-size=64'];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ------------------------------------------------------------------ child: seed

/** n copies of the demo's documents, each with its own slug (and events spread over two years). */
const enlarge = (records, n, shift) =>
  Array.from({ length: n }, (_, i) => {
    const base = records[i % records.length];
    const copy = JSON.parse(JSON.stringify(base));
    for (const own of Object.values(copy.locales)) own.slug = i < records.length ? own.slug : `${own.slug}-${i}`;
    if (shift) shift(copy.shared, i);
    return copy;
  });

async function seed() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  try {
    const demo = require(path.join(distDir, 'src', 'demo'));
    const { attachDemoCovers } = require(path.join(distDir, 'src', 'demo', 'covers'));
    const data = demo.generateDemo({ alumni: ALUMNI, seed: demo.DEFAULT_SEED, today: new Date().toISOString().slice(0, 10) });
    data.stories = enlarge(data.stories, STORIES);
    const DAY = 86_400_000;
    data.events = enlarge(data.events, EVENTS, (shared, i) => {
      const offset = ((i * 7919) % 730) - 365;
      const start = Date.parse(shared.startsAt) + offset * DAY;
      const length = Date.parse(shared.endsAt) - Date.parse(shared.startsAt);
      shared.startsAt = new Date(start).toISOString();
      shared.endsAt = new Date(start + length).toISOString();
      shared.registrationOpensAt = shared.registrationOpensAt && new Date(start - 30 * DAY).toISOString();
      shared.registrationClosesAt = shared.registrationClosesAt && new Date(start - DAY).toISOString();
      shared.attendance = null;
      shared.attendanceRecordedAt = null;
    });
    const started = Date.now();
    await strapi.db.transaction(({ trx }) => demo.writeDemo(strapi, trx, data, {}));
    await attachDemoCovers(strapi);
    // Every story gets a cover: the demo's images, linked in bulk as the upload plugin links them.
    const files = await strapi.db.query('plugin::upload.file').findMany({ select: ['id'] });
    const morph = strapi.db.metadata.get('plugin::upload.file').attributes.related.joinTable;
    const knex = strapi.db.connection;
    const linked = new Set((await knex(morph.name).where(morph.morphColumn.typeColumn.name, 'plugin::liaison.story').select(morph.morphColumn.idColumn.name)).map((r) => Number(r[morph.morphColumn.idColumn.name])));
    const rows = (await knex('stories').select('id')).map((r) => Number(r.id)).filter((id) => !linked.has(id));
    for (let from = 0; from < rows.length; from += 2000) {
      await knex(morph.name).insert(
        rows.slice(from, from + 2000).map((id, i) => ({
          [morph.joinColumn.name]: files[(from + i) % files.length].id,
          [morph.morphColumn.idColumn.name]: id,
          [morph.morphColumn.typeColumn.name]: 'plugin::liaison.story',
          field: 'cover',
          order: 1,
        }))
      );
    }
    await knex.raw('VACUUM ANALYZE');
    const counts = {
      stories: Number((await knex('stories').whereNotNull('published_at').where('locale', 'zh-Hans').count({ n: '*' }))[0].n),
      events: Number((await knex('events').whereNotNull('published_at').where('locale', 'zh-Hans').count({ n: '*' }))[0].n),
    };
    fs.writeFileSync(args.out, JSON.stringify({ counts, seedSeconds: (Date.now() - started) / 1000 }));
  } finally {
    await strapi.destroy();
  }
  process.exit(0);
}

// ------------------------------------------------------------------ child: Strapi serving

async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  let token = null;
  if (args.token) {
    token = (await strapi.service('admin::api-token').create({ name: `bench-${Date.now()}`, type: args.token, lifespan: null, description: 'bench' })).accessKey;
  }
  if (args.statement === 'false') strapi.plugin('liaison').service('website').useListStatement(false);
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  fs.writeFileSync(args.out, JSON.stringify({ port: strapi.server.httpServer.address().port, token }));
}

// ------------------------------------------------------------------ child: the ceiling

/**
 * The practical ceiling: a bare Node `http` server with a `pg` pool of the same size as
 * Strapi's, answering the same page with one SQL query (the page of published zh-Hans
 * stories, newest first, each with its cover, and the total the database keeps, as
 * Liaison reads it).
 */
async function ceiling() {
  const http = require('http');
  const { Pool } = require('pg');
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
  const FIELDS = ['id', 'document_id', 'locale', 'created_at', 'updated_at', 'published_at', 'title', 'slug', 'summary', 'body', 'cohort_years', 'tags'];
  const SQL = `
    SELECT ${FIELDS.map((f) => `s.${f}`).join(', ')}, c.total,
           (SELECT json_build_object('id', f.id, 'documentId', f.document_id, 'name', f.name, 'alternativeText', f.alternative_text,
                    'caption', f.caption, 'width', f.width, 'height', f.height, 'formats', f.formats, 'hash', f.hash, 'ext', f.ext,
                    'mime', f.mime, 'size', f.size, 'url', f.url)
              FROM files_related_mph m JOIN files f ON f.id = m.file_id
             WHERE m.related_id = s.id AND m.related_type = 'plugin::liaison.story' AND m.field = 'cover' LIMIT 1) AS cover
      FROM (SELECT * FROM stories
             WHERE published_at IS NOT NULL AND locale = $1
             ORDER BY published_at DESC, id DESC
             LIMIT $2 OFFSET $3) s
     CROSS JOIN (SELECT COALESCE((SELECT total FROM liaison_published_totals WHERE table_name = 'stories' AND locale = $1), 0) AS total) c
     ORDER BY s.published_at DESC, s.id DESC`;
  const server = http.createServer(async (req, res) => {
    try {
      const { rows } = await pool.query(SQL, ['zh-Hans', 20, 0]);
      const total = rows.length ? Number(rows[0].total) : 0;
      const data = rows.map((r) => ({
        id: r.id, documentId: r.document_id, locale: r.locale, createdAt: r.created_at, updatedAt: r.updated_at, publishedAt: r.published_at,
        title: r.title, slug: r.slug, summary: r.summary, body: r.body, cohortYears: r.cohort_years, tags: r.tags, cover: r.cover,
      }));
      const body = JSON.stringify({ data, meta: { pagination: { page: 1, pageSize: 20, pageCount: Math.ceil(total / 20), total } } });
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500);
      res.end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Exits on the parent's SIGTERM as Strapi does, so that --profile's CPU profile is written.
  process.once('SIGTERM', () => process.exit(0));
  fs.writeFileSync(args.out, JSON.stringify({ port: server.address().port }));
}

// ------------------------------------------------------------------ parent

/** Starts a child that writes { port, token } to its out file once it listens. */
async function startServer(mode, env, extra = []) {
  const out = path.join(os.tmpdir(), `liaison-bench-${process.pid}-${mode}-${Date.now()}.json`);
  // --profile=DIR: each server writes a V8 CPU profile there when it stops.
  const profile = args.profile && mode !== 'seed' ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  const child = spawn(process.execPath, [...NODE_FLAGS, ...profile, __filename, `--child=${mode}`, `--out=${out}`, ...extra], {
    cwd: appDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  for (let i = 0; i < 1200 && !fs.existsSync(out); i += 1) {
    if (child.exitCode !== null) throw new Error(`${mode} exited with ${child.exitCode}`);
    await sleep(100);
  }
  const info = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { ...info, stop: () => new Promise((resolve) => { child.once('exit', resolve); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10000); }) };
}

/**
 * The requests of --clients client addresses in turn, as a proxy in front names them
 * (X-Forwarded-For): the server counts each address's requests against its limit.
 */
const fromManyClients = () => {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => {
        next = (next + 1) % CLIENTS;
        request.headers = { ...request.headers, 'x-forwarded-for': `10.${(next >> 16) & 255}.${(next >> 8) & 255}.${next & 255}` };
        return request;
      },
    },
  ];
};

/** autocannon for DURATION seconds; p95 from every response's latency (autocannon reports p90 and p97.5 only). */
async function load(name, url, headers = {}) {
  const autocannon = require('autocannon');
  const first = await fetch(url, { headers });
  if (first.status !== 200) throw new Error(`${name}: ${first.status} ${await first.text()}`);
  const sample = await first.json();
  const requests = { requests: fromManyClients() };
  // JIT compilation and the pool's first connections, before anything is measured.
  await autocannon({ url, connections: CONNECTIONS, duration: WARMUP, headers, ...requests });
  const latencies = [];
  const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers, ...requests });
  instance.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const at = (p) => latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)];
  const figures = {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    sampleTitles: sample.data.slice(0, 3).map((s) => s.title),
    sampleCover: !!sample.data[0]?.cover?.formats,
    total: sample.meta.pagination.total,
  };
  log(`    ${pad(name, 10)} ${fmt(figures.requestsPerSecond, 0).padStart(7)} req/s   p50 ${fmt(figures.p50)} ms   p95 ${fmt(figures.p95)} ms   (${figures.non2xx} non-2xx, ${figures.errors} errors)`);
  return figures;
}

async function main() {
  const database = await freshDatabase('postgres', 'publicapi');
  // The production configuration: limits at their defaults, behind one trusted proxy.
  const env = { ...database.env, SEED_DEMO: 'false', CRON_ENABLED: 'false', LOG_LEVEL: 'error', NODE_ENV: 'production', PROXY_ENABLED: 'true', PROXY_TRUSTED_HOPS: '1', ...secrets() };
  for (const name of ['RATE_LIMIT_POINTS', 'RATE_LIMIT_DURATION_SECONDS', 'WEBSITE_RATE_LIMIT_POINTS', 'PUBLIC_CACHE_ENABLED']) delete env[name];
  const results = { connections: CONNECTIONS, duration: DURATION, path: PATH, runs: {} };
  try {
    log(`Seeding ${ALUMNI} alumni, ${STORIES} stories and ${EVENTS} events on PostgreSQL…`);
    const seeded = await new Promise((resolve, reject) => {
      const out = path.join(os.tmpdir(), `liaison-bench-${process.pid}-seed.json`);
      const child = spawn(process.execPath, [__filename, '--child=seed', `--out=${out}`], { cwd: appDir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
      child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(fs.readFileSync(out, 'utf8'))) : reject(new Error(`seed exited with ${code}`))));
    });
    results.counts = seeded.counts;
    log(`  ${seeded.counts.stories} published stories, ${seeded.counts.events} published events (zh-Hans) in ${fmt(seeded.seedSeconds)} s`);

    // [name, child, environment, API token type]. Every run's requests name a client address
    // (X-Forwarded-For), so that the load generator does the same work for every server.
    const all = [
      ['nolimits', 'serve', { RATE_LIMIT_POINTS: '0' }, null],
      ['cached', 'serve', {}, null],
      ['website', 'serve', { WEBSITE_RATE_LIMIT_POINTS: '100000000' }, 'read-only'],
      ['uncached', 'serve', { PUBLIC_CACHE_ENABLED: 'false' }, null],
      ['engine', 'serve', { PUBLIC_CACHE_ENABLED: 'false' }, null, ['--statement=false']],
      ['stock', 'serve', { PUBLIC_CACHE_ENABLED: 'false', RATE_LIMIT_POINTS: '0' }, 'full-access'],
      ['ceiling', 'ceiling', {}, null],
    ];
    const chosen = args.only ? all.filter(([name]) => args.only.split(',').includes(name)) : all;
    // What the limits cost is a tenth of a request at most, less than the machine's own drift
    // between two runs: "no limits" and "cached" take turns --pairs times, and each is its median.
    const paired = chosen.filter(([name]) => name === 'nolimits' || name === 'cached');
    const runs = [...Array.from({ length: PAIRS }, () => paired).flat(), ...chosen.filter((run) => !paired.includes(run))];
    const rounds = {};
    for (const [name, mode, extraEnv, token, flags = []] of runs) {
      const server = await startServer(mode, { ...env, ...extraEnv }, [...(token ? [`--token=${token}`] : []), ...flags]);
      try {
        (rounds[name] ??= []).push(await load(name, `http://127.0.0.1:${server.port}${PATH}`, server.token ? { authorization: `Bearer ${server.token}` } : {}));
      } finally {
        await server.stop();
      }
    }
    for (const [name, all] of Object.entries(rounds)) {
      const sorted = [...all].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
      results.runs[name] = { ...sorted[Math.floor((sorted.length - 1) / 2)], rounds: all.map((f) => Math.round(f.requestsPerSecond)) };
    }
  } finally {
    if (args.keep === 'true') log(`Kept the database: ${database.env.DATABASE_URL}`);
    else await database.drop();
  }
  const r = results.runs;
  if (!r.cached || !r.nolimits || !r.uncached || !r.stock || !r.ceiling) return writeResults('public-api', results);
  results.ratios = {
    cachedOfNoLimits: r.cached.requestsPerSecond / r.nolimits.requestsPerSecond,
    cachedOfCeiling: r.cached.requestsPerSecond / r.ceiling.requestsPerSecond,
    cachedOverStock: r.cached.requestsPerSecond / r.stock.requestsPerSecond,
    uncachedOverStock: r.uncached.requestsPerSecond / r.stock.requestsPerSecond,
    ...(r.engine ? { statementOverEngine: r.uncached.requestsPerSecond / r.engine.requestsPerSecond } : {}),
  };
  results.targets = {
    cachedWithLimitsAtLeast90PercentWithout: results.ratios.cachedOfNoLimits >= 0.9,
    cachedAtLeastCeiling: results.ratios.cachedOfCeiling >= 1,
    uncachedP95Under100ms: r.uncached.p95 < 100,
  };
  process.stdout.write(`\n${PATH}, ${CONNECTIONS} connections, ${DURATION} s each, ${results.counts.stories} stories\n\n`);
  process.stdout.write(`${pad('server', 12)}${pad('req/s', 10)}${pad('p50 ms', 10)}${pad('p95 ms', 10)}\n`);
  for (const [name, f] of Object.entries(r)) {
    const rounds = f.rounds.length > 1 ? `median of ${f.rounds.join(', ')}` : '';
    process.stdout.write(`${pad(name, 12)}${pad(fmt(f.requestsPerSecond, 0), 10)}${pad(fmt(f.p50), 10)}${pad(fmt(f.p95), 10)}${rounds}\n`);
  }
  process.stdout.write(
    `\ncached with limits / without ${fmt(results.ratios.cachedOfNoLimits * 100, 0)}% (target ≥ 90%); cached / ceiling ${fmt(results.ratios.cachedOfCeiling * 100, 0)}% (target ≥ 100%); ` +
      `uncached p95 ${fmt(r.uncached.p95)} ms (target < 100 ms); cached / stock Strapi ${fmt(results.ratios.cachedOverStock)}×\n`
  );
  writeResults('public-api', results);
}

/** Production mode refuses the development secrets and admin: the run makes its own (as `npm run secrets` prints them). */
const secrets = productionSecrets;

const CHILDREN = { seed, serve, ceiling };
runScript(() => CHILDREN[args.child](), main);
