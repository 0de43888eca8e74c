import type { Core } from '@strapi/strapi';

/**
 * Measured appraisal criteria. Each measure is one SQL aggregate over a whole cycle that
 * answers for every liaison post at once (never a per-liaison loop). Capabilities register
 * their own measures here (training, events, record upkeep …) without touching the
 * appraisal code.
 */
export interface MeasureContext {
  strapi: Core.Strapi;
  /** The cycle's period, inclusive, as 'YYYY-MM-DD'. */
  periodStart: string;
  periodEnd: string;
}

export interface Measure {
  /** Stable key, stored in cycles' criteria: never rename. */
  key: string;
  label: { en: string; 'zh-Hans': string };
  /**
   * One statement whose rows are `post_id` (a liaison post's id) and `value` (a number,
   * higher is better). Posts without a row count as 0.
   */
  query: (ctx: MeasureContext) => { sql: string; bindings: unknown[] };
}

const registry = new Map<string, Measure>();

/** Registering a key again replaces it (an app booted twice in one process registers twice). */
export const registerMeasure = (measure: Measure) => {
  registry.set(measure.key, measure);
};

export const registeredMeasures = (): Measure[] => [...registry.values()];

export const measureOf = (key: string): Measure | undefined => registry.get(key);
