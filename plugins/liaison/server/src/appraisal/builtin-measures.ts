import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, joinOf, tableOf } from '../utils/db';
import type { Measure, MeasureContext } from './measures';

const UID = {
  post: 'plugin::liaison.liaison',
  contact: 'plugin::liaison.contact-log',
  feedback: 'plugin::liaison.feedback',
  alumnus: 'plugin::liaison.alumnus',
  event: 'plugin::liaison.event',
  registration: 'plugin::liaison.event-registration',
};

/**
 * A datetime column compared as milliseconds on SQLite (where Strapi keeps milliseconds
 * since 1970, or ISO text from other writers) and as a timestamp on PostgreSQL, with the
 * cycle's bounds: from its first day 00:00 UTC to the day after its last.
 */
export const timeWindow = (strapi: Core.Strapi, column: string, ctx: MeasureContext) => {
  const from = new Date(`${ctx.periodStart}T00:00:00Z`);
  const to = new Date(new Date(`${ctx.periodEnd}T00:00:00Z`).getTime() + 86_400_000);
  if (isPostgres(strapi)) return { sql: `${column} >= ? AND ${column} < ?`, bindings: [from, to] };
  const ms = `(CASE WHEN typeof(${column}) IN ('integer', 'real') THEN ${column} ELSE CAST(strftime('%s', ${column}) AS INTEGER) * 1000 END)`;
  return {
    sql: `${ms} >= ? AND ${ms} < ?`,
    bindings: [from.getTime(), to.getTime()],
  };
};

/** The same on two datetime columns: `a <= b` on both databases. */
const notLater = (strapi: Core.Strapi, a: string, b: string) => {
  if (isPostgres(strapi)) return `${a} <= ${b}`;
  const ms = (c: string) =>
    `(CASE WHEN typeof(${c}) IN ('integer', 'real') THEN ${c} ELSE CAST(strftime('%s', ${c}) AS INTEGER) * 1000 END)`;
  return `${ms(a)} <= ${ms(b)}`;
};

/** The measures the appraisal itself knows; other capabilities register theirs. */
export const builtinMeasures = (strapi: Core.Strapi): Measure[] => [
  {
    key: 'contacts',
    label: { en: 'Contacts logged', 'zh-Hans': '联络记录数' },
    query: (ctx) => {
      const link = joinOf(strapi, UID.contact, 'liaison');
      const w = timeWindow(strapi, `c.${columnOf(strapi, UID.contact, 'contactedAt')}`, ctx);
      return {
        sql: `SELECT l.${link.to} AS post_id, COUNT(*) AS value
          FROM ${tableOf(strapi, UID.contact)} c JOIN ${link.table} l ON l.${link.from} = c.id
          WHERE ${w.sql} GROUP BY l.${link.to}`,
        bindings: w.bindings,
      };
    },
  },
  {
    key: 'events_organised',
    label: { en: 'Events organised', 'zh-Hans': '组织活动数' },
    query: (ctx) => {
      const { sql, bindings } = organisedEvents(strapi, ctx);
      return {
        sql: `SELECT post_id, COUNT(*) AS value FROM (${sql}) organised GROUP BY post_id`,
        bindings,
      };
    },
  },
  {
    key: 'event_attendance',
    label: {
      en: 'Attendance at events organised',
      'zh-Hans': '所组织活动的参加人数',
    },
    query: (ctx) => {
      const { sql, bindings } = organisedEvents(strapi, ctx);
      return {
        sql: `SELECT post_id, SUM(attendance) AS value FROM (${sql}) organised GROUP BY post_id`,
        bindings,
      };
    },
  },
  {
    key: 'feedback_on_time',
    label: {
      en: 'Alumni feedback answered on time',
      'zh-Hans': '按时答复的校友反馈',
    },
    query: (ctx) => {
      const link = joinOf(strapi, UID.feedback, 'liaison');
      const [due, answered] = ['dueAt', 'answeredAt'].map((a) => `f.${columnOf(strapi, UID.feedback, a)}`);
      const w = timeWindow(strapi, due, ctx);
      return {
        sql: `SELECT l.${link.to} AS post_id, COUNT(*) AS value
          FROM ${tableOf(strapi, UID.feedback)} f JOIN ${link.table} l ON l.${link.from} = f.id
          WHERE ${w.sql} AND ${answered} IS NOT NULL AND ${notLater(strapi, answered, due)}
          GROUP BY l.${link.to}`,
        bindings: w.bindings,
      };
    },
  },
  {
    key: 'records_verified',
    label: { en: 'Alumni records verified', 'zh-Hans': '核实的校友信息' },
    query: (ctx) => {
      const link = joinOf(strapi, UID.alumnus, 'verifiedBy');
      const verified = `a.${columnOf(strapi, UID.alumnus, 'lastVerifiedAt')}`;
      return {
        sql: `SELECT l.${link.to} AS post_id, COUNT(*) AS value
          FROM ${tableOf(strapi, UID.alumnus)} a JOIN ${link.table} l ON l.${link.from} = a.id
          WHERE ${verified} >= ? AND ${verified} <= ? GROUP BY l.${link.to}`,
        bindings: [ctx.periodStart, ctx.periodEnd],
      };
    },
  },
];

/**
 * Published events that started in the period, once per event and organising post, with
 * their attendance: the people checked in (each registration checked in, and the guests it
 * brought) when the event has registrations, else the attendance typed for it (events from
 * before sign-up existed).
 */
const organisedEvents = (strapi: Core.Strapi, ctx: MeasureContext) => {
  const link = joinOf(strapi, UID.event, 'organisers');
  const col = (a: string) => `e.${columnOf(strapi, UID.event, a)}`;
  const reg = (a: string) => columnOf(strapi, UID.registration, a);
  const w = timeWindow(strapi, col('startsAt'), ctx);
  return {
    sql: `SELECT l.${link.to} AS post_id, ${col('documentId')} AS event,
        MAX(CASE WHEN rg.registrations > 0 THEN rg.arrived ELSE COALESCE(${col('attendance')}, 0) END) AS attendance
      FROM ${tableOf(strapi, UID.event)} e JOIN ${link.table} l ON l.${link.from} = e.id
      LEFT JOIN (
        SELECT ${reg('eventDocumentId')} AS event, COUNT(*) AS registrations,
          SUM(CASE WHEN ${reg('checkedInAt')} IS NOT NULL THEN 1 + COALESCE(${reg('guests')}, 0) ELSE 0 END) AS arrived
        FROM ${tableOf(strapi, UID.registration)} GROUP BY ${reg('eventDocumentId')}
      ) rg ON rg.event = ${col('documentId')}
      WHERE ${col('publishedAt')} IS NOT NULL AND ${w.sql}
      GROUP BY l.${link.to}, ${col('documentId')}`,
    bindings: w.bindings,
  };
};
