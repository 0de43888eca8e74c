import { refuseUnacceptedFiles } from './check';

/**
 * The upload service with the allowlist in front of `upload` and `replace`, which store
 * every file: the admin's and the content API's routes, the admin's import from URLs, and
 * code (the demo's covers). Installed by src/extensions/upload/strapi-server.ts.
 */
export const guardUploadService =
  (factory: (deps: { strapi: any }) => any) =>
  (deps: { strapi: any }) => {
    const service = factory(deps);
    return {
      ...service,
      async upload(args: { files?: any }, opts?: unknown) {
        await refuseUnacceptedFiles(args?.files);
        return service.upload(args, opts);
      },
      async replace(id: unknown, args: { file?: any }, opts?: unknown) {
        await refuseUnacceptedFiles(args?.file);
        return service.replace(id, args, opts);
      },
    };
  };
