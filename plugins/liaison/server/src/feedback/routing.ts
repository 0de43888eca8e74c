import type { Core } from '@strapi/strapi';
import { isoDate } from '../utils/db';

const POST = 'plugin::liaison.liaison';
const ALUMNUS = 'plugin::liaison.alumnus';

/** Who answers an alumnus's feedback, in order: their class's liaison, then college, chapter, industry group. */
export const ROUTING_ORDER = ['cohort', 'college', 'region', 'industry'] as const;

export interface RoutedPost {
  id: number;
  documentId: string;
  dimension: string;
  role: string | null;
  /** The scope's name: what the alumnus is told is responsible. */
  scope: string;
  holder: { id: number; name: string; email: string | null; language: string | null; alumnusStatus: string | null } | null;
}

const SCOPE_NAME: Record<string, [string, string]> = { cohort: ['cohort', 'className'], college: ['college', 'name'], region: ['chapter', 'name'], industry: ['industry', 'name'] };

export const scopeNameOf = (post: any): string => {
  const [field, name] = SCOPE_NAME[post?.dimension] ?? [];
  return field ? (post[field]?.[name] ?? '') : '';
};

export const postPopulate = {
  alumnus: { select: ['id', 'name', 'email', 'language', 'alumnusStatus'] },
  cohort: { select: ['id', 'className'] },
  college: { select: ['id', 'name'] },
  chapter: { select: ['id', 'name'] },
  industry: { select: ['id', 'name'] },
};

export const routedPostOf = (row: any): RoutedPost => ({
  id: row.id,
  documentId: row.documentId,
  dimension: row.dimension,
  role: row.role ?? null,
  scope: scopeNameOf(row),
  holder: row.alumnus ? { id: row.alumnus.id, name: row.alumnus.name, email: row.alumnus.email ?? null, language: row.alumnus.language ?? null, alumnusStatus: row.alumnus.alumnusStatus ?? null } : null,
});

/** A post that acts today: active, begun, not ended (the same rule as liaison-work/posts.ts). */
export const liveWhere = (today: string = isoDate()) => ({
  postStatus: 'active',
  $and: [{ $or: [{ termStart: null }, { termStart: { $lte: today } }] }, { $or: [{ termEnd: null }, { termEnd: { $gte: today } }] }],
});

/**
 * The post responsible for an alumnus's feedback: the first dimension in ROUTING_ORDER with a
 * live post for the alumnus's class, college, chapter or industry group; among several, a head
 * first, then the oldest post. Never a post the alumnus holds (their own item goes further up).
 * Null: the office.
 */
export const responsibleFor = async (strapi: Core.Strapi, alumnusId: number | null): Promise<RoutedPost | null> => {
  if (!alumnusId) return null;
  const person: any = await strapi.db.query(ALUMNUS as any).findOne({
    where: { id: alumnusId },
    select: ['id'],
    populate: { cohort: { select: ['id'], populate: { college: { select: ['id'] } } }, chapter: { select: ['id'] }, industry: { select: ['id'] } },
  });
  if (!person) return null;
  const scopes: Record<string, number | undefined> = {
    cohort: person.cohort?.id,
    college: person.cohort?.college?.id,
    region: person.chapter?.id,
    industry: person.industry?.id,
  };
  const branches = ROUTING_ORDER.filter((d) => scopes[d]).map((d) => ({ dimension: d, [SCOPE_NAME[d][0]]: { id: scopes[d] } }));
  if (!branches.length) return null;
  const rows: any[] = await strapi.db.query(POST as any).findMany({
    where: { ...liveWhere(), $or: branches, alumnus: { id: { $ne: alumnusId } } },
    populate: postPopulate,
    orderBy: [{ id: 'asc' }],
  });
  const rank = (row: any) => ROUTING_ORDER.indexOf(row.dimension) * 2 + (row.role === 'head' ? 0 : 1);
  const best = rows.filter((r) => r.alumnus).sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
  return best ? routedPostOf(best) : null;
};
