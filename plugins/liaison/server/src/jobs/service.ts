import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, tableOf } from '../utils/db';
import { newDocumentId } from '../outbox/service';
import type { JobDefinition } from './types';

const LEDGER = 'plugin::liaison.job-run';

export type RunResult = 'ran' | 'done-elsewhere' | 'busy';

/**
 * Scheduled jobs that run once per slot whatever the number of instances: a
 * transaction-scoped advisory lock on PostgreSQL keeps two runs of a job from
 * overlapping, and the ledger row (job, slot), written first with insert-or-nothing in
 * the same transaction as the work, keeps a slot from running twice: a second run
 * finds the row (or waits for the first transaction and then finds it). A run whose
 * work throws rolls back with its ledger row, so the slot can be run again.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registered: string[] = [];
  const col = (attribute: string) => columnOf(strapi, LEDGER, attribute);

  /** The job's advisory lock key on PostgreSQL (hashed by the server). */
  const lockKey = (job: string) => `liaison:job:${job}`;
  const tryLock = async (trx: any, job: string): Promise<boolean> =>
    !isPostgres(strapi) || (await trx.raw('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS ok', [lockKey(job)])).rows[0].ok;

  const runOnce = async (job: string, slot: Date, work: () => Promise<unknown>): Promise<RunResult> =>
    strapi.db.transaction(async ({ trx }) => {
      if (!(await tryLock(trx, job))) return 'busy' as const;
      const now = new Date();
      const claimed = await trx(tableOf(strapi, LEDGER))
        .insert({
          [col('documentId')]: newDocumentId(),
          [col('job')]: job,
          [col('slot')]: slot.toISOString(),
          [col('startedAt')]: now,
          [col('createdAt')]: now,
          [col('updatedAt')]: now,
          [col('publishedAt')]: now,
        })
        .onConflict([col('job'), col('slot')])
        .ignore()
        .returning(['id']);
      if (!claimed.length) return 'done-elsewhere' as const;
      const outcome = await work();
      await trx(tableOf(strapi, LEDGER))
        .where('id', claimed[0].id)
        .update({
          [col('finishedAt')]: new Date(),
          [col('updatedAt')]: new Date(),
          [col('outcome')]: (JSON.stringify(outcome ?? null) ?? 'null').slice(0, 2000),
        });
      return 'ran' as const;
    });

  return {
    /** Runs `work` for this job and slot unless some instance has run it or is running it. */
    runOnce,

    /**
     * Whether some instance is running this job now (PostgreSQL; never on SQLite, one process).
     * Read from pg_locks, not by trying the lock: holding it even for a moment would turn
     * another instance's run of a slot away.
     */
    async isRunning(job: string): Promise<boolean> {
      if (!isPostgres(strapi)) return false;
      const held = await strapi.db.connection.raw(
        `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1 AND granted
           AND ((classid::bigint << 32) | objid::bigint) = hashtext(?)::bigint) AS held`,
        [lockKey(job)]
      );
      return held.rows[0].held === true;
    },

    /** Schedules a job on this instance's cron (when CRON_ENABLED), guarded by runOnce. */
    schedule(definition: JobDefinition) {
      if (!strapi.config.get('server.cron.enabled', true)) return;
      const name = `liaison:${definition.name}`;
      strapi.cron.add({
        [name]: {
          task: async (_ctx: unknown, fireDate?: unknown) => {
            const slot = fireDate instanceof Date ? fireDate : new Date();
            try {
              await runOnce(definition.name, slot, () => definition.run({ strapi, slot }));
            } catch (error) {
              strapi.log.error(`job ${definition.name} failed: ${(error as Error).message}`);
            }
          },
          options: { rule: definition.rule, tz: definition.tz ?? 'Asia/Shanghai' },
        },
      });
      registered.push(name);
    },

    unscheduleAll() {
      for (const name of registered.splice(0)) strapi.cron.remove(name);
    },
  };
};
