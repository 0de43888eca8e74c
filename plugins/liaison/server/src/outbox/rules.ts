/**
 * The outbox's plain rules: retry schedule, unsubscribe tokens, the footer of mails to
 * alumni, and the admin list's query. No Strapi here: unit-tested on their own.
 */
import { escapeHtml, type LinkPage } from '../utils/link-page';
import { readLink, signLink } from '../utils/signed-link';
import { wholeNumberEnv } from '../utils/env';

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

/** The outbox settings from the environment (OUTBOX_*), with defaults. */
export const outboxSettings = (env: Record<string, string | undefined> = process.env): OutboxSettings => ({
  maxAttempts: wholeNumberEnv('OUTBOX_MAX_ATTEMPTS', 12, { min: 1, env }),
  retryBaseMs: wholeNumberEnv('OUTBOX_RETRY_BASE_SECONDS', 60, { min: 1, env }) * 1000,
  retryMaxMs: wholeNumberEnv('OUTBOX_RETRY_MAX_SECONDS', 6 * 3600, { min: 1, env }) * 1000,
  leaseMs: 10 * 60 * 1000,
  batchSize: wholeNumberEnv('OUTBOX_BATCH_SIZE', 50, { min: 1, env }),
  intervalMs: wholeNumberEnv('OUTBOX_INTERVAL_SECONDS', 30, { min: 1, env }) * 1000,
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

/** A token that names an alumnus for unsubscribing, until `expiresAt`; it cannot be forged without the key. */
export const unsubscribeToken = (key: string, alumnusDocumentId: string, expiresAt: Date) =>
  signLink(key, 'unsubscribe', [alumnusDocumentId], expiresAt);

/** The alumnus' documentId an unsubscribe token names, or why it is refused. */
export const readUnsubscribeToken = (key: string, token: unknown, now = new Date()) => {
  const reading = readLink(key, 'unsubscribe', 1, token, now);
  return reading.ok ? { ok: true as const, documentId: reading.parts[0] } : reading;
};

export const unsubscribeUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/api/liaison/unsubscribe?token=${encodeURIComponent(token)}`;

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

export type UnsubscribeOutcome = 'confirm' | 'done' | 'invalid' | 'expired' | 'unknown';

/** The page an alumnus sees: the button (following the link changes nothing), or what pressing it did. */
export const unsubscribePage = (outcome: UnsubscribeOutcome, token?: string): LinkPage => {
  const message = {
    confirm: ['如不想再收到校友总会的邮件，请点击下方按钮确认退订。', 'To stop receiving e-mail from the alumni office, press the button below.'],
    done: ['您已退订，校友总会将不再通过邮件与您联络。', 'You are unsubscribed: the alumni office will no longer contact you by e-mail.'],
    invalid: ['退订链接无效，请使用邮件中的完整链接。', 'This unsubscribe link is not valid: please use the full link from the e-mail.'],
    expired: ['退订链接已过期，请使用最近一封邮件中的链接，或直接回复邮件告知校友总会。', 'This unsubscribe link has expired: please use the link in a more recent e-mail, or reply to the alumni office.'],
    unknown: ['找不到与此链接对应的校友记录。', 'No alumnus record matches this link.'],
  }[outcome] as [string, string];
  return {
    title: ['退订', 'Unsubscribe'],
    message,
    ...(outcome === 'confirm' && token ? { form: { token, button: ['确认退订', 'Unsubscribe'] as const } } : {}),
  };
};
