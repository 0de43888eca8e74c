/**
 * The rules of the story's list fields as the admin's inputs apply them: the same as the
 * server's (server/src/rules/story.ts; a unit test keeps them equal), so staff see a problem
 * while typing instead of at save.
 */

/** Tags: lower-case letters, digits and hyphens, at most 40 characters, no hyphen at either end. */
export const TAG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

/** A stored JSON value as a list (arrays as they are; a JSON string parsed; anything else: empty). */
export const toList = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' && value.trim().startsWith('[')) {
    try {
      const parsed = JSON.parse(value);
      return Array.isArray(parsed) ? parsed : [];
    } catch {
      return [];
    }
  }
  return [];
};

/** What staff type, as a tag: trimmed, lower case, spaces and underscores as hyphens. */
export const normalizeTag = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-+/g, '-');

/** Splits what was typed or pasted (commas, Chinese commas, semicolons, new lines) into tags; those that break the rule are returned apart. */
export const parseTags = (text: string): { tags: string[]; rejected: string[] } => {
  const tags: string[] = [];
  const rejected: string[] = [];
  for (const piece of text.split(/[,，、;；\n]+/)) {
    const tag = normalizeTag(piece);
    if (!tag) continue;
    (TAG.test(tag) ? tags : rejected).push(tag);
  }
  return { tags, rejected };
};

/** The list with the new tags added once each, in the order given. */
export const addTags = (list: string[], tags: string[]) => [...list, ...tags.filter((t, i) => !list.includes(t) && tags.indexOf(t) === i)];

/** A year as typed, or null when it is not a whole number within the range. */
export const parseYear = (value: unknown): number | null => {
  const year = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{4}\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR ? year : null;
};

/** The years, each once, in order. */
export const addYear = (list: number[], year: number) => [...new Set([...list, year])].sort((a, b) => a - b);
