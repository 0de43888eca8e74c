import type { Core } from '@strapi/strapi';

export interface DimensionCoverage {
  dimension: 'cohort' | 'college' | 'region' | 'industry';
  scopes: number;
  covered: number;
  activePosts: number;
}

/**
 * How many scopes each dimension has and how many of them have an active liaison:
 * one SQL statement, whatever the size of the network.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async coverage(): Promise<{ alumni: number; dimensions: DimensionCoverage[] }> {
    const meta = (uid: string) => strapi.db.metadata.get(uid as any);
    const posts = meta('plugin::liaison.liaison');
    const join = (attribute: string) => (posts.attributes[attribute] as any).joinTable;
    const scope = (dimension: string, attribute: string, targetUid: string) => {
      const jt = join(attribute);
      return `SELECT '${dimension}' AS dimension,
        (SELECT COUNT(*) FROM ${meta(targetUid).tableName}) AS scopes,
        COUNT(DISTINCT l.${jt.inverseJoinColumn.name}) AS covered,
        COUNT(DISTINCT p.id) AS active_posts
        FROM ${posts.tableName} p JOIN ${jt.name} l ON l.${jt.joinColumn.name} = p.id
        WHERE p.post_status = 'active'`;
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
