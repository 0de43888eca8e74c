import type { Core } from '@strapi/strapi';
import { DIMENSIONS, type Dimension } from '../vocabulary';
import { errors } from '@strapi/utils';
import { fieldError, type FieldError } from '../rules/field-error';
import { conflictError, forbiddenError, requestLanguage, validationError } from '../utils/errors';
import { columnOf, isPostgres, joinOf, rowsOf, tableOf } from '../utils/db';
import { insertDocuments, updateRows } from '../utils/bulk-insert';
import { refreshRecordLabels } from '../services/record-labels';
import { measureOf, registeredMeasures } from './measures';
import {
  checkCriteria,
  checkPeriod,
  checkScore,
  checkThresholds,
  DEFAULT_THRESHOLDS,
  GRADES,
  gradeOf,
  normalise,
  rankWithin,
  totalOf,
  type Criterion,
  type Thresholds,
} from './rules';
import { resultMail, noteMail, type Locale } from './templates';

export const UID = {
  cycle: 'plugin::liaison.appraisal-cycle',
  appraisal: 'plugin::liaison.appraisal',
  score: 'plugin::liaison.appraisal-score',
  note: 'plugin::liaison.appraisal-note',
  post: 'plugin::liaison.liaison',
  alumnus: 'plugin::liaison.alumnus',
  cohort: 'plugin::liaison.cohort',
  college: 'plugin::liaison.college',
  chapter: 'plugin::liaison.chapter',
  industry: 'plugin::liaison.industry-group',
} as const;

const SCOPE_FIELD: Record<Dimension, 'cohort' | 'college' | 'chapter' | 'industry'> = {
  cohort: 'cohort',
  college: 'college',
  region: 'chapter',
  industry: 'industry',
};
const SCOPE_UID: Record<Dimension, string> = {
  cohort: UID.cohort,
  college: UID.college,
  region: UID.chapter,
  industry: UID.industry,
};
/** Posts appraised in a cycle: those that held their post at some time in the period. */
const APPRAISED_STATUSES = ['active', 'approved', 'ended'];
const SORTS: Record<string, string> = {
  rank: 'dimension_order, a_rank, alumnus_name',
  '-rank': 'dimension_order, a_rank DESC, alumnus_name',
  total: 'a_total, alumnus_name',
  '-total': 'a_total DESC, alumnus_name',
  name: 'alumnus_name, id',
  '-name': 'alumnus_name DESC, id',
};

type User = any;
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const parseJson = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : (v ?? null));
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);


