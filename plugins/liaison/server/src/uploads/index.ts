import { rm } from 'fs/promises';
import path from 'path';
import type { Capability } from '../capabilities';
import { refuseUnacceptedFiles } from './check';
import { sandboxUpload } from './serve';

/** koa-body's temporary files of a refused request (Strapi's body middleware keeps them when a request fails). */
const removeTemporaryFiles = async (files: Record<string, any> | undefined) => {
  const all = Object.values(files ?? {}).flat();
  await Promise.all(all.map((f: any) => (f?.filepath ? rm(f.filepath, { force: true }) : undefined)));
};

/**
 * The media library's allowlist (issue 13 §1.1). The `uploads` middleware refuses a
 * multipart request whose `files` hold a file not accepted (kinds.ts), before any route
 * stores one of them, and serves whatever is under /uploads so that no browser runs it.
 * Strapi's own check (config/plugins.ts) and the upload service (guard.ts) refuse them too.
 */
/** Refuses a multipart request with a file that is not accepted (once strapi::body has parsed it). */
export const checkUploads = () => async (ctx: any, next: () => Promise<void>) => {
  const files = ctx.request.files?.files;
  if (files) {
    try {
      await refuseUnacceptedFiles(files);
    } catch (error) {
      await removeTemporaryFiles(ctx.request.files);
      throw error;
    }
  }
  await next();
};

/** Whatever is served under /uploads is served so that no browser runs it (it must wrap strapi::public). */
export const sandboxUploads = (strapi: any) => {
  const uploadsDir = path.join(strapi.dirs.static.public, 'uploads');
  return async (ctx: any, next: () => Promise<void>) => {
    await next();
    sandboxUpload(ctx, uploadsDir);
  };
};

const capability: Capability = {
  middlewares: {
    // Both, for a host that lists it after strapi::body and before strapi::public.
    uploads: (_config: unknown, { strapi }: { strapi: any }) => {
      const check = checkUploads();
      const sandbox = sandboxUploads(strapi);
      return (ctx: any, next: () => Promise<void>) => sandbox(ctx, () => check(ctx, next));
    },
  },
};

export default capability;
