import type { Core } from '@strapi/strapi';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import { errors } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, forbiddenError, requestLanguage, validationError } from '../utils/errors';
import { columnOf, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';
import {
  bestGrade,
  checkNomination,
  checkRules,
  DEFAULT_RULES,
  eligibilityProblem,
  isEligible,
  KINDS,
  KIND_NAMES,
  type EligibilityRules,
  type Grade,
  type Kind,
} from './rules';
import { awardMail, type Locale } from './templates';
import { UID as APPRAISAL_UID } from '../appraisal/deps';

/** The appraisal's types (an honour rests on an appraisal), and the honour itself. */
const UID = { ...APPRAISAL_UID, honour: 'plugin::liaison.honour' } as const;
const STATUSES = ['nominated', 'awarded', 'rejected'] as const;
const RULES_KEY = 'honour-rules';
type User = any;

const at = (path: string, i: number | null) => (i === null ? path : `${path}[${i}]`);
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);
const today = () => new Date().toISOString().slice(0, 10);

interface Standing {
  alumnusId: number;
  documentId: string;
  name: string;
  grade: Grade | null;
  appraisalId: number | null;
  collegeId: number | null;
  post: { documentId: string; dimension: string; label: string | null } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = (uid: string) => tableOf(strapi, uid);
  const c = (uid: string, a: string) => columnOf(strapi, uid, a);
  const raw = async (sql: string, bindings: unknown[] = [], trx?: any) =>
    rowsOf(await (trx ?? strapi.db.connection).raw(sql, bindings as any));
  const store = () => strapi.store({ type: 'plugin', name: 'liaison' });
  const scopeOf = (user: User) => strapi.plugin('liaison').service('access').scopeOf(user);

  /**
   * Each alumnus's best appraisal in a cycle (grade, the post it was for and its college):
   * one statement for the cycle, or for the given alumni.
   */
  const standings = async (cycleId: number, alumnusIds?: number[], trx?: any): Promise<Map<number, Standing>> => {
    const lc = joinOf(strapi, UID.appraisal, 'cycle');
    const lp = joinOf(strapi, UID.appraisal, 'liaison');
    const la = joinOf(strapi, UID.post, 'alumnus');
    const a = (x: string) => `a.${c(UID.appraisal, x)}`;
    const only = alumnusIds ? ` AND al.id IN (${alumnusIds.map(() => '?').join(', ') || 'NULL'})` : '';
    const rows = await raw(
      `SELECT al.id AS alumnus_id, al.${c(UID.alumnus, 'documentId')} AS document_id, al.${c(UID.alumnus, 'name')} AS name,
         a.id AS appraisal_id, ${a('grade')} AS grade, ${a('collegeId')} AS college_id, ${a('total')} AS total,
         p.${c(UID.post, 'documentId')} AS post_document_id, p.${c(UID.post, 'dimension')} AS dimension, p.${c(UID.post, 'label')} AS label
       FROM ${t(UID.appraisal)} a
         JOIN ${lc.table} lc ON lc.${lc.from} = a.id
         JOIN ${lp.table} lp ON lp.${lp.from} = a.id
         JOIN ${t(UID.post)} p ON p.id = lp.${lp.to}
         JOIN ${la.table} la ON la.${la.from} = p.id
         JOIN ${t(UID.alumnus)} al ON al.id = la.${la.to}
       WHERE lc.${lc.to} = ?${only}`,
      [cycleId, ...(alumnusIds ?? [])],
      trx,
    );
    const out = new Map<number, Standing>();
    for (const r of rows) {
      const id = Number(r.alumnus_id);
      const seen = out.get(id);
      const grade = bestGrade([seen?.grade, r.grade]);
      // The alumnus's best appraisal of the cycle (several posts may have one each).
      if (!seen || (grade !== seen.grade && grade === r.grade)) {
        out.set(id, {
          alumnusId: id,
          documentId: r.document_id,
          name: r.name,
          grade: (r.grade ?? null) as Grade | null,
          appraisalId: Number(r.appraisal_id),
          collegeId: r.college_id === null || r.college_id === undefined ? null : Number(r.college_id),
          post: {
            documentId: r.post_document_id,
            dimension: r.dimension,
            label: r.label,
          },
        });
      }
    }
    return out;
  };

