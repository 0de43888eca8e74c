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
