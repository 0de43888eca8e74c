import type { Modules } from '@strapi/strapi';

/** One step of the write pipeline (writes/pipeline.ts): a Document Service middleware. */
export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
