import type { Core } from '@strapi/strapi';
import { isPostgres } from '../utils/db';
import type { JobDefinition } from './types';

const LEDGER = 'plugin::liaison.job-run';

/**
 * Scheduled jobs that run once per slot whatever the number of instances: a
 * transaction-scoped advisory lock on PostgreSQL keeps two runs from overlapping, and
 * the ledger row (job, slot) keeps a slot from running twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const registered: string[] = [];

  return {
    /** Runs `work` for this job and slot unless some instance has run it or is running it. */
    async runOnce(job: string, slot: Date, work: () => Promise<unknown>): Promise<'ran' | 'done-elsewhere' | 'busy'> {
      return strapi.db.transaction(async ({ trx }) => {
        if (isPostgres(strapi)) {
          const lock = await trx.raw('SELECT pg_try_advisory_xact_lock(hashtext(?)) AS ok', [`liaison:job:${job}`]);
          if (!lock.rows[0].ok) return 'busy' as const;
        }
        const key = slot.toISOString();
        const ledger = strapi.db.query(LEDGER);
        if (await ledger.findOne({ where: { job, slot: key } })) return 'done-elsewhere' as const;
        const startedAt = new Date();
        const outcome = await work();
        await ledger.create({
          data: { job, slot: key, startedAt, finishedAt: new Date(), outcome: JSON.stringify(outcome ?? null).slice(0, 2000) },
        });
        return 'ran' as const;
      });
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
              await this.runOnce(definition.name, slot, () => definition.run({ strapi, slot }));
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
