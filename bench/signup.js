#!/usr/bin/env node
/**
 * Event sign-up benchmark: the rush when registration opens.
 *
 *   npm run bench:signup -- [--people=2000] [--seats=500] [--profile=DIR]
 *
 * On a fresh PostgreSQL database (BENCH_PG_URL; dropped afterwards):
 *   1. one published event of --seats seats whose registration is open, and --people
 *      alumni, each with an e-mail address, a confirmed account and a JWT;
 *   2. Liaison as production runs it (NODE_ENV=production, rate limits on at their defaults,
 *      behind one trusted proxy: each person asks from their own address, X-Forwarded-For);
 *   3. all --people sign up at once (`POST /api/liaison/events/:documentId/registrations`,
 *      every request sent before the first answer), each queuing its mail (the confirmation
 *      with QR code and .ics, or the waiting-list mail) in the outbox;
 *   4. then, as a reference, the same people at once asking `GET /api/liaison/me`: what
 *      authentication, rate limits and finding the alumnus cost without a sign-up;
 *   5. reports throughput (sign-ups per second, first request to last answer) and latency,
 *      and checks the outcome: exactly --seats registered, the rest waiting at places
 *      1…n without gaps or repeats (in the answers and in the database), one mail each.
 * Figures go to bench/results/signup-<date>.json.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const { appDir, distDir, args, log, freshDatabase, writeResults, runScript, productionSecrets, fmt, now, stats } = require('./lib');

const PEOPLE = Number(args.people ?? 2000);
const SEATS = Number(args.seats ?? 500);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const DAY = 86_400_000;

// ------------------------------------------------------------------ child: setup

async function setup() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  try {
    // A documentId in Strapi's shape: 24 lower-case letters and digits, a letter first.
    const newDocumentId = () => `b${require('crypto').randomBytes(12).toString('hex').slice(0, 23)}`;
    const event = await strapi.documents('plugin::liaison.event').create({
      data: {
        title: '校友返校日', slug: `homecoming-${Date.now()}`, type: 'reunion', venue: '大礼堂', capacity: SEATS,
        startsAt: new Date(Date.now() + 14 * DAY).toISOString(),
        registrationOpensAt: new Date(Date.now() - DAY).toISOString(),
        registrationClosesAt: new Date(Date.now() + 7 * DAY).toISOString(),
      },
      locale: 'zh-Hans',
      status: 'published',
    });
    const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const jwt = strapi.plugin('users-permissions').service('jwt');
    const tokens = [];
    for (let from = 0; from < PEOPLE; from += 50) {
      const batch = Array.from({ length: Math.min(50, PEOPLE - from) }, (_, k) => from + k);
      tokens.push(
        ...(await Promise.all(
          batch.map(async (i) => {
            const email = `bench${i}@example.edu.cn`;
            const alumnus = await strapi.db.query('plugin::liaison.alumnus').create({
              data: { documentId: newDocumentId(), name: `校友${i}`, studentNo: `B${100000 + i}`, alumnusStatus: 'active', email, language: i % 2 ? 'en' : 'zh-Hans', publishedAt: new Date() },
            });
            const user = await strapi.db.query('plugin::users-permissions.user').create({
              data: { documentId: newDocumentId(), username: `bench${i}`, email: `u.${email}`, provider: 'local', confirmed: true, blocked: false, role: role.id, publishedAt: new Date() },
            });
            await strapi.db.query('plugin::liaison.alumni-account').create({
              data: { documentId: newDocumentId(), alumnus: alumnus.id, user: user.id, activatedAt: new Date(), publishedAt: new Date() },
            });
            return jwt.issue({ id: user.id });
          })
        ))
      );
    }
    await strapi.db.connection.raw('VACUUM ANALYZE');
    fs.writeFileSync(args.out, JSON.stringify({ event: event.documentId, tokens }));
  } finally {
    await strapi.destroy();
  }
  process.exit(0);
}

// ------------------------------------------------------------------ child: Strapi serving

async function serve() {
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir }).load();
  await new Promise((resolve) => strapi.server.listen(0, '127.0.0.1', resolve));
  fs.writeFileSync(args.out, JSON.stringify({ port: strapi.server.httpServer.address().port }));
}

// ------------------------------------------------------------------ parent

/** Runs a child mode; resolves with what it wrote to its out file (the server keeps running). */
async function startChild(mode, env, waitForExit) {
  const out = path.join(os.tmpdir(), `liaison-bench-${process.pid}-${mode}-${Date.now()}.json`);
  // --profile=DIR: the server writes a V8 CPU profile there when it stops.
  const profile = args.profile && mode === 'serve' ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  const child = spawn(process.execPath, [...profile, __filename, `--child=${mode}`, `--out=${out}`, `--people=${PEOPLE}`, `--seats=${SEATS}`], {
    cwd: appDir,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (waitForExit) await new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${mode} exited with ${code}`)))));
  for (let i = 0; i < 3000 && !fs.existsSync(out); i += 1) {
    if (child.exitCode !== null && !fs.existsSync(out)) throw new Error(`${mode} exited with ${child.exitCode}`);
    await sleep(100);
  }
  const info = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out, { force: true });
  return { ...info, stop: () => new Promise((resolve) => { if (child.exitCode !== null) return resolve(); child.once('exit', resolve); child.kill('SIGTERM'); setTimeout(() => child.kill('SIGKILL'), 10000); }) };
}

/** One request of person i from their own client address; resolves with status, body and latency (ms). */
const ask = (agent, port, method, url, token, i, body = null) =>
  new Promise((resolve) => {
    const started = now();
    const req = http.request(
      {
        agent, host: '127.0.0.1', port, method, path: url,
        headers: {
          authorization: `Bearer ${token}`, 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
          ...(body ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, body: text, ms: now() - started }));
      }
    );
    req.on('error', (error) => resolve({ status: 0, body: String(error), ms: now() - started }));
    req.end(body ?? undefined);
  });
const signUp = (agent, port, event, token, i) => ask(agent, port, 'POST', `/api/liaison/events/${event}/registrations`, token, i, JSON.stringify({ guests: 0 }));

async function main() {
  const database = await freshDatabase('postgres', 'signup');
  const env = { ...database.env, SEED_DEMO: 'false', CRON_ENABLED: 'false', LOG_LEVEL: 'error', NODE_ENV: 'production', PROXY_ENABLED: 'true', PROXY_TRUSTED_HOPS: '1', ...productionSecrets() };
  for (const name of ['RATE_LIMIT_POINTS', 'RATE_LIMIT_DURATION_SECONDS', 'SMTP_HOST']) delete env[name];
  const results = { people: PEOPLE, seats: SEATS };
  let server = null;
  try {
    log(`Making one event of ${SEATS} seats and ${PEOPLE} alumni with accounts on PostgreSQL…`);
    const made = await startChild('setup', env, true);
    server = await startChild('serve', env, false);
    // Each phase its own sockets: a kept-alive socket the server closed meanwhile would reset.
    let agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    log(`${PEOPLE} sign-ups at once…`);
    const started = now();
    const answers = await Promise.all(made.tokens.map((token, i) => signUp(agent, server.port, made.event, token, i)));
    const seconds = (now() - started) / 1000;
    agent.destroy();

    // The reference, after: the same people at once asking the cheapest signed-in route (who
    // am I), what authentication, rate limits and the alumnus's lookup cost without a sign-up.
    log(`${PEOPLE} × GET /api/liaison/me at once (the reference)…`);
    agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
    const reference = now();
    const me = await Promise.all(made.tokens.map((token, i) => ask(agent, server.port, 'GET', '/api/liaison/me', token, i)));
    results.reference = { path: 'GET /api/liaison/me', seconds: (now() - reference) / 1000, non200: me.filter((a) => a.status !== 200).length, latency: stats(me.map((a) => a.ms)) };
    results.reference.perSecond = PEOPLE / results.reference.seconds;
    agent.destroy();

    const refused = answers.filter((a) => a.status !== 201);
    const data = answers.filter((a) => a.status === 201).map((a) => JSON.parse(a.body).data);
    const registered = data.filter((d) => d.status === 'registered').length;
    const positions = data.filter((d) => d.status === 'waiting').map((d) => d.position).sort((a, b) => a - b);
    const inOrder = positions.every((p, i) => p === i + 1);

    // The database's own view: statuses, places by id among the waiting, and the mails queued.
    const { Client } = require('pg');
    const client = new Client({ connectionString: env.DATABASE_URL });
    await client.connect();
    const statuses = Object.fromEntries((await client.query('SELECT registration_status AS s, COUNT(*)::int AS n FROM liaison_event_registrations GROUP BY 1')).rows.map((r) => [r.s, r.n]));
    // Each answer's place is its row's rank by id among the waiting (first come first served).
    const answered = new Map(data.filter((d) => d.status === 'waiting').map((d) => [d.documentId, d.position]));
    const ranked = (await client.query(`SELECT document_id, ROW_NUMBER() OVER (ORDER BY id)::int AS rank FROM liaison_event_registrations WHERE registration_status = 'waiting'`)).rows;
    const placesAgree = ranked.length === answered.size && ranked.every((r) => answered.get(r.document_id) === r.rank);
    const mails = Object.fromEntries((await client.query(`SELECT kind, COUNT(*)::int AS n FROM liaison_outbox GROUP BY 1`)).rows.map((r) => [r.kind, r.n]));
    const codes = (await client.query('SELECT COUNT(DISTINCT code)::int AS n FROM liaison_event_registrations')).rows[0].n;
    await client.end();

    const latency = stats(answers.map((a) => a.ms));
    Object.assign(results, {
      seconds,
      signUpsPerSecond: PEOPLE / seconds,
      latency,
      refused: refused.length,
      refusals: [...new Set(refused.map((a) => `${a.status} ${a.body.slice(0, 200)}`))].slice(0, 5),
      registered,
      waiting: positions.length,
      positionsOneToN: inOrder,
      database: { statuses, placesAgreeWithIds: placesAgree, distinctCodes: codes, mails },
    });
    const expectedWaiting = PEOPLE - SEATS;
    results.ok =
      refused.length === 0 && registered === SEATS && positions.length === expectedWaiting && inOrder &&
      statuses.registered === SEATS && statuses.waiting === expectedWaiting && placesAgree && codes === PEOPLE &&
      mails['event-registration'] === SEATS && mails['event-waiting'] === expectedWaiting;

    process.stdout.write(
      `\n${PEOPLE} sign-ups at once for ${SEATS} seats (PostgreSQL, production configuration, rate limits on)\n` +
        `  ${fmt(results.signUpsPerSecond, 0)} sign-ups/s (${fmt(seconds, 2)} s in all); latency p50 ${fmt(latency.median, 0)} ms, p95 ${fmt(latency.p95, 0)} ms, max ${fmt(latency.max, 0)} ms\n` +
        `  ${registered} registered, ${positions.length} waiting at places ${positions[0] ?? '-'}…${positions[positions.length - 1] ?? '-'} ${inOrder ? 'without gaps or repeats' : 'WITH GAPS OR REPEATS'}; ` +
        `${refused.length} refused; database ${JSON.stringify(statuses)}, mails ${JSON.stringify(mails)}\n` +
        `  reference, ${PEOPLE} × GET /api/liaison/me at once: ${fmt(results.reference.perSecond, 0)} requests/s, p95 ${fmt(results.reference.latency.p95, 0)} ms (${results.reference.non200} not 200)\n` +
        `  ${results.ok ? 'OK' : 'FAILED'}\n`
    );
  } finally {
    if (server) await server.stop();
    await database.drop();
  }
  writeResults('signup', results);
  if (!results.ok) process.exitCode = 1;
}

const CHILDREN = { setup, serve };
runScript(() => CHILDREN[args.child](), main);
