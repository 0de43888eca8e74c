import type { Core } from '@strapi/strapi';

/**
 * The public role's permissions, which users-permissions reads from the database on
 * every unauthenticated request (a join over three tables) before it lets the request
 * through: kept in memory instead, and dropped with the public cache on any write of a
 * permission or role, in this instance or (NOTIFY) another. A read that began before a
 * write does not store what it read. Like the cache, it is used on PostgreSQL only while
 * this instance listens for the other instances' writes.
 */
export class PublicPermissions {
  private value: Promise<unknown[]> | null = null;
  private storedAt = 0;
  private generation = 0;

  constructor(private ttlMs: number) {}

  get(load: () => Promise<unknown[]>): Promise<unknown[]> {
    if (this.value && Date.now() - this.storedAt < this.ttlMs) return this.value;
    const generation = this.generation;
    const loading = load();
    loading.then(
      () => {
        if (generation !== this.generation) return;
        this.value = loading;
        this.storedAt = Date.now();
      },
      () => undefined,
    );
    return loading;
  }

  clear() {
    this.generation += 1;
    this.value = null;
  }
}

/** Routes users-permissions' public-role lookup through the memo while `usable()` says it may be trusted. */
export const keepPublicPermissions = (strapi: Core.Strapi, memo: PublicPermissions, usable: () => boolean) => {
  const permissions = strapi.plugin('users-permissions')?.service('permission') as
    | { findPublicPermissions: () => Promise<unknown[]> }
    | undefined;
  if (!permissions) return;
  const find = permissions.findPublicPermissions.bind(permissions);
  permissions.findPublicPermissions = () => (usable() ? memo.get(find) : find());
};
