/**
 * `npm start` as an operator runs it: the built app in production, in a child process,
 * on a temporary SQLite database (whatever database the run uses: the start is the same).
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import request from 'supertest';
import { freePort } from '../helpers/smtp';
import { DEV_ADMIN, DEV_SECRETS, REQUIRED_IN_PRODUCTION } from '../../src/utils/secret';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { freshSecrets } = require('../../scripts/secrets');

jest.setTimeout(180_000);

const appDir = path.resolve(__dirname, '../..');
const ADMIN = { email: 'office@uni.example.edu', password: 'Strong-Admin-Pass-2026' };

let dir: string;
let port: number;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-production-'));
  port = await freePort();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Only what a bare server has, plus `vars`: no .env (ENV_PATH), no secrets of the test run. */
const envWith = (vars: Record<string, string>) => ({
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? os.tmpdir(),
  ENV_PATH: path.join(dir, 'no.env'),
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(dir, 'data.db'),
  HOST: '127.0.0.1',
  PORT: String(port),
  CRON_ENABLED: 'false',
  LOG_LEVEL: 'error',
  ...vars,
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` (scripts/start.js), in its own process group so that it and the server it spawns can be stopped together. */
const start = (vars: Record<string, string>): Run => {
  const child = spawn(process.execPath, [path.join(appDir, 'scripts', 'start.js')], {
    cwd: appDir,
    env: envWith(vars),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
};

/** The exit code and output of a start that must fail. */
const refusedStart = async (vars: Record<string, string>) => {
  const run = start(vars);
  const timer = setTimeout(() => process.kill(-run.child.pid!, 'SIGKILL'), 120_000);
  const code = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
};

/** Waits until the server answers its health check, or the process ends. */
const listening = async (run: Run) => {
  let ended = false;
  run.exited.then(() => (ended = true));
  for (let i = 0; i < 240 && !ended; i++) {
    try {
      const res = await request(`http://127.0.0.1:${port}`).get('/_health');
      if (res.status === 204) return true;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
};

/** SIGTERM to npm start, as a process manager sends it; whether the server was left behind (then killed). */
const stop = async (run: Run): Promise<{ leftBehind: boolean }> => {
  process.kill(run.child.pid!, 'SIGTERM');
  let leftBehind = false;
  const timer = setTimeout(() => {
    leftBehind = true;
    process.kill(-run.child.pid!, 'SIGKILL');
  }, 15_000);
  await run.exited;
  clearTimeout(timer);
  try {
    process.kill(-run.child.pid!, 0);
    leftBehind = true;
    process.kill(-run.child.pid!, 'SIGKILL');
  } catch {
    /* the group is gone */
  }
  return { leftBehind };
};

const goodEnv = () => ({ ...freshSecrets(), PUBLIC_URL: 'https://alumni-api.example.edu' });

describe('npm start', () => {
  it('is production even when the shell says development, and refuses to start without the secrets, naming every one at once', async () => {
    const { code, output } = await refusedStart({ NODE_ENV: 'development' });
    expect(code).not.toBe(0);
    expect(output).toContain('Refusing to start in production');
    expect(output).toContain(`missing: ${REQUIRED_IN_PRODUCTION.join(', ')}`);
    for (const name of REQUIRED_IN_PRODUCTION) expect(output).toContain(name);
    expect(fs.existsSync(path.join(dir, 'data.db'))).toBe(false);
  });

  it('refuses the committed development secrets, the development admin and a relative PUBLIC_URL, naming each', async () => {
    const { code, output } = await refusedStart({
      ...DEV_SECRETS,
      PUBLIC_URL: 'alumni-api.example.edu',
      ADMIN_EMAIL: DEV_ADMIN.email,
      ADMIN_PASSWORD: DEV_ADMIN.password,
    });
    expect(code).not.toBe(0);
    expect(output).not.toContain('missing:');
    expect(output).toContain('APP_KEYS: key 1 is a development default');
    expect(output).toContain('APP_KEYS: key 2 is a development default');
    for (const name of Object.keys(DEV_SECRETS).filter((n) => n !== 'APP_KEYS')) expect(output).toContain(`${name} is a development default`);
    expect(output).toContain('PUBLIC_URL must be an absolute http(s) URL');
    expect(output).toContain('ADMIN_EMAIL is the development admin’s e-mail');
    expect(output).toContain('ADMIN_PASSWORD is the development admin’s password');
  });

  it('refuses UNSUBSCRIBE_SECRET equal to the first APP_KEY (its old default)', async () => {
    const env = goodEnv();
    const { code, output } = await refusedStart({ ...env, UNSUBSCRIBE_SECRET: env.APP_KEYS.split(',')[0] });
    expect(code).not.toBe(0);
    expect(output).toContain('UNSUBSCRIBE_SECRET is the same as APP_KEYS (key 1)');
  });

  it('refuses a number setting that is not a whole number in range, naming it', async () => {
    const { code, output } = await refusedStart({ ...goodEnv(), RATE_LIMIT_POINTS: 'lots', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    expect(code).not.toBe(0);
    expect(output).toContain('RATE_LIMIT_POINTS must be a whole number (0 or more), got "lots"');
  });

  it('with good secrets: refuses an empty database without ADMIN_EMAIL/ADMIN_PASSWORD, starts with them, and refuses the development admin’s password later', async () => {
    const env = goodEnv();
    const refused = await refusedStart(env);
    expect(refused.code).not.toBe(0);
    expect(refused.output).toContain('missing: ADMIN_EMAIL, ADMIN_PASSWORD');

    const run = start({ ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    let stopped: { leftBehind: boolean } | null = null;
    try {
      expect(await listening(run)).toBe(true);
      const server = request(`http://127.0.0.1:${port}`);
      // No development admin was made; the configured one logs in.
      expect((await server.post('/admin/login').send(DEV_ADMIN)).status).toBe(400);
      const login = await server.post('/admin/login').send(ADMIN);
      expect(login.status).toBe(200);

      // A super admin gives someone the development admin's address and published password.
      const auth = { Authorization: `Bearer ${login.body.data.token}` };
      const roles = await server.get('/admin/roles').set(auth);
      const superAdmin = roles.body.data.find((r: any) => r.code === 'strapi-super-admin');
      const created = await server.post('/admin/users').set(auth).send({ email: DEV_ADMIN.email, firstname: 'Dev', lastname: 'Admin', roles: [superAdmin.id] });
      expect(created.status).toBe(201);
      const updated = await server.put(`/admin/users/${created.body.data.id}`).set(auth).send({ password: DEV_ADMIN.password, isActive: true });
      expect(updated.status).toBe(200);
      // npm start hands the process manager's SIGTERM on to the server, and ends with it.
      stopped = await stop(run);
      expect(stopped).toEqual({ leftBehind: false });
      expect((await server.get('/_health').catch((e) => e)).code).toBe('ECONNREFUSED');
    } finally {
      if (!stopped) await stop(run);
    }

    // The next start refuses it, and says how to change it.
    const again = await refusedStart({ ...env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
    expect(again.code).not.toBe(0);
    expect(again.output).toContain(`the admin ${DEV_ADMIN.email} still has the development password`);
    expect(again.output).toContain('admin:reset-user-password');
  });
});
