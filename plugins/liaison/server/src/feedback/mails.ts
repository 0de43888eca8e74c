import type { OutgoingMail } from '../outbox/types';
import type { Kind } from './inputs';

export type Locale = 'zh-Hans' | 'en';

export const KIND_NAMES: Record<Kind, [string, string]> = {
  career_help: ['Career help', '职业发展'],
  cooperation: ['Cooperation', '合作'],
  suggestion: ['Suggestion', '建议'],
  complaint: ['Complaint', '投诉'],
  data_correction: ['Correction of data', '信息更正'],
  other: ['Other', '其他'],
};

const kindName = (kind: string, locale: Locale) => (KIND_NAMES as any)[kind]?.[locale === 'en' ? 0 : 1] ?? kind;

const day = (at: Date | string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'long', timeZone: 'Asia/Shanghai' }).format(new Date(at));

/** A few lines of the item, so that a mail says what it is about without being its whole copy. */
const excerpt = (content: string) => (content.length > 300 ? `${content.slice(0, 300)}…` : content);

export interface ItemForMail {
  documentId: string;
  kind: string;
  content: string;
  receivedAt: string;
  dueAt: string;
}

/** To the person who sent it (or for whom a liaison recorded it): the answer. */
export const answerMail = (locale: Locale, to: { name: string | null }, item: ItemForMail, answer: string, by: string): Omit<OutgoingMail, 'to'> => {
  const en = locale === 'en';
  const greeting = en ? `Dear ${to.name || 'alumnus'},` : `${to.name || '校友'}，您好：`;
  const text = en
    ? [greeting, '', `You wrote to the alumni office on ${day(item.receivedAt, locale)} (${kindName(item.kind, locale)}):`, '', excerpt(item.content), '', `The answer, from ${by}:`, '', answer, '', 'The Alumni Office'].join('\n')
    : [greeting, '', `您于 ${day(item.receivedAt, locale)} 提交的反馈（${kindName(item.kind, locale)}）：`, '', excerpt(item.content), '', `${by}的答复：`, '', answer, '', '校友工作办公室'].join('\n');
  return { subject: en ? 'An answer to your feedback' : '您的反馈已有答复', text, kind: 'feedback-answer', locale, dedupeKey: `feedback-answer:${item.documentId}` };
};

/** To the responsible liaison, on the day the answer is due. */
export const reminderMail = (locale: Locale, to: { name: string }, item: ItemForMail, post: string): Omit<OutgoingMail, 'to'> => {
  const en = locale === 'en';
  const text = en
    ? [`Dear ${to.name},`, '', `A piece of alumni feedback routed to you as ${post} is due today (${day(item.dueAt, locale)}) and has no answer yet:`, '', `${kindName(item.kind, locale)}: ${excerpt(item.content)}`, '', 'Answer it on the liaison page. Without an answer it goes to the alumni office.', '', 'The Alumni Office'].join('\n')
    : [`${to.name}，您好：`, '', `一条由您（${post}）负责的校友反馈今日（${day(item.dueAt, locale)}）到期，尚未答复：`, '', `${kindName(item.kind, locale)}：${excerpt(item.content)}`, '', '请在联络员页面答复。逾期未答复的反馈将上报校友办。', '', '校友工作办公室'].join('\n');
  return { subject: en ? 'Feedback due today' : '反馈今日到期', text, kind: 'feedback-reminder', locale, dedupeKey: `feedback-reminder:${item.documentId}` };
};

/** To the college staff or the office: an item still unanswered some working days after its deadline. */
export const escalationMail = (locale: Locale, to: { name: string; address: string }, item: ItemForMail, responsible: string): Omit<OutgoingMail, 'to'> => {
  const en = locale === 'en';
  const text = en
    ? [`Dear ${to.name},`, '', `This alumni feedback was due on ${day(item.dueAt, locale)} and is still unanswered. Responsible: ${responsible}.`, '', `${kindName(item.kind, locale)}: ${excerpt(item.content)}`, '', 'Follow it up, answer it or reassign it on the Feedback page of the admin panel.', '', 'The Alumni Office'].join('\n')
    : [`${to.name}，您好：`, '', `以下校友反馈已于 ${day(item.dueAt, locale)} 到期，仍未答复。负责方：${responsible}。`, '', `${kindName(item.kind, locale)}：${excerpt(item.content)}`, '', '请在管理后台的“校友反馈”页面跟进、答复或转办。', '', '校友工作办公室'].join('\n');
  return {
    subject: en ? 'Overdue feedback' : '逾期未答复的反馈',
    text,
    kind: 'feedback-escalation',
    locale,
    dedupeKey: `feedback-escalation:${item.documentId}:${to.address.toLowerCase()}`.slice(0, 200),
  };
};
