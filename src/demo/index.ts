import type { Core } from '@strapi/strapi';
import { DEFAULT_SEED, generateDemo } from './generate';
import { writeDemo } from './load';
import { attachDemoCovers } from './covers';
import { awardMail } from '../../plugins/liaison/server/src/honours/templates';

export { DEFAULT_SEED, DEMO_TODAY, demoScale, generateDemo, countRecords } from './generate';
export { DEMO_CRITERIA, DEMO_THRESHOLDS } from './activity';
export type { DemoData, GenerateOptions } from './generate';
export { DEMO_TYPES, writeDemo, createDocumentIds } from './load';
export { createOneByOne } from './one-by-one';

/** The size of the demo network the app seeds by default. */
export const DEFAULT_DEMO_SIZE = 2000;

export interface SeedDemoOptions {
  alumni?: number;
  seed?: number;
  /** 'YYYY-MM-DD' the data treats as today; defaults to the current date (UTC). */
  today?: string;
  /** Contact logs per active post over the last year, on average (the appraisal benchmark's knob). */
  contactsPerPost?: number;
  /**
   * Compute the appraisal cycles' figures, totals and ranks after loading, and put the closed
   * cycle's mails in the outbox, sent when it closed (default true).
   */
  appraise?: boolean;
  /** Upload the demo's cover images and attach them to its stories (default true). */
  covers?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
}

/** Any of these already present means the network is not empty. */
const GUARD_TYPES = ['plugin::liaison.college', 'plugin::liaison.alumnus'] as const;

const existing = async (strapi: Core.Strapi) => {
  const found: string[] = [];
  for (const uid of GUARD_TYPES) {
    const n = await strapi.db.query(uid).count({});
    if (n > 0) found.push(`${n} ${uid}`);
  }
  return found;
};

/** True when the database has no colleges and no alumni: what `seedDemo` requires. */
export const networkIsEmpty = async (strapi: Core.Strapi): Promise<boolean> => (await existing(strapi)).length === 0;

const refusal = (found: string[]) =>
  new Error(`seedDemo: the database already holds ${found.join(' and ')}; demo data is only seeded into an empty network`);

/**
 * Seeds a deterministic demo network (colleges, cohorts, chapters, industry groups,
 * alumni, liaison posts, training, appraisal, honours, contact logs, feedback, and
 * published stories and events in zh-Hans and en) in one transaction.
 *
 * Refuses, and writes nothing, when the database already has colleges or alumni.
 * Returns the number of documents written per content type.
 */
export async function seedDemo(strapi: Core.Strapi, options: SeedDemoOptions = {}): Promise<Record<string, number>> {
  const before = await existing(strapi);
  if (before.length) throw refusal(before);

  const report = options.onProgress ?? (() => undefined);
  report('generate', 0, 1);
  const data = generateDemo({
    alumni: options.alumni ?? DEFAULT_DEMO_SIZE,
    seed: options.seed ?? DEFAULT_SEED,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    contactsPerPost: options.contactsPerPost,
  });
  report('generate', 1, 1);

  const counts = await strapi.db.transaction(async ({ trx }) => {
    // Two seeders at once on PostgreSQL: the second waits, then finds the network taken.
    if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?)', [774412]);
    const found = await existing(strapi);
    if (found.length) throw refusal(found);
    return writeDemo(strapi, trx, data, { onProgress: report });
  });

  if (strapi.db.dialect.client === 'postgres') {
    // Fresh planner statistics, so the first reports over the new rows use their indexes.
    report('analyze', 0, 1);
    // VACUUM as well: it marks the new pages all-visible, so that reports read the link tables
    // and the place index without visiting the rows (autovacuum would do it later).
    await strapi.db.connection.raw('VACUUM ANALYZE');
    report('analyze', 1, 1);
  }
  if (options.covers !== false) {
    report('covers', 0, 1);
    counts['plugin::upload.file'] = await attachDemoCovers(strapi);
    report('covers', 1, 1);
  }
  if (options.appraise !== false) {
    // The server computes every appraisal's figures, total, grade and rank, as it does for a new cycle.
    const cycles = await strapi.db.query('plugin::liaison.appraisal-cycle').findMany({});
    for (const [i, cycle] of cycles.entries()) {
      report('appraise', i, cycles.length);
      await strapi.plugin('liaison').service('appraisal').refreshCycle(cycle);
    }
    report('appraise', cycles.length, cycles.length);
    report('mail', 0, 1);
    counts['plugin::liaison.notification'] = await mailClosedCycles(strapi, cycles);
    report('mail', 1, 1);
  }
  return counts;
}

const NOTIFICATION = 'plugin::liaison.notification';

/** Marks the outbox's mails of a kind as sent at `at` (the demo's history: they went out then). */
const markSent = async (strapi: Core.Strapi, kind: string, at: Date) => {
  await strapi.db.query(NOTIFICATION).updateMany({
    where: { kind, deliveryStatus: 'pending' },
    data: { deliveryStatus: 'sent', attempts: 1, sentAt: at, nextAttemptAt: null, attemptLog: [{ at, ok: true }], createdAt: at, updatedAt: at } as any,
  });
};

/**
 * The mails of the closed cycles, as the server writes them: each appraised liaison's
 * result (as when the cycle closed) and each awarded honour's notice, queued through the
 * outbox and marked sent on the day (no mail leaves the machine). Returns how many.
 */
async function mailClosedCycles(strapi: Core.Strapi, cycles: any[]): Promise<number> {
  const appraisal = strapi.plugin('liaison').service('appraisal');
  const outbox = strapi.plugin('liaison').service('outbox');
  let mailed = 0;
  for (const cycle of cycles.filter((c) => c.cycleStatus === 'closed')) {
    mailed += await strapi.db.transaction(({ trx }) => appraisal.mailResults(cycle, trx, { quiet: true }));
    const closedAt = cycle.closedAt ? new Date(cycle.closedAt) : new Date(`${String(cycle.periodEnd).slice(0, 10)}T02:00:00Z`);
    await markSent(strapi, 'appraisal-result', new Date(closedAt.getTime() + 10 * 60_000));

    const honours = await strapi.db.query('plugin::liaison.honour').findMany({
      where: { cycle: { id: cycle.id }, honourStatus: 'awarded' },
      populate: { alumnus: { select: ['id', 'name', 'email', 'contactConsent', 'language'] } },
    });
    const byDay = new Map<string, any[]>();
    for (const h of honours) {
      const a = h.alumnus;
      if (!a?.email || !a.contactConsent) continue;
      const locale = a.language === 'en' ? 'en' : 'zh-Hans';
      const day = String(h.awardedOn ?? '').slice(0, 10);
      (byDay.get(day) ?? byDay.set(day, []).get(day)!).push({
        to: a.email,
        ...awardMail(locale, { name: a.name, title: h.title, citation: h.citation }),
        kind: 'honour-awarded',
        dedupeKey: `honour-awarded:${h.documentId}`,
        alumnusId: a.id,
        locale,
      });
    }
    for (const [day, mails] of byDay) {
      mailed += await outbox.enqueue(mails, { quiet: true });
      // 10:00 in China on the day of the award.
      await markSent(strapi, 'honour-awarded', new Date(`${day || closedAt.toISOString().slice(0, 10)}T02:00:00Z`));
    }
  }
  return mailed;
}
