import type { Core } from '@strapi/strapi';

interface RouterLike {
  methods: string[];
  match: (path: string, method: string) => { path: { methods: string[] }[] };
}

/** The methods Strapi's router has for a path: those of the routes whose pattern matches it. */
export const methodsOf = (router: RouterLike, path: string) => [...new Set(router.match(path, 'GET').path.flatMap((layer) => layer.methods))];

/**
 * A method the router does not implement (TRACE, PROPFIND …) on a path it routes answers
 * 405 with the path's methods in `Allow`, as the methods it implements already do (the
 * router itself would answer 501). OPTIONS stays the router's (its methods in `Allow`),
 * and a CORS preflight stays `strapi::cors`'s, which answers it before this runs.
 */
export const allowedMethodsMiddleware = (strapi: Core.Strapi) => async (ctx: any, next: () => Promise<unknown>) => {
  const router = strapi.server.router as unknown as RouterLike;
  if (router.methods.includes(ctx.method)) return next();
  const allowed = methodsOf(router, ctx.path);
  if (!allowed.length) return next();
  ctx.status = 405;
  ctx.set('Allow', allowed.join(', '));
  ctx.body = {
    data: null,
    error: { status: 405, name: 'MethodNotAllowedError', message: `${ctx.method} is not allowed here (${allowed.join(', ')})`, details: {} },
  };
};
