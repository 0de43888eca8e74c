import fs from 'fs';
import path from 'path';
import { keepStrapiForGroup } from './strapi';

/**
 * A capability's API tests as one jest file on one boot of the app: `tests/<capability>/
 * <capability>.test.ts` runs each `*.cases.ts` beside it in a describe block of its name. A boot
 * costs seconds, and most cases files need a few of them; a cases file is written as a test file
 * of its own (its beforeAll boots the app, which is then already booted; its afterAll's teardown
 * waits for the group's end). A file that must boot its own app (settings read at boot: SMTP_*,
 * environment variables) stays a `*.test.ts`. Run one group: `npm test -- tests/<capability>/<capability>.test.ts`;
 * one case file of it: add `-t '<case file name>'`.
 */
export const runCasesOf = (dir: string) => {
  keepStrapiForGroup();
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cases.ts'))
    .sort();
  if (files.length === 0) throw new Error(`no *.cases.ts in ${dir}`);
  for (const file of files) {
    describe(file.replace(/\.cases\.ts$/, ''), () => {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      require(path.join(dir, file));
    });
  }
};
