import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SCOPE_FIELD, type Dimension } from '../rules/liaison-post';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, requestLanguage, validationError } from '../utils/errors';
import { postLabelIn } from '../services/post-labels';
import { withHistory, type Actor } from './history';
import { ALUMNI, POSTS, SCOPE_UID, assertCanAct, type Scope } from './scope';
import type { Locale } from './templates';

export type User = any;

export const bad = (problems: FieldError[]) => {
  if (problems.length) throw validationError(problems);
};
export const notFound = (what: string) => new errors.NotFoundError(`${what} not found`);

export const person = { select: ['id', 'documentId', 'name', 'email', 'phone', 'alumnusStatus', 'language'] };
/** The language an alumnus reads their mail in: their own, else the given default. */
export const languageOf = (alumnus: { language?: string | null } | null | undefined, fallback: Locale): Locale =>
  alumnus?.language === 'en' || alumnus?.language === 'zh-Hans' ? alumnus.language : fallback;
export const named = (uid: string) => ({
  select: uid === SCOPE_UID.cohort ? ['id', 'documentId', 'className', 'code'] : ['id', 'documentId', 'name'],
});
const POST_POPULATE = {
  alumnus: person,
  nominator: person,
  successor: { select: ['id', 'documentId'] },
  cohort: { ...named(SCOPE_UID.cohort), populate: { college: { select: ['id'] } } },
  college: named(SCOPE_UID.college),
  chapter: named(SCOPE_UID.region),
  industry: named(SCOPE_UID.industry),
};

export const scopeOfRow = (row: any): Scope | null => {
  const dimension = row.dimension as Dimension;
  const s = row[SCOPE_FIELD[dimension]];
  if (!s) return null;
  return {
    dimension,
    id: s.id,
    documentId: s.documentId,
    name: dimension === 'cohort' ? (s.className ?? s.code) : s.name,
    collegeId: dimension === 'cohort' ? (s.college?.id ?? null) : dimension === 'college' ? s.id : null,
  };
};

/** A post as the API returns it. */
const present = (row: any) => {
  const scope = scopeOfRow(row);
  return {
    documentId: row.documentId,
    label: postLabelIn(row.label, requestLanguage()),
    dimension: row.dimension,
    scope: scope ? { documentId: scope.documentId, name: scope.name } : null,
    alumnus: row.alumnus ? { documentId: row.alumnus.documentId, name: row.alumnus.name } : null,
    role: row.role,
    postStatus: row.postStatus,
    termStart: row.termStart,
    termEnd: row.termEnd ?? null,
    nominationSource: row.nominationSource ?? null,
    nominator: row.nominator ? { documentId: row.nominator.documentId, name: row.nominator.name } : null,
    nominationReason: row.nominationReason ?? null,
    rejectionReason: row.rejectionReason ?? null,
    endReason: row.endReason ?? null,
    endNote: row.endNote ?? null,
    successor: row.successor ? { documentId: row.successor.documentId } : null,
  };
};

/** How the service's parts read, show and write posts. */
export const postStore = (strapi: Core.Strapi) => {
  const posts = () => strapi.db.query(POSTS as any);
  const loadPost = (documentId: string) =>
    typeof documentId === 'string' && documentId ? (posts().findOne({ where: { documentId }, populate: POST_POPULATE }) as Promise<any>) : Promise.resolve(null);
  const findAlumnus = (documentId: unknown) =>
    typeof documentId === 'string' && documentId
      ? (strapi.db.query(ALUMNI as any).findOne({ where: { documentId }, populate: { cohort: { select: ['id'] } } }) as Promise<any>)
      : Promise.resolve(null);

  return {
    posts,
    loadPost,
    findAlumnus,

    /** The post and its scope, 404 when unknown, 403 when outside the user's colleges. */
    async postFor(documentId: string, user: User) {
      const row = await loadPost(documentId);
      if (!row) throw notFound('Post');
      const scope = scopeOfRow(row);
      if (!scope) throw conflictError([fieldError('scope', 'assignment.noScopeOnPost')]);
      await assertCanAct(strapi, user, scope);
      return { row, scope };
    },

    update: (label: { action: string; reason?: string | null; by: Actor | null }, documentId: string, data: Record<string, unknown>) =>
      strapi.documents(POSTS as any).update(withHistory({ documentId, data: data as any }, { action: label.action, reason: label.reason ?? null, by: label.by ?? undefined })),

    /** A raw query in the caller's transaction (SQLite has one connection: outside it, it would wait forever). */
    raw: (sql: string, bindings: unknown[]) => strapi.db.transaction(({ trx }) => trx.raw(sql, bindings as any)),

    reload: async (documentId: string) => present(await loadPost(documentId)),
  };
};

export type PostStore = ReturnType<typeof postStore>;
