import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { requestAdminUser, scopeForRequest } from '../access/request';
import { format } from '../rules/messages';
import { forbiddenError, requestLanguage } from '../utils/errors';

const EVENT = 'plugin::liaison.event';

export type StaffEvent = { id: number; documentId: string; title: string; capacity: number | null; chapter: number | null };

/**
 * The chapters whose events the caller may reach, or null for every event: a chapter
 * editor (who does not see the whole network) reaches their own chapters' events only, and
 * an event without a chapter is the office's. The same rule as the role's `own-chapters`
 * condition on events (access/rules.ts).
 */
export const staffChapters = async (strapi: Core.Strapi, state: any): Promise<number[] | null> => {
  const user = await requestAdminUser(strapi, state);
  if (!user) return null;
  const scope = await scopeForRequest(strapi, user);
  return scope.all ? null : scope.chapters.map(Number);
};

/**
 * The event named in the path, as staff may reach it: 404 when there is none; 403 when
 * the caller (a chapter editor) does not see the whole network and the event is not one
 * of their chapters' (`staffChapters`).
 */
export const staffEvent = async (strapi: Core.Strapi, documentId: string, state: any): Promise<StaffEvent> => {
  const rows = (await strapi.db.query(EVENT).findMany({
    where: { documentId },
    select: ['id', 'documentId', 'title', 'capacity', 'locale', 'publishedAt'],
    populate: { chapter: { select: ['id'] } },
    orderBy: { id: 'asc' },
  })) as any[];
  if (!rows.length) throw new errors.NotFoundError(format('checkIn.noEvent', {}, requestLanguage()));
  const chapter = rows.find((r) => r.chapter)?.chapter?.id ?? null;
  const chapters = await staffChapters(strapi, state);
  if (chapters && (chapter === null || !chapters.includes(Number(chapter)))) throw forbiddenError('chapter', 'checkIn.otherChapter');
  // The published row's title, in Chinese first (the content's default locale).
  const best = [...rows].sort((a, b) => Number(!!b.publishedAt) - Number(!!a.publishedAt) || Number(b.locale === 'zh-Hans') - Number(a.locale === 'zh-Hans'))[0];
  return { id: best.id, documentId, title: best.title, capacity: best.capacity ?? null, chapter: chapter === null ? null : Number(chapter) };
};
