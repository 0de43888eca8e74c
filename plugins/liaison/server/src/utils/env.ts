/**
 * A whole number from the environment, within `min`..`max` (0 or more unless told): `fallback`
 * when unset or empty; anything else is a start-up error naming the variable, not a setting
 * silently ignored. The one reader of numbers from the environment.
 */
export const wholeNumberEnv = (
  name: string,
  fallback: number,
  { min = 0, max = Number.MAX_SAFE_INTEGER, unit = '', env = process.env as Record<string, string | undefined> } = {}
) => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    const what = unit ? `a whole number of ${unit}` : 'a whole number';
    const range = max === Number.MAX_SAFE_INTEGER ? `(${min} or more)` : `from ${min} to ${max}`;
    throw new Error(`${name} must be ${what} ${range}, got "${raw}"`);
  }
  return n;
};
