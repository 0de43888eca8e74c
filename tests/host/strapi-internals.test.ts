/**
 * What the plugin relies on in Strapi that Strapi does not document as a stable API. Each is
 * named here with what uses it, so that a Strapi upgrade that moves one fails this test by
 * name, not a scoped user's refusal somewhere else. Everything else goes through documented
 * APIs (Document Service, db.query, RBAC action and condition providers, admin hooks).
 */
import fs from 'fs';
import path from 'path';
import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { PICKER_PATH } from '../../plugins/liaison/server/src/access/pickers';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

const cmRoute = (method: string, routePath: string) =>
  ((strapiApp().plugin('content-manager') as any).routes?.admin?.routes ?? []).find((r: any) => r.method === method && r.path === routePath);

describe('Strapi internals the plugin depends on', () => {
  it('the Content Manager admin routes that access/query-routes.ts, access/pickers.ts and board/cm-search.ts add their checks to', () => {
    // The list route: scoped users' filters and sort on fields they may not read are refused there.
    expect(cmRoute('GET', '/collection-types/:model')).toBeTruthy();
    // The relation picker ("available relations"): scoped to what the user may link; its search
    // of alumni by name answered through the search indexes (both change the parsed query in place).
    expect(cmRoute('GET', PICKER_PATH)).toBeTruthy();
  });

  it('the Content Manager content-types service that services/cm-layout.ts configures list and edit views with', () => {
    const cm = strapiApp().plugin('content-manager').service('content-types') as any;
    for (const method of ['findConfiguration', 'updateConfiguration', 'syncConfigurations']) expect(typeof cm[method]).toBe('function');
  });

  it('the admin permission engine that access/query-guard.ts asks for a user’s ability', () => {
    const permission = strapiApp().service('admin::permission') as any;
    expect(typeof permission.engine?.generateUserAbility).toBe('function');
  });

  it('the API token lookup that website/callers.ts uses to know the website’s read-only token', () => {
    const tokens = strapiApp().service('admin::api-token-content-api') as any;
    expect(typeof tokens?.getByAccessKey).toBe('function');
    expect(typeof tokens?.hash).toBe('function');
  });

  it('what website/public-role.ts decides an anonymous reader with: users-permissions’ read of the Public role’s permissions and the content-API permission engine', () => {
    const permissions = strapiApp().plugin('users-permissions').service('permission') as any;
    expect(typeof permissions.findPublicPermissions).toBe('function');
    expect(permissions.toContentAPIPermission({ action: 'plugin::liaison.story.find', role: 1 })).toEqual({ action: 'plugin::liaison.story.find' });
    expect(typeof (strapiApp() as any).contentAPI.permissions.engine.generateAbility).toBe('function');
  });

  it('the Content Manager list-view hooks strings/enum-display.tsx registers (values and filters in words)', () => {
    const hooks = fs.readFileSync(
      path.join(path.dirname(require.resolve('@strapi/content-manager/package.json')), 'dist/admin/constants/hooks.mjs'),
      'utf8'
    );
    expect(hooks).toContain("'Admin/CM/pages/ListView/inject-column-in-table'");
    expect(hooks).toContain("'Admin/CM/pages/ListView/inject-in-filters'");
  });
});
