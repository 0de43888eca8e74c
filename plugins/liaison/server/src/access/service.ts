import type { Core } from '@strapi/strapi';
import { joinOf } from '../utils/db';
import type { NetworkScope } from './types';

/** Roles that see the whole network. */
const WHOLE_NETWORK_ROLES = ['strapi-super-admin'];
const WHOLE_NETWORK_ROLE_NAMES = ['Alumni Office Staff'];

/**
 * What of the network an admin user may see and change: one indexed query on the
 * college and chapter link tables.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async scopeOf(user: { id: number; roles?: { code?: string; name?: string }[] } | null | undefined): Promise<NetworkScope> {
    if (!user) return { all: false, colleges: [], chapters: [] };
    const roles = user.roles ?? [];
    if (roles.some((r) => WHOLE_NETWORK_ROLES.includes(r.code ?? '') || WHOLE_NETWORK_ROLE_NAMES.includes(r.name ?? ''))) {
      return { all: true };
    }
    const staff = joinOf(strapi, 'plugin::liaison.college', 'staff');
    const editors = joinOf(strapi, 'plugin::liaison.chapter', 'editors');
    const db = strapi.db.connection;
    const [colleges, chapters] = await Promise.all([
      db(staff.table).where(staff.to, user.id).pluck(staff.from),
      db(editors.table).where(editors.to, user.id).pluck(editors.from),
    ]);
    return { all: false, colleges: colleges.map(Number), chapters: chapters.map(Number) };
  },
});
