import type { Core } from '@strapi/strapi';
import { timeWindow } from '../appraisal/builtin-measures';
import type { Measure } from '../appraisal/measures';
import { columnOf, joinOf, tableOf } from '../utils/db';
import { ALUMNUS, invitationsTable, SURVEY } from './sql';

const POST = 'plugin::liaison.liaison';
const COHORT = 'plugin::liaison.cohort';

/**
 * `survey_response_rate`: for each post, of the invitations to surveys sent within the
 * cycle whose alumni are in the post's scope (its class, college, chapter or industry
 * group), the percentage answered (0–100). One statement for every post: the posts' scopes'
 * alumni through the link tables, joined to the invitations.
 */
export const surveyResponseRate = (strapi: Core.Strapi): Measure => ({
  key: 'survey_response_rate',
  label: { en: 'Survey response rate (%)', 'zh-Hans': '问卷答复率（%）' },
  query: (ctx) => {
    const pc = joinOf(strapi, POST, 'cohort');
    const pcol = joinOf(strapi, POST, 'college');
    const pch = joinOf(strapi, POST, 'chapter');
    const pin = joinOf(strapi, POST, 'industry');
    const ac = joinOf(strapi, ALUMNUS, 'cohort');
    const cc = joinOf(strapi, COHORT, 'college');
    const ach = joinOf(strapi, ALUMNUS, 'chapter');
    const ain = joinOf(strapi, ALUMNUS, 'industry');
    const w = timeWindow(strapi, `sv.${columnOf(strapi, SURVEY, 'sentAt')}`, ctx);
    const members = `
      SELECT pc.${pc.from} AS post_id, ac.${ac.from} AS alumnus_id FROM ${pc.table} pc JOIN ${ac.table} ac ON ac.${ac.to} = pc.${pc.to}
      UNION ALL
      SELECT pcol.${pcol.from}, ac.${ac.from} FROM ${pcol.table} pcol JOIN ${cc.table} cc ON cc.${cc.to} = pcol.${pcol.to} JOIN ${ac.table} ac ON ac.${ac.to} = cc.${cc.from}
      UNION ALL
      SELECT pch.${pch.from}, ach.${ach.from} FROM ${pch.table} pch JOIN ${ach.table} ach ON ach.${ach.to} = pch.${pch.to}
      UNION ALL
      SELECT pin.${pin.from}, ain.${ain.from} FROM ${pin.table} pin JOIN ${ain.table} ain ON ain.${ain.to} = pin.${pin.to}`;
    return {
      sql: `SELECT pm.post_id AS post_id,
          100.0 * SUM(CASE WHEN inv.answered_at IS NULL THEN 0 ELSE 1 END) / COUNT(*) AS value
        FROM (${members}) pm
          JOIN ${invitationsTable(strapi)} inv ON inv.alumnus_id = pm.alumnus_id
          JOIN ${tableOf(strapi, SURVEY)} sv ON sv.id = inv.survey_id
        WHERE ${w.sql}
        GROUP BY pm.post_id`,
      bindings: w.bindings,
    };
  },
});
