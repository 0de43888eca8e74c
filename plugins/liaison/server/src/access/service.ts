import type { Core } from '@strapi/strapi';
import type { NetworkScope } from './types';

/** Roles that see the whole network. */
const WHOLE_NETWORK_ROLES = ['strapi-super-admin'];
const WHOLE_NETWORK_ROLE_NAMES = ['Alumni Office Staff'];

/**
 * What of the network an admin user may see and change: one indexed query each on the
 * college and chapter link tables. Through the query engine, so that it joins the
 * caller's transaction (a second connection would wait for ever on SQLite).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async scopeOf(user: { id: number; roles?: { code?: string; name?: string }[] } | null | undefined): Promise<NetworkScope> {
    if (!user) return { all: false, colleges: [], chapters: [] };
    const roles = user.roles ?? [];
    if (roles.some((r) => WHOLE_NETWORK_ROLES.includes(r.code ?? '') || WHOLE_NETWORK_ROLE_NAMES.includes(r.name ?? ''))) {
      return { all: true };
    }
    const [colleges, chapters] = await Promise.all([
      strapi.db.query('plugin::liaison.college').findMany({ where: { staff: { id: user.id } }, select: ['id'] }),
      strapi.db.query('plugin::liaison.chapter').findMany({ where: { editors: { id: user.id } }, select: ['id'] }),
    ]);
    return { all: false, colleges: colleges.map((c) => Number(c.id)), chapters: chapters.map((c) => Number(c.id)) };
  },
});
