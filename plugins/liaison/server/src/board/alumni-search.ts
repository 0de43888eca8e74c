import type { Core } from '@strapi/strapi';
import { normaliseQuery } from '../rules';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { containsPattern, indexedCondition } from './search-index';
import type { NetworkScope } from '../access/types';
import type { AlumnusHit } from '../admin-api-types';

const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';
const COLLEGE = 'plugin::liaison.college';
const MERGE = 'plugin::liaison.alumni-merge';

/**
 * Finds alumni by name, pinyin, pinyin initials or student number (a merged record's number
 * finds the one kept), for the nominate dialog: one statement, limited to the user's colleges when they have a limited scope.
 * The matches are gathered first (on PostgreSQL through the search indexes,
 * search-index.ts), then ordered by name and the first page read with its cohort and
 * college: ordering the table itself lets the planner walk the name index looking for
 * the first matches, which for a name late in the alphabet reads most of the table.
 */
export const searchAlumni = async (strapi: Core.Strapi, access: NetworkScope, q: string, limit = 20): Promise<AlumnusHit[]> => {
  const term = normaliseQuery(q);
  if (!term) return [];
  const A = tableOf(strapi, ALUMNUS);
  const a = (attribute: string) => columnOf(strapi, ALUMNUS, attribute);
  const cohortLink = joinOf(strapi, ALUMNUS, 'cohort');
  const collegeLink = joinOf(strapi, COHORT, 'college');
  const indexed = indexedCondition(strapi, 's', term, ['searchKey']);
  const byKey = indexed ?? { sql: `s.${a('searchKey')} LIKE ? ESCAPE '\\'`, bindings: [containsPattern(term)] };
  const colleges = access.all ? null : access.colleges.length ? access.colleges.map((id) => Math.trunc(Number(id))) : [-1];
  const inColleges = colleges
    ? `JOIN ${cohortLink.table} hc ON hc.${cohortLink.from} = h.id
       JOIN ${collegeLink.table} hk ON hk.${collegeLink.from} = hc.${cohortLink.to} AND hk.${collegeLink.to} IN (${colleges.join(', ')})`
    : '';
  const rows = rowsOf<AlumnusHit>(
    await strapi.db.connection.raw(
      `WITH hits AS MATERIALIZED (
          SELECT s.id, s.${a('name')} AS name FROM ${A} s WHERE ${byKey.sql}
          UNION SELECT s.id, s.${a('name')} AS name FROM ${A} s WHERE s.${a('studentNo')} = ?
          -- A number of a record merged into another finds the one kept.
          UNION SELECT s.id, s.${a('name')} AS name FROM ${A} s WHERE s.${a('documentId')} IN (
            SELECT m.${columnOf(strapi, MERGE, 'keptDocumentId')} FROM ${tableOf(strapi, MERGE)} m WHERE m.${columnOf(strapi, MERGE, 'mergedStudentNo')} = ?)),
        page AS MATERIALIZED (
          SELECT h.id, h.name FROM hits h ${inColleges} ORDER BY h.name, h.id LIMIT ${Math.min(Math.max(Math.trunc(limit) || 20, 1), 50)})
       SELECT a.${a('documentId')} AS "documentId", a.${a('name')} AS "name", a.${a('studentNo')} AS "studentNo",
         a.${a('alumnusStatus')} AS "alumnusStatus", a.${a('city')} AS "city",
         k.${columnOf(strapi, COHORT, 'className')} AS "cohort", k.${columnOf(strapi, COHORT, 'gradYear')} AS "gradYear",
         c.${columnOf(strapi, COLLEGE, 'name')} AS "college"
       FROM page p
         JOIN ${A} a ON a.id = p.id
         LEFT JOIN ${cohortLink.table} ac ON ac.${cohortLink.from} = a.id
         LEFT JOIN ${tableOf(strapi, COHORT)} k ON k.id = ac.${cohortLink.to}
         LEFT JOIN ${collegeLink.table} kc ON kc.${collegeLink.from} = k.id
         LEFT JOIN ${tableOf(strapi, COLLEGE)} c ON c.id = kc.${collegeLink.to}
       ORDER BY p.name, p.id`,
      [...byKey.bindings, q.trim(), q.trim()],
    ),
  );
  return rows.map((r) => ({ ...r, gradYear: r.gradYear === null || r.gradYear === undefined ? null : Number(r.gradYear) }));
};
