import type { Core } from '@strapi/strapi';
import { UID as APPRAISAL_UID } from '../appraisal/deps';
import { DEFAULT_RULES, type EligibilityRules } from './rules';

/** The appraisal's types (an honour rests on an appraisal), and the honour itself. */
export const UID = { ...APPRAISAL_UID, honour: 'plugin::liaison.honour' } as const;
const RULES_KEY = 'honour-rules';

export type User = any;

export const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : v ? String(v).slice(0, 10) : null);

/** What the honours service's modules share: the user's scope and the committee's eligibility rules. */
export const depsOf = (strapi: Core.Strapi) => {
  const store = () => strapi.store({ type: 'plugin', name: 'liaison' });
  const scopeOf = (user: User) => strapi.plugin('liaison').service('access').scopeOf(user);

  /** The stored rules over the defaults. */
  const rules = async (): Promise<EligibilityRules> => {
    const stored = (await store().get({
      key: RULES_KEY,
    })) as Partial<EligibilityRules> | null;
    return { ...DEFAULT_RULES, ...(stored ?? {}) };
  };

  const saveRules = (value: EligibilityRules) => store().set({ key: RULES_KEY, value });

  return { strapi, scopeOf, rules, saveRules };
};

export type Deps = ReturnType<typeof depsOf>;
