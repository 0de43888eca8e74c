import type { Core } from '@strapi/strapi';
import { conditionQuery, type ScopeKind } from './rules';
import { scopeForRequest } from './request';

/** RBAC condition ids, as roles store them. Never rename: stored permissions refer to them. */
export const CONDITIONS = {
  ownColleges: 'plugin::liaison.own-colleges',
  ownChapters: 'plugin::liaison.own-chapters',
} as const;

/**
 * "Within their own colleges" / "within their own chapters": the handler gets the admin
 * user merged with the permission, and answers for the permission's subject (posts by
 * their cohort's college or their college, cohorts and alumni by college, colleges
 * themselves; posts, alumni and chapters by chapter). `false` drops the permission.
 */
const handler = (strapi: Core.Strapi, kind: ScopeKind) => async (user: any) => {
  const subject = user?.permission?.subject ?? user?.subject;
  if (!user?.id || !subject) return false;
  const scope = await scopeForRequest(strapi, user);
  if (scope.all) return true;
  return conditionQuery(subject, kind, kind === 'college' ? scope.colleges : scope.chapters);
};

export const registerConditions = async (strapi: Core.Strapi) => {
  await strapi.service('admin::permission').conditionProvider.registerMany([
    {
      displayName: 'Within their own colleges (仅限本人负责的学院)',
      name: 'own-colleges',
      plugin: 'liaison',
      category: 'Liaison network (校友联络网络)',
      handler: handler(strapi, 'college'),
    },
    {
      displayName: 'Within their own chapters (仅限本人编辑的地区校友会)',
      name: 'own-chapters',
      plugin: 'liaison',
      category: 'Liaison network (校友联络网络)',
      handler: handler(strapi, 'chapter'),
    },
  ]);
};
