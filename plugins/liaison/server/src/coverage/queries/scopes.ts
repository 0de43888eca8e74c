import type { Dimension } from '../../rules/liaison-post';
import { SUMMARY_TOP, type CoverageQuery } from '../rules';
import { n, type Resolved, type Sql } from './context';
import { bindingsOf, dimensionCtes, orderBy, totalsSql, worstSql } from './dimension';
import { dimensionOf, gapRow, toRow, totalsOf } from './rows';
import type { CoverageGap, CoverageResponse, DimensionSummary } from '../../admin-api-types';

/** One dimension's scopes, a page of them in the order asked, and the totals: one SQL statement. */
export const scopesPage = async (sql: Sql, query: CoverageQuery, r: Resolved): Promise<CoverageResponse> => {
  const d = query.dimension;
  const offset = (query.page - 1) * query.pageSize;
  const statement = `
    WITH ${dimensionCtes(sql, d, r)},
    t AS (${totalsSql(d)}),
    o AS (SELECT v_${d}.*, ROW_NUMBER() OVER (ORDER BY ${orderBy(query.sort, `v_${d}`)}) AS rn FROM v_${d})
    SELECT t.*, o.* FROM t LEFT JOIN o ON o.rn > ${offset} AND o.rn <= ${offset + query.pageSize}
    ORDER BY o.rn`;
  const rows = await sql.raw(statement, bindingsOf(r));
  const total = n(rows[0]?.scopes);
  return {
    data: rows.filter((row) => row.rn != null).map(toRow),
    meta: {
      totals: totalsOf(rows[0]),
      pagination: { page: query.page, pageSize: query.pageSize, pageCount: Math.ceil(total / query.pageSize), total },
    },
  };
};

/** A dimension's line of the summary and its worst gaps: one statement. */
export const dimensionGaps = async (sql: Sql, d: Dimension, r: Resolved): Promise<{ dimension: DimensionSummary; gaps: CoverageGap[] }> => {
  const rows = await sql.raw(
    `WITH ${dimensionCtes(sql, d, r)},
     t AS (${totalsSql(d)}),
     w AS (${worstSql(d)})
     SELECT t.*, w.* FROM t LEFT JOIN w ON w.rn <= ${SUMMARY_TOP} ORDER BY w.rn`,
    bindingsOf(r)
  );
  return { dimension: dimensionOf(d, rows[0]), gaps: rows.filter((row) => row.rn != null).map(gapRow(d)) };
};
