import fs from 'fs';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { strapiApp } from './strapi';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { chromiumProblem } = require('../../scripts/ensure-chromium');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that reaches for the network. */
export async function launchBrowser(): Promise<Browser> {
  // npm test installs Chromium first when it may (scripts/ensure-chromium.js); this says why it could not.
  const problem = fs.existsSync(CHROMIUM) ? null : chromiumProblem();
  if (problem) throw new Error(problem);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/** Serves the booted app on a free local port, admin panel included. */
export async function listen(): Promise<string> {
  const server = strapiApp().server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Signs an admin user in, in the given admin language, in a fresh browser context. */
export async function signInAdmin(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
  language: 'en' | 'zh-Hans',
  viewport?: { width: number; height: number }
) {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'zh-CN', ...(viewport ? { viewport } : {}) });
  await context.addInitScript((lang) => window.localStorage.setItem('strapi-admin-language', lang), language);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', credentials.email);
  await page.fill('input[name="password"]', credentials.password);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
  return page;
}

/** The admin's message `key` in `language` with its {values} filled in; a missing message fails the test. */
export const adminMessages = (language: 'en' | 'zh-Hans') => {
  const messages = (language === 'en' ? en : zh) as Record<string, string>;
  return (key: string, values: Record<string, string | number> = {}) => {
    const text = messages[key];
    if (text === undefined) throw new Error(`no ${language} message ${key}`);
    return Object.entries(values).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), text);
  };
};
