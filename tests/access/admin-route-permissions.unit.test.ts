import adminRoutes from '../../plugins/liaison/server/src/routes/admin';
import { ALL_ACTIONS } from '../../plugins/liaison/server/src/permissions';

/**
 * Every admin route of the plugin is behind a signed-in admin and one of the plugin's own
 * registered RBAC actions (routes declare them through `requires(...)` in permissions.ts).
 */
describe('admin routes of the liaison plugin', () => {
  it.each(adminRoutes.routes.map((r: any) => [`${r.method} ${r.path}`, r]))('%s needs a signed-in admin and a plugin action', (_name, route: any) => {
    const policies = route.config?.policies ?? [];
    expect(policies).toContain('admin::isAuthenticatedAdmin');
    const check = policies.find((p: any) => typeof p === 'object' && p.name === 'admin::hasPermissions');
    expect(check?.config?.actions?.length).toBeGreaterThan(0);
    for (const action of check.config.actions) expect(ALL_ACTIONS).toContain(action);
  });
});
