import { ReadStream } from 'fs';
import path from 'path';
import { isInline } from './kinds';

/** Nothing under /uploads runs: no script, no form, no plugin, not even as a page of its own origin. */
export const UPLOADS_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/**
 * The path of public/ a request path reaches once decoded and normalised, as koa-send does it
 * (so `/%75ploads/x` and `/a/../uploads/x`, which Strapi's public route serves, count as
 * /uploads); null when it cannot be decoded (then nothing is served).
 */
const publicPathOf = (requestPath: string) => {
  try {
    return path.posix.normalize(`/${decodeURIComponent(requestPath)}`);
  } catch {
    return null;
  }
};

const isUnder = (dir: string, file: string) => {
  const relative = path.relative(dir.toLowerCase(), file.toLowerCase());
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
};

/** The file of public/uploads this response serves, or null. */
const uploadServed = (ctx: any, uploadsDir: string): string | null => {
  if (ctx.body instanceof ReadStream && typeof ctx.body.path === 'string' && isUnder(uploadsDir, ctx.body.path)) return ctx.body.path;
  const served = publicPathOf(ctx.path);
  const lower = served?.toLowerCase();
  return lower === '/uploads' || lower?.startsWith('/uploads/') ? served : null;
};

/** Sets the headers that keep a served upload from running in the API's origin; images stay inline, the rest is downloaded. */
export const sandboxUpload = (ctx: any, uploadsDir: string) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return;
  const file = uploadServed(ctx, uploadsDir);
  if (!file) return;
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Content-Security-Policy', UPLOADS_CSP);
  if (!isInline(path.extname(file))) ctx.set('Content-Disposition', 'attachment');
};
