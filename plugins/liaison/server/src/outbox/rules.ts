/**
 * The outbox's plain rules: retry schedule, unsubscribe tokens, the footer of mails to
 * alumni, and the admin list's query. No Strapi here: unit-tested on their own.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { fieldError, type FieldError } from '../rules/field-error';

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface OutboxSettings {
  /** After this many failed attempts a mail is given up as failed (default 12: about a day of retries). */
  maxAttempts: number;
  /** The wait after the first failure; doubled after each further one. */
  retryBaseMs: number;
  /** The longest wait between two attempts. */
  retryMaxMs: number;
  /** How long a claimed mail stays with its worker before another may take it (a crashed worker). */
  leaseMs: number;
  /** Mails one claim takes. */
  batchSize: number;
  /** How often each instance's worker looks for due mail. */
  intervalMs: number;
}

const positiveInt = (raw: string | undefined, fallback: number, name: string): number => {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return n;
};

/** The outbox settings from the environment (OUTBOX_*), with defaults. */
export const outboxSettings = (env: Record<string, string | undefined> = process.env): OutboxSettings => ({
  maxAttempts: positiveInt(env.OUTBOX_MAX_ATTEMPTS, 12, 'OUTBOX_MAX_ATTEMPTS'),
  retryBaseMs: positiveInt(env.OUTBOX_RETRY_BASE_SECONDS, 60, 'OUTBOX_RETRY_BASE_SECONDS') * 1000,
  retryMaxMs: positiveInt(env.OUTBOX_RETRY_MAX_SECONDS, 6 * 3600, 'OUTBOX_RETRY_MAX_SECONDS') * 1000,
  leaseMs: 10 * 60 * 1000,
  batchSize: positiveInt(env.OUTBOX_BATCH_SIZE, 50, 'OUTBOX_BATCH_SIZE'),
  intervalMs: positiveInt(env.OUTBOX_INTERVAL_SECONDS, 30, 'OUTBOX_INTERVAL_SECONDS') * 1000,
});

/** The wait before the next attempt after `attempts` failed ones: base, 2×base, 4×base … up to max. */
export const backoffDelay = (attempts: number, settings: Pick<OutboxSettings, 'retryBaseMs' | 'retryMaxMs'>): number => {
  const exponent = Math.max(0, Math.min(attempts - 1, 40));
  return Math.min(settings.retryMaxMs, settings.retryBaseMs * 2 ** exponent);
};

export interface AttemptOutcome {
  deliveryStatus: DeliveryStatus;
  nextAttemptAt: Date | null;
}

/** What happens to a mail whose attempt number `attempts` failed at `now`. */
export const afterFailure = (attempts: number, now: Date, settings: OutboxSettings): AttemptOutcome =>
  attempts >= settings.maxAttempts
    ? { deliveryStatus: 'failed', nextAttemptAt: null }
    : { deliveryStatus: 'pending', nextAttemptAt: new Date(now.getTime() + backoffDelay(attempts, settings)) };

// ------------------------------------------------------------------ unsubscribe

const mac = (key: string, documentId: string) =>
  createHmac('sha256', key).update(`liaison:unsubscribe:${documentId}`).digest('base64url').slice(0, 32);

/** A token that names an alumnus and cannot be forged without the key. */
export const unsubscribeToken = (key: string, alumnusDocumentId: string) => `${alumnusDocumentId}.${mac(key, alumnusDocumentId)}`;

/** The alumnus' documentId a token names, or null when it is not one of ours. */
export const readUnsubscribeToken = (key: string, token: unknown): string | null => {
  if (typeof token !== 'string' || token.length > 200) return null;
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return null;
  const documentId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(key, documentId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return documentId;
};

export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/liaison/unsubscribe?token=${encodeURIComponent(token)}`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const FOOTER = {
  'zh-Hans': {
    text: (url: string) => `不想再收到校友总会的邮件？点击退订：${url}`,
    html: (url: string) => `不想再收到校友总会的邮件？<a href="${escapeHtml(url)}">点击退订</a>`,
  },
  en: {
    text: (url: string) => `Don't want e-mail from the alumni office any more? Unsubscribe: ${url}`,
    html: (url: string) => `Don't want e-mail from the alumni office any more? <a href="${escapeHtml(url)}">Unsubscribe</a>`,
  },
} as const;

export type MailLocale = keyof typeof FOOTER;

/** A mail's text and html with the unsubscribe footer, in the recipient's language. */
export const withUnsubscribeFooter = (
  mail: { text?: string | null; html?: string | null },
  locale: string | null | undefined,
  url: string
): { text: string; html?: string } => {
  const footer = FOOTER[(locale === 'en' ? 'en' : 'zh-Hans') as MailLocale];
  const text = `${mail.text ?? ''}\n\n--\n${footer.text(url)}\n`;
  const html = mail.html
    ? `${mail.html}\n<hr><p style="font-size:12px;color:#666">${footer.html(url)}</p>`
    : undefined;
  return html ? { text, html } : { text };
};

/** The page an alumnus sees after following the link (both languages: we may not know theirs). */
export const unsubscribePage = (outcome: 'done' | 'invalid' | 'unknown') => {
  const messages = {
    done: ['您已退订，校友总会将不再通过邮件与您联络。', 'You are unsubscribed: the alumni office will no longer contact you by e-mail.'],
    invalid: ['退订链接无效，请使用邮件中的完整链接。', 'This unsubscribe link is not valid: please use the full link from the e-mail.'],
    unknown: ['找不到与此链接对应的校友记录。', 'No alumnus record matches this link.'],
  }[outcome];
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>退订 · Unsubscribe</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.6">
<h1>退订 · Unsubscribe</h1>
<p lang="zh-Hans">${messages[0]}</p>
<p lang="en">${messages[1]}</p>
</body></html>`;
};

// ------------------------------------------------------------------ admin list

export interface OutboxQuery {
  status?: DeliveryStatus;
  page: number;
  pageSize: number;
}

const whole = (raw: unknown, field: string, min: number, max: number, fallback: number, problems: FieldError[]) => {
  if (raw === undefined || raw === '') return fallback;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(fieldError(field, `must be a whole number from ${min} to ${max}`));
    return fallback;
  }
  return n;
};

/** The outbox list's query string, or the fields that are wrong. */
export const parseOutboxQuery = (query: Record<string, unknown>): { value?: OutboxQuery; problems: FieldError[] } => {
  const problems: FieldError[] = [];
  let status: DeliveryStatus | undefined;
  if (query.status !== undefined && query.status !== '') {
    if (typeof query.status === 'string' && (DELIVERY_STATUSES as readonly string[]).includes(query.status)) {
      status = query.status as DeliveryStatus;
    } else {
      problems.push(fieldError('status', `must be one of ${DELIVERY_STATUSES.join(', ')}`));
    }
  }
  const page = whole(query.page, 'page', 1, 1_000_000, 1, problems);
  const pageSize = whole(query.pageSize, 'pageSize', 1, 100, 25, problems);
  return problems.length ? { problems } : { value: { status, page, pageSize }, problems };
};
