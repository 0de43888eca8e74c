import type { Core } from '@strapi/strapi';
import { fieldError, type FieldError } from '../rules/field-error';

const ALUMNUS = 'plugin::liaison.alumnus';

/**
 * The alumni a request names by documentId, found in one query; each one unknown or named
 * a second time is a problem at its place in the request (`alumni[2]`, or `alumnus`).
 */
export const namedAlumni = async (strapi: Core.Strapi, documentIds: string[], pathOf: (i: number) => string, select: string[] = ['id', 'documentId']) => {
  const found: any[] = documentIds.length
    ? await strapi.db.query(ALUMNUS as any).findMany({ where: { documentId: { $in: documentIds } }, select: [...new Set(['documentId', ...select])] })
    : [];
  const byDocumentId = new Map<string, any>(found.map((f) => [f.documentId, f]));
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  documentIds.forEach((a, i) => {
    if (!byDocumentId.has(a)) problems.push(fieldError(pathOf(i), 'assignment.noAlumnus'));
    else if (seen.has(a)) problems.push(fieldError(pathOf(i), 'honours.namedTwice'));
    seen.add(a);
  });
  return { byDocumentId, problems };
};
