import type { Core } from '@strapi/strapi';
import { columnOf, joinOf, rowsOf, tableOf } from '../utils/db';
import type { NetworkScope } from '../access/types';
import type { Dimension, Role } from '../vocabulary';

const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';
const ACK = 'plugin::liaison.conduct-acknowledgement';
/** Where a post's scope is named, by its dimension. */
const SCOPE_NAMES = {
  cohort: { uid: 'plugin::liaison.cohort', field: 'cohort', name: 'className' },
  college: { uid: 'plugin::liaison.college', field: 'college', name: 'name' },
  region: { uid: 'plugin::liaison.chapter', field: 'chapter', name: 'name' },
  industry: { uid: 'plugin::liaison.industry-group', field: 'industry', name: 'name' },
} as const;

export interface PendingRow {
  post_id: number;
  post_document_id: string;
  label: string | null;
  dimension: Dimension;
  role: Role | null;
  scope_name: string | null;
  alumnus_document_id: string;
  alumnus_name: string;
}

export interface ServingCounts {
  liaisons: number;
  acknowledged: number;
  pending: PendingRow[];
}

/**
 * The code of conduct's standing in one statement: the serving liaisons (active or approved
 * posts, one per person, named by their first post), how many acknowledged version
 * `versionId`, and the first `limit` who have not, in the order of their first post. A
 * scoped user sees the people who serve in one of their colleges (a college's post, or a
 * class's of that college). Read through the link tables, never post by post.
 */
export const servingStatus = async (
  strapi: Core.Strapi,
  versionId: number | null,
  scope: NetworkScope,
  limit = 500,
): Promise<ServingCounts> => {
  const P = tableOf(strapi, POST);
  const p = (attribute: string) => columnOf(strapi, POST, attribute);
  const la = joinOf(strapi, POST, 'alumnus');
  const ack = { alumnus: joinOf(strapi, ACK, 'alumnus'), version: joinOf(strapi, ACK, 'conductVersion') };
  const serving = `p.${p('postStatus')} IN ('active', 'approved')`;
  let inScope = '';
  if (!scope.all) {
    const colleges = scope.colleges.map((id) => Math.trunc(Number(id)));
    const list = colleges.length ? colleges.join(', ') : 'NULL';
    const lc = joinOf(strapi, POST, 'college');
    const lk = joinOf(strapi, POST, 'cohort');
    const kc = joinOf(strapi, COHORT, 'college');
    inScope = `WHERE s.alumnus_id IN (
        SELECT la.${la.to} FROM ${P} p JOIN ${la.table} la ON la.${la.from} = p.id
        WHERE ${serving} AND (
          p.id IN (SELECT lc.${lc.from} FROM ${lc.table} lc WHERE lc.${lc.to} IN (${list}))
          OR p.id IN (SELECT lk.${lk.from} FROM ${lk.table} lk JOIN ${kc.table} kc ON kc.${kc.from} = lk.${lk.to} WHERE kc.${kc.to} IN (${list}))))`;
  }
  const acknowledged = versionId === null
    ? '0'
    : `CASE WHEN EXISTS (SELECT 1 FROM ${ack.alumnus.table} aa JOIN ${ack.version.table} av ON av.${ack.version.from} = aa.${ack.alumnus.from}
          WHERE aa.${ack.alumnus.to} = s.alumnus_id AND av.${ack.version.to} = ${Math.trunc(versionId)}) THEN 1 ELSE 0 END`;
  const scopeJoins = Object.entries(SCOPE_NAMES)
    .map(([d, s], i) => {
      const link = joinOf(strapi, POST, s.field);
      return `LEFT JOIN ${link.table} sl${i} ON sl${i}.${link.from} = p.id AND p.${p('dimension')} = '${d}'
        LEFT JOIN ${tableOf(strapi, s.uid)} s${i} ON s${i}.id = sl${i}.${link.to}`;
    })
    .join('\n');
  const scopeName = `COALESCE(${Object.values(SCOPE_NAMES)
    .map((s, i) => `s${i}.${columnOf(strapi, s.uid, s.name)}`)
    .join(', ')})`;
  const rows = rowsOf(
    await strapi.db.connection.raw(
      `WITH people AS (
          SELECT s.alumnus_id, s.post_id, ${acknowledged} AS acknowledged
          FROM (SELECT la.${la.to} AS alumnus_id, MIN(p.id) AS post_id
                FROM ${P} p JOIN ${la.table} la ON la.${la.from} = p.id WHERE ${serving} GROUP BY la.${la.to}) s
          ${inScope}),
        totals AS (SELECT COUNT(*) AS liaisons, COALESCE(SUM(acknowledged), 0) AS acknowledged FROM people),
        pending AS (SELECT alumnus_id, post_id FROM people WHERE acknowledged = 0 ORDER BY post_id LIMIT ${Math.trunc(limit)})
       SELECT t.liaisons, t.acknowledged, x.* FROM totals t LEFT JOIN (
         SELECT n.post_id, p.${p('documentId')} AS post_document_id, p.${p('label')} AS label, p.${p('dimension')} AS dimension,
           p.${p('role')} AS role, ${scopeName} AS scope_name,
           a.${columnOf(strapi, ALUMNUS, 'documentId')} AS alumnus_document_id, a.${columnOf(strapi, ALUMNUS, 'name')} AS alumnus_name
         FROM pending n JOIN ${P} p ON p.id = n.post_id JOIN ${tableOf(strapi, ALUMNUS)} a ON a.id = n.alumnus_id
           ${scopeJoins}) x ON 1 = 1
       ORDER BY x.post_id`,
    ),
  );
  return {
    liaisons: Number(rows[0]?.liaisons ?? 0),
    acknowledged: Number(rows[0]?.acknowledged ?? 0),
    pending: rows.filter((r) => r.post_id !== null && r.post_id !== undefined).map((r) => ({ ...r, post_id: Number(r.post_id) }) as PendingRow),
  };
};
