import type { NoteInput, ScoreInput } from './inputs';
import { noteMail, type Locale } from './templates';
import { n, UID, type Deps, type User } from './deps';
import { jsonColumn } from '../utils/db';
import { recompute } from './compute';
import type { ScoreResult } from '../admin-api-types';

/**
 * Reviewers' work on an appraisal: a score with its comment (the appraisal's total, grade
 * and ranks follow at once), and supervision feedback to the liaison. The write guard
 * refuses both in a closed cycle.
 */
export const reviews = ({ strapi, appraisalFor, lockCycle, outbox }: Deps) => ({
  /** A reviewer's score on a scored criterion (replacing their earlier one); returns the new total, grade and rank. */
  async score(documentId: string, body: ScoreInput, user: User): Promise<ScoreResult> {
    const appraisal = await appraisalFor(documentId, user);
    // That the criterion is a scored one of the cycle, and the cycle open, is the write guard's to check (guard.ts).
    const { criterion } = body;
    return strapi.db.transaction(async ({ trx }) => {
      await lockCycle(appraisal.cycle.id, trx);
      const cycle = await strapi.db.query(UID.cycle).findOne({ where: { id: appraisal.cycle.id } });
      const existing = await strapi.db.query(UID.score).findOne({
        where: {
          appraisal: { id: appraisal.id },
          criterion,
          reviewer: { id: user.id },
        },
      });
      const label = `${appraisal.label ?? ''} · ${criterion}`.slice(0, 300);
      // The criterion is written on an update too, so that the guard checks it against the cycle's criteria of today.
      const data: any = {
        criterion,
        score: body.score,
        comment: body.comment ?? null,
        label,
      };
      if (existing) await strapi.documents(UID.score as any).update({ documentId: existing.documentId, data });
      else {
        await strapi.documents(UID.score as any).create({
          data: {
            ...data,
            appraisal: appraisal.id,
            reviewer: user.id,
          },
        });
      }
      await recompute(strapi, cycle, { measure: false, dimension: appraisal.dimension ?? undefined }, trx);
      const fresh = await strapi.db.query(UID.appraisal).findOne({ where: { id: appraisal.id } });
      return {
        total: n(fresh.total),
        grade: fresh.grade,
        rank: n(fresh.rank),
        scopeRank: n(fresh.scopeRank),
        scores: jsonColumn(fresh.scores) ?? {},
      };
    });
  },

  /** Supervision feedback: kept with the appraisal, and the liaison is told by e-mail. */
  async note(documentId: string, body: NoteInput, user: User) {
    const appraisal = await appraisalFor(documentId, user);
    return strapi.db.transaction(async () => {
      const created = await strapi.documents(UID.note as any).create({
        data: {
          appraisal: appraisal.id,
          reviewer: user.id,
          text: body.text,
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
              text: body.text,
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
        text: body.text,
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
});
