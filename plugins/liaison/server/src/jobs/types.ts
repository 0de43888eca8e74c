/**
 * A scheduled job. `run` is called once per slot across all instances (advisory lock
 * plus a ledger row keyed by job and slot); `slot` is the scheduled time, the same on
 * every instance.
 */
export interface JobDefinition {
  name: string;
  /** Cron rule (croner syntax), e.g. '0 2 * * *'. */
  rule: string;
  tz?: string;
  run: (args: { strapi: any; slot: Date }) => Promise<unknown>;
}
