#!/usr/bin/env node
/**
 * Run before `npm test` / `npm run test:pg`: the browser tests drive Debian's Chromium, and
 * the personal-data PDF export draws Chinese with a CJK font (installed the same way).
 * When it is missing, install it with apt-get if this user may (root, or sudo without a
 * password); otherwise say how to get it. Never fails the command: the other tests
 * still run, and the browser tests fail with the same message (tests/helpers/browser.ts).
 *
 * CHROMIUM_PATH names another browser; SKIP_CHROMIUM_INSTALL=1 never installs.
 */
const fs = require('fs');
const { spawnSync } = require('child_process');

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * What to do, from the facts: a plain function, unit-tested.
 * @param {{ path: string, present: boolean, custom: boolean, skip: boolean, apt: boolean, root: boolean, sudo: boolean }} f
 * @returns {{ action: 'none' | 'install' | 'explain', sudo?: boolean, message?: string }}
 */
function decide(f) {
  if (f.present) return { action: 'none' };
  const how = 'apt-get install -y chromium (as root), or set CHROMIUM_PATH to a Chromium binary';
  if (f.custom) return { action: 'explain', message: `Chromium not found at CHROMIUM_PATH=${f.path}: ${how}` };
  if (f.skip) return { action: 'explain', message: `Chromium not found at ${f.path} (SKIP_CHROMIUM_INSTALL is set): ${how}` };
  if (!f.apt) return { action: 'explain', message: `Chromium not found at ${f.path} and apt-get is not available: install Chromium, then set CHROMIUM_PATH` };
  if (f.root) return { action: 'install', sudo: false };
  if (f.sudo) return { action: 'install', sudo: true };
  return {
    action: 'explain',
    message: `Chromium not found at ${f.path}, and this user may not install packages (not root, no password-less sudo): ${how}`,
  };
}

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'ignore', ...opts }).status === 0;

/** The facts of this machine. */
function facts(env = process.env) {
  const path = env.CHROMIUM_PATH || DEFAULT_PATH;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const present = fs.existsSync(path);
  return {
    path,
    present,
    custom: !!env.CHROMIUM_PATH,
    skip: !!env.SKIP_CHROMIUM_INSTALL,
    apt: !present && run('sh', ['-c', 'command -v apt-get']),
    root,
    sudo: !present && !root && run('sudo', ['-n', 'true']),
  };
}

/** Why the browser tests cannot run here, or null when Chromium is there. */
function chromiumProblem(env = process.env) {
  const decision = decide(facts(env));
  if (decision.action === 'none') return null;
  return decision.message || `Chromium not found at ${env.CHROMIUM_PATH || DEFAULT_PATH}: run npm test (it installs it) or apt-get install -y chromium`;
}

function ensureChromium(env = process.env) {
  const f = facts(env);
  const decision = decide(f);
  if (decision.action === 'none') return true;
  if (decision.action === 'explain') {
    process.stderr.write(`\n[ensure-chromium] ${decision.message}\nThe browser tests will fail; the others run.\n\n`);
    return false;
  }
  const prefix = decision.sudo ? ['sudo', '-n'] : [];
  const apt = (...args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  process.stdout.write(`[ensure-chromium] Chromium is missing: installing Debian's chromium with apt-get${decision.sudo ? ' (sudo)' : ''}\n`);
  const ok = apt('update', '-qq') && apt('install', '-y', '-qq', 'chromium') && fs.existsSync(f.path);
  if (!ok) process.stderr.write(`\n[ensure-chromium] apt-get could not install chromium: the browser tests will fail.\n\n`);
  return ok;
}

/** Fonts the personal-data PDF export can draw Chinese with (plugins/liaison/server/src/personal-data/render-pdf.ts). */
const CJK_FONTS = ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'];

/** The PDF export's test needs a Chinese font: installs Debian's fonts-wqy-microhei when none is there and this user may. */
function ensureCjkFont(env = process.env) {
  if (env.LIAISON_PDF_FONT || CJK_FONTS.some((f) => fs.existsSync(f)) || env.SKIP_CHROMIUM_INSTALL) return true;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !root && run('sudo', ['-n', 'true']);
  if (!run('sh', ['-c', 'command -v apt-get']) || (!root && !sudo)) {
    process.stderr.write('\n[ensure-chromium] no Chinese font for the PDF export: apt-get install -y fonts-wqy-microhei, or set LIAISON_PDF_FONT\n\n');
    return false;
  }
  const prefix = sudo ? ['sudo', '-n'] : [];
  const apt = (...args) => {
    const [cmd, ...rest] = [...prefix, 'apt-get', ...args];
    return spawnSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  };
  process.stdout.write('[ensure-chromium] no Chinese font: installing fonts-wqy-microhei with apt-get\n');
  return apt('update', '-qq') && apt('install', '-y', '-qq', 'fonts-wqy-microhei');
}

module.exports = { decide, facts, chromiumProblem, ensureChromium, ensureCjkFont, DEFAULT_PATH };

if (require.main === module) {
  ensureChromium();
  ensureCjkFont();
}
