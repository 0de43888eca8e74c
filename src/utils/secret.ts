/**
 * A secret from the environment. Development and tests get a fixed default so that
 * `npm run develop` works out of the box; production refuses to start without it.
 */
export const secret = (name: string, developmentDefault: string): string => {
  const value = process.env[name];
  if (value) return value;
  if (process.env.NODE_ENV === 'production') {
    throw new Error(`${name} must be set in production (see .env.example)`);
  }
  return developmentDefault;
};
