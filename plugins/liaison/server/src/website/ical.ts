import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import ical from 'ical-generator';
import { LOCALE, type Parameters } from './query';
import { upcomingFilter } from './directory';
import type { FeedQuery } from './inputs';

export const FEED_PARAMETERS: Parameters = {
  chapter: { value: { type: 'string' }, description: "a chapter's documentId: only its events" },
  locale: LOCALE,
};
/** A feed carries the next events, not an archive. */
const FEED_LIMIT = 500;

/** Strapi blocks as plain text, one paragraph a line. */
export const blocksText = (blocks: unknown): string => {
  const walk = (node: any): string =>
    typeof node?.text === 'string' ? node.text : Array.isArray(node?.children) ? node.children.map(walk).join('') : '';
  return Array.isArray(blocks) ? blocks.map(walk).filter(Boolean).join('\n') : '';
};

/**
 * GET /api/events.ics[?chapter=<documentId>][&locale=en]: upcoming published events as
 * an iCalendar feed, times in UTC (a TZID without its VTIMEZONE shifts events in some
 * clients). Each event's UID is its documentId, stable across edits and locales.
 */
export const eventsFeed = async (strapi: Core.Strapi, values: FeedQuery, origin: string, eventsPath: string) => {
  const { locale } = values;

  let chapter: { id: number; name: string; nameEn: string | null } | null = null;
  if (values.chapter !== undefined) {
    chapter = await strapi.db.query('plugin::liaison.chapter').findOne({ where: { documentId: values.chapter }, select: ['id', 'name', 'nameEn'] });
    if (!chapter) throw new errors.NotFoundError('chapter: no chapter has this documentId');
  }
  const en = locale === 'en';
  const events = await strapi.documents('plugin::liaison.event').findMany({
    locale,
    status: 'published',
    filters: { ...upcomingFilter(new Date()), ...(chapter ? { chapter: { id: chapter.id } } : {}) } as any,
    fields: ['title', 'slug', 'startsAt', 'endsAt', 'venue', 'onlineUrl', 'description', 'updatedAt'] as any,
    sort: ['startsAt:asc', 'id:asc'] as any,
    limit: FEED_LIMIT,
  });

  const calendarName = chapter ? `${(en && chapter.nameEn) || chapter.name}${en ? ' events' : '活动'}` : en ? 'Alumni events' : '校友活动';
  const calendar = ical({ name: calendarName, prodId: { company: 'liaison', product: 'alumni-events', language: en ? 'EN' : 'ZH' } });
  for (const e of events as any[]) {
    const start = new Date(e.startsAt);
    calendar.createEvent({
      id: `${e.documentId}@liaison`,
      start,
      end: e.endsAt ? new Date(e.endsAt) : new Date(start.getTime() + 2 * 3_600_000),
      summary: e.title,
      description: blocksText(e.description) || undefined,
      location: e.venue || e.onlineUrl || undefined,
      url: e.onlineUrl || `${origin}${eventsPath}/${e.slug}?locale=${locale}`,
      lastModified: e.updatedAt ? new Date(e.updatedAt) : undefined,
      timezone: null,
    });
  }
  return calendar.toString();
};
