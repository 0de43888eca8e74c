import type { Core } from '@strapi/strapi';
import { normaliseQuery } from '../rules';
import { columnOf, joinOf, tableOf } from '../utils/db';
import type { NetworkScope } from '../access/types';
import type { AlumnusHit } from '../admin-api-types';

const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';
const COLLEGE = 'plugin::liaison.college';
const MERGE = 'plugin::liaison.alumni-merge';

/**
 * Finds alumni by name, pinyin, pinyin initials or student number, for the nominate
 * dialog: one query, limited to the user's colleges when they have a limited scope.
 */
export const searchAlumni = async (strapi: Core.Strapi, access: NetworkScope, q: string, limit = 20): Promise<AlumnusHit[]> => {
  const term = normaliseQuery(q);
  if (!term) return [];
  const a = (attribute: string) => `a.${columnOf(strapi, ALUMNUS, attribute)}`;
  const cohortLink = joinOf(strapi, ALUMNUS, 'cohort');
  const collegeLink = joinOf(strapi, COHORT, 'college');
  const like = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const query = strapi.db
    .connection(`${tableOf(strapi, ALUMNUS)} as a`)
    .leftJoin(`${cohortLink.table} as ac`, `ac.${cohortLink.from}`, 'a.id')
    .leftJoin(`${tableOf(strapi, COHORT)} as k`, 'k.id', `ac.${cohortLink.to}`)
    .leftJoin(`${collegeLink.table} as kc`, `kc.${collegeLink.from}`, 'k.id')
    .leftJoin(`${tableOf(strapi, COLLEGE)} as c`, 'c.id', `kc.${collegeLink.to}`)
    .where((w) =>
      w
        .whereRaw(`${a('searchKey')} LIKE ? ESCAPE '\\'`, [like])
        .orWhere(a('studentNo'), q.trim())
        // A number of a record merged into another finds the one kept.
        .orWhereIn(a('documentId'), (m) =>
          m.from(tableOf(strapi, MERGE)).select(columnOf(strapi, MERGE, 'keptDocumentId')).where(columnOf(strapi, MERGE, 'mergedStudentNo'), q.trim())
        )
    )
    .select({
      documentId: a('documentId'),
      name: a('name'),
      studentNo: a('studentNo'),
      alumnusStatus: a('alumnusStatus'),
      city: a('city'),
      cohort: `k.${columnOf(strapi, COHORT, 'className')}`,
      gradYear: `k.${columnOf(strapi, COHORT, 'gradYear')}`,
      college: `c.${columnOf(strapi, COLLEGE, 'name')}`,
    })
    .orderBy([{ column: a('name') }, { column: 'a.id' }])
    .limit(Math.min(Math.max(limit, 1), 50));
  if (!access.all) query.whereIn(`kc.${collegeLink.to}`, access.colleges.length ? access.colleges : [-1]);
  return query;
};
