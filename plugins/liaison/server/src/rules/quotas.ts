import type { Dimension } from './liaison-post';

/**
 * How many liaisons a scope should have when staff have set nothing: a class has its
 * monitor and its League branch secretary; a college's committee three members; a
 * chapter's team five; an industry group three.
 */
export const DEFAULT_POSTS: Record<Dimension, number> = { cohort: 2, college: 3, region: 5, industry: 3 };

/** Statuses that take one of a scope's posts. */
export const OCCUPYING_STATUSES = ['active', 'approved'] as const;

/** The number of posts of a scope: its override, else the dimension's default as set by staff, else the built-in one. */
export const postsFor = (dimension: Dimension, override: number | null | undefined, dimensionDefault: number | null | undefined) =>
  override ?? dimensionDefault ?? DEFAULT_POSTS[dimension];
