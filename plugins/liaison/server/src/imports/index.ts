import type { Capability } from '../capabilities';
import { ACTIONS, routesOf } from '../permissions';
import { requestLanguage } from '../utils/errors';
import controller from './controller';
import service from './service';
import { importValidationError } from './errors';

const route = routesOf('imports');
const RESUME = 'liaison:imports-resume';

/** Strapi's body parser answers 413 for a file over its limit: for an import, a 400 naming the file. */
const tooBigAsBadRequest = (strapi: any) => async (ctx: any, next: () => Promise<void>) => {
  await next();
  if (ctx.status !== 413 || ctx.method !== 'POST' || !/^\/liaison\/imports(\/preview)?\/?$/.test(ctx.path)) return;
  const body = (strapi.config.get('middlewares') as unknown[]).find((m: any) => m === 'strapi::body' || m?.name === 'strapi::body') as any;
  const limit = Number(body?.config?.formidable?.maxFileSize ?? 200 * 1024 * 1024);
  const lang = requestLanguage();
  const error = importValidationError(
    [{ path: 'file', id: 'imports.file.tooBig', values: { file: lang === 'zh-Hans' ? '文件' : 'the file', limit: Math.round((limit / 1024 / 1024) * 10) / 10 } }],
    lang
  );
  ctx.status = 400;
  ctx.body = { data: null, error: { status: 400, name: error.name, message: error.message, details: error.details } };
};

/**
 * Import (导入): the registrar's CSV and XLSX files of alumni, checked row by row, matched
 * to colleges, classes and industry groups, and written in one transaction as a job that
 * runs once across instances.
 */
const capability: Capability = {
  adminRoutes: [
    route('POST', '/imports/preview', 'preview', ACTIONS.runImports),
    route('POST', '/imports', 'create', ACTIONS.runImports),
    route('GET', '/imports', 'list', ACTIONS.runImports),
    route('GET', '/imports/:documentId', 'findOne', ACTIONS.runImports),
    route('GET', '/imports/:documentId/rejected.csv', 'rejected', ACTIONS.runImports),
    route('GET', '/imports/:documentId/rejected', 'rejectedRows', ACTIONS.runImports),
  ],
  controllers: { imports: controller },
  services: { imports: service },
  // Before every configured middleware (body parser included), so that it sees the 413.
  register: ({ strapi }) => {
    strapi.server.use(tooBigAsBadRequest(strapi));
  },
  // Imports whose instance stopped are taken over, once a minute when cron is on. Not a
  // jobs.runOnce job: that would run the import inside the ledger's transaction. Each import
  // is claimed by one instance only (a conditional UPDATE), so every instance may look.
  bootstrap: ({ strapi }) => {
    if (!strapi.config.get('server.cron.enabled', true)) return;
    strapi.cron.add({
      [RESUME]: {
        task: () =>
          strapi
            .plugin('liaison')
            .service('imports')
            .resumeStale()
            .catch((error: Error) => strapi.log.error(`imports: resuming failed: ${error.message}`)),
        options: { rule: '*/1 * * * *' },
      },
    });
  },
  destroy: ({ strapi }) => {
    if (strapi.config.get('server.cron.enabled', true)) strapi.cron.remove(RESUME);
  },
};

export default capability;
