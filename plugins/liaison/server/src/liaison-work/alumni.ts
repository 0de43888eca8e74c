import type { Core } from '@strapi/strapi';
import { withConsentedFields } from '../access/members';
import { containsPattern, indexedCondition } from '../board/search-index';
import { normaliseQuery } from '../rules/search-key';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import { alumniOfScope, type LivePost } from './posts';

const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';
const COLLEGE = 'plugin::liaison.college';

/** An alumnus as their liaison sees them: never the student number. */
export interface ScopeAlumnus {
  documentId: string;
  name: string;
  alumnusStatus: string;
  cohort: { className: string | null; gradYear: number | null } | null;
  college: string | null;
  city: string | null;
  employer: string | null;
  jobTitle: string | null;
  contactConsent: boolean;
  phone: string | null;
  email: string | null;
  wechat: string | null;
}

export interface Page<T> {
  data: T[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number } };
}

/** The ids of the alumni of several scopes (each once), as one SQL statement. */
const membersOf = (strapi: Core.Strapi, posts: LivePost[]) => {
  const seen = new Set<string>();
  const parts = posts
    .filter((p) => {
      const key = `${p.scope.kind}:${p.scope.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((p) => alumniOfScope(strapi, p.scope));
  return { sql: parts.map((p) => p.sql).join(' UNION '), bindings: parts.flatMap((p) => p.bindings) };
};

/** How many alumni each post's scope holds, in one statement (posts in their order). */
export const scopeSizes = async (strapi: Core.Strapi, posts: LivePost[]): Promise<number[]> => {
  if (!posts.length) return [];
  const parts = posts.map((p, i) => {
    const scope = alumniOfScope(strapi, p.scope);
    return { sql: `SELECT ${i} AS i, (SELECT COUNT(*) FROM (${scope.sql}) s${i}) AS n`, bindings: scope.bindings };
  });
  const rows = rowsOf(await strapi.db.connection.raw(parts.map((p) => p.sql).join(' UNION ALL '), parts.flatMap((p) => p.bindings)));
  const sizes = posts.map(() => 0);
  for (const r of rows) sizes[Number(r.i)] = Number(r.n);
  return sizes;
};

/**
 * The alumni of the given posts' scopes, found by name, pinyin or initials (the search key),
 * by name then id, one page with the total: one statement. On PostgreSQL the term is found
 * through the search indexes (board/search-index.ts) on the name and search key only, so the
 * search tells nothing of any other field.
 *
 * How PostgreSQL reads it (300,000 alumni, docs/benchmarks.md): without a term, the scope's
 * members are gathered first (MATERIALIZED) and their rows read by id; with one, the members
 * stay a subquery the planner can see into, so that a rare term (`王杰`) is found through the
 * index and checked against the links' indexes (50 ms in a college of 35,000) instead of
 * compared with every gathered member (2 s).
 */
export const alumniOfPosts = async (
  strapi: Core.Strapi,
  posts: LivePost[],
  options: { q?: string; page: number; pageSize: number },
): Promise<Page<ScopeAlumnus>> => {
  const { page, pageSize } = options;
  const a = (attribute: string) => columnOf(strapi, ALUMNUS, attribute);
  const A = tableOf(strapi, ALUMNUS);
  const members = membersOf(strapi, posts);
  const term = normaliseQuery(options.q ?? '');
  let search: { sql: string; bindings: unknown[] } = { sql: '', bindings: [] };
  if (term) {
    const indexed = indexedCondition(strapi, 'h', term, ['name', 'searchKey']);
    const pattern = containsPattern(term);
    search = indexed
      ? { sql: ` AND ${indexed.sql}`, bindings: indexed.bindings }
      : { sql: ` AND (lower(h.${a('name')}) LIKE ? ESCAPE '\\' OR h.${a('searchKey')} LIKE ? ESCAPE '\\')`, bindings: [pattern, pattern] };
  }
  const cohortLink = joinOf(strapi, ALUMNUS, 'cohort');
  const collegeLink = joinOf(strapi, COHORT, 'college');
  const offset = (page - 1) * pageSize;
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `WITH members AS ${term ? 'NOT MATERIALIZED' : 'MATERIALIZED'} (${members.sql}),
        hits AS MATERIALIZED (
          SELECT h.id, h.${a('name')} AS name FROM ${A} h WHERE h.id IN (SELECT * FROM members)${search.sql}),
        total AS (SELECT COUNT(*) AS total FROM hits),
        page AS (SELECT id, name FROM hits ORDER BY name, id LIMIT ${pageSize} OFFSET ${offset})
       SELECT t.total AS "total", al.${a('documentId')} AS "documentId", al.${a('name')} AS "name", al.${a('alumnusStatus')} AS "alumnusStatus",
         al.${a('city')} AS "city", al.${a('employer')} AS "employer", al.${a('jobTitle')} AS "jobTitle",
         al.${a('contactConsent')} AS "contactConsent", al.${a('phone')} AS "phone", al.${a('email')} AS "email", al.${a('wechat')} AS "wechat",
         k.${columnOf(strapi, COHORT, 'className')} AS "className", k.${columnOf(strapi, COHORT, 'gradYear')} AS "gradYear",
         c.${columnOf(strapi, COLLEGE, 'name')} AS "college"
       FROM total t
         LEFT JOIN page p ON 1 = 1
         LEFT JOIN ${A} al ON al.id = p.id
         LEFT JOIN ${cohortLink.table} ac ON ac.${cohortLink.from} = al.id
         LEFT JOIN ${tableOf(strapi, COHORT)} k ON k.id = ac.${cohortLink.to}
         LEFT JOIN ${collegeLink.table} kc ON kc.${collegeLink.from} = k.id
         LEFT JOIN ${tableOf(strapi, COLLEGE)} c ON c.id = kc.${collegeLink.to}
       ORDER BY p.name, p.id`,
      [...members.bindings, ...search.bindings],
    ),
  );
  const total = Number(rows[0]?.total ?? 0);
  const data = rows
    .filter((r) => r.documentId)
    .map((r) =>
      withConsentedFields(
        {
          documentId: r.documentId,
          name: r.name,
          alumnusStatus: r.alumnusStatus,
          cohort: r.className === null && r.gradYear === null ? null : { className: r.className ?? null, gradYear: r.gradYear === null ? null : Number(r.gradYear) },
          college: r.college ?? null,
          city: r.city ?? null,
          employer: r.employer ?? null,
          jobTitle: r.jobTitle ?? null,
          contactConsent: r.contactConsent === true || r.contactConsent === 1,
          phone: r.phone ?? null,
          email: r.email ?? null,
          wechat: r.wechat ?? null,
        } satisfies ScopeAlumnus,
        r.contactConsent,
      ),
    );
  return { data, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
};