  const findCycle = async (documentId: unknown, path = 'cycle') => {
    const row = typeof documentId === 'string' ? await strapi.db.query(UID.cycle).findOne({ where: { documentId } }) : null;
    if (!row) throw validationError([fieldError(path, 'must be the documentId of an appraisal cycle')]);
    return row;
  };

  const present = (h: any) => ({
    documentId: h.documentId,
    alumnus: h.alumnus ? { documentId: h.alumnus.documentId, name: h.alumnus.name } : null,
    kind: h.kind,
    title: h.title,
    amount: h.amount === null || h.amount === undefined ? null : Number(h.amount),
    citation: h.citation ?? null,
    cycle: h.cycle ? { documentId: h.cycle.documentId, name: h.cycle.name } : null,
    honourStatus: h.honourStatus,
    year: h.year ?? null,
    awardedOn: day(h.awardedOn),
    grade: h.appraisal?.grade ?? null,
    post: h.appraisal?.liaison
      ? {
          documentId: h.appraisal.liaison.documentId,
          dimension: h.appraisal.liaison.dimension,
          label: h.appraisal.liaison.label,
        }
      : null,
    showPublicly: !!h.showPublicly,
    rejectionReason: h.rejectionReason ?? null,
    nominatedBy: h.nominatedBy ? [h.nominatedBy.firstname, h.nominatedBy.lastname].filter(Boolean).join(' ') : null,
    decidedBy: h.decidedBy ? [h.decidedBy.firstname, h.decidedBy.lastname].filter(Boolean).join(' ') : null,
  });
  const POPULATE = {
    alumnus: { select: ['documentId', 'name'] },
    cycle: { select: ['documentId', 'name'] },
    appraisal: {
      select: ['grade', 'collegeId'],
      populate: { liaison: { select: ['documentId', 'dimension', 'label'] } },
    },
    nominatedBy: { select: ['firstname', 'lastname'] },
    decidedBy: { select: ['firstname', 'lastname'] },
  };

  const service = {
    async rules(): Promise<EligibilityRules> {
      const stored = (await store().get({
        key: RULES_KEY,
      })) as Partial<EligibilityRules> | null;
      return { ...DEFAULT_RULES, ...(stored ?? {}) };
    },

    async setRules(body: any) {
      const problems = checkRules(body);
      if (problems.length) throw validationError(problems);
      const merged = { ...(await service.rules()), ...body };
      await store().set({ key: RULES_KEY, value: merged });
      return merged;
    },

    /**
     * Nominates one honour for each alumnus, all or nothing: every rule is checked for
     * every alumnus first, and the first refusal names `alumni[i]` (or `alumnus` for one).
     */
    async nominateMany(body: any, alumni: unknown[], user: User, single: boolean) {
      const problems = checkNomination(body);
      const cycle =
        typeof body?.cycle === 'string' ? await strapi.db.query(UID.cycle).findOne({ where: { documentId: body.cycle } }) : null;
      if (!cycle) problems.push(fieldError('cycle', 'must be the documentId of an appraisal cycle'));
      if (!single && (!Array.isArray(alumni) || !alumni.length)) problems.push(fieldError('alumni', 'name at least one alumnus'));
      const path = (i: number) => (single ? 'alumnus' : `alumni[${i}]`);
      const ids = new Map<string, any>();
      const docIds = alumni.filter((a): a is string => typeof a === 'string');
      if (docIds.length) {
        const found = await strapi.db.query(UID.alumnus).findMany({
          where: { documentId: { $in: docIds } },
          select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
        });
        for (const f of found) ids.set(f.documentId, f);
      }
      const seen = new Set<string>();
      alumni.forEach((a, i) => {
        if (typeof a !== 'string' || !ids.has(a)) problems.push(fieldError(path(i), 'no alumnus has this documentId'));
        else if (seen.has(a)) problems.push(fieldError(path(i), 'is named twice'));
        seen.add(a as string);
      });
      if (problems.length) throw validationError(problems);
      if (cycle.cycleStatus !== 'closed')
        throw conflictError([fieldError('cycle', 'honours rest on final results: close the appraisal cycle first')]);

      const people = alumni.map((a) => ids.get(a as string));
      const scope = await scopeOf(user);
      const rules = await service.rules();
      const kind = body.kind as Kind;
      return strapi.db.transaction(async ({ trx }) => {
        // Per alumnus, so that two nominations of the same honour at once cannot both pass.
        if (isPostgres(strapi))
          for (const p of [...people].sort((x, y) => x.id - y.id)) await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [774600, p.id]);
        const standing = await standings(
          cycle.id,
          people.map((p) => p.id),
          trx,
        );
        const refusals: FieldError[] = [];
        people.forEach((p, i) => {
          const s = standing.get(p.id) ?? null;
          if (!scope.all && !(s?.collegeId && scope.colleges.includes(s.collegeId))) {
            throw forbiddenError(path(i), 'outside your colleges and chapters');
          }
          const problem = eligibilityProblem(kind, s?.grade ?? null, rules);
          if (problem)
            refusals.push({
              ...problem,
              path: problem.path === 'alumnus' || !single ? path(i) : problem.path,
            });
        });
        if (refusals.length) throw conflictError([refusals[0]]);
        const existing = await strapi.db.query(UID.honour).findMany({
          where: {
            alumnus: { id: { $in: people.map((p) => p.id) } },
            cycle: { id: cycle.id },
            kind,
            honourStatus: { $ne: 'rejected' },
          },
          populate: { alumnus: { select: ['id'] } },
        });
        if (existing.length) {
          const i = people.findIndex((p) => existing.some((e: any) => e.alumnus?.id === p.id));
          throw conflictError([fieldError(path(i), `already has this ${KIND_NAMES[kind]} for this cycle (nominated or awarded)`)]);
        }
        const year = Number(String(day(cycle.periodEnd)).slice(0, 4));
        const created: string[] = [];
        for (const p of people) {
          const s = standing.get(p.id)!;
          const honour = await strapi.documents(UID.honour as any).create({
            data: {
              alumnus: p.id,
              kind,
              title: body.title.trim(),
              amount: body.amount ?? null,
              citation: body.citation ?? null,
              showPublicly: body.showPublicly !== false,
              cycle: cycle.id,
              appraisal: s.appraisalId,
              honourStatus: 'nominated',
              year,
              nominatedBy: user.id,
            } as any,
          });
          created.push(honour.documentId);
        }
        const rows = await strapi.db.query(UID.honour).findMany({
          where: { documentId: { $in: created } },
          populate: POPULATE,
        });
        return created.map((d) => present(rows.find((r: any) => r.documentId === d)));
      });
    },

