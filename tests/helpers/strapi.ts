import path from 'path';
import request from 'supertest';
import type { Core } from '@strapi/strapi';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createStrapi } = require('@strapi/strapi');

let instance: Core.Strapi | null = null;

const appDir = path.resolve(__dirname, '../..');

/** Boots the compiled app (global-setup compiled it) on the run's fresh database. */
export async function setupStrapi(): Promise<Core.Strapi> {
  if (instance) return instance;
  const app = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  await app.load();
  await app.server.mount();
  instance = app;
  return app;
}

/** Set while a capability's group of cases (./cases.ts) runs on one boot: their own teardowns wait for its end. */
let keptForGroup = false;
export function keepStrapiForGroup() {
  keptForGroup = true;
  afterAll(async () => {
    keptForGroup = false;
    await teardownStrapi();
  });
}

export async function teardownStrapi() {
  if (!instance || keptForGroup) return;
  const app = instance;
  instance = null;
  await app.server.httpServer.close();
  await app.destroy();
}

export const http = () => request(strapiApp().server.httpServer);

export const strapiApp = (): Core.Strapi => {
  if (!instance) throw new Error('setupStrapi() first');
  return instance;
};

let counter = 0;
/** A value no other test uses, for unique fields. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

/** A super admin's JWT for the admin API (Content Manager). */
export async function adminToken(): Promise<string> {
  const app = strapiApp();
  const email = `tester-${process.pid}@liaison.test`;
  const password = 'Tester-Pass-2026';
  const users = app.service('admin::user');
  const existing = await app.db.query('admin::user').findOne({ where: { email } });
  if (!existing) {
    const superAdmin = await app.service('admin::role').getSuperAdmin();
    await users.create({ email, firstname: 'Test', lastname: 'Admin', password, isActive: true, roles: [superAdmin.id] });
  }
  const res = await http().post('/admin/login').send({ email, password });
  if (res.status !== 200) throw new Error(`admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data.token;
}

/** The Content Manager's admin API, as the admin panel calls it. */
export const CM = '/content-manager/collection-types';

/** Requests signed with a bearer token: an admin JWT or an API token. */
export const withToken = (token: string) => {
  const signed = (method: 'get' | 'post' | 'put' | 'delete') => (url: string) =>
    http()[method](url).set('Authorization', `Bearer ${token}`);
  return { get: signed('get'), post: signed('post'), put: signed('put'), delete: signed('delete') };
};
