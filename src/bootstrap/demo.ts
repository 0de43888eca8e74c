import type { Core } from '@strapi/strapi';
import { DEFAULT_DEMO_SIZE, networkIsEmpty, seedDemo } from '../demo';
import { seedDemoAlumnus } from './demo-alumnus';

/** SEED_DEMO=true|false decides; unset, development seeds and everything else does not. */
export const shouldSeedDemo = (env: NodeJS.ProcessEnv): boolean => {
  const flag = env.SEED_DEMO?.trim().toLowerCase();
  if (flag) return flag === 'true' || flag === '1' || flag === 'yes';
  return (env.NODE_ENV ?? 'development') === 'development';
};

/** The demo size from DEMO_ALUMNI, or the default. */
export const demoSize = (env: NodeJS.ProcessEnv): number => {
  const size = Number(env.DEMO_ALUMNI);
  return Number.isInteger(size) && size > 0 ? size : DEFAULT_DEMO_SIZE;
};

/** Seeds the demo network into an empty database, with progress in the log. */
export const seedDemoIfWanted = async (strapi: Core.Strapi) => {
  if (!shouldSeedDemo(process.env) || !(await networkIsEmpty(strapi))) return null;
  const alumni = demoSize(process.env);
  strapi.log.info(`Seeding the demo network (${alumni} alumni)…`);
  const started = Date.now();
  let lastLine = started;
  const counts = await seedDemo(strapi, {
    alumni,
    // A large demo takes a while: say where it is, every few seconds at most.
    onProgress(step, done, total) {
      const now = Date.now();
      if (now - lastLine < 3000) return;
      lastLine = now;
      strapi.log.info(`  demo: ${step} ${done}/${total} (${((now - started) / 1000).toFixed(0)} s)`);
    },
  });
  const summary = Object.entries(counts)
    .map(([uid, n]) => `${n} ${uid.split('.').pop()}`)
    .join(', ');
  strapi.log.info(`Demo network seeded in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
  const alumnus = await seedDemoAlumnus(strapi).catch((error) => {
    strapi.log.warn(`demo: no alumni account (${error?.message ?? error})`);
    return null;
  });
  // The duplicates page shows what a first scan finds, without waiting for the night's.
  strapi
    .plugin('liaison')
    .service('duplicates')
    .scan()
    .catch(() => undefined);
  return { counts, alumnus };
};