export default ({ strapi }: { strapi: Core.Strapi }) => {
  const t = (uid: string) => tableOf(strapi, uid);
  const c = (uid: string, attribute: string) => columnOf(strapi, uid, attribute);
  const raw = async (sql: string, bindings: unknown[] = [], trx?: any) =>
    rowsOf(await (trx ?? strapi.db.connection).raw(sql, bindings as any));
  const access = (user: User) => strapi.plugin('liaison').service('access').scopeOf(user);
  const outbox = () => strapi.plugin('liaison').service('outbox');

  const presentCycle = (row: any) => ({
    documentId: row.documentId,
    name: row.name,
    periodStart: day(row.periodStart),
    periodEnd: day(row.periodEnd),
    cycleStatus: row.cycleStatus,
    criteria: parseJson(row.criteria) ?? [],
    thresholds: parseJson(row.thresholds) ?? DEFAULT_THRESHOLDS,
    closedAt: row.closedAt ?? null,
  });

  const findCycle = async (documentId: string) => {
    const row = typeof documentId === 'string' ? await strapi.db.query(UID.cycle).findOne({ where: { documentId } }) : null;
    if (!row) throw new errors.NotFoundError('No appraisal cycle has this documentId');
    return row;
  };

  const assertOpen = (cycle: any, path = 'cycle') => {
    if (cycle.cycleStatus === 'closed') throw conflictError([fieldError(path, 'the appraisal cycle is closed: its results are frozen')]);
  };

  /** The posts held at some time in the cycle's period, with their dimension, scope and college. */
  const postsOfPeriod = async (cycle: any, trx?: any) => {
    const P = t(UID.post);
    const link = (f: string) => joinOf(strapi, UID.post, f);
    const [lk, lc, lh, li] = ['cohort', 'college', 'chapter', 'industry'].map(link);
    const toCollege = joinOf(strapi, UID.cohort, 'college');
    const rows = await raw(
      `SELECT p.id AS id, p.${c(UID.post, 'dimension')} AS dimension,
         lk.${lk.to} AS cohort_id, lc.${lc.to} AS college_id, lh.${lh.to} AS chapter_id, li.${li.to} AS industry_id,
         kc.${toCollege.to} AS cohort_college_id
       FROM ${P} p
         LEFT JOIN ${lk.table} lk ON lk.${lk.from} = p.id
         LEFT JOIN ${lc.table} lc ON lc.${lc.from} = p.id
         LEFT JOIN ${lh.table} lh ON lh.${lh.from} = p.id
         LEFT JOIN ${li.table} li ON li.${li.from} = p.id
         LEFT JOIN ${toCollege.table} kc ON kc.${toCollege.from} = lk.${lk.to}
       WHERE p.${c(UID.post, 'postStatus')} IN (${APPRAISED_STATUSES.map(() => '?').join(', ')})
         AND p.${c(UID.post, 'termStart')} <= ?
         AND (p.${c(UID.post, 'termEnd')} IS NULL OR p.${c(UID.post, 'termEnd')} >= ?)`,
      [...APPRAISED_STATUSES, day(cycle.periodEnd), day(cycle.periodStart)],
      trx,
    );
    return rows.map((r) => {
      const dimension = r.dimension as Dimension;
      const scopeId = n(r[`${SCOPE_FIELD[dimension] === 'chapter' ? 'chapter' : SCOPE_FIELD[dimension]}_id`]);
      return {
        postId: Number(r.id),
        dimension,
        scopeKey: `${dimension}:${scopeId ?? ''}`,
        collegeId: dimension === 'college' ? n(r.college_id) : dimension === 'cohort' ? n(r.cohort_college_id) : null,
      };
    });
  };

  /** The cycle's appraisal rows: id, post, dimension, scope, stored figures. */
  const appraisalsOf = async (cycleId: number, trx?: any, dimension?: string) => {
    const A = t(UID.appraisal);
    const lc = joinOf(strapi, UID.appraisal, 'cycle');
    const lp = joinOf(strapi, UID.appraisal, 'liaison');
    const rows = await raw(
      `SELECT a.id AS id, lp.${lp.to} AS post_id, a.${c(UID.appraisal, 'dimension')} AS dimension,
         a.${c(UID.appraisal, 'scopeKey')} AS scope_key, a.${c(UID.appraisal, 'measures')} AS measures,
         a.${c(UID.appraisal, 'scores')} AS scores, a.${c(UID.appraisal, 'total')} AS total,
         a.${c(UID.appraisal, 'grade')} AS grade, a.${c(UID.appraisal, 'rank')} AS a_rank,
         a.${c(UID.appraisal, 'scopeRank')} AS scope_rank
       FROM ${A} a JOIN ${lc.table} lc ON lc.${lc.from} = a.id
         LEFT JOIN ${lp.table} lp ON lp.${lp.from} = a.id
       WHERE lc.${lc.to} = ?${dimension ? ` AND a.${c(UID.appraisal, 'dimension')} = ?` : ''}`,
      dimension ? [cycleId, dimension] : [cycleId],
      trx,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      postId: n(r.post_id),
      dimension: r.dimension as string | null,
      scopeKey: r.scope_key as string | null,
      measures: (parseJson(r.measures) ?? {}) as Record<string, number>,
      scores: (parseJson(r.scores) ?? {}) as Record<string, number | null>,
      total: n(r.total),
      grade: r.grade as string | null,
      rank: n(r.a_rank),
      scopeRank: n(r.scope_rank),
    }));
  };

  /** Mean reviewer score per appraisal and criterion, for a cycle (one statement). */
  const meanScores = async (cycleId: number, trx?: any) => {
    const S = t(UID.score);
    const ls = joinOf(strapi, UID.score, 'appraisal');
    const lc = joinOf(strapi, UID.appraisal, 'cycle');
    const rows = await raw(
      `SELECT ls.${ls.to} AS appraisal_id, s.${c(UID.score, 'criterion')} AS criterion, AVG(s.${c(UID.score, 'score')}) AS mean
       FROM ${S} s JOIN ${ls.table} ls ON ls.${ls.from} = s.id
         JOIN ${lc.table} lc ON lc.${lc.from} = ls.${ls.to}
       WHERE lc.${lc.to} = ?
       GROUP BY ls.${ls.to}, s.${c(UID.score, 'criterion')}`,
      [cycleId],
      trx,
    );
    const out = new Map<number, Record<string, number>>();
    for (const r of rows) {
      const id = Number(r.appraisal_id);
      (out.get(id) ?? out.set(id, {}).get(id)!)[r.criterion] = Math.round(Number(r.mean) * 100) / 100;
    }
    return out;
  };

  /**
   * Recomputes a cycle's appraisals: (re)measures when asked (one statement per measure),
   * then totals, grades and ranks from the stored figures and the reviewers' means, and
   * writes the rows that changed in batched statements.
   */
  const recompute = async (cycle: any, options: { measure: boolean; dimension?: string }, trx: any) => {
    const criteria = (parseJson(cycle.criteria) ?? []) as Criterion[];
    const thresholds = (parseJson(cycle.thresholds) ?? DEFAULT_THRESHOLDS) as Thresholds;
    const rows = await appraisalsOf(cycle.id, trx, options.dimension);
    const means = await meanScores(cycle.id, trx);
    const raws = new Map<number, Record<string, number>>();
    if (options.measure) {
      const period = {
        strapi,
        periodStart: day(cycle.periodStart)!,
        periodEnd: day(cycle.periodEnd)!,
      };
      for (const criterion of criteria.filter((x) => x.kind === 'measured')) {
        const measure = measureOf(criterion.measure!);
        if (!measure) continue;
        const { sql, bindings } = measure.query(period);
        for (const r of await raw(sql, bindings, trx)) {
          const postId = Number(r.post_id);
          (raws.get(postId) ?? raws.set(postId, {}).get(postId)!)[criterion.key] = Number(r.value) || 0;
        }
      }
    }
    const computed = rows.map((row) => {
      const measures = options.measure
        ? Object.fromEntries(criteria.filter((x) => x.kind === 'measured').map((x) => [x.key, raws.get(row.postId ?? -1)?.[x.key] ?? 0]))
        : row.measures;
      const scores = Object.fromEntries(
        criteria.filter((x) => x.kind === 'scored').map((x) => [x.key, means.get(row.id)?.[x.key] ?? null]),
      );
      return {
        row,
        measures,
        scores,
        total: 0,
        grade: 'fail',
        dimension: row.dimension ?? '',
      };
    });
    // Normalisation within each dimension: the dimension's best figure of each measure is 100.
    const best = new Map<string, number>();
    for (const x of computed) {
      for (const [key, value] of Object.entries(x.measures)) {
        const k = `${x.dimension}|${key}`;
        best.set(k, Math.max(best.get(k) ?? 0, Number(value) || 0));
      }
    }
    for (const x of computed) {
      const normalised = Object.fromEntries(
        Object.entries(x.measures).map(([key, value]) => [key, normalise(Number(value) || 0, best.get(`${x.dimension}|${key}`) ?? 0)]),
      );
      x.total = totalOf(criteria, normalised, x.scores).total;
      x.grade = gradeOf(x.total, thresholds);
    }
    const ranks = rankWithin(computed, (x) => x.dimension);
    const scopeRanks = rankWithin(computed, (x) => `${x.dimension}|${x.row.scopeKey}`);
    const changed = computed.filter(
      (x) =>
        options.measure ||
        x.total !== x.row.total ||
        x.grade !== x.row.grade ||
        ranks.get(x) !== x.row.rank ||
        scopeRanks.get(x) !== x.row.scopeRank ||
        JSON.stringify(x.scores) !== JSON.stringify(x.row.scores),
    );
    await updateRows(
      strapi,
      trx,
      UID.appraisal,
      ['measures', 'scores', 'total', 'grade', 'rank', 'scopeRank'],
      changed.map((x) => ({
        id: x.row.id,
        values: [x.measures, x.scores, x.total, x.grade, ranks.get(x), scopeRanks.get(x)],
      })),
    );
    return { appraisals: rows.length, updated: changed.length };
  };

  /** Adds an appraisal for each post of the period not yet in the cycle, and refreshes every row's dimension and scope. */
  const enrol = async (cycle: any, trx: any) => {
    const posts = await postsOfPeriod(cycle, trx);
    const existing = await appraisalsOf(cycle.id, trx);
    const have = new Set(existing.map((a) => a.postId));
    const fresh = posts.filter((p) => !have.has(p.postId));
    const inserted = await insertDocuments(
      strapi,
      trx,
      UID.appraisal,
      fresh.map((p) => ({
        data: {
          dimension: p.dimension,
          scopeKey: p.scopeKey,
          collegeId: p.collegeId,
          measures: {},
          scores: {},
        },
        links: { cycle: cycle.id, liaison: p.postId },
      })),
    );
    const byPost = new Map(posts.map((p) => [p.postId, p]));
    const stale = existing.filter((a) => {
      const p = a.postId !== null ? byPost.get(a.postId) : undefined;
      return p && (p.dimension !== a.dimension || p.scopeKey !== a.scopeKey);
    });
    await updateRows(
      strapi,
      trx,
      UID.appraisal,
      ['dimension', 'scopeKey', 'collegeId'],
      stale.map((a) => {
        const p = byPost.get(a.postId!)!;
        return { id: a.id, values: [p.dimension, p.scopeKey, p.collegeId] };
      }),
    );
    if (inserted.length) await refreshRecordLabels(strapi, UID.appraisal, { ids: inserted.map((i) => i.id) }, trx);
    return inserted.length;
  };

  const lockCycle = async (cycleId: number, trx: any) => {
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [774500, cycleId]);
  };

  /** The scoped user's colleges, or null for the whole network. */
  const collegesOf = async (user: User): Promise<number[] | null> => {
    const scope = await access(user);
    return scope.all ? null : scope.colleges;
  };

  /** An appraisal by documentId with its cycle, refused (403) outside a scoped user's colleges. */
  const appraisalFor = async (documentId: unknown, user: User) => {
    const row =
      typeof documentId === 'string'
        ? await strapi.db.query(UID.appraisal).findOne({
            where: { documentId },
            populate: {
              cycle: true,
              liaison: {
                populate: {
                  alumnus: {
                    select: ['id', 'documentId', 'name', 'email', 'contactConsent', 'language'],
                  },
                },
              },
            },
          })
        : null;
    if (!row || !row.cycle) throw new errors.NotFoundError('No appraisal has this documentId');
    const colleges = await collegesOf(user);
    if (colleges && !(row.collegeId && colleges.includes(Number(row.collegeId)))) {
      throw forbiddenError('appraisal', 'outside your colleges and chapters');
    }
    return row;
  };

  const validateCycleBody = (body: any, partial: boolean) => {
    const problems: FieldError[] = [];
    if (!body || typeof body !== 'object') return [fieldError('body', 'is required')];
    if (!partial || body.name !== undefined) {
      if (typeof body.name !== 'string' || !body.name.trim()) problems.push(fieldError('name', 'is required'));
      else if (body.name.length > 200) problems.push(fieldError('name', 'must be at most 200 characters'));
    }
    if (!partial || body.periodStart !== undefined || body.periodEnd !== undefined)
      problems.push(...checkPeriod(body.periodStart, body.periodEnd));
    if (!partial || body.criteria !== undefined)
      problems.push(
        ...checkCriteria(
          body.criteria,
          registeredMeasures().map((m) => m.key),
        ),
      );
    problems.push(...checkThresholds(body.thresholds));
    return problems;
  };

  const cleanCriteria = (criteria: any[]): Criterion[] =>
    criteria.map((x) => ({
      key: x.key,
      kind: x.kind,
      ...(x.kind === 'measured' ? { measure: x.measure } : {}),
      weight: x.weight,
    }));

  const service = {
    measures() {
      const lang = requestLanguage();
      return registeredMeasures().map((m) => ({
        key: m.key,
        label: m.label[lang] ?? m.label.en,
      }));
    },

    async listCycles() {
      const rows = await strapi.db.query(UID.cycle).findMany({ orderBy: [{ periodStart: 'desc' }, { id: 'desc' }] });
      return rows.map(presentCycle);
    },

    async getCycle(documentId: string) {
      return presentCycle(await findCycle(documentId));
    },

    async createCycle(body: any) {
      const problems = validateCycleBody(body, false);
      if (problems.length) throw validationError(problems);
      return strapi.db.transaction(async ({ trx }) => {
        const created = await strapi.documents(UID.cycle as any).create({
          data: {
            name: body.name.trim(),
            periodStart: body.periodStart,
            periodEnd: body.periodEnd,
            cycleStatus: 'open',
            criteria: cleanCriteria(body.criteria),
            thresholds: body.thresholds ?? DEFAULT_THRESHOLDS,
          } as any,
        });
        const cycle = await strapi.db.query(UID.cycle).findOne({ where: { documentId: created.documentId } });
        const appraisals = await enrol(cycle, trx);
        await recompute(cycle, { measure: true }, trx);
        return { ...presentCycle(cycle), appraisals };
      });
    },

    async updateCycle(documentId: string, body: any) {
      const cycle = await findCycle(documentId);
      assertOpen(cycle);
      const merged = {
        name: body?.name ?? cycle.name,
        periodStart: body?.periodStart ?? day(cycle.periodStart),
        periodEnd: body?.periodEnd ?? day(cycle.periodEnd),
        criteria: body?.criteria ?? parseJson(cycle.criteria),
        thresholds: body?.thresholds ?? parseJson(cycle.thresholds),
      };
      const problems = validateCycleBody(merged, false);
      if (problems.length) throw validationError(problems);
      return strapi.db.transaction(async ({ trx }) => {
        await lockCycle(cycle.id, trx);
        const fresh = await findCycle(documentId);
        assertOpen(fresh);
        await strapi.documents(UID.cycle as any).update({
          documentId,
          data: {
            ...merged,
            name: String(merged.name).trim(),
            criteria: cleanCriteria(merged.criteria),
          } as any,
        });
        const updated = await findCycle(documentId);
        await enrol(updated, trx);
        await recompute(updated, { measure: true }, trx);
        return presentCycle(updated);
      });
    },

    /** Measures the cycle again (new contacts, events …) and recomputes every total. */
    async compute(documentId: string) {
      const cycle = await findCycle(documentId);
      assertOpen(cycle);
      return strapi.db.transaction(async ({ trx }) => {
        await lockCycle(cycle.id, trx);
        const fresh = await findCycle(documentId);
        assertOpen(fresh);
        const started = Date.now();
        const added = await enrol(fresh, trx);
        const { appraisals } = await recompute(fresh, { measure: true }, trx);
        return { appraisals, added, milliseconds: Date.now() - started };
      });
    },

    /** Measured figures, totals, grades and ranks of a whole cycle (the benchmark's question): one statement per measure. */
    async measureCycle(cycle: any) {
      return strapi.db.transaction(({ trx }) => recompute(cycle, { measure: true }, trx));
    },

    /** Every open cycle, enrolled and measured again (the nightly job); returns how many. */
    async recomputeOpenCycles() {
      const open = await strapi.db.query(UID.cycle).findMany({ where: { cycleStatus: { $ne: 'closed' } }, select: ['documentId'] });
      for (const c of open) await service.compute(c.documentId);
      return open.length;
    },

    /** Enrols the period's posts and computes everything, whatever the cycle's status (demo data, imports). */
    async refreshCycle(cycle: any) {
      return strapi.db.transaction(async ({ trx }) => {
        await enrol(cycle, trx);
        return recompute(cycle, { measure: true }, trx);
      });
    },

    async close(documentId: string) {
      const cycle = await findCycle(documentId);
      assertOpen(cycle);
      return strapi.db.transaction(async ({ trx }) => {
        await lockCycle(cycle.id, trx);
        const fresh = await findCycle(documentId);
        assertOpen(fresh);
        await enrol(fresh, trx);
        await recompute(fresh, { measure: true }, trx);
        await strapi.db.query(UID.cycle).update({
          where: { id: fresh.id },
          data: { cycleStatus: 'closed', closedAt: new Date() },
        });
        const mailed = await service.mailResults(fresh, trx);
        return { ...presentCycle(await findCycle(documentId)), mailed };
      });
    },

    /** Each appraised liaison who may be contacted gets their result and the reviewers' comments. */
    async mailResults(cycle: any, trx: any) {
      const rows = await service.resultRows(cycle, { colleges: null }, { all: true }, trx);
      const comments = await service.commentsOf(
        rows.map((r: any) => r.id),
        trx,
      );
      const mails = rows
        .filter((r: any) => r.alumnus_email && (r.alumnus_consent === true || r.alumnus_consent === 1 || r.alumnus_consent === '1'))
        .map((r: any) => {
          const locale: Locale = r.alumnus_language === 'en' ? 'en' : 'zh-Hans';
          return {
            to: r.alumnus_email,
            ...resultMail(locale, {
              name: r.alumnus_name,
              cycle: cycle.name,
              post: r.post_label ?? r.scope_name ?? '',
              total: Number(r.a_total ?? 0),
              grade: r.a_grade ?? 'fail',
              rank: n(r.a_rank),
              comments: (comments.get(Number(r.id)) ?? []).map((x) => ({
                criterion: x.criterion,
                score: x.score,
                comment: x.comment,
              })),
            }),
            kind: 'appraisal-result',
            dedupeKey: `appraisal-result:${r.document_id}`,
            alumnusId: Number(r.alumnus_id),
            locale,
          };
        });
      return outbox().enqueue(mails);
    },

    /**
     * The rows of a cycle's results with the post, holder and scope: one statement. With
     * `page`, also the total count and the grade counts (window aggregates over the
     * filtered rows, before the grade filter, so the chart shows the whole distribution).
     */
    async resultRows(cycle: any, scope: { colleges: number[] | null }, q: any, trx?: any) {
      const A = t(UID.appraisal);
      const P = t(UID.post);
      const AL = t(UID.alumnus);
      const lc = joinOf(strapi, UID.appraisal, 'cycle');
      const lp = joinOf(strapi, UID.appraisal, 'liaison');
      const la = joinOf(strapi, UID.post, 'alumnus');
      const links = {
        cohort: joinOf(strapi, UID.post, 'cohort'),
        college: joinOf(strapi, UID.post, 'college'),
        chapter: joinOf(strapi, UID.post, 'chapter'),
        industry: joinOf(strapi, UID.post, 'industry'),
      };
      const ac = (a: string) => `a.${c(UID.appraisal, a)}`;
      const where: string[] = [`lc.${lc.to} = ?`];
      const bindings: unknown[] = [cycle.id];
      if (scope.colleges) {
        if (!scope.colleges.length) where.push('1 = 0');
        else {
          where.push(`${ac('collegeId')} IN (${scope.colleges.map(() => '?').join(', ')})`);
          bindings.push(...scope.colleges);
        }
      }
      if (q.dimension) {
        where.push(`${ac('dimension')} = ?`);
        bindings.push(q.dimension);
      }
      if (q.scopeKey) {
        where.push(`${ac('scopeKey')} = ?`);
        bindings.push(q.scopeKey);
      }
      const gradeFilter = q.grade ? `WHERE a_grade = ?` : '';
      const dimOrder = `CASE ${ac('dimension')} ${DIMENSIONS.map((d, i) => `WHEN '${d}' THEN ${i}`).join(' ')} ELSE 9 END`;
      const sql = `
        WITH r AS (
          SELECT a.id AS id, a.${c(UID.appraisal, 'documentId')} AS document_id, ${ac('dimension')} AS dimension, ${dimOrder} AS dimension_order,
            ${ac('measures')} AS measures, ${ac('scores')} AS scores, ${ac('total')} AS a_total, ${ac('grade')} AS a_grade,
            ${ac('rank')} AS a_rank, ${ac('scopeRank')} AS scope_rank,
            p.id AS post_id, p.${c(UID.post, 'documentId')} AS post_document_id, p.${c(UID.post, 'label')} AS post_label,
            al.id AS alumnus_id, al.${c(UID.alumnus, 'documentId')} AS alumnus_document_id, al.${c(UID.alumnus, 'name')} AS alumnus_name,
            al.${c(UID.alumnus, 'email')} AS alumnus_email, al.${c(UID.alumnus, 'contactConsent')} AS alumnus_consent,
            al.${c(UID.alumnus, 'language')} AS alumnus_language,
            COALESCE(k.${c(UID.cohort, 'documentId')}, co.${c(UID.college, 'documentId')}, ch.${c(UID.chapter, 'documentId')}, ig.${c(UID.industry, 'documentId')}) AS scope_document_id,
            COALESCE(k.${c(UID.cohort, 'className')}, co.${c(UID.college, 'name')}, ch.${c(UID.chapter, 'name')}, ig.${c(UID.industry, 'name')}) AS scope_name
          FROM ${A} a
            JOIN ${lc.table} lc ON lc.${lc.from} = a.id
            LEFT JOIN ${lp.table} lp ON lp.${lp.from} = a.id
            LEFT JOIN ${P} p ON p.id = lp.${lp.to}
            LEFT JOIN ${la.table} la ON la.${la.from} = p.id
            LEFT JOIN ${AL} al ON al.id = la.${la.to}
            LEFT JOIN ${links.cohort.table} lk ON lk.${links.cohort.from} = p.id AND ${ac('dimension')} = 'cohort'
            LEFT JOIN ${t(UID.cohort)} k ON k.id = lk.${links.cohort.to}
            LEFT JOIN ${links.college.table} lo ON lo.${links.college.from} = p.id AND ${ac('dimension')} = 'college'
            LEFT JOIN ${t(UID.college)} co ON co.id = lo.${links.college.to}
            LEFT JOIN ${links.chapter.table} lh ON lh.${links.chapter.from} = p.id AND ${ac('dimension')} = 'region'
            LEFT JOIN ${t(UID.chapter)} ch ON ch.id = lh.${links.chapter.to}
            LEFT JOIN ${links.industry.table} li ON li.${links.industry.from} = p.id AND ${ac('dimension')} = 'industry'
            LEFT JOIN ${t(UID.industry)} ig ON ig.id = li.${links.industry.to}
          WHERE ${where.join(' AND ')}),
        g AS (SELECT r.*, COUNT(*) OVER () AS all_rows,
            SUM(CASE WHEN a_grade = 'excellent' THEN 1 ELSE 0 END) OVER () AS g_excellent,
            SUM(CASE WHEN a_grade = 'good' THEN 1 ELSE 0 END) OVER () AS g_good,
            SUM(CASE WHEN a_grade = 'pass' THEN 1 ELSE 0 END) OVER () AS g_pass,
            SUM(CASE WHEN a_grade = 'fail' THEN 1 ELSE 0 END) OVER () AS g_fail
          FROM r),
        f AS (SELECT g.*, COUNT(*) OVER () AS filtered_rows FROM g ${gradeFilter})
        SELECT * FROM f ORDER BY ${SORTS[q.sort ?? 'rank'] ?? SORTS.rank}
        ${q.page ? `LIMIT ${Number(q.pageSize)} OFFSET ${(Number(q.page) - 1) * Number(q.pageSize)}` : ''}`;
      if (q.grade) bindings.push(q.grade);
      return raw(sql, bindings, trx);
    },

    /** Every reviewer's score and comment on the given appraisals. */
    async commentsOf(appraisalIds: number[], trx?: any) {
      const out = new Map<
        number,
        {
          criterion: string;
          score: number;
          comment: string | null;
          reviewer: string;
          reviewerId: number | null;
        }[]
      >();
      if (!appraisalIds.length) return out;
      const S = t(UID.score);
      const ls = joinOf(strapi, UID.score, 'appraisal');
      const lr = joinOf(strapi, UID.score, 'reviewer');
      for (let from = 0; from < appraisalIds.length; from += 5000) {
        const ids = appraisalIds.slice(from, from + 5000);
        const rows = await raw(
          `SELECT ls.${ls.to} AS appraisal_id, s.${c(UID.score, 'criterion')} AS criterion, s.${c(UID.score, 'score')} AS score,
             s.${c(UID.score, 'comment')} AS comment, u.id AS reviewer_id, u.firstname AS firstname, u.lastname AS lastname
           FROM ${S} s JOIN ${ls.table} ls ON ls.${ls.from} = s.id
             LEFT JOIN ${lr.table} lr ON lr.${lr.from} = s.id LEFT JOIN admin_users u ON u.id = lr.${lr.to}
           WHERE ls.${ls.to} IN (${ids.map(() => '?').join(', ')})
           ORDER BY s.id`,
          ids,
          trx,
        );
        for (const r of rows) {
          const id = Number(r.appraisal_id);
          (out.get(id) ?? out.set(id, []).get(id)!).push({
            criterion: r.criterion,
            score: Number(r.score),
            comment: r.comment ?? null,
            reviewer: [r.firstname, r.lastname].filter(Boolean).join(' '),
            reviewerId: n(r.reviewer_id),
          });
        }
      }
      return out;
    },

    async parseResultsQuery(query: any) {
      const problems: FieldError[] = [];
      const q: any = {};
      if (query.dimension !== undefined && query.dimension !== '') {
        if (!DIMENSIONS.includes(query.dimension)) problems.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
        else q.dimension = query.dimension;
      }
      if (query.scope !== undefined && query.scope !== '') {
        if (!q.dimension) problems.push(fieldError('scope', 'needs a dimension'));
        else {
          const scope = await strapi.db.query(SCOPE_UID[q.dimension as Dimension] as any).findOne({
            where: { documentId: String(query.scope) },
            select: ['id'],
          });
          if (!scope) problems.push(fieldError('scope', `no ${q.dimension} scope has this documentId`));
          else q.scopeKey = `${q.dimension}:${scope.id}`;
        }
      }
      if (query.grade !== undefined && query.grade !== '') {
        if (!GRADES.includes(query.grade)) problems.push(fieldError('grade', `must be one of ${GRADES.join(', ')}`));
        else q.grade = query.grade;
      }
      if (query.sort !== undefined && query.sort !== '') {
        if (typeof query.sort !== 'string' || !Object.prototype.hasOwnProperty.call(SORTS, query.sort)) problems.push(fieldError('sort', `must be one of ${Object.keys(SORTS).join(', ')}`));
        else q.sort = query.sort;
      }
      const whole = (name: string, value: unknown, fallback: number, max: number) => {
        if (value === undefined || value === '') return fallback;
        const v = Number(value);
        if (!Number.isInteger(v) || v < 1 || v > max) {
          problems.push(fieldError(name, `must be a whole number from 1 to ${max}`));
          return fallback;
        }
        return v;
      };
      q.page = whole('page', query.page, 1, 100000);
      q.pageSize = whole('pageSize', query.pageSize, 25, 200);
      if (problems.length) throw validationError(problems);
      return q;
    },

    async results(documentId: string, query: any, user: User) {
      const cycle = await findCycle(documentId);
      const q = await service.parseResultsQuery(query ?? {});
      const colleges = await collegesOf(user);
      const rows = await service.resultRows(cycle, { colleges }, q);
      const comments = await service.commentsOf(rows.map((r: any) => Number(r.id)));
      const first = rows[0];
      const total = first ? Number(first.filtered_rows) : await service.countFiltered(cycle, colleges, q);
      return {
        data: rows.map((r: any) => service.presentResult(r, comments.get(Number(r.id)) ?? [], user)),
        meta: {
          cycle: presentCycle(cycle),
          pagination: {
            page: q.page,
            pageSize: q.pageSize,
            pageCount: Math.ceil(total / q.pageSize),
            total,
          },
          grades: first
            ? {
                excellent: Number(first.g_excellent),
                good: Number(first.g_good),
                pass: Number(first.g_pass),
                fail: Number(first.g_fail),
              }
            : await service.gradeCounts(cycle, colleges, q),
        },
      };
    },

    /** Past the last page there is no row to read the counts from. */
    async countFiltered(cycle: any, colleges: number[] | null, q: any) {
      const rows = await service.resultRows(cycle, { colleges }, { ...q, page: undefined });
      return rows.length;
    },

    async gradeCounts(cycle: any, colleges: number[] | null, q: any) {
      const rows = await service.resultRows(cycle, { colleges }, { ...q, grade: undefined, page: 1, pageSize: 1 });
      const r = rows[0];
      return r
        ? {
            excellent: Number(r.g_excellent),
            good: Number(r.g_good),
            pass: Number(r.g_pass),
            fail: Number(r.g_fail),
          }
        : { excellent: 0, good: 0, pass: 0, fail: 0 };
    },

    presentResult(r: any, comments: any[], user: User) {
      const measures = parseJson(r.measures) ?? {};
      const scores = parseJson(r.scores) ?? {};
      return {
        appraisal: { documentId: r.document_id },
        post: {
          documentId: r.post_document_id,
          dimension: r.dimension,
          label: r.post_label,
          scope: { documentId: r.scope_document_id, name: r.scope_name },
        },
        alumnus: { documentId: r.alumnus_document_id, name: r.alumnus_name },
        measures,
        scores,
        total: n(r.a_total),
        grade: r.a_grade,
        rank: n(r.a_rank),
        scopeRank: n(r.scope_rank),
        myScores: Object.fromEntries(comments.filter((x) => x.reviewerId === user?.id).map((x) => [x.criterion, x.score])),
        comments: comments.map((x) => ({
          criterion: x.criterion,
          reviewer: x.reviewer,
          score: x.score,
          comment: x.comment,
        })),
      };
    },

    /** A reviewer's score on a scored criterion (replacing their earlier one); returns the new total, grade and rank. */
    async score(documentId: string, body: any, user: User) {
      const appraisal = await appraisalFor(documentId, user);
      const criteria = (parseJson(appraisal.cycle.criteria) ?? []) as Criterion[];
      const problems: FieldError[] = [];
      const criterion = criteria.find((x) => x.key === body?.criterion);
      if (!criterion || criterion.kind !== 'scored') {
        const scored = criteria.filter((x) => x.kind === 'scored').map((x) => x.key);
        problems.push(fieldError('criterion', `must be a scored criterion of the cycle: ${scored.join(', ') || 'none'}`));
      }
      problems.push(...checkScore(body?.score));
      if (body?.comment !== undefined && body.comment !== null && typeof body.comment !== 'string')
        problems.push(fieldError('comment', 'must be text'));
      else if (typeof body?.comment === 'string' && body.comment.length > 2000)
        problems.push(fieldError('comment', 'must be at most 2000 characters'));
      if (problems.length) throw validationError(problems);
      assertOpen(appraisal.cycle);
      return strapi.db.transaction(async ({ trx }) => {
        await lockCycle(appraisal.cycle.id, trx);
        const cycle = await strapi.db.query(UID.cycle).findOne({ where: { id: appraisal.cycle.id } });
        assertOpen(cycle);
        const existing = await strapi.db.query(UID.score).findOne({
          where: {
            appraisal: { id: appraisal.id },
            criterion: criterion!.key,
            reviewer: { id: user.id },
          },
        });
        const label = `${appraisal.label ?? ''} · ${criterion!.key}`.slice(0, 300);
        const data: any = {
          score: body.score,
          comment: body.comment ?? null,
          label,
        };
        if (existing) await strapi.documents(UID.score as any).update({ documentId: existing.documentId, data });
        else {
          await strapi.documents(UID.score as any).create({
            data: {
              ...data,
              criterion: criterion!.key,
              appraisal: appraisal.id,
              reviewer: user.id,
            },
          });
        }
        await recompute(cycle, { measure: false, dimension: appraisal.dimension ?? undefined }, trx);
        const fresh = await strapi.db.query(UID.appraisal).findOne({ where: { id: appraisal.id } });
        return {
          total: n(fresh.total),
          grade: fresh.grade,
          rank: n(fresh.rank),
          scopeRank: n(fresh.scopeRank),
          scores: parseJson(fresh.scores) ?? {},
        };
      });
    },

    /** Supervision feedback: kept with the appraisal, and the liaison is told by e-mail. */
    async note(documentId: string, body: any, user: User) {
      const appraisal = await appraisalFor(documentId, user);
      if (typeof body?.text !== 'string' || !body.text.trim()) throw validationError([fieldError('text', 'is required')]);
      if (body.text.length > 4000) throw validationError([fieldError('text', 'must be at most 4000 characters')]);
      assertOpen(appraisal.cycle);
      return strapi.db.transaction(async () => {
        const created = await strapi.documents(UID.note as any).create({
          data: {
            appraisal: appraisal.id,
            reviewer: user.id,
            text: body.text.trim(),
          } as any,
        });
        const alumnus = appraisal.liaison?.alumnus;
        let mailed = 0;
        if (alumnus?.email && alumnus.contactConsent) {
          const locale: Locale = alumnus.language === 'en' ? 'en' : 'zh-Hans';
          mailed = await outbox().enqueue([
            {
              to: alumnus.email,
              ...noteMail(locale, {
                name: alumnus.name,
                cycle: appraisal.cycle.name,
                post: appraisal.liaison?.label ?? '',
                text: body.text.trim(),
              }),
              kind: 'appraisal-feedback',
              dedupeKey: `appraisal-feedback:${created.documentId}`,
              alumnusId: alumnus.id,
              locale,
            },
          ]);
        }
        return {
          documentId: created.documentId,
          text: body.text.trim(),
          createdAt: created.createdAt,
          mailed,
        };
      });
    },

    /** The liaison's notes of an appraisal. */
    async notes(documentId: string, user: User) {
      const appraisal = await appraisalFor(documentId, user);
      const rows = await strapi.db.query(UID.note).findMany({
        where: { appraisal: { id: appraisal.id } },
        populate: { reviewer: { select: ['firstname', 'lastname'] } },
        orderBy: [{ createdAt: 'desc' }],
      });
      return rows.map((r: any) => ({
        documentId: r.documentId,
        text: r.text,
        reviewer: [r.reviewer?.firstname, r.reviewer?.lastname].filter(Boolean).join(' '),
        createdAt: r.createdAt,
      }));
    },

    /** Every row of the cycle (within the user's colleges), as the export's table. */
    async exportTable(documentId: string, user: User) {
      const cycle = await findCycle(documentId);
      const colleges = await collegesOf(user);
      const criteria = (parseJson(cycle.criteria) ?? []) as Criterion[];
      const rows = await service.resultRows(cycle, { colleges }, { sort: 'rank' });
      const lang = requestLanguage();
      const zh = lang === 'zh-Hans';
      const header = [
        zh ? '姓名' : 'Name',
        zh ? '维度' : 'Dimension',
        zh ? '范围' : 'Scope',
        zh ? '岗位' : 'Post',
        ...criteria.map((x) => `${x.key} (${x.weight}%)`),
        zh ? '总分' : 'Total',
        zh ? '等级' : 'Grade',
        zh ? '维度排名' : 'Rank in dimension',
        zh ? '范围内排名' : 'Rank in scope',
      ];
      const body = rows.map((r: any) => {
        const measures = parseJson(r.measures) ?? {};
        const scores = parseJson(r.scores) ?? {};
        return [
          r.alumnus_name ?? '',
          r.dimension ?? '',
          r.scope_name ?? '',
          r.post_label ?? '',
          ...criteria.map((x) => (x.kind === 'measured' ? (measures[x.key] ?? 0) : (scores[x.key] ?? ''))),
          n(r.a_total) ?? '',
          r.a_grade ?? '',
          n(r.a_rank) ?? '',
          n(r.scope_rank) ?? '',
        ];
      });
      return { cycle: presentCycle(cycle), header, rows: body };
    },

    /** A liaison's results across cycles. */
    async history(alumnusDocumentId: string, user: User) {
      const alumnus =
        typeof alumnusDocumentId === 'string'
          ? await strapi.db.query(UID.alumnus).findOne({
              where: { documentId: alumnusDocumentId },
              select: ['id'],
            })
          : null;
      if (!alumnus) throw new errors.NotFoundError('No alumnus has this documentId');
      const colleges = await collegesOf(user);
      const rows = await strapi.db.query(UID.appraisal).findMany({
        where: {
          liaison: { alumnus: { id: alumnus.id } },
          ...(colleges ? { collegeId: { $in: colleges.length ? colleges : [-1] } } : {}),
        },
        populate: {
          cycle: true,
          liaison: { select: ['documentId', 'dimension', 'label'] },
        },
      });
      return rows
        .filter((r: any) => r.cycle)
        .sort((a: any, b: any) => String(day(b.cycle.periodStart)).localeCompare(String(day(a.cycle.periodStart))))
        .map((r: any) => ({
          appraisal: { documentId: r.documentId },
          cycle: presentCycle(r.cycle),
          post: {
            documentId: r.liaison?.documentId,
            dimension: r.liaison?.dimension,
            label: r.liaison?.label,
          },
          total: n(r.total),
          grade: r.grade,
          rank: n(r.rank),
          scopeRank: n(r.scopeRank),
        }));
    },
  };
  return service;
};
