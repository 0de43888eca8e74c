import type { Core } from '@strapi/strapi';
import { columnOf } from '../utils/db';
import { countedScopeSql } from '../coverage/rules';
import type { Dimension } from '../rules/liaison-post';
import type { Overview } from '../admin-api-types';

export type { DimensionCoverage } from '../admin-api-types';

/**
 * How many scopes each dimension has and how many of them have an active liaison of that
 * dimension: one SQL statement, whatever the size of the network. It counts the scopes the
 * board's coverage counts (a dissolved chapter is none), so the two agree.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async coverage(): Promise<Overview> {
    const meta = (uid: string) => strapi.db.metadata.get(uid as any);
    const POST = 'plugin::liaison.liaison';
    const posts = meta(POST);
    const [status, dim] = ['postStatus', 'dimension'].map((a) => columnOf(strapi, POST, a));
    // The scopes the board's coverage counts (coverage/rules.ts): the same for both.
    const scope = (dimension: Dimension, attribute: string, targetUid: string) => {
      const jt = (posts.attributes[attribute] as any).joinTable;
      const counted = dimension === 'region' ? countedScopeSql(dimension, 's', columnOf(strapi, targetUid, 'chapterStatus')) : null;
      const scopes = `SELECT s.id FROM ${meta(targetUid).tableName} s${counted ? ` WHERE ${counted}` : ''}`;
      return `SELECT '${dimension}' AS dimension,
        (SELECT COUNT(*) FROM (${scopes}) sc) AS scopes,
        COUNT(DISTINCT l.${jt.inverseJoinColumn.name}) AS covered,
        COUNT(DISTINCT p.id) AS active_posts
        FROM ${posts.tableName} p JOIN ${jt.name} l ON l.${jt.joinColumn.name} = p.id
        WHERE p.${status} = 'active' AND p.${dim} = '${dimension}'${counted ? ` AND l.${jt.inverseJoinColumn.name} IN (${scopes})` : ''}`;
    };
    const sql = [
      scope('cohort', 'cohort', 'plugin::liaison.cohort'),
      scope('college', 'college', 'plugin::liaison.college'),
      scope('region', 'chapter', 'plugin::liaison.chapter'),
      scope('industry', 'industry', 'plugin::liaison.industry-group'),
    ].join(' UNION ALL ');
    const alumniTable = meta('plugin::liaison.alumnus').tableName;
    const result = await strapi.db.connection.raw(
      `SELECT d.*, (SELECT COUNT(*) FROM ${alumniTable}) AS alumni FROM (${sql}) d`
    );
    const rows: any[] = Array.isArray(result) ? result : result.rows;
    return {
      alumni: Number(rows[0]?.alumni ?? 0),
      dimensions: rows.map((r) => ({
        dimension: r.dimension,
        scopes: Number(r.scopes),
        covered: Number(r.covered),
        activePosts: Number(r.active_posts),
      })),
    };
  },
});
