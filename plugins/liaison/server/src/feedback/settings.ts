import type { Core } from '@strapi/strapi';
import { KINDS, type Kind, type SettingsInput } from './inputs';
import type { WorkCalendar } from './working-days';

const KEY = 'feedback-settings';

/** The office's settings of feedback: working days to answer per kind, its calendar, when to escalate. */
export interface FeedbackSettings extends WorkCalendar {
  deadlines: Record<Kind, number>;
  holidays: string[];
  workdays: string[];
  escalateAfterDays: number;
}

export const DEFAULT_DAYS = 5;
export const DEFAULT_ESCALATION = 3;

export const DEFAULTS: FeedbackSettings = {
  deadlines: Object.fromEntries(KINDS.map((k) => [k, DEFAULT_DAYS])) as Record<Kind, number>,
  holidays: [],
  workdays: [],
  escalateAfterDays: DEFAULT_ESCALATION,
};

const store = (strapi: Core.Strapi) => strapi.store({ type: 'plugin', name: 'liaison' });

/** The settings (defaults where nothing was set), from the plugin store. */
export const readSettings = async (strapi: Core.Strapi): Promise<FeedbackSettings> => {
  const stored = ((await store(strapi).get({ key: KEY })) ?? {}) as Partial<FeedbackSettings>;
  return {
    deadlines: { ...DEFAULTS.deadlines, ...(stored.deadlines ?? {}) },
    holidays: stored.holidays ?? [],
    workdays: stored.workdays ?? [],
    escalateAfterDays: stored.escalateAfterDays ?? DEFAULT_ESCALATION,
  };
};

/** Replaces the settings: a kind left out of `deadlines` goes back to the default. */
export const writeSettings = async (strapi: Core.Strapi, input: SettingsInput): Promise<FeedbackSettings> => {
  const value: FeedbackSettings = {
    deadlines: { ...DEFAULTS.deadlines, ...Object.fromEntries(Object.entries(input.deadlines).filter(([, v]) => v !== undefined)) },
    holidays: [...new Set(input.holidays)].sort(),
    workdays: [...new Set(input.workdays)].sort(),
    escalateAfterDays: input.escalateAfterDays,
  };
  await store(strapi).set({ key: KEY, value });
  return value;
};
