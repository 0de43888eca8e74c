import { rm } from 'fs/promises';
import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';
import { requestLanguage } from '../utils/errors';
import { IMPORT_FIELDS } from './columns';
import { importForbidden, importValidationError, type RequestProblem } from './errors';
import { ImportFileError } from './read';
import { notFound } from './service';

/**
 * The import's admin routes: thin. The request is checked with zod (400 naming the field),
 * the service checks the file and queues the import; the job starts on this instance once
 * the answer (202) is written.
 */

/** Multipart fields arrive as text: JSON objects are parsed before they are checked. */
const json = (value: unknown) => {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return Symbol('not JSON');
  }
};

const bool = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

export const importInput = z
  .object({
    dryRun: bool.optional(),
    mapping: z.preprocess(json, z.record(z.string().min(1).max(200), z.enum(IMPORT_FIELDS).or(z.literal('')).nullable())).optional(),
    create: z
      .preprocess(json, z.object({ colleges: bool.optional(), cohorts: bool.optional(), industries: bool.optional() }).strict())
      .optional(),
  })
  .strict();

/** zod's issues as the import's problems. */
const problemsOf = (error: z.ZodError, body: Record<string, unknown>): RequestProblem[] =>
  error.issues.map((issue) => {
    const [head, key] = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys?: string[] }).keys ?? [];
      return { path: head ? `${head}.${keys[0]}` : keys[0] ?? 'body', id: head === 'create' ? 'imports.create.json' : 'imports.unknownParameter' };
    }
    if (head === 'dryRun') return { path: 'dryRun', id: 'imports.boolean' };
    if (head === 'mapping') {
      if (key === undefined) return { path: 'mapping', id: 'imports.mapping.json' };
      const mapping = json(body.mapping) as Record<string, unknown>;
      return { path: `mapping.${key}`, id: 'imports.mapping.field', values: { value: String(mapping?.[key]), fields: IMPORT_FIELDS.join(', ') } };
    }
    if (head === 'create') return { path: key ? `create.${key}` : 'create', id: key ? 'imports.boolean' : 'imports.create.json' };
    return { path: head ?? 'body', id: 'imports.unknownParameter' };
  });

/** POST /liaison/imports/preview: the file, and optionally a mapping and how many rows to show. */
export const previewInput = z
  .object({
    mapping: importInput.shape.mapping,
    rows: z.coerce.number().int().min(1).max(50).optional(),
  })
  .strict();

const pageQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(100000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/** page and pageSize of a list, or a 400 naming the parameter. */
const parsePage = (query: unknown, lang: ReturnType<typeof requestLanguage>) => {
  const parsed = pageQuery.safeParse(query ?? {});
  if (parsed.success) return parsed.data;
  throw importValidationError(
    parsed.error.issues.map((i) => {
      const head = String(i.path[0] ?? (i as { keys?: string[] }).keys?.[0] ?? 'query');
      return head === 'page' || head === 'pageSize'
        ? { path: head, id: 'imports.page', values: { min: 1, max: head === 'page' ? 100000 : 100 } }
        : { path: head, id: 'imports.unknownParameter' };
    }),
    lang
  );
};

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.plugin('liaison').service('imports');

  return {
    /** POST /liaison/imports (multipart: file, mapping?, dryRun, create?) → 202 */
    async create(ctx: any) {
      const lang = requestLanguage();
      const uploads = ctx.request.files ?? {};
      const all = Object.values(uploads).flat() as any[];
      const removeUploads = () => Promise.all(all.map((f) => (f?.filepath ? rm(f.filepath, { force: true }) : undefined)));
      let documentId: string;
      try {
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const file = uploads.file;
        if (!file) throw importValidationError([{ path: 'file', id: 'imports.file.missing' }], lang);
        if (Array.isArray(file) || all.length > 1) throw importValidationError([{ path: 'file', id: 'imports.oneFile' }], lang);
        const parsed = importInput.safeParse(body);
        if (!parsed.success) throw importValidationError(problemsOf(parsed.error, body), lang);
        const { dryRun = false, mapping = {}, create = {} } = parsed.data;
        const scope = await strapi.plugin('liaison').service('access').scopeOf(ctx.state.user);
        if (!scope.all) {
          // College Staff import into their own colleges: new classes there, nothing network-wide.
          for (const what of ['colleges', 'industries'] as const) {
            if (create[what]) throw importForbidden({ path: `create.${what}`, id: 'imports.create.scope', values: { what } }, lang);
          }
        }
        const fileName = String(file.originalFilename ?? file.name ?? 'upload');
        ({ documentId } = await service().enqueue({
          path: file.filepath ?? file.path,
          fileName,
          dryRun,
          mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v || null])),
          create,
          user: ctx.state.user,
          source: 'admin',
        }));
      } catch (error) {
        await removeUploads();
        if (error instanceof ImportFileError) {
          const all = ((error as any).all as RequestProblem[] | undefined) ?? [{ path: error.path, id: error.id, values: error.values }];
          throw importValidationError(all, lang);
        }
        throw error;
      }
      ctx.status = 202;
      ctx.body = { data: await service().findOne(documentId, null, lang) };
      // The job runs here once the answer has gone; another instance takes it over if this one stops.
      setImmediate(() => {
        service()
          .run(documentId)
          .catch((error: Error) => strapi.log.error(`import ${documentId}: ${error.message}`));
      });
    },

    /** POST /liaison/imports/preview (multipart: file, mapping?, rows?) → 200: the header, first rows and columns; nothing kept */
    async preview(ctx: any) {
      const lang = requestLanguage();
      const uploads = ctx.request.files ?? {};
      const all = Object.values(uploads).flat() as any[];
      try {
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const file = uploads.file;
        if (!file) throw importValidationError([{ path: 'file', id: 'imports.file.missing' }], lang);
        if (Array.isArray(file) || all.length > 1) throw importValidationError([{ path: 'file', id: 'imports.oneFile' }], lang);
        const parsed = previewInput.safeParse(body);
        if (!parsed.success) {
          const problems = problemsOf(parsed.error, body).map((p) =>
            p.path === 'rows' ? { path: 'rows', id: 'imports.page', values: { min: 1, max: 50 } } : p
          );
          throw importValidationError(problems, lang);
        }
        const { mapping = {}, rows } = parsed.data;
        const data = await service().preview(
          {
            path: file.filepath ?? file.path,
            fileName: String(file.originalFilename ?? file.name ?? 'upload'),
            mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [k, v || null])),
            rows,
            user: ctx.state.user,
          },
          lang
        );
        ctx.body = { data };
      } catch (error) {
        if (error instanceof ImportFileError) {
          const all = ((error as any).all as RequestProblem[] | undefined) ?? [{ path: error.path, id: error.id, values: error.values }];
          throw importValidationError(all, lang);
        }
        throw error;
      } finally {
        await Promise.all(all.map((f) => (f?.filepath ? rm(f.filepath, { force: true }) : undefined)));
      }
    },

    /** GET /liaison/imports?page=&pageSize= */
    async list(ctx: any) {
      const lang = requestLanguage();
      ctx.body = await service().list(parsePage(ctx.query, lang), ctx.state.user, lang);
    },

    /** GET /liaison/imports/:documentId */
    async findOne(ctx: any) {
      const lang = requestLanguage();
      const data = await service().findOne(String(ctx.params.documentId), ctx.state.user, lang);
      if (!data) throw notFound(lang);
      ctx.body = { data };
    },

    /** GET /liaison/imports/:documentId/rejected?page=&pageSize= */
    async rejectedRows(ctx: any) {
      const lang = requestLanguage();
      const query = parsePage(ctx.query, lang);
      const found = await service().rejectedRows(String(ctx.params.documentId), query, ctx.state.user, lang);
      if (!found) throw notFound(lang);
      ctx.body = found;
    },

    /** GET /liaison/imports/:documentId/rejected.csv */
    async rejected(ctx: any) {
      const lang = requestLanguage();
      const found = await service().rejected(String(ctx.params.documentId), ctx.state.user, lang);
      if (!found) throw notFound(lang);
      const base = found.fileName.replace(/\.[^.]*$/, '');
      const name = `${base}.rejected.csv`;
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = found.csv;
    },
  };
};
