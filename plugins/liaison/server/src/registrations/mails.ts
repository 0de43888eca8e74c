import ical, { ICalCalendarMethod } from 'ical-generator';
import { blocksText } from '../website/ical';
import type { MailAttachment, OutgoingMail } from '../outbox/types';

export type Locale = 'zh-Hans' | 'en';

/** What a mail about a registration says of the event (in the recipient's language). */
export interface EventForMail {
  documentId: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  venue: string | null;
  onlineUrl: string | null;
  description?: unknown;
}

export interface RegistrationForMail {
  documentId: string;
  code: string;
  guests: number;
  status: 'registered' | 'waiting';
  position?: number;
}

const QR_CID = 'check-in-code';

const when = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(
    new Date(iso)
  ) + (locale === 'en' ? ' (Beijing time)' : '（北京时间）');

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The event as an iCalendar file (UTC times; its UID is the event's, as in the events feed). */
export const eventIcs = (event: EventForMail, locale: Locale) => {
  const calendar = ical({ method: ICalCalendarMethod.PUBLISH, prodId: { company: 'liaison', product: 'event-registration', language: locale === 'en' ? 'EN' : 'ZH' } });
  const start = new Date(event.startsAt);
  calendar.createEvent({
    id: `${event.documentId}@liaison`,
    start,
    end: event.endsAt ? new Date(event.endsAt) : new Date(start.getTime() + 2 * 3_600_000),
    summary: event.title,
    description: blocksText(event.description) || undefined,
    location: event.venue || event.onlineUrl || undefined,
    url: event.onlineUrl || undefined,
    timezone: null,
  });
  return calendar.toString();
};

/**
 * The confirmation (a seat is theirs: at sign-up, or on moving up from the waiting list):
 * the event, the check-in code as text and as a QR image inline (drawn by the outbox when it
 * sends the mail: what the door scans), and the event as .ics.
 */
export const confirmationMail = (
  locale: Locale,
  person: { name: string },
  event: EventForMail,
  registration: RegistrationForMail,
  movedUp = false
): Omit<OutgoingMail, 'to'> => {
  const en = locale === 'en';
  const where = event.venue || event.onlineUrl || '';
  const lines = en
    ? [
        `Dear ${person.name},`,
        '',
        movedUp
          ? `A seat has become free: you have moved up from the waiting list and are now registered for "${event.title}".`
          : `You are registered for "${event.title}".`,
        '',
        `When: ${when(event.startsAt, locale)}`,
        ...(where ? [`Where: ${where}`] : []),
        ...(registration.guests ? [`Guests: ${registration.guests}`] : []),
        `Check-in code: ${registration.code}`,
        '',
        'Show the QR code in this mail at the door. The event is attached as a calendar file.',
        'The Alumni Office',
      ]
    : [
        `${person.name} 校友：您好！`,
        '',
        movedUp ? `有名额空出，您已由候补转为正式报名“${event.title}”。` : `您已成功报名“${event.title}”。`,
        '',
        `时间：${when(event.startsAt, locale)}`,
        ...(where ? [`地点：${where}`] : []),
        ...(registration.guests ? [`来宾：${registration.guests} 位`] : []),
        `签到码：${registration.code}`,
        '',
        '入场时请出示本邮件中的二维码。活动日程已作为日历文件附上。',
        '校友会办公室',
      ];
  const text = lines.join('\n');
  const html = `${lines.map((l) => `<p>${escapeHtml(l) || '&nbsp;'}</p>`).join('\n')}\n<p><img src="cid:${QR_CID}" alt="${escapeHtml(registration.code)}" width="240" height="240"></p>`;
  const attachments: MailAttachment[] = [
    { filename: 'check-in.png', content: registration.code, render: 'qr-png', contentType: 'image/png', cid: QR_CID },
    { filename: 'event.ics', content: eventIcs(event, locale), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
  ];
  return {
    subject: en ? `Registered: ${event.title}` : `报名成功：${event.title}`,
    text,
    html,
    attachments,
    kind: 'event-registration',
    dedupeKey: `event-registration:${registration.documentId}`,
    locale,
  };
};

/** On the waiting list: their place in it; a seat that frees up moves them up, with a mail. */
export const waitingMail = (locale: Locale, person: { name: string }, event: EventForMail, registration: RegistrationForMail): Omit<OutgoingMail, 'to'> => {
  const en = locale === 'en';
  const text = (
    en
      ? [
          `Dear ${person.name},`,
          '',
          `"${event.title}" (${when(event.startsAt, locale)}) is full. You are on the waiting list, number ${registration.position}.`,
          'When a seat becomes free, the first on the list move up, and we will write to you at once with your check-in code.',
          'The Alumni Office',
        ]
      : [
          `${person.name} 校友：您好！`,
          '',
          `“${event.title}”（${when(event.startsAt, locale)}）名额已满，您已进入候补名单，候补第 ${registration.position} 位。`,
          '如有名额空出，候补者将依次递补，届时我们会立即发邮件告知您签到码。',
          '校友会办公室',
        ]
  ).join('\n');
  return {
    subject: en ? `Waiting list: ${event.title}` : `候补通知：${event.title}`,
    text,
    kind: 'event-waiting',
    dedupeKey: `event-waiting:${registration.documentId}`,
    locale,
  };
};
