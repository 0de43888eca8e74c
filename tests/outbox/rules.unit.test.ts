import {
  afterFailure,
  backoffDelay,
  outboxSettings,
  readUnsubscribeToken,
  unsubscribePage,
  unsubscribeToken,
  unsubscribeUrl,
  withUnsubscribeFooter,
} from '../../plugins/liaison/server/src/outbox/rules';
import { newDocumentId } from '../../plugins/liaison/server/src/outbox/service';
import { outboxQuery } from '../../plugins/liaison/server/src/outbox/inputs';
import { parseWith } from '../../plugins/liaison/server/src/rules/inputs';

/** The outbox list's query string, as its controller parses it. */
const parseOutboxQuery = (query: Record<string, unknown>) => parseWith(outboxQuery, query);
import { renderLinkPage } from '../../plugins/liaison/server/src/utils/link-page';

const settings = outboxSettings({});

describe('retry schedule', () => {
  it('defaults to 12 attempts (about a day), one minute doubling up to six hours, every 30 s', () => {
    expect(settings).toMatchObject({ maxAttempts: 12, retryBaseMs: 60_000, retryMaxMs: 6 * 3600_000, intervalMs: 30_000, batchSize: 50 });
  });

  it('reads OUTBOX_* and refuses values that are not positive whole numbers, naming the variable', () => {
    expect(outboxSettings({ OUTBOX_MAX_ATTEMPTS: '3', OUTBOX_RETRY_BASE_SECONDS: '5', OUTBOX_INTERVAL_SECONDS: '10', OUTBOX_BATCH_SIZE: '7' }))
      .toMatchObject({ maxAttempts: 3, retryBaseMs: 5000, intervalMs: 10_000, batchSize: 7 });
    expect(() => outboxSettings({ OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(/OUTBOX_MAX_ATTEMPTS/);
    expect(() => outboxSettings({ OUTBOX_RETRY_BASE_SECONDS: 'soon' })).toThrow(/OUTBOX_RETRY_BASE_SECONDS/);
    expect(() => outboxSettings({ OUTBOX_BATCH_SIZE: '2.5' })).toThrow(/OUTBOX_BATCH_SIZE/);
  });

  it('doubles the wait after each failure, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, settings) / 60_000)).toEqual([1, 2, 4, 8, 16]);
    expect(backoffDelay(10, settings)).toBe(6 * 3600_000);
    expect(backoffDelay(1000, settings)).toBe(6 * 3600_000);
    expect(backoffDelay(0, settings)).toBe(60_000);
  });

  it('retries until the last attempt, then gives up', () => {
    const now = new Date('2026-11-24T12:00:00.000Z');
    expect(afterFailure(1, now, settings)).toEqual({ deliveryStatus: 'pending', nextAttemptAt: new Date('2026-11-24T12:01:00.000Z') });
    expect(afterFailure(3, now, settings)).toEqual({ deliveryStatus: 'pending', nextAttemptAt: new Date('2026-11-24T12:04:00.000Z') });
    expect(afterFailure(11, now, settings).deliveryStatus).toBe('pending');
    expect(afterFailure(12, now, settings)).toEqual({ deliveryStatus: 'failed', nextAttemptAt: null });
  });
});

describe('unsubscribe tokens', () => {
  const key = 'test-key';
  const later = new Date(Date.now() + 3600e3);
  it('name the alumnus and verify with the same key only', () => {
    const token = unsubscribeToken(key, 'abc123documentid00000000', later);
    expect(readUnsubscribeToken(key, token)).toEqual({ ok: true, documentId: 'abc123documentid00000000' });
    expect(readUnsubscribeToken('another-key', token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuse a changed id, a changed signature, the old format, and anything else', () => {
    const token = unsubscribeToken(key, 'alumnusone000000000000000', later);
    const pieces = token.split('.');
    expect(readUnsubscribeToken(key, [pieces[0], 'alumnustwo000000000000000', ...pieces.slice(2)].join('.'))).toMatchObject({ ok: false });
    expect(readUnsubscribeToken(key, `${token}x`)).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readUnsubscribeToken(key, token.slice(0, -1))).toMatchObject({ ok: false, reason: 'invalid' });
    // Links sent before tokens named their purpose and expiry: `<documentId>.<mac>`.
    expect(readUnsubscribeToken(key, 'alumnusone000000000000000.QUJDREVGR0hJSktMTU5PUFFSU1RVVldY')).toMatchObject({ ok: false, reason: 'invalid' });
    for (const bad of ['', '.', 'nodot', undefined, null, 42, ['a.b'], 'x'.repeat(500)]) {
      expect(readUnsubscribeToken(key, bad)).toEqual({ ok: false, reason: 'invalid' });
    }
  });

  it('expire', () => {
    const token = unsubscribeToken(key, 'alumnusone000000000000000', new Date(Date.now() - 1000));
    expect(readUnsubscribeToken(key, token)).toEqual({ ok: false, reason: 'expired' });
  });

  it('travel in a link to the public API', () => {
    expect(unsubscribeUrl('https://alumni.example.edu/', 'a.b+c')).toBe('https://alumni.example.edu/api/liaison/unsubscribe?token=a.b%2Bc');
  });
});

describe('mail footer', () => {
  const url = 'https://alumni.example.edu/api/liaison/unsubscribe?token=a.b&x="y"';
  it('is in Chinese by default and in English for English readers, in text and html', () => {
    const zh = withUnsubscribeFooter({ text: '正文', html: '<p>正文</p>' }, 'zh-Hans', url);
    expect(zh.text).toMatch(/^正文\n\n--\n不想再收到校友总会的邮件？点击退订：https:/);
    expect(zh.html).toContain('<a href="https://alumni.example.edu/api/liaison/unsubscribe?token=a.b&amp;x=&quot;y&quot;">点击退订</a>');
    const en = withUnsubscribeFooter({ text: 'Body' }, 'en', url);
    expect(en.text).toContain('Unsubscribe: https://');
    expect(en.html).toBeUndefined();
    expect(withUnsubscribeFooter({ text: 'x' }, null, url).text).toContain('点击退订');
  });

  it('pages answer in both languages; only the confirmation page has a button, which posts the token', () => {
    for (const outcome of ['confirm', 'done', 'invalid', 'expired', 'unknown'] as const) {
      const page = renderLinkPage(unsubscribePage(outcome, 'unsubscribe.abc.x1.sig'));
      expect(page).toMatch(/lang="zh-Hans">[^<]*[\u4e00-\u9fff]/);
      expect(page).toMatch(/lang="en">[A-Z]/);
      expect(page.includes('<form method="post">')).toBe(outcome === 'confirm');
    }
    expect(renderLinkPage(unsubscribePage('confirm', 'unsubscribe.abc.x1.sig'))).toContain('<input type="hidden" name="token" value="unsubscribe.abc.x1.sig">');
  });

  it('escape what they echo', () => {
    const page = renderLinkPage(unsubscribePage('confirm', '"><script>alert(1)</script>'));
    expect(page).not.toContain('<script>');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });
});

describe('outbox list query', () => {
  it('has defaults and accepts each delivery status', () => {
    expect(parseOutboxQuery({})).toEqual({ value: { page: 1, pageSize: 25 }, problems: [] });
    expect(parseOutboxQuery({ status: '', page: '', pageSize: '' }).value).toEqual({ page: 1, pageSize: 25 });
    for (const status of ['pending', 'sending', 'sent', 'failed']) {
      expect(parseOutboxQuery({ status, page: '3', pageSize: '100' }).value).toEqual({ status, page: 3, pageSize: 100 });
    }
  });

  it('names every wrong field', () => {
    const { value, problems } = parseOutboxQuery({ status: 'lost', page: '-1', pageSize: '0' });
    expect(value).toBeUndefined();
    expect(problems.map((p) => p.path)).toEqual(['status', 'page', 'pageSize']);
    expect(parseOutboxQuery({ status: ['sent', 'failed'] }).problems.map((p) => p.path)).toEqual(['status']);
    expect(parseOutboxQuery({ pageSize: '101' }).problems.map((p) => p.path)).toEqual(['pageSize']);
    expect(parseOutboxQuery({ page: '99999999999999999999999' }).problems).toEqual([
      { path: 'page', id: 'common.wholeNumber', values: { min: '1', max: '1000000' }, message: 'must be a whole number from 1 to 1000000' },
    ]);
  });
});

describe('document ids', () => {
  it('look like Strapi’s and do not repeat', () => {
    const ids = Array.from({ length: 2000 }, newDocumentId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
