import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The Public role's permissions, read from users-permissions (its own `findPublicPermissions`)
 * and held between writes. users-permissions' strategy reads them from the database and builds
 * their ability on every anonymous request; for the website's reads that was a second round
 * trip beside the list's one statement, a quarter of an uncached answer's cost. A write of a
 * permission or a role (or of anything the website shows) clears what is held, on every
 * instance (invalidation.ts: the announcement that clears the public cache), and nothing is
 * held while this instance cannot hear the others (PostgreSQL without its LISTEN connection).
 */
export class PublicRole {
  private held: Promise<unknown | null> | null = null;

  constructor(
    private strapi: Core.Strapi,
    private trusted: () => boolean
  ) {}

  /** The Public role's ability, or null when the role may do nothing. */
  ability(): Promise<unknown | null> {
    if (!this.trusted()) return this.read();
    if (!this.held) {
      // A write clears `held`: a read begun before it answers its own callers and is not kept.
      const reading = this.read();
      this.held = reading;
      reading.catch(() => {
        if (this.held === reading) this.held = null;
      });
    }
    return this.held;
  }

  clear() {
    this.held = null;
  }

  private async read() {
    const permissions = this.strapi.plugin('users-permissions').service('permission') as any;
    const actions = ((await permissions.findPublicPermissions()) as Array<{ action: string }>).map(permissions.toContentAPIPermission);
    return actions.length ? this.strapi.contentAPI.permissions.engine.generateAbility(actions as Array<{ action: string }>) : null;
  }
}

/**
 * A content-API auth strategy for the website's public reads (routes.ts names it first): a
 * request without an Authorization header is the Public role, decided as users-permissions
 * decides it (the route's scope, every action of it allowed to the role) with the role's
 * permissions held by `PublicRole`. A request with a header is left to Strapi's strategies
 * (API tokens, then users-permissions' signed-in users), which the route names after it.
 */
export const publicRoleStrategy = (strapi: Core.Strapi) => ({
  name: 'liaison-public-role',
  async authenticate(ctx: any) {
    if (ctx.get('authorization')) return { authenticated: false };
    const ability = await (strapi.plugin('liaison').service('website') as any).publicRole().ability();
    return ability ? { authenticated: true, credentials: null, ability } : { authenticated: false };
  },
  verify(auth: { ability?: { can(action: string): boolean } | null }, config: { scope?: string | string[] } = {}) {
    const scopes = config.scope === undefined ? [] : ([] as string[]).concat(config.scope);
    // As users-permissions: an anonymous caller may use only routes that name their actions.
    if (!scopes.length || !auth.ability) throw new errors.UnauthorizedError();
    if (!scopes.every((scope) => auth.ability!.can(scope))) throw new errors.ForbiddenError();
  },
});
