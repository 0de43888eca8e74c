import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ROLE_NAMES } from '../vocabulary';
import { ROLE_NAMES_ZH, SEPARATOR } from './label-names';
import { refreshRecordLabels } from './record-labels';

/**
 * A liaison post's readable name, kept in its `label` column: "<holder> · <scope> · <role>",
 * e.g. "李振东 · 临床医学1976级1班 · 班长". The Content Manager titles the post by it and
 * relation pickers (successor, post of an appraisal) list it. It is one row of the table
 * in record-labels.ts, which keeps it up to date.
 */
export { ROLE_NAMES_ZH, SEPARATOR };

/** The same label computed in JavaScript (the demo generator and tests use it). */
export const postLabel = (holder: string | null | undefined, scope: string | null | undefined, role: string | null | undefined) =>
  [holder || '—', scope || '—', (role && ROLE_NAMES_ZH[role]) || role || '—'].join(SEPARATOR);

const ROLE_BY_ZH = new Map(Object.entries(ROLE_NAMES).map(([role, names]) => [names['zh-Hans'], role as keyof typeof ROLE_NAMES]));

/**
 * A stored post label as the admin shows it in `language`: the label is kept in Chinese
 * ("<holder> · <scope> · 班长"); in English its role reads in English ("… · Class monitor"),
 * and its scope in English where one is given (a college's, chapter's or group's nameEn).
 * Holder and scope stay as stored otherwise (names of people and classes have no translation).
 */
export const postLabelIn = (
  label: string | null | undefined,
  language: 'en' | 'zh-Hans',
  scopeEn?: string | null,
): string | null => {
  if (label === null || label === undefined) return null;
  if (language !== 'en') return label;
  const parts = label.split(SEPARATOR);
  if (parts.length < 3) return label;
  const role = ROLE_BY_ZH.get(parts[parts.length - 1]);
  if (role) parts[parts.length - 1] = ROLE_NAMES[role].en;
  if (scopeEn) parts[parts.length - 2] = scopeEn;
  return parts.join(SEPARATOR);
};

const POST = 'plugin::liaison.liaison';

/**
 * The English names of the posts' scopes where they have one (a college's, chapter's or
 * industry group's nameEn; a class has none): one query, for the labels of a page in English.
 */
export const scopeNamesEn = async (strapi: Core.Strapi, postIds: number[]): Promise<Map<number, string>> => {
  const out = new Map<number, string>();
  if (!postIds.length) return out;
  const rows = await strapi.db.query(POST).findMany({
    where: { id: { $in: postIds } },
    select: ['id'],
    populate: { college: { select: ['nameEn'] }, chapter: { select: ['nameEn'] }, industry: { select: ['nameEn'] } },
  });
  for (const r of rows as any[]) {
    const name = r.college?.nameEn || r.chapter?.nameEn || r.industry?.nameEn;
    if (name) out.set(Number(r.id), name);
  }
  return out;
};

/** Recomputes the labels of all posts or of the given post ids in ONE statement, in the current transaction. */
export const refreshPostLabels = (strapi: Core.Strapi, which: { all: true } | { posts: number[] }, trx?: Knex) =>
  refreshRecordLabels(strapi, POST, 'all' in which ? which : { ids: which.posts }, trx);
