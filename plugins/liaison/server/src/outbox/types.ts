/** The kinds of mail the network sends (the outbox page names each in both languages). */
export const MAIL_KINDS = [
  'appointment',
  'term-reminder',
  'training-deadline',
  'conduct',
  'appraisal-result',
  'appraisal-feedback',
  'honour-awarded',
  'event-registration',
  'event-waiting',
  'account',
  'feedback-answer',
  'feedback-reminder',
  'feedback-escalation',
  'survey',
  'survey-reminder',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** A mail to queue. Written in the caller's transaction, delivered later by the outbox worker. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** What kind of mail, for staff filtering the outbox: 'appointment', 'term-reminder', … */
  kind: MailKind;
  /** A mail with a key already in the outbox is not queued again: each reminder once, ever. */
  dedupeKey?: string;
  /** The alumnus the mail goes to, when it goes to an alumnus: the outbox adds an unsubscribe link. */
  alumnusId?: number;
  /** The recipient's language. */
  locale?: 'zh-Hans' | 'en';
  /** Files the mail carries (small: they are stored with the mail), as nodemailer takes them. */
  attachments?: MailAttachment[];
}

/**
 * A file of a mail: text, or base64 with `encoding: 'base64'`; `cid` makes it an inline image
 * (`<img src="cid:…">`). `render: 'qr-png'`: `content` is text the outbox draws as a QR code
 * (PNG) when it sends the mail, so that the request that queues it does not pay for drawing.
 */
export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
  encoding?: 'base64';
  cid?: string;
  render?: 'qr-png';
}
