import type { Core } from '@strapi/strapi';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import { errors } from '@strapi/utils';
import { fieldError } from '../rules/field-error';
import { namedAlumni } from '../utils/named-alumni';
import type { EnrolmentInput, RecordInput, SettingsInput } from './inputs';
import { conflictError, validationError } from '../utils/errors';
import { columnOf, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';
import { addDays, dayOf } from '../assignment/rules/lifecycle';
import { addMonths, deadlineMonths, REMINDER_DAYS, resultOf } from './rules';
import { deadlineMail, type Locale } from './templates';
import { requestLanguage } from '../utils/errors';
import { postLabelIn, scopeNamesEn } from '../services/post-labels';
import type { TrainingOverview } from '../admin-api-types';

const UID = {
  course: 'plugin::liaison.training-course',
  session: 'plugin::liaison.training-session',
  record: 'plugin::liaison.training-record',
  post: 'plugin::liaison.liaison',
  alumnus: 'plugin::liaison.alumnus',
} as const;
const SETTINGS_KEY = 'training-settings';
const SERVING = ['active', 'approved'];
type User = any;

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = (uid: string) => tableOf(strapi, uid);
  const c = (uid: string, a: string) => columnOf(strapi, uid, a);
  // Within the caller's transaction when there is one (a Document Service middleware runs in
  // one): on SQLite a second connection would wait for it for ever.
  const raw = async (sql: string, bindings: unknown[] = [], trx?: any) =>
    trx
      ? rowsOf(await trx.raw(sql, bindings as any))
      : strapi.db.transaction(async ({ trx: t }) => rowsOf(await t.raw(sql, bindings as any)));
  const store = () => strapi.store({ type: 'plugin', name: 'liaison' });

  /** Each alumnus's passed mandatory courses: `alumnus_id, course_id` (one row per pair). */
  const passedMandatory = () => {
    const ra = joinOf(strapi, UID.record, 'alumnus');
    const rs = joinOf(strapi, UID.record, 'session');
    const sc = joinOf(strapi, UID.session, 'course');
    return `SELECT DISTINCT ra.${ra.to} AS alumnus_id, sc.${sc.to} AS course_id
      FROM ${t(UID.record)} r
        JOIN ${ra.table} ra ON ra.${ra.from} = r.id
        JOIN ${rs.table} rs ON rs.${rs.from} = r.id
        JOIN ${sc.table} sc ON sc.${sc.from} = rs.${rs.to}
        JOIN ${t(UID.course)} co ON co.id = sc.${sc.to}
      WHERE r.${c(UID.record, 'result')} = 'passed' AND co.${c(UID.course, 'mandatory')} = TRUE`;
  };
  const mandatoryCount = () => `(SELECT COUNT(*) FROM ${t(UID.course)} WHERE ${c(UID.course, 'mandatory')} = TRUE)`;
  /** Alumni who have passed every mandatory course (everyone, when there is none). */
  const completedSql = () =>
    `SELECT pm.alumnus_id FROM (${passedMandatory()}) pm GROUP BY pm.alumnus_id HAVING COUNT(*) >= ${mandatoryCount()}`;
  const noMandatory = () => `${mandatoryCount()} = 0`;

  const service = {
    async months(): Promise<number> {
      const stored = (await store().get({ key: SETTINGS_KEY })) as {
        months?: number;
      } | null;
      return stored?.months ?? deadlineMonths();
    },

    async settings() {
      return { months: await service.months() };
    },

    async setSettings({ months }: SettingsInput) {
      await store().set({ key: SETTINGS_KEY, value: { months } });
      return { months };
    },

    /**
     * Newly approved posts: provisional, with a deadline N months from the day, unless
     * their holder has already completed every required course. One statement.
     */
    async markApproved(postIds: number[], day: string, trx?: any) {
      if (!postIds.length) return;
      const months = await service.months();
      const la = joinOf(strapi, UID.post, 'alumnus');
      const done = `id IN (SELECT la.${la.from} FROM ${la.table} la WHERE la.${la.to} IN (${completedSql()})) OR ${noMandatory()}`;
      await raw(
        `UPDATE ${t(UID.post)} SET ${c(UID.post, 'provisional')} = CASE WHEN ${done} THEN FALSE ELSE TRUE END,
           ${c(UID.post, 'trainingDeadline')} = CASE WHEN ${done} THEN NULL ELSE ${isPostgres(strapi) ? 'CAST(? AS DATE)' : '?'} END
         WHERE id IN (${postIds.map(() => '?').join(', ')})`,
        [addMonths(day, months), ...postIds],
        trx,
      );
    },

    /** Provisional liaisons whose holder has completed every required course are confirmed. One statement. */
    async refreshProvisional(trx?: any) {
      const la = joinOf(strapi, UID.post, 'alumnus');
      await raw(
        `UPDATE ${t(UID.post)} SET ${c(UID.post, 'provisional')} = FALSE
         WHERE ${c(UID.post, 'provisional')} = TRUE
           AND (id IN (SELECT la.${la.from} FROM ${la.table} la WHERE la.${la.to} IN (${completedSql()})) OR ${noMandatory()})`,
        [],
        trx,
      );
    },

    /** Attendance and assessment of one record; the result is computed. */
    async updateRecord(documentId: string, body: RecordInput) {
      const row = await strapi.db.query(UID.record).findOne({ where: { documentId } });
      if (!row) throw new errors.NotFoundError('No training record has this documentId');
      await strapi.documents(UID.record as any).update({
        documentId,
        data: {
          ...(body.attended !== undefined ? { attended: body.attended } : {}),
          ...(body.score !== undefined ? { score: body.score } : {}),
        } as any,
      });
      const fresh = await strapi.db.query(UID.record).findOne({ where: { documentId } });
      return {
        documentId,
        attended: !!fresh.attended,
        score: fresh.score ?? null,
        result: fresh.result,
      };
    },

    /**
     * Enrols alumni in a session, all or nothing: each must be known and not enrolled yet,
     * and the session must have room for all of them (409 naming `alumni`).
     */
    async enrol(sessionDocumentId: string, { alumni }: EnrolmentInput) {
      const session = await strapi.db.query(UID.session).findOne({ where: { documentId: sessionDocumentId }, select: ['id', 'documentId', 'capacity'] });
      if (!session) throw new errors.NotFoundError('No training session has this documentId');
      const { byDocumentId: byDoc, problems } = await namedAlumni(strapi, alumni, (i) => `alumni[${i}]`);
      if (problems.length) throw validationError(problems);
      return strapi.db.transaction(async ({ trx }) => {
        if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [774800, session.id]);
        const enrolled = await strapi.db.query(UID.record).findMany({
          where: { session: { id: session.id } },
          populate: { alumnus: { select: ['id', 'documentId'] } },
        });
        const already = alumni.findIndex((a) => enrolled.some((r: any) => r.alumnus?.documentId === a));
        if (already >= 0) throw conflictError([fieldError(`alumni[${already}]`, 'training.enrolled')]);
        if (session.capacity !== null && session.capacity !== undefined && enrolled.length + alumni.length > session.capacity) {
          throw conflictError([fieldError('alumni', 'training.full', { taken: enrolled.length, capacity: session.capacity })]);
        }
        const created: string[] = [];
        for (const a of alumni) {
          const r = await strapi.documents(UID.record as any).create({ data: { session: session.id, alumnus: byDoc.get(a).id, attended: false } as any });
          created.push(r.documentId);
        }
        return { session: session.documentId, enrolled: enrolled.length + created.length, capacity: session.capacity ?? null, records: created };
      });
    },

    /** A record written through the Content Manager (or any path) still needs a place in its session. */
    async assertRoom(sessionRef: unknown) {
      const ref: any = (sessionRef as any)?.connect?.[0] ?? (sessionRef as any)?.set?.[0] ?? sessionRef;
      const key = typeof ref === 'object' && ref !== null ? ref.documentId ?? ref.id : ref;
      if (key === undefined || key === null) return;
      const where = typeof key === 'number' || /^\d+$/.test(String(key)) ? { id: Number(key) } : { documentId: String(key) };
      const session = await strapi.db.query(UID.session).findOne({ where, select: ['id', 'capacity'] });
      if (!session || session.capacity === null || session.capacity === undefined) return;
      const taken = await strapi.db.query(UID.record).count({ where: { session: { id: session.id } } });
      if (taken >= session.capacity) {
        throw conflictError([fieldError('session', 'training.full', { taken, capacity: session.capacity })]);
      }
    },

    /** The result a record should have, from its course's pass mark. */
    async recomputeResult(recordId: number) {
      const row = await strapi.db.query(UID.record).findOne({
        where: { id: recordId },
        populate: {
          session: { populate: { course: { select: ['passMark'] } } },
        },
      });
      if (!row) return;
      const result = resultOf(row.attended, row.score, row.session?.course?.passMark);
      if (row.result !== result) await strapi.db.query(UID.record).update({ where: { id: recordId }, data: { result } });
      if (result === 'passed' || row.result === 'passed') await service.refreshProvisional();
    },

    /**
     * The training overview: completion per course and per dimension, provisional
     * liaisons and their deadlines; one statement per question.
     */
    async overview(user: User, today = dayOf()): Promise<TrainingOverview> {
      const scope = await strapi.plugin('liaison').service('access').scopeOf(user);
      const P = t(UID.post);
      const p = (a: string) => `p.${c(UID.post, a)}`;
      const la = joinOf(strapi, UID.post, 'alumnus');
      const lk = joinOf(strapi, UID.post, 'cohort');
      const lc = joinOf(strapi, UID.post, 'college');
      const kc = joinOf(strapi, 'plugin::liaison.cohort', 'college');
      // Posts in the user's reach: the whole network, or their colleges' posts.
      const inReach = scope.all
        ? '1 = 1'
        : scope.colleges.length
          ? `(p.id IN (SELECT lc.${lc.from} FROM ${lc.table} lc WHERE lc.${lc.to} IN (${scope.colleges.join(', ')}))
             OR p.id IN (SELECT lk.${lk.from} FROM ${lk.table} lk JOIN ${kc.table} kc ON kc.${kc.from} = lk.${lk.to} WHERE kc.${kc.to} IN (${scope.colleges.join(', ')})))`
          : '1 = 0';
      const serving = `${p('postStatus')} IN ('active', 'approved') AND ${inReach}`;
      const dims = await raw(
        `SELECT ${p('dimension')} AS dimension, COUNT(*) AS liaisons,
           SUM(CASE WHEN ${p('provisional')} = TRUE THEN 1 ELSE 0 END) AS provisional,
           SUM(CASE WHEN ${p('provisional')} = TRUE AND ${p('trainingDeadline')} < ? THEN 1 ELSE 0 END) AS overdue
         FROM ${P} p WHERE ${serving} GROUP BY ${p('dimension')}`,
        [today],
      );
      const ra = joinOf(strapi, UID.record, 'alumnus');
      const rs = joinOf(strapi, UID.record, 'session');
      const sc = joinOf(strapi, UID.session, 'course');
      const courses = await raw(
        `SELECT co.id AS id, co.${c(UID.course, 'documentId')} AS document_id, co.${c(UID.course, 'title')} AS title,
           co.${c(UID.course, 'titleEn')} AS title_en,
           co.${c(UID.course, 'area')} AS area, co.${c(UID.course, 'mandatory')} AS mandatory, co.${c(UID.course, 'passMark')} AS pass_mark,
           COUNT(DISTINCT ra.${ra.to}) AS enrolled,
           COUNT(DISTINCT CASE WHEN r.${c(UID.record, 'result')} = 'passed' THEN ra.${ra.to} END) AS completed
         FROM ${t(UID.course)} co
           LEFT JOIN ${sc.table} sc ON sc.${sc.to} = co.id
           LEFT JOIN ${rs.table} rs ON rs.${rs.to} = sc.${sc.from}
           LEFT JOIN ${t(UID.record)} r ON r.id = rs.${rs.from}
           LEFT JOIN ${ra.table} ra ON ra.${ra.from} = r.id
         GROUP BY co.id, co.${c(UID.course, 'documentId')}, co.${c(UID.course, 'title')}, co.${c(UID.course, 'titleEn')}, co.${c(UID.course, 'area')}, co.${c(UID.course, 'mandatory')}, co.${c(UID.course, 'passMark')}
         ORDER BY co.${c(UID.course, 'mandatory')} DESC, co.${c(UID.course, 'title')}`,
      );
      // The post's scope by its dimension's link (a class's post also names its college).
      const scopeOf = {
        cohort: { link: lk, uid: 'plugin::liaison.cohort', name: 'className' },
        college: { link: lc, uid: 'plugin::liaison.college', name: 'name' },
        region: { link: joinOf(strapi, UID.post, 'chapter'), uid: 'plugin::liaison.chapter', name: 'name' },
        industry: { link: joinOf(strapi, UID.post, 'industry'), uid: 'plugin::liaison.industry-group', name: 'name' },
      } as const;
      const scopeJoins = Object.entries(scopeOf)
        .map(
          ([d, s], i) =>
            `LEFT JOIN ${s.link.table} sl${i} ON sl${i}.${s.link.from} = p.id AND ${p('dimension')} = '${d}'
             LEFT JOIN ${t(s.uid)} s${i} ON s${i}.id = sl${i}.${s.link.to}`,
        )
        .join('\n');
      const scopeName = `COALESCE(${Object.values(scopeOf)
        .map((s, i) => `s${i}.${c(s.uid, s.name)}`)
        .join(', ')})`;
      const provisional = await raw(
        `SELECT p.id AS id, ${p('documentId')} AS document_id, ${p('dimension')} AS dimension, ${p('label')} AS label,
           ${p('role')} AS role, ${scopeName} AS scope_name,
           ${p('trainingDeadline')} AS deadline, a.${c(UID.alumnus, 'documentId')} AS alumnus_document_id, a.${c(UID.alumnus, 'name')} AS alumnus_name
         FROM ${P} p JOIN ${la.table} la ON la.${la.from} = p.id JOIN ${t(UID.alumnus)} a ON a.id = la.${la.to}
           ${scopeJoins}
         WHERE ${serving} AND ${p('provisional')} = TRUE
         ORDER BY ${p('trainingDeadline')}, p.id LIMIT 200`,
      );
      const day = (v: unknown) => (v instanceof Date ? dayOf(v) : v ? String(v).slice(0, 10) : null);
      // Course names and post labels in the admin's language, where an English one exists.
      const language = requestLanguage();
      const scopesEn = language === 'en' ? await scopeNamesEn(strapi, provisional.map((r) => Number(r.id))) : new Map<number, string>();
      return {
        months: await service.months(),
        conduct: await strapi.plugin('liaison').service('conduct').status(user),
        officeAnswerTime: await strapi.plugin('liaison').service('feedback').officeAnswerTime(),
        courses: courses.map((r) => ({
          documentId: r.document_id,
          title: (language === 'en' && r.title_en) || r.title,
          titleZh: r.title,
          titleEn: r.title_en ?? null,
          area: r.area,
          mandatory: r.mandatory === true || r.mandatory === 1,
          passMark: r.pass_mark === null ? null : Number(r.pass_mark),
          enrolled: Number(r.enrolled),
          completed: Number(r.completed),
        })),
        dimensions: DIMENSIONS.map((d) => {
          const r = dims.find((x) => x.dimension === d);
          const liaisons = Number(r?.liaisons ?? 0);
          const provisional = Number(r?.provisional ?? 0);
          return {
            dimension: d,
            liaisons,
            completed: liaisons - provisional,
            provisional,
            overdue: Number(r?.overdue ?? 0),
          };
        }),
        provisional: provisional.map((r) => ({
          post: {
            documentId: r.document_id,
            dimension: r.dimension,
            label: postLabelIn(r.label, language, scopesEn.get(Number(r.id))),
            role: r.role ?? null,
            scope: r.scope_name ?? null,
          },
          alumnus: { documentId: r.alumnus_document_id, name: r.alumnus_name },
          deadline: day(r.deadline),
          overdue: !!day(r.deadline) && String(day(r.deadline)) < today,
        })),
      };
    },

    /** Provisional liaisons whose deadline is 30 or 7 days away are reminded, once each. */
    async runReminders(today = dayOf()) {
      const targets = REMINDER_DAYS.map((d) => addDays(today, d));
      const posts = await strapi.db.query(UID.post).findMany({
        where: {
          provisional: true,
          postStatus: { $in: SERVING },
          trainingDeadline: { $in: targets },
        },
        populate: {
          alumnus: {
            select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
          },
        },
      });
      const mandatory = await strapi.db.query(UID.course).findMany({ where: { mandatory: true }, select: ['id', 'title', 'titleEn'] });
      const passed = await raw(passedMandatory());
      const done = new Set(passed.map((r) => `${r.alumnus_id}:${r.course_id}`));
      const mails = posts
        .filter((post: any) => post.alumnus?.email && post.alumnus.contactConsent)
        .map((post: any) => {
          const deadline = String(post.trainingDeadline).slice(0, 10);
          const days = REMINDER_DAYS.find((d) => addDays(today, d) === deadline)!;
          const locale: Locale = post.alumnus.language === 'en' ? 'en' : 'zh-Hans';
          const missing = mandatory
            .filter((m: any) => !done.has(`${post.alumnus.id}:${m.id}`))
            .map((m: any) => (locale === 'en' && m.titleEn) || m.title);
          return {
            to: post.alumnus.email,
            ...deadlineMail(locale, {
              name: post.alumnus.name,
              deadline,
              days,
              missing,
            }),
            kind: 'training-deadline',
            dedupeKey: `training-deadline:${post.documentId}:${deadline}:${days}`,
            alumnusId: post.alumnus.id,
            locale,
          };
        });
      return strapi.plugin('liaison').service('outbox').enqueue(mails);
    },
  };
  return service;
};
