import type { Core } from '@strapi/strapi';
import { REVIEWABLE_FIELDS, type ProposalSettings, type ReviewField } from './inputs';

const KEY = 'proposal-settings';

/**
 * The office's settings of proposals: the fields of an alumnus it marks "needs review" (a
 * person's own change of one goes through the review queue). Kept in the plugin's store,
 * read on every PUT /me (one indexed row), so every instance sees a change at once.
 */
export const proposalSettings = (strapi: Core.Strapi) => {
  const store = () => strapi.store({ type: 'plugin', name: 'liaison' });
  return {
    async get(): Promise<ProposalSettings> {
      const stored = (await store().get({ key: KEY })) as Partial<ProposalSettings> | null;
      const fields = Array.isArray(stored?.reviewFields) ? stored!.reviewFields : [];
      return { reviewFields: REVIEWABLE_FIELDS.filter((f) => fields.includes(f)) };
    },
    async set(value: ProposalSettings): Promise<ProposalSettings> {
      const reviewFields = REVIEWABLE_FIELDS.filter((f) => value.reviewFields.includes(f as ReviewField));
      await store().set({ key: KEY, value: { reviewFields } });
      return { reviewFields };
    },
  };
};