    async nominate(body: any, user: User) {
      const [honour] = await service.nominateMany(body, [body?.alumnus], user, true);
      return honour;
    },

    async bulk(body: any, user: User) {
      return service.nominateMany(body, Array.isArray(body?.alumni) ? body.alumni : [], user, false);
    },

    /** A nominated honour, refused (403) outside a scoped user's colleges. */
    async honourFor(documentId: unknown, user: User) {
      const row =
        typeof documentId === 'string'
          ? await strapi.db.query(UID.honour).findOne({
              where: { documentId },
              populate: {
                ...POPULATE,
                alumnus: {
                  select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
                },
              },
            })
          : null;
      if (!row) throw new errors.NotFoundError('No honour has this documentId');
      const scope = await scopeOf(user);
      if (!scope.all && !(row.appraisal?.collegeId && scope.colleges.includes(Number(row.appraisal.collegeId))))
        throw forbiddenError('honour', 'outside your colleges and chapters');
      return row;
    },

    /** The committee's approval: the honour is awarded today, and the alumnus told. */
    async approve(documentId: string, user: User) {
      const row = await service.honourFor(documentId, user);
      if (row.honourStatus !== 'nominated')
        throw conflictError([fieldError('honourStatus', `only a nominated honour can be approved (this one is ${row.honourStatus})`)]);
      return strapi.db.transaction(async () => {
        await strapi.documents(UID.honour as any).update({
          documentId,
          data: {
            honourStatus: 'awarded',
            awardedOn: today(),
            decidedBy: user.id,
          } as any,
        });
        const a = row.alumnus;
        if (a?.email && a.contactConsent) {
          const locale: Locale = a.language === 'en' ? 'en' : 'zh-Hans';
          await strapi
            .plugin('liaison')
            .service('outbox')
            .enqueue([
              {
                to: a.email,
                ...awardMail(locale, {
                  name: a.name,
                  title: row.title,
                  citation: row.citation,
                }),
                kind: 'honour-awarded',
                dedupeKey: `honour-awarded:${documentId}`,
                alumnusId: a.id,
                locale,
              },
            ]);
        }
        return present(await strapi.db.query(UID.honour).findOne({ where: { documentId }, populate: POPULATE }));
      });
    },

