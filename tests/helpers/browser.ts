import fs from 'fs';
import type { AddressInfo } from 'net';
import { chromium, type Browser } from 'playwright-core';
import { strapiApp } from './strapi';

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
