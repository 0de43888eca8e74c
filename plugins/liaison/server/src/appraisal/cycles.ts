import { requestLanguage } from '../utils/errors';
import { registeredMeasures } from './measures';
import { DEFAULT_THRESHOLDS } from './rules';
import type { CycleChanges, CycleInput } from './inputs';
import { resultMail, type Locale } from './templates';
import { assertOpen } from './guard';
import { day, n, presentCycle, UID, type Deps } from './deps';
import { jsonColumn } from '../utils/db';
import { commentsOf, resultRows } from './queries';
import { enrol, recompute } from './compute';
import { postLabelIn } from '../services/post-labels';
import type { ClosedCycle, ComputeResult, Cycle, MeasureInfo } from '../admin-api-types';

/**
 * A cycle's life: created (its posts enrolled and measured), edited and computed again
 * while open, closed (frozen, results mailed). Each change of an open cycle takes the
 * cycle's lock, then finds it still open: compute and close check again themselves, as
 * their writes do not pass the write guard; an edit's update does, and the guard checks.
 */
export const cycles = ({ strapi, findCycle, lockCycle, outbox }: Deps) => {
  /** Work on an open cycle under its lock, read again under the lock: two staff closing or computing at once are serialised. */
  const withOpenCycle = async <T>(documentId: string, work: (cycle: any, trx: any) => Promise<T>): Promise<T> => {
    assertOpen(await findCycle(documentId));
    return strapi.db.transaction(async ({ trx }) => {
      const cycle = await findCycle(documentId);
      await lockCycle(cycle.id, trx);
      const fresh = await findCycle(documentId);
      assertOpen(fresh);
      return work(fresh, trx);
    });
  };
  const actions = {
    measures(): MeasureInfo[] {
      const lang = requestLanguage();
      return registeredMeasures().map((m) => ({
        key: m.key,
        label: m.label[lang] ?? m.label.en,
      }));
    },

    async listCycles(): Promise<Cycle[]> {
      const rows = await strapi.db.query(UID.cycle).findMany({ orderBy: [{ periodStart: 'desc' }, { id: 'desc' }] });
      return rows.map(presentCycle);
    },

    async getCycle(documentId: string): Promise<Cycle> {
      return presentCycle(await findCycle(documentId));
    },

    async createCycle(body: CycleInput) {
      return strapi.db.transaction(async ({ trx }) => {
        const created = await strapi.documents(UID.cycle as any).create({
          data: {
            name: body.name.trim(),
            periodStart: body.periodStart,
            periodEnd: body.periodEnd,
            cycleStatus: 'open',
            criteria: body.criteria,
            thresholds: body.thresholds ?? DEFAULT_THRESHOLDS,
          } as any,
        });
        const cycle = await strapi.db.query(UID.cycle).findOne({ where: { documentId: created.documentId } });
        const appraisals = await enrol(strapi, cycle, trx);
        await recompute(strapi, cycle, { measure: true }, trx);
        return { ...presentCycle(cycle), appraisals };
      });
    },

    /** 404 for an unknown cycle, 409 for a closed one (a closed cycle answers 409 whatever the request's body). */
    async assertCycleOpen(documentId: string) {
      assertOpen(await findCycle(documentId));
    },

    /** What changes of an open cycle (409 when closed); that its period still runs forward is the write guard's to check. */
    async updateCycle(documentId: string, body: CycleChanges) {
      const cycle = await findCycle(documentId);
      assertOpen(cycle);
      const merged = {
        name: (body.name ?? cycle.name).trim(),
        periodStart: body.periodStart ?? day(cycle.periodStart),
        periodEnd: body.periodEnd ?? day(cycle.periodEnd),
        criteria: body.criteria ?? jsonColumn(cycle.criteria),
        thresholds: body.thresholds ?? jsonColumn(cycle.thresholds),
      };
      return strapi.db.transaction(async ({ trx }) => {
        await lockCycle(cycle.id, trx);
        // The guard refuses the update if the cycle was closed meanwhile.
        await strapi.documents(UID.cycle as any).update({ documentId, data: merged as any });
        const updated = await findCycle(documentId);
        await enrol(strapi, updated, trx);
        await recompute(strapi, updated, { measure: true }, trx);
        return presentCycle(updated);
      });
    },

    /** Measures the cycle again (new contacts, events …) and recomputes every total. */
    async compute(documentId: string): Promise<ComputeResult> {
      return withOpenCycle(documentId, async (fresh, trx) => {
        const started = Date.now();
        const added = await enrol(strapi, fresh, trx);
        const { appraisals } = await recompute(strapi, fresh, { measure: true }, trx);
        return { appraisals, added, milliseconds: Date.now() - started };
      });
    },

    /** Measured figures, totals, grades and ranks of a whole cycle (the benchmark's question): one statement per measure. */
    async measureCycle(cycle: any) {
      return strapi.db.transaction(({ trx }) => recompute(strapi, cycle, { measure: true }, trx));
    },

    /** Every open cycle, enrolled and measured again (the nightly job); returns how many. */
    async recomputeOpenCycles() {
      const open = await strapi.db.query(UID.cycle).findMany({ where: { cycleStatus: { $ne: 'closed' } }, select: ['documentId'] });
      for (const c of open) await actions.compute(c.documentId);
      return open.length;
    },

    /** Enrols the period's posts and computes everything, whatever the cycle's status (demo data, imports). */
    async refreshCycle(cycle: any) {
      return strapi.db.transaction(async ({ trx }) => {
        await enrol(strapi, cycle, trx);
        return recompute(strapi, cycle, { measure: true }, trx);
      });
    },

    async close(documentId: string): Promise<ClosedCycle> {
      return withOpenCycle(documentId, async (fresh, trx) => {
        await enrol(strapi, fresh, trx);
        await recompute(strapi, fresh, { measure: true }, trx);
        await strapi.db.query(UID.cycle).update({
          where: { id: fresh.id },
          data: { cycleStatus: 'closed', closedAt: new Date() },
        });
        const mailed = await actions.mailResults(fresh, trx);
        return { ...presentCycle(await findCycle(documentId)), mailed };
      });
    },

    /** Each appraised liaison who may be contacted gets their result and the reviewers' comments. */
    async mailResults(cycle: any, trx: any, options: { quiet?: boolean } = {}) {
      const rows = await resultRows(strapi, cycle, null, {}, trx);
      const comments = await commentsOf(
        strapi,
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
              post: postLabelIn(r.post_label, locale, r.scope_name_en) ?? r.scope_name ?? '',
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
      return outbox().enqueue(mails, options);
    },
  };
  return actions;
};
