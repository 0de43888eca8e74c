import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { CheckInResult, EventRegistrationsResponse, RegistrationsResponse } from '../api-types/check-in';
import { fieldError } from '../rules/field-error';
import { format, type Lang } from '../rules/messages';
import { conflictError, requestLanguage } from '../utils/errors';
import { countsByEvent, countsOf, isoOf, REGISTRATION, registrationRows, type RegistrationRow } from './queries';
import { staffChapters, staffEvent } from './scope';
import { pastFilter, upcomingFilter } from '../website/directory';

/** A time as the door reads it: in China's time (the office's), written 2026-12-03 21:42:25, the zone said. */
const doorTime = (iso: string, lang: Lang) => {
  const written = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(new Date(iso));
  return lang === 'zh-Hans' ? `北京时间 ${written}` : `${written} (UTC+8)`;
};

const STATUS_LABEL: Record<string, Record<Lang, string>> = {
  registered: { en: 'registered', 'zh-Hans': '已报名' },
  waiting: { en: 'waiting', 'zh-Hans': '候补' },
  cancelled: { en: 'cancelled', 'zh-Hans': '已取消' },
};

const HEADER: Record<Lang, string[]> = {
  en: ['Name', 'Status', 'Position', 'Guests', 'Registered at', 'Registered by', 'Checked in at', 'Checked in by', 'Cancelled at', 'E-mail', 'Phone', 'WeChat'],
  'zh-Hans': ['姓名', '状态', '候补序号', '随行人数', '报名时间', '代报名人', '签到时间', '签到办理人', '取消时间', '电子邮箱', '电话', '微信'],
};

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Checks a registration in by its code, once: one conditional UPDATE (registered, of this
   * event, not yet checked in) decides, so that of two desks scanning one code at once one
   * wins and the other is told when it was checked in. Who checked in is written in the same
   * transaction. Then the event's running count.
   */
  async checkIn(documentId: string, code: string, state: any): Promise<CheckInResult> {
    const event = await staffEvent(strapi, documentId, state);
    const lang = requestLanguage();
    const query = strapi.db.query(REGISTRATION as any);
    const row = await strapi.db.transaction(async () => {
      const { count } = await query.updateMany({
        where: { eventDocumentId: documentId, code, registrationStatus: 'registered', checkedInAt: { $null: true } },
        data: { checkedInAt: new Date() },
      });
      const found = (await query.findOne({
        where: { eventDocumentId: documentId, code },
        select: ['id', 'documentId', 'registrationStatus', 'guests', 'checkedInAt'],
        populate: { alumnus: { select: ['documentId', 'name'] } },
      })) as any;
      if (!found) throw new errors.NotFoundError(format('checkIn.unknownCode', {}, lang));
      if (!count) {
        if (found.registrationStatus !== 'registered') {
          throw conflictError([fieldError('registrationStatus', 'checkIn.status', { status: found.registrationStatus })]);
        }
        const at = isoOf(found.checkedInAt) ?? '';
        throw conflictError([fieldError('code', 'checkIn.already', { time: at ? doorTime(at, lang) : '', checkedInAt: at })]);
      }
      if (state?.user?.id) await query.update({ where: { id: found.id }, data: { checkedInBy: state.user.id } });
      return found;
    });
    const counts = await countsOf(strapi, documentId, event.capacity);
    return {
      documentId: row.documentId,
      displayName: row.alumnus?.name ?? '',
      alumnus: row.alumnus ? { documentId: row.alumnus.documentId, name: row.alumnus.name } : null,
      status: 'checked-in' as const,
      guests: Number(row.guests ?? 0),
      checkedInAt: isoOf(row.checkedInAt),
      event: { documentId, title: event.title },
      arrivals: { checkedIn: counts.checkedIn, registered: counts.registered, arrived: counts.arrived, seatsTaken: counts.seatsTaken },
    };
  },

  /**
   * The published events the caller may reach (a chapter editor: their chapters'), to come
   * (soonest first) or past (latest first) as the website counts them, a page of them with
   * their registrations counted: three queries (the page, its total, their counts).
   */
  async events({ when, page, pageSize }: { when: 'upcoming' | 'past'; page: number; pageSize: number }, state: any): Promise<EventRegistrationsResponse> {
    const chapters = await staffChapters(strapi, state);
    const locale = await (strapi.plugin('i18n').service('locales') as any).getDefaultLocale();
    const now = new Date();
    const where = {
      $and: [
        { publishedAt: { $notNull: true }, locale },
        when === 'past' ? pastFilter(now) : upcomingFilter(now),
        ...(chapters ? [{ chapter: { id: { $in: chapters.length ? chapters : [0] } } }] : []),
      ],
    };
    const order = when === 'past' ? 'desc' : 'asc';
    const events = strapi.db.query('plugin::liaison.event');
    const [rows, total] = await Promise.all([
      events.findMany({
        where,
        select: ['documentId', 'title', 'startsAt', 'endsAt', 'capacity'],
        populate: { chapter: { select: ['documentId', 'name'] } },
        orderBy: [{ startsAt: order }, { id: order }],
        offset: (page - 1) * pageSize,
        limit: pageSize,
      }) as Promise<any[]>,
      events.count({ where }),
    ]);
    const counts = await countsByEvent(strapi, rows.map((r) => ({ documentId: r.documentId, capacity: r.capacity ?? null })));
    return {
      data: rows.map((r) => ({
        documentId: r.documentId,
        title: r.title,
        startsAt: isoOf(r.startsAt),
        endsAt: isoOf(r.endsAt),
        chapter: r.chapter ? { documentId: r.chapter.documentId, name: r.chapter.name } : null,
        counts: counts.get(r.documentId)!,
      })),
      meta: { pagination: { page, pageSize, pageCount: Math.ceil(total / pageSize), total } },
    };
  },

  /** An event's counts and one page of its registrations. */
  async list(documentId: string, filter: { status?: string; q?: string; page: number; pageSize: number }, state: any): Promise<RegistrationsResponse> {
    const event = await staffEvent(strapi, documentId, state);
    const [counts, { rows, total }] = await Promise.all([countsOf(strapi, documentId, event.capacity), registrationRows(strapi, documentId, filter)]);
    return {
      data: rows,
      meta: {
        event: { documentId, title: event.title, capacity: event.capacity },
        counts,
        pagination: { page: filter.page, pageSize: filter.pageSize, pageCount: Math.ceil(total / filter.pageSize), total },
      },
    };
  },

  /** Counts only (the door's running count). */
  async counts(documentId: string, state: any) {
    const event = await staffEvent(strapi, documentId, state);
    return { event: { documentId, title: event.title, capacity: event.capacity }, counts: await countsOf(strapi, documentId, event.capacity) };
  },

  /** Every registration of the event (or of one status) as a table, in the request's language. */
  async exportTable(documentId: string, filter: { status?: string }, state: any) {
    const event = await staffEvent(strapi, documentId, state);
    const lang = requestLanguage();
    const { rows } = await registrationRows(strapi, documentId, filter);
    const when = (iso: string | null) => (iso ? doorTime(iso, lang) : '');
    return {
      event,
      header: HEADER[lang],
      rows: rows.map((r: RegistrationRow) => [
        r.alumnus?.name ?? '',
        STATUS_LABEL[r.status]?.[lang] ?? r.status,
        r.position ?? '',
        r.guests,
        when(r.registeredAt),
        r.registeredBy ?? '',
        when(r.checkedInAt),
        r.checkedInBy ?? '',
        when(r.cancelledAt),
        r.alumnus?.email ?? '',
        r.alumnus?.phone ?? '',
        r.alumnus?.wechat ?? '',
      ]),
    };
  },
});
