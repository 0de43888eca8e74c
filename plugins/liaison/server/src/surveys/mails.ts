import type { OutgoingMail } from '../outbox/types';

/** The person a survey mail goes to. */
export interface SurveyRecipient {
  alumnusId: number;
  name: string;
  email: string;
  language: string | null;
}

export interface SurveyMailSurvey {
  title: string;
  titleEn: string | null;
  intro: string | null;
  introEn: string | null;
  closesAt: string | null;
}

/** A close date as people read it: the office's time (Beijing), written out. */
const closing = (iso: string | null, en: boolean) => {
  if (!iso) return '';
  const written = new Intl.DateTimeFormat(en ? 'en-GB' : 'zh-CN', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date(iso));
  return en ? `${written} (Beijing time)` : `北京时间 ${written}`;
};

/**
 * The mail with a person's own link to a survey (`reminder`: the same link again, to those
 * who have not answered), in their language (English when they chose it, else Chinese).
 */
export const surveyMail = (kind: 'invitation' | 'reminder', survey: SurveyMailSurvey, to: SurveyRecipient, link: string, dedupeKey: string): OutgoingMail => {
  const en = to.language === 'en';
  const title = en ? survey.titleEn || survey.title : survey.title;
  const intro = (en ? survey.introEn || survey.intro : survey.intro) ?? '';
  const until = closing(survey.closesAt, en);
  const [subject, text] = en
    ? [
        kind === 'invitation' ? `Survey: ${title}` : `Reminder: ${title}`,
        `Dear ${to.name},\n\n${kind === 'invitation' ? 'The alumni office asks for your answers to a short survey' : 'A reminder: we would still like your answers to the survey'} "${title}".\n${intro ? `\n${intro}\n` : ''}\nYour personal link (you can change your answers until ${until}):\n\n${link}\n\nThis link is yours alone: please do not pass it on.\n\nThe Alumni Office`,
      ]
    : [
        kind === 'invitation' ? `问卷调查：${title}` : `问卷提醒：${title}`,
        `${to.name} 校友：您好！\n\n${kind === 'invitation' ? '校友会办公室诚邀您填写问卷' : '温馨提醒：我们仍期待您填写问卷'}「${title}」。\n${intro ? `\n${intro}\n` : ''}\n您的专属链接（${until}前可修改答案）：\n\n${link}\n\n此链接仅供您本人使用，请勿转发。\n\n校友会办公室`,
      ];
  return {
    to: to.email,
    subject: subject.slice(0, 300),
    text,
    kind: kind === 'invitation' ? 'survey' : 'survey-reminder',
    alumnusId: to.alumnusId,
    locale: en ? 'en' : 'zh-Hans',
    dedupeKey,
  };
};
