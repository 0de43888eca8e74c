import fs from 'fs';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { strapiApp } from './strapi';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { chromiumProblem } = require('../../scripts/ensure-chromium');

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian's Chromium, headless, with nothing that reaches for the network (and `extraArgs`). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  // npm test installs Chromium first when it may (scripts/ensure-chromium.js); this says why it could not.
  const problem = fs.existsSync(CHROMIUM) ? null : chromiumProblem();
  if (problem) throw new Error(problem);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  });
}

/**
 * Opens `path` (`/admin/…`) the way one of the admin's own links does: its router moves and
 * the panel stays loaded, where `page.goto` would load the whole panel again (seconds under
 * CI's side-by-side suites). A page not yet showing the admin loads it.
 */
export async function openInAdmin(page: Page, baseUrl: string, path: string) {
  if (!page.url().startsWith(`${baseUrl}/admin`)) {
    await page.goto(`${baseUrl}${path}`);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Serves the booted app on a free local port, admin panel included. */
export async function listen(): Promise<string> {
  const server = strapiApp().server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * An admin user signed in, in the given admin language, in a fresh browser context: the
 * sign-in is the admin's own `POST /admin/login` (its refresh cookie kept by the context), and
 * the token goes where the admin panel keeps a remembered one, so the first page the test
 * opens is the panel itself (Strapi's login form is exercised by `npm run check:install`).
 */
export async function signInAdmin(
  browser: Browser,
  baseUrl: string,
  credentials: { email: string; password: string },
  language: 'en' | 'zh-Hans',
  viewport?: { width: number; height: number }
) {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'zh-CN', ...(viewport ? { viewport } : {}) });
  const login = await context.request.post(`${baseUrl}/admin/login`, { data: { ...credentials, rememberMe: true } });
  if (!login.ok()) throw new Error(`admin sign-in of ${credentials.email}: ${login.status()} ${await login.text()}`);
  const token: string = (await login.json()).data.token;
  await context.addInitScript(
    ({ lang, jwt }) => {
      window.localStorage.setItem('strapi-admin-language', lang);
      if (!window.localStorage.getItem('jwtToken')) window.localStorage.setItem('jwtToken', JSON.stringify(jwt));
      window.localStorage.setItem('isLoggedIn', 'true');
    },
    { lang: language, jwt: token }
  );
  return context.newPage();
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
