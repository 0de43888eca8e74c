import { fieldError, type FieldError } from './field-error';

export const checkCohortYears = (value: unknown): FieldError[] => {
  if (value === null || value === undefined) return [];
  const ok =
    Array.isArray(value) &&
    value.every((year) => Number.isInteger(year) && (year as number) >= 1900 && (year as number) <= 2100);
  return ok ? [] : [fieldError('cohortYears', 'story.cohortYears')];
};

const TAG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** Tags are what the website filters stories by: short lower-case slugs, the same in both locales. */
export const checkTags = (value: unknown): FieldError[] => {
  if (value === null || value === undefined) return [];
  const ok = Array.isArray(value) && value.every((tag) => typeof tag === 'string' && TAG.test(tag));
  return ok ? [] : [fieldError('tags', 'story.tags')];
};

export interface FeaturedAlumnus {
  name: string;
  publishConsent: boolean | null;
}

/** A published story may feature only alumni who consented to publication. */
export const checkStoryPublishable = (featured: FeaturedAlumnus[]): FieldError[] =>
  featured
    .filter((a) => a.publishConsent !== true)
    .map((a) => fieldError('featuredAlumni', 'story.consent', { name: a.name }));
