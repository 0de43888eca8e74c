import { SUMMARY_TOP } from '../rules';
import { alumniCte, alumniWhere } from './alumni';
import { UID, n, type Resolved, type Sql } from './context';
import { bindingsOf } from './dimension';
import type { NextChapter } from '../../admin-api-types';

/**
 * Places without a chapter, by the alumni living there: a city in China (covered by a
 * chapter of that city, or of its whole province), or a country abroad (covered by any
 * chapter in it). Dissolved chapters cover nothing. One statement.
 */
export const nextChapters = async (sql: Sql, r: Resolved): Promise<{ nextChapters: NextChapter[] }> => {
  const { t, c } = sql;
  const CH = t(UID.chapter);
  const [cc, cp, cy, cs] = ['country', 'province', 'city', 'chapterStatus'].map((f) => c(UID.chapter, f));
  const statement = `
    WITH fa AS (${alumniCte(sql, { place: true }, alumniWhere(r))}),
    -- materialized: the place filter below must not be pushed into the scan of every alumnus
    raw_pl AS MATERIALIZED (SELECT country, province, city, COUNT(*) AS alumni FROM fa GROUP BY country, province, city),
    pl AS (
      SELECT CASE WHEN country IS NULL OR country = '' THEN 'CN' ELSE country END AS country,
        CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN province END AS province,
        CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN city END AS city,
        SUM(alumni) AS alumni
      FROM raw_pl
      GROUP BY CASE WHEN country IS NULL OR country = '' THEN 'CN' ELSE country END,
        CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN province END,
        CASE WHEN country IS NULL OR country = '' OR country = 'CN' THEN city END),
    ch AS (SELECT ${cc} AS country, ${cp} AS province, ${cy} AS city FROM ${CH}
      WHERE ${cs} IS NULL OR ${cs} <> 'dissolved')
    SELECT pl.country, pl.province, pl.city, pl.alumni FROM pl
    WHERE NOT (pl.country = 'CN' AND (pl.province IS NULL OR pl.city IS NULL))
      AND NOT EXISTS (
        SELECT 1 FROM ch WHERE ch.country = pl.country AND (
          pl.country <> 'CN'
          OR (ch.province = pl.province AND (ch.city IS NULL OR ch.city = '' OR ch.city = pl.city))))
    ORDER BY pl.alumni DESC, pl.country, pl.province, pl.city
    LIMIT ${SUMMARY_TOP}`;
  const rows = await sql.raw(statement, bindingsOf(r));
  return {
    nextChapters: rows.map((row) => ({
      country: row.country,
      province: row.province ?? null,
      city: row.city ?? null,
      alumni: n(row.alumni),
    })),
  };
};
