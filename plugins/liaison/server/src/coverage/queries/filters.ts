import { UID, type Sql } from './context';

/** The id of the college with this documentId, or null. */
export const collegeIdOf = async ({ strapi, t, docId }: Sql, documentId: string): Promise<number | null> => {
  const college = await strapi.db.connection(t(UID.college)).where(docId(UID.college), documentId).first('id');
  return college ? Number(college.id) : null;
};

/** The id of the industry group with this code or documentId, or null. */
export const industryGroupIdOf = async ({ strapi, t, c, docId }: Sql, codeOrDocumentId: string): Promise<number | null> => {
  const group = await strapi.db
    .connection(t(UID.industry))
    .where(docId(UID.industry), codeOrDocumentId)
    .orWhere(c(UID.industry, 'code'), codeOrDocumentId)
    .first('id');
  return group ? Number(group.id) : null;
};
