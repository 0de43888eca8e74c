/**
 * Taking an erased person's names out of texts that stay (stories, mail subjects): plain
 * functions, unit-tested. A name is replaced wherever it appears (Latin names in any case);
 * one-character names are left alone, since they would match inside other words.
 */

import { jsonColumn } from '../utils/db';

/** What stands for the person in a story they were featured in, by the story's locale. */
export const STAND_IN: Record<string, string> = { 'zh-Hans': '某校友', en: 'an alumnus' };

/** The names a person is known by in texts: name, display names; longest first, so that "王芳芳" goes before "王芳". */
export const namesToScrub = (alumnus: { name?: string | null; displayName?: string | null; displayNameEn?: string | null }) =>
  [...new Set([alumnus.name, alumnus.displayName, alumnus.displayNameEn].map((n) => (n ?? '').trim()).filter((n) => [...n].length >= 2))].sort(
    (a, b) => b.length - a.length
  );

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` with every one of `names` replaced by `by`. */
export const scrubText = (text: string, names: string[], by: string): string => {
  if (!text || !names.length) return text;
  const pattern = new RegExp(names.map(escapeRegExp).join('|'), 'giu');
  return text.replace(pattern, by);
};

/** A Blocks value (rich text as JSON) with the names replaced in every text leaf; links, images and the rest as they were. */
export const scrubBlocks = (value: unknown, names: string[], by: string): unknown => {
  if (Array.isArray(value)) return value.map((v) => scrubBlocks(v, names, by));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, k === 'text' && typeof v === 'string' ? scrubText(v, names, by) : scrubBlocks(v, names, by)])
    );
  }
  return value;
};

/** The fields of a story row to write so that it no longer names the person, or null when it never did. */
export const scrubStory = (
  story: { title?: string | null; summary?: string | null; body?: unknown; locale?: string | null },
  names: string[]
): Record<string, unknown> | null => {
  const by = STAND_IN[story.locale ?? ''] ?? STAND_IN['zh-Hans'];
  const body = jsonColumn<unknown[]>(story.body);
  const next = {
    title: story.title ? scrubText(story.title, names, by) : story.title,
    summary: story.summary ? scrubText(story.summary, names, by) : story.summary,
    body: body ? scrubBlocks(body, names, by) : body,
  };
  const changed = next.title !== story.title || next.summary !== story.summary || JSON.stringify(next.body) !== JSON.stringify(body);
  return changed ? next : null;
};
