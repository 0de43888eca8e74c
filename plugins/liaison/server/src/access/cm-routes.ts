import type { Core } from '@strapi/strapi';

type Middleware = (ctx: any, next: () => Promise<unknown>) => Promise<unknown>;

/**
 * Adds a middleware to one of the Content Manager's admin routes, after its own: the
 * route's configuration, read before the server mounts it (in the register phase).
 */
export const addContentManagerMiddleware = (strapi: Core.Strapi, method: string, path: string, middleware: Middleware) => {
  const routes: any[] = (strapi.plugin('content-manager') as any).routes?.admin?.routes ?? [];
  const route = routes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`liaison access: the Content Manager route ${method} ${path} was not found`);
  route.config = { ...(route.config ?? {}), middlewares: [...(route.config?.middlewares ?? []), middleware] };
};
