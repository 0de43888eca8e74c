import { strapiApp } from './strapi';

/**
 * Limits count requests in fixed windows aligned to the clock (website/rate-limit.ts): a client
 * has its requests again when a window ends. A test whose requests must fall in one window (so
 * many allowed, then 429) sets windows of `WINDOW_SECONDS` and starts with at least `marginMs`
 * of the current one left, waiting for the next when it is too close to the end.
 */
export const WINDOW_SECONDS = 600;

export const awayFromWindowEnd = async (durationSeconds = WINDOW_SECONDS, marginMs = 15000) => {
  const windowMs = durationSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 20));
};

/** How often an instance writes its counts to the shared table in these tests (ms): soon enough to see. */
export const SYNC_MS = 40;

/**
 * Sets the website's limits of the test's app: `points` requests per client in a window of
 * `WINDOW_SECONDS` (0: no limit), `websitePoints` for the website's token, counted afresh and
 * started away from a window's end.
 */
export const limitWebsite = async (points: number, websitePoints?: number) => {
  await awayFromWindowEnd();
  await strapiApp().plugin('liaison').service('website').configureRateLimit({ points, durationSeconds: WINDOW_SECONDS, syncMs: SYNC_MS, websitePoints });
  await strapiApp().db.connection('liaison_rate_counts').del();
};