    async reject(documentId: string, body: any, user: User) {
      const row = await service.honourFor(documentId, user);
      if (typeof body?.reason !== 'string' || !body.reason.trim())
        throw validationError([fieldError('reason', 'a rejection needs its reason')]);
      if (row.honourStatus !== 'nominated')
        throw conflictError([fieldError('honourStatus', `only a nominated honour can be rejected (this one is ${row.honourStatus})`)]);
      await strapi.documents(UID.honour as any).update({
        documentId,
        data: {
          honourStatus: 'rejected',
          rejectionReason: body.reason.trim(),
          decidedBy: user.id,
        } as any,
      });
      return present(await strapi.db.query(UID.honour).findOne({ where: { documentId }, populate: POPULATE }));
    },

    /** Honours with filters: a liaison's history is `?alumnus=`. */
    async list(query: any, user: User) {
      const problems: FieldError[] = [];
      const where: any = {};
      if (query.alumnus) {
        const a = await strapi.db.query(UID.alumnus).findOne({
          where: { documentId: String(query.alumnus) },
          select: ['id'],
        });
        if (!a) problems.push(fieldError('alumnus', 'no alumnus has this documentId'));
        else where.alumnus = { id: a.id };
      }
      if (query.cycle) {
        const cy = await strapi.db.query(UID.cycle).findOne({
          where: { documentId: String(query.cycle) },
          select: ['id'],
        });
        if (!cy) problems.push(fieldError('cycle', 'must be the documentId of an appraisal cycle'));
        else where.cycle = { id: cy.id };
      }
      if (query.kind) {
        if (!KINDS.includes(query.kind)) problems.push(fieldError('kind', `must be one of ${KINDS.join(', ')}`));
        else where.kind = query.kind;
      }
      if (query.status) {
        if (!STATUSES.includes(query.status)) problems.push(fieldError('status', `must be one of ${STATUSES.join(', ')}`));
        else where.honourStatus = query.status;
      }
      const whole = (name: string, v: unknown, fallback: number, max: number) => {
        if (v === undefined || v === '') return fallback;
        const x = Number(v);
        if (!Number.isInteger(x) || x < 1 || x > max) problems.push(fieldError(name, `must be a whole number from 1 to ${max}`));
        return Number.isInteger(x) ? x : fallback;
      };
      const page = whole('page', query.page, 1, 100000);
      const pageSize = whole('pageSize', query.pageSize, 25, 200);
      if (problems.length) throw validationError(problems);
      const scope = await scopeOf(user);
      if (!scope.all)
        where.appraisal = {
          collegeId: { $in: scope.colleges.length ? scope.colleges : [-1] },
        };
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.honour).findMany({
          where,
          populate: POPULATE,
          orderBy: [{ year: 'desc' }, { id: 'desc' }],
          limit: pageSize,
          offset: (page - 1) * pageSize,
        }),
        strapi.db.query(UID.honour).count({ where }),
      ]);
      return {
        data: rows.map(present),
        meta: {
          pagination: {
            page,
            pageSize,
            pageCount: Math.ceil(total / pageSize),
            total,
          },
        },
      };
    },

    /** Who may have an honour of this kind for the cycle, by their best grade in it (one statement). */
    async eligible(query: any, user: User) {
      const cycle = await findCycle(query.cycle);
      if (!KINDS.includes(query.kind)) throw validationError([fieldError('kind', `must be one of ${KINDS.join(', ')}`)]);
      const kind = query.kind as Kind;
      const rules = await service.rules();
      const scope = await scopeOf(user);
      const all = await standings(cycle.id);
      const taken = await strapi.db.query(UID.honour).findMany({
        where: {
          cycle: { id: cycle.id },
          kind,
          honourStatus: { $ne: 'rejected' },
        },
        populate: { alumnus: { select: ['id'] } },
      });
      const nominated = new Set(taken.map((h: any) => h.alumnus?.id));
      return [...all.values()]
        .filter((s) => isEligible(kind, s.grade, rules) && (scope.all || (s.collegeId && scope.colleges.includes(s.collegeId))))
        .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans'))
        .map((s) => ({
          alumnus: { documentId: s.documentId, name: s.name },
          grade: s.grade,
          post: s.post,
          nominated: nominated.has(s.alumnusId),
        }));
    },

    /**
     * The public honour roll: awarded honours shown publicly, of alumni who consented to
     * publication, with only public fields; the scope named in the asked locale.
     */
    async roll(q: { locale: 'zh-Hans' | 'en'; year?: number; dimension?: string; page: number; pageSize: number }) {
      const H = t(UID.honour);
      const h = (x: string) => `h.${c(UID.honour, x)}`;
      const lh = {
        alumnus: joinOf(strapi, UID.honour, 'alumnus'),
        appraisal: joinOf(strapi, UID.honour, 'appraisal'),
      };
      const lp = joinOf(strapi, UID.appraisal, 'liaison');
      const post = (f: string) => joinOf(strapi, UID.post, f);
      const [lk, lc, lch, li] = [post('cohort'), post('college'), post('chapter'), post('industry')];
      const en = q.locale === 'en';
      const named = (uid: string, alias: string) =>
        en ? `COALESCE(${alias}.${c(uid, 'nameEn')}, ${alias}.${c(uid, 'name')})` : `${alias}.${c(uid, 'name')}`;
      // TRUE is a keyword on both databases (SQLite keeps booleans as 1 and 0).
      const where = [`${h('honourStatus')} = 'awarded'`, `${h('showPublicly')} = TRUE`, `al.${c(UID.alumnus, 'publishConsent')} = TRUE`];
      const bindings: unknown[] = [];
      if (q.year) {
        where.push(`${h('year')} = ?`);
        bindings.push(q.year);
      }
      if (q.dimension) {
        where.push(`p.${c(UID.post, 'dimension')} = ?`);
        bindings.push(q.dimension);
      }
      const rows = await raw(
        `SELECT ${en ? `COALESCE(NULLIF(al.${c(UID.alumnus, 'displayNameEn')}, ''), NULLIF(al.${c(UID.alumnus, 'displayName')}, ''), al.${c(UID.alumnus, 'name')})` : `COALESCE(NULLIF(al.${c(UID.alumnus, 'displayName')}, ''), al.${c(UID.alumnus, 'name')})`} AS name, ${h('kind')} AS kind, ${h('title')} AS title, ${h('year')} AS year,
           p.${c(UID.post, 'dimension')} AS dimension,
           COALESCE(k.${c(UID.cohort, 'className')}, ${named(UID.college, 'co')}, ${named(UID.chapter, 'ch')}, ${named(UID.industry, 'ig')}) AS scope,
           COUNT(*) OVER () AS all_rows
         FROM ${H} h
           JOIN ${lh.alumnus.table} la ON la.${lh.alumnus.from} = h.id
           JOIN ${t(UID.alumnus)} al ON al.id = la.${lh.alumnus.to}
           LEFT JOIN ${lh.appraisal.table} lap ON lap.${lh.appraisal.from} = h.id
           LEFT JOIN ${lp.table} lp ON lp.${lp.from} = lap.${lh.appraisal.to}
           LEFT JOIN ${t(UID.post)} p ON p.id = lp.${lp.to}
           LEFT JOIN ${lk.table} lk ON lk.${lk.from} = p.id LEFT JOIN ${t(UID.cohort)} k ON k.id = lk.${lk.to}
           LEFT JOIN ${lc.table} lc ON lc.${lc.from} = p.id LEFT JOIN ${t(UID.college)} co ON co.id = lc.${lc.to}
           LEFT JOIN ${lch.table} lch ON lch.${lch.from} = p.id LEFT JOIN ${t(UID.chapter)} ch ON ch.id = lch.${lch.to}
           LEFT JOIN ${li.table} li ON li.${li.from} = p.id LEFT JOIN ${t(UID.industry)} ig ON ig.id = li.${li.to}
         WHERE ${where.join(' AND ')}
         ORDER BY ${h('year')} DESC, ${h('kind')}, al.${c(UID.alumnus, 'name')}, h.id
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
        bindings,
      );
      const total = rows.length ? Number(rows[0].all_rows) : 0;
      return {
        data: rows.map((r) => ({
          name: r.name,
          kind: r.kind,
          title: r.title,
          year: r.year === null ? null : Number(r.year),
          dimension: r.dimension ?? null,
          scope: r.scope ?? null,
        })),
        meta: {
          pagination: {
            page: q.page,
            pageSize: q.pageSize,
            pageCount: Math.ceil(total / q.pageSize),
            total,
          },
        },
      };
    },
  };
  return service;
};

