import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';

const FEEDBACK = 'plugin::liaison.feedback';
const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';
const COHORT = 'plugin::liaison.cohort';

/** Time to answer of one responsible post (null: the office), in hours. */
export interface AnswerTime {
  post: { documentId: string; label: string | null } | null;
  items: number;
  answered: number;
  /** Unanswered past their deadline now. */
  overdue: number;
  /** Answered after their deadline. */
  late: number;
  medianHours: number | null;
  meanHours: number | null;
}

/** A datetime column as milliseconds since 1970 on both databases (Strapi keeps numbers on SQLite, ISO text from other writers). */
export const epochMs = (strapi: Core.Strapi, column: string) =>
  isPostgres(strapi)
    ? `(EXTRACT(EPOCH FROM ${column}) * 1000)`
    : `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN ${column} ELSE CAST(strftime('%s', ${column}) AS INTEGER) * 1000 END)`;

/** SQL of the ids of the feedback about alumni of these colleges (through the alumnus's class). */
export const feedbackOfColleges = (strapi: Core.Strapi, colleges: number[]) => {
  const fa = joinOf(strapi, FEEDBACK, 'alumnus');
  const ac = joinOf(strapi, ALUMNUS, 'cohort');
  const cc = joinOf(strapi, COHORT, 'college');
  return {
    sql: `SELECT fa.${fa.from} FROM ${fa.table} fa JOIN ${ac.table} ac ON ac.${ac.from} = fa.${fa.to} JOIN ${cc.table} cc ON cc.${cc.from} = ac.${ac.to}
      WHERE cc.${cc.to} IN (${colleges.map(() => '?').join(', ') || 'NULL'})`,
    bindings: colleges,
  };
};

/**
 * Items, answered, overdue and late counts and the median and mean hours to answer, per
 * responsible post (or all together), in one statement: the median by row numbers over each
 * post's answered items (window functions: SQLite 3.25+ and PostgreSQL).
 * `filter`: SQL on the feedback row `f` with its bindings.
 */
export const answerTimes = async (
  strapi: Core.Strapi,
  options: { perPost: boolean; filter?: { sql: string; bindings: unknown[] }; now?: Date }
): Promise<AnswerTime[]> => {
  const col = (a: string) => `f.${columnOf(strapi, FEEDBACK, a)}`;
  const link = joinOf(strapi, FEEDBACK, 'liaison');
  const [received, answered, due] = ['receivedAt', 'answeredAt', 'dueAt'].map((a) => epochMs(strapi, col(a)));
  const now = (options.now ?? new Date()).getTime();
  const post = options.perPost ? `COALESCE(l.${link.to}, 0)` : '0';
  const sql = `
    WITH items AS (
      SELECT ${post} AS post_id,
        CASE WHEN ${col('answeredAt')} IS NULL THEN 0 ELSE 1 END AS is_answered,
        CASE WHEN ${col('answeredAt')} IS NULL AND ${col('dueAt')} IS NOT NULL AND ${due} < ? THEN 1 ELSE 0 END AS is_overdue,
        CASE WHEN ${col('answeredAt')} IS NOT NULL AND ${col('dueAt')} IS NOT NULL AND ${answered} > ${due} THEN 1 ELSE 0 END AS is_late,
        CASE WHEN ${col('answeredAt')} IS NOT NULL THEN (${answered} - ${received}) / 3600000.0 END AS hours
      FROM ${tableOf(strapi, FEEDBACK)} f LEFT JOIN ${link.table} l ON l.${link.from} = f.id
      WHERE ${options.filter?.sql ?? '1 = 1'}
    ),
    ranked AS (
      SELECT post_id, hours,
        ROW_NUMBER() OVER (PARTITION BY post_id ORDER BY hours) AS rn,
        COUNT(*) OVER (PARTITION BY post_id) AS n
      FROM items WHERE hours IS NOT NULL
    ),
    medians AS (
      SELECT post_id, AVG(hours) AS median FROM ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2) GROUP BY post_id
    )
    SELECT i.post_id, p.${columnOf(strapi, POST, 'documentId')} AS post_document_id, p.${columnOf(strapi, POST, 'label')} AS post_label,
      COUNT(*) AS items, SUM(i.is_answered) AS answered, SUM(i.is_overdue) AS overdue, SUM(i.is_late) AS late,
      AVG(i.hours) AS mean, MAX(m.median) AS median
    FROM items i
      LEFT JOIN medians m ON m.post_id = i.post_id
      LEFT JOIN ${tableOf(strapi, POST)} p ON p.id = i.post_id
    GROUP BY i.post_id, p.${columnOf(strapi, POST, 'documentId')}, p.${columnOf(strapi, POST, 'label')}
    ORDER BY i.post_id`;
  const rows = rowsOf(await strapi.db.connection.raw(sql, [now, ...(options.filter?.bindings ?? [])]));
  const hours = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
  return rows.map((r: any) => ({
    post: Number(r.post_id) ? { documentId: r.post_document_id, label: r.post_label ?? null } : null,
    items: Number(r.items),
    answered: Number(r.answered ?? 0),
    overdue: Number(r.overdue ?? 0),
    late: Number(r.late ?? 0),
    medianHours: hours(r.median),
    meanHours: hours(r.mean),
  }));
};
