import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SCOPE_FIELD, type Dimension } from '../rules';
import { columnOf, joinOf, tableOf } from '../utils/db';
import type { NetworkScope } from '../access/types';
import { requestLanguage } from '../utils/errors';
import { findScope, type Scope } from '../assignment/scope';
import { postLabelIn } from '../services/post-labels';
import type { ScopePost } from '../admin-api-types';

/** Loads a scope by documentId, or 404. */
export const findScopeOr404 = async (strapi: Core.Strapi, dimension: Dimension, documentId: string): Promise<Scope> => {
  const scope = await findScope(strapi, dimension, documentId);
  if (!scope) throw new errors.NotFoundError(`No ${dimension} scope with documentId ${documentId}`);
  return scope;
};

/** Whether a user limited to some colleges and chapters may see this scope. */
export const scopeVisible = (access: NetworkScope, scope: Scope) => {
  if (access.all) return true;
  if (scope.dimension === 'cohort' || scope.dimension === 'college') {
    return scope.collegeId !== null && access.colleges.includes(scope.collegeId);
  }
  if (scope.dimension === 'region') return access.chapters.includes(scope.id);
  return false;
};

/** The posts of one scope with their holders, newest term first: one query. */
export const postsOfScope = async (strapi: Core.Strapi, scope: Scope): Promise<ScopePost[]> => {
  const POST = 'plugin::liaison.liaison';
  const ALUMNUS = 'plugin::liaison.alumnus';
  const posts = tableOf(strapi, POST);
  const alumni = tableOf(strapi, ALUMNUS);
  const scopeLink = joinOf(strapi, POST, SCOPE_FIELD[scope.dimension]);
  const holderLink = joinOf(strapi, POST, 'alumnus');
  const c = (attribute: string) => `p.${columnOf(strapi, POST, attribute)}`;
  const rows = await strapi.db
    .connection(`${posts} as p`)
    .join(`${scopeLink.table} as sl`, `sl.${scopeLink.from}`, 'p.id')
    .leftJoin(`${holderLink.table} as hl`, `hl.${holderLink.from}`, 'p.id')
    .leftJoin(`${alumni} as a`, 'a.id', `hl.${holderLink.to}`)
    .where(`sl.${scopeLink.to}`, scope.id)
    .select({
      documentId: c('documentId'),
      label: c('label'),
      role: c('role'),
      postStatus: c('postStatus'),
      provisional: c('provisional'),
      trainingDeadline: c('trainingDeadline'),
      termStart: c('termStart'),
      termEnd: c('termEnd'),
      nominationReason: c('nominationReason'),
      rejectionReason: c('rejectionReason'),
      endReason: c('endReason'),
      alumnusDocumentId: `a.${columnOf(strapi, ALUMNUS, 'documentId')}`,
      alumnusName: `a.${columnOf(strapi, ALUMNUS, 'name')}`,
    })
    .orderBy([{ column: c('termStart'), order: 'desc' }, { column: 'p.id', order: 'desc' }]);
  const language = requestLanguage();
  return rows.map((row: Record<string, any>) => ({
    documentId: row.documentId,
    label: postLabelIn(row.label, language),
    role: row.role,
    postStatus: row.postStatus,
    provisional: row.provisional === true || row.provisional === 1,
    trainingDeadline: dateOnly(row.trainingDeadline),
    termStart: dateOnly(row.termStart),
    termEnd: dateOnly(row.termEnd),
    nominationReason: row.nominationReason,
    rejectionReason: row.rejectionReason,
    endReason: row.endReason,
    alumnus: row.alumnusDocumentId ? { documentId: row.alumnusDocumentId, name: row.alumnusName } : null,
  }));
};

/** Date columns come back as strings on SQLite and as Date objects from pg. */
const dateOnly = (value: unknown) =>
  value instanceof Date
    ? `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`
    : (value as string | null);
