#!/usr/bin/env node
/**
 * The plugin installed into a fresh Strapi 5 project, as another university would install it:
 *
 *   npm run check:install [-- --keep] [--dir=/tmp/somewhere]
 *
 * 1. packs the plugin as `npm run build:plugin` builds it (built first when needed);
 * 2. creates a project with create-strapi-app at this project's Strapi version: TypeScript,
 *    SQLite, nothing else added;
 * 3. `npm install <tarball>` and one line in config/plugins.ts: `liaison: { enabled: true }`;
 * 4. builds it, starts it (`strapi start`), makes its first admin with `strapi admin:create-user`;
 * 5. checks what the plugin brings: its staff roles, its admin API, the public API of the
 *    website (stories, events, the feed, the directory, the OpenAPI document) and its admin
 *    page in Chromium.
 * Exits non-zero, naming the step, when any of it fails. The project is removed afterwards
 * unless --keep.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? 'true']));
const strapiVersion = require(path.join(root, 'node_modules/@strapi/strapi/package.json')).version;
const work = args.dir ? path.resolve(args.dir) : fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-install-'));
const app = path.join(work, 'host');
const PORT = Number(args.port ?? 1437);
const ADMIN = { email: 'office@university.example', password: 'Install-Check-2026', firstname: 'Alumni', lastname: 'Office' };

const started = Date.now();
const log = (message) => process.stdout.write(`[install-check ${Math.round((Date.now() - started) / 1000)}s] ${message}\n`);

/** Runs a command to its end; its output goes to ours. */
const run = (command, commandArgs, options = {}) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${commandArgs.join(' ')} exited with ${code}`))));
    child.on('error', reject);
  });

const check = (what, ok, detail = '') => {
  if (!ok) throw new Error(`${what}${detail ? `: ${detail}` : ''}`);
  log(`ok: ${what}`);
};

const waitFor = async (url, ms) => {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
};

async function main() {
  log(`Strapi ${strapiVersion}, project in ${app}`);
  const pluginDir = path.join(root, 'plugins/liaison');
  // The package is strapi-plugin build's output: built when missing, or when the tests' quicker
  // compile of the server (tsc, module by module) has been written over it.
  const bundled = fs.existsSync(path.join(pluginDir, 'dist/admin/index.mjs')) && fs.existsSync(path.join(pluginDir, 'dist/server/index.js')) && !fs.existsSync(path.join(pluginDir, 'dist/server/register.js'));
  if (!bundled) await run('npm', ['run', 'build:plugin'], { cwd: root });
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: pluginDir, encoding: 'utf8' }));
  const tarball = path.join(work, packed[0].filename);
  log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${Math.round(packed[0].size / 1024)} kB`);
  check('the package holds the built plugin and no sources or tests', packed[0].files.every((f) => /^(dist\/|package\.json$|README\.md$)/.test(f.path)));

  await run(
    'npx',
    ['--yes', `create-strapi-app@${strapiVersion}`, 'host', '--no-run', '--typescript', '--use-npm', '--install', '--skip-cloud', '--no-example', '--no-git-init', '--skip-db'],
    { cwd: work, env: { STRAPI_TELEMETRY_DISABLED: 'true', CI: 'true' } }
  );
  await run('npm', ['install', '--no-audit', '--no-fund', tarball], { cwd: app });
  fs.writeFileSync(path.join(app, 'config/plugins.ts'), "export default () => ({\n  liaison: { enabled: true },\n});\n");
  log('enabled liaison in config/plugins.ts');

  const env = { STRAPI_TELEMETRY_DISABLED: 'true', PORT: String(PORT), HOST: '127.0.0.1' };
  await run('npm', ['run', 'build'], { cwd: app, env });
  await run('npx', ['strapi', 'admin:create-user', `--email=${ADMIN.email}`, `--password=${ADMIN.password}`, `--firstname=${ADMIN.firstname}`, `--lastname=${ADMIN.lastname}`], { cwd: app, env });

  const server = spawn('npx', ['strapi', 'start'], { cwd: app, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${PORT}`;
  try {
    await waitFor(`${base}/_health`, 180_000);
    const login = await (await fetch(`${base}/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }) })).json();
    const token = login?.data?.token;
    check('the first admin signs in', !!token, JSON.stringify(login).slice(0, 200));
    const admin = (p) => fetch(`${base}${p}`, { headers: { authorization: `Bearer ${token}` } });

    const roles = (await (await admin('/admin/roles')).json()).data.map((r) => r.name);
    check('the plugin created its staff roles', ['Alumni Office Staff', 'College Staff', 'Chapter Editor'].every((r) => roles.includes(r)), roles.join(', '));
    const summary = await admin('/liaison/coverage/summary');
    check('its admin API answers (coverage summary)', summary.status === 200, `status ${summary.status}`);

    for (const p of ['/api/stories', '/api/events', '/api/events.ics', '/api/liaison/chapters', '/api/openapi.json']) {
      const res = await fetch(`${base}${p}`);
      check(`the public API answers ${p}`, res.status === 200, `status ${res.status}`);
    }
    // The alumni page and its script come from the package (alumni-app/files.ts in the bundle).
    const appPage = await fetch(`${base}/api/liaison/app`);
    const appScript = await fetch(`${base}/api/liaison/app/assets/app.js`);
    check('the alumni page and its script are served', appPage.status === 200 && appScript.status === 200 && /javascript/.test(appScript.headers.get('content-type') || ''), `status ${appPage.status}, ${appScript.status}`);
    const write = await fetch(`${base}/api/stories`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ data: { title: 'x' } }) });
    check('the public may not write stories', write.status === 403 || write.status === 401, `status ${write.status}`);

    // The admin page, as staff open it.
    const { chromium } = require(require.resolve('playwright-core', { paths: [root] }));
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/admin/auth/login`);
      await page.getByLabel(/email/i).fill(ADMIN.email);
      await page.getByLabel(/^password/i).fill(ADMIN.password);
      await page.getByRole('button', { name: /login/i }).click();
      await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 60_000 });
      await page.goto(`${base}/admin/plugins/liaison`);
      await page.getByRole('heading', { name: 'Liaison network' }).first().waitFor({ timeout: 60_000 });
      check('its admin page opens in the admin panel', true);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  }
  log('the plugin installs, builds, starts and answers in a fresh Strapi project');
}

main()
  .then(() => {
    if (!args.keep && !args.dir) fs.rmSync(work, { recursive: true, force: true });
  })
  .catch((error) => {
    process.stderr.write(`[install-check] FAILED: ${error.message}\n`);
    if (!args.keep && !args.dir) fs.rmSync(work, { recursive: true, force: true });
    process.exit(1);
  });
