import { createHash } from 'crypto';
import appJs from './static/app.js?raw';
import appCss from './static/app.css?raw';

/**
 * The page's static files, shipped inside the plugin's server bundle as text (Vite's `?raw`
 * imports), so that the built package has them without a copy step. Each is served with its
 * content type and a hash of its content (ETag, and the `?v=` the page names it with).
 */
export interface Asset {
  type: string;
  body: string;
  hash: string;
}

const asset = (type: string, body: string): Asset => ({ type, body, hash: createHash('sha256').update(body).digest('base64url').slice(0, 16) });

export const ASSETS: Record<string, Asset> = {
  'app.js': asset('text/javascript; charset=utf-8', appJs),
  'app.css': asset('text/css; charset=utf-8', appCss),
};
