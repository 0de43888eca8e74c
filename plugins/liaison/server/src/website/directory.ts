import type { Core } from '@strapi/strapi';
import { ROLE_NAMES, ROLES, nameOf } from '../vocabulary';
import { LOCALE, PAGE, PAGE_SIZE, type Parameters } from './query';
import { publicName } from './public-types';
import type { DirectoryQuery } from './inputs';

export const DIRECTORY_PARAMETERS: Parameters = {
  locale: LOCALE,
  country: { value: { type: 'string' }, description: 'ISO country code, e.g. CN, US' },
  province: { value: { type: 'string' }, description: 'province or state' },
  city: { value: { type: 'string' }, description: 'city' },
  page: PAGE,
  pageSize: PAGE_SIZE,
};

/** Events still to come: not over yet (an event without an end is over once it starts). */
export const upcomingFilter = (now: Date) => ({
  $or: [{ endsAt: { $gte: now.toISOString() } }, { endsAt: { $null: true }, startsAt: { $gte: now.toISOString() } }],
});
export const pastFilter = (now: Date) => ({
  $or: [{ endsAt: { $lt: now.toISOString() } }, { endsAt: { $null: true }, startsAt: { $lt: now.toISOString() } }],
});

/**
 * GET /api/liaison/chapters: the chapter directory. Each chapter that is not dissolved,
 * with its public contact address, its serving liaisons by the name they consented to
 * be published under (never a contact detail), and how many published events are still
 * to come. Three queries a page: chapters, their liaisons, their events.
 */
export const chapterDirectory = async (strapi: Core.Strapi, values: DirectoryQuery) => {
  const { locale } = values;
  const where: Record<string, unknown> = { chapterStatus: { $ne: 'dissolved' } };
  for (const place of ['country', 'province', 'city']) if (values[place] !== undefined) where[place] = values[place];
  const page = values.page as number;
  const pageSize = values.pageSize as number;
  const en = locale === 'en';

  const chapters = strapi.db.query('plugin::liaison.chapter');
  const [rows, total] = await Promise.all([
    chapters.findMany({
      where,
      select: ['id', 'documentId', 'name', 'nameEn', 'country', 'province', 'city', 'foundedOn', 'contactEmail', 'description'],
      orderBy: [{ country: 'asc' }, { province: 'asc' }, { name: 'asc' }],
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    chapters.count({ where }),
  ]);
  const ids = rows.map((r: any) => r.id);
  const now = new Date();
  const [posts, events] = ids.length
    ? await Promise.all([
        strapi.db.query('plugin::liaison.liaison').findMany({
          where: {
            dimension: 'region',
            postStatus: 'active',
            chapter: { id: { $in: ids } },
            alumnus: { publishConsent: true, alumnusStatus: { $ne: 'deceased' } },
          },
          select: ['id', 'role'],
          populate: { chapter: { select: ['id'] }, alumnus: { select: ['name', 'displayName', 'displayNameEn'] } },
          orderBy: [{ id: 'asc' }],
        }),
        strapi.db.query('plugin::liaison.event').findMany({
          where: { publishedAt: { $notNull: true }, locale, chapter: { id: { $in: ids } }, ...upcomingFilter(now) },
          select: ['id'],
          populate: { chapter: { select: ['id'] } },
        }),
      ])
    : [[], []];

  const roleOrder: readonly string[] = ROLES;
  const data = rows.map((c: any) => ({
    documentId: c.documentId,
    name: (en && c.nameEn) || c.name,
    country: c.country,
    province: c.province ?? null,
    city: c.city ?? null,
    foundedOn: c.foundedOn ?? null,
    contactEmail: c.contactEmail ?? null,
    description: c.description ?? null,
    liaisons: (posts as any[])
      .filter((p) => p.chapter?.id === c.id)
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
      .map((p) => ({ displayName: publicName(p.alumnus, locale), role: p.role, roleName: nameOf(ROLE_NAMES, p.role, en ? 'en' : 'zh-Hans') })),
    upcomingEvents: (events as any[]).filter((e) => e.chapter?.id === c.id).length,
  }));
  return { data, meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
};
