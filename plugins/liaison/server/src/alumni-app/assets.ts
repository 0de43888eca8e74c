import { createHash } from 'crypto';
import { FILES } from './files';

/**
 * The page's static files (./static), shipped inside the plugin's server code as strings
 * (./files.ts, written from them by scripts/alumni-app-files.js at every build), so that the
 * built package has them without a copy step. Each is served with its content type and a hash
 * of its content (ETag, and the `?v=` the page names it with).
 */
export interface Asset {
  type: string;
  body: string;
  hash: string;
}

export const ASSETS: Record<string, Asset> = Object.fromEntries(
  Object.entries(FILES).map(([name, { type, body }]) => [name, { type, body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 16) }])
);
