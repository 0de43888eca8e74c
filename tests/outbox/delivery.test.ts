import { createHmac } from 'crypto';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeAlumnus } from '../helpers/fixtures';
import { freePort, setAsideEarlierMail, TestSmtp } from '../helpers/smtp';

const NOTIFICATIONS = 'plugin::liaison.notification';
const ALUMNI = 'plugin::liaison.alumnus';

let smtp: TestSmtp;
const outbox = () => strapiApp().plugin('liaison').service('outbox');
const rowOf = (dedupeKey: string) =>
  strapiApp().db.query(NOTIFICATIONS).findOne({ where: { dedupeKey }, populate: { alumnus: true } });
const later = (date: Date | string, ms = 1000) => new Date(new Date(date).getTime() + ms);
const linkIn = (text: string) => text.match(/https?:\/\/\S+\/api\/liaison\/unsubscribe\?token=[^\s"<]+/)?.[0];

beforeAll(async () => {
  // The email plugin reads SMTP_* once, when Strapi boots: this file's app sends to our server.
  smtp = new TestSmtp(await freePort());
  smtp.configureEnv();
  await smtp.start();
  await setupStrapi();
  // The mail the run's earlier files left: deliverDue() would send it all first.
  await setAsideEarlierMail();
});
afterAll(async () => {
  await teardownStrapi();
  await smtp.stop();
});
// Each test starts with the server up, whatever the last one did.
beforeEach(() => smtp.start());
afterEach(() => {
  delete process.env.OUTBOX_MAX_ATTEMPTS;
});

describe('with the SMTP server down, nothing is lost', () => {
  it('saves the change, keeps the mail with its attempt and error, and sends it when the server is back', async () => {
    await smtp.stop();
    const alumnus = await makeAlumnus({ name: '王小明', email: 'xiaoming@example.cn', contactConsent: true });
    const key = unique('appointment');
    const subject = `毕业啦：你的班级联络人 ${key}`;

    // The change and its mail, in one transaction, as the assignment service writes them.
    await strapiApp().db.transaction(async () => {
      await strapiApp().documents(ALUMNI).update({ documentId: alumnus.documentId, data: { city: '杭州' } as any });
      await outbox().enqueue([
        {
          to: 'xiaoming@example.cn',
          subject,
          text: '王小明同学：你的班级联络人是李振东（班长）。',
          html: '<p>王小明同学：你的班级联络人是<b>李振东</b>（班长）。</p>',
          kind: 'appointment',
          dedupeKey: key,
          alumnusId: alumnus.id,
          locale: 'zh-Hans',
        },
      ]);
    });

    // (The outbox may hold other test files' mail: assertions are about this one.)
    const down = await outbox().deliverDue();
    expect(down.sent).toBe(0);
    expect(down.retrying).toBeGreaterThanOrEqual(1);
    const waiting = await rowOf(key);
    expect(waiting).toMatchObject({ deliveryStatus: 'pending', attempts: 1, sentAt: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    expect(new Date(waiting.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    expect(waiting.attemptLog).toEqual([expect.objectContaining({ error: waiting.lastError })]);
    expect((await strapiApp().documents(ALUMNI).findOne({ documentId: alumnus.documentId }))?.city).toBe('杭州');

    await smtp.start();
    // Not due yet: the retry waits for its backoff.
    await outbox().deliverDue();
    expect(smtp.withSubject(subject)).toHaveLength(0);
    expect(await rowOf(key)).toMatchObject({ deliveryStatus: 'pending', attempts: 1 });

    const back = await outbox().deliverDue({ now: later(waiting.nextAttemptAt) });
    expect(back.sent).toBeGreaterThanOrEqual(1);
    const [mail] = smtp.withSubject(subject);
    expect(mail.to).toEqual(['xiaoming@example.cn']);
    expect(mail.text).toContain('你的班级联络人是李振东（班长）');
    expect(mail.text).toContain('点击退订');
    expect(linkIn(mail.text)).toBeDefined();
    expect(mail.html).toContain('<b>李振东</b>');
    // RFC 8058: the link, and the one-click POST that mail clients may offer on their own.
    const header = (key: string) => mail.headerLines.filter((h) => h.key === key).map((h) => h.line.replace(/\r?\n[ \t]+/g, ' '));
    expect(header('list-unsubscribe')).toEqual([`List-Unsubscribe: <${linkIn(mail.text)}>`]);
    expect(header('list-unsubscribe-post')).toEqual(['List-Unsubscribe-Post: List-Unsubscribe=One-Click']);

    const sent = await rowOf(key);
    expect(sent).toMatchObject({ deliveryStatus: 'sent', attempts: 2, lastError: null, nextAttemptAt: null });
    expect(sent.sentAt).toBeTruthy();
    expect(sent.attemptLog).toHaveLength(2);
    expect(sent.attemptLog[1]).toMatchObject({ ok: true });

    // Sent is sent: another round sends nothing again.
    await outbox().deliverDue({ now: later(new Date(), 24 * 3600e3) });
    expect(smtp.withSubject(subject)).toHaveLength(1);
    // Each round also delivers what the run's earlier files left queued (hundreds of mails, some with a QR code to draw).
  }, 240000);

  it('gives a mail up as failed after OUTBOX_MAX_ATTEMPTS attempts, backing off longer each time', async () => {
    process.env.OUTBOX_MAX_ATTEMPTS = '3';
    await smtp.stop();
    const key = unique('reminder');
    await outbox().enqueue([{ to: 'someone@example.cn', subject: `Term ends ${key}`, text: 'Your term ends soon.', kind: 'term-reminder', dedupeKey: key, locale: 'en' }]);

    const waits: number[] = [];
    let now = new Date();
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await outbox().deliverDue({ now });
      expect(report.claimed).toBeGreaterThanOrEqual(1);
      const row = await rowOf(key);
      expect(row.attempts).toBe(attempt);
      if (attempt < 3) {
        expect(row.deliveryStatus).toBe('pending');
        waits.push(new Date(row.nextAttemptAt).getTime() - now.getTime());
        now = later(row.nextAttemptAt);
      } else {
        expect(report.failed).toBeGreaterThanOrEqual(1);
        expect(row).toMatchObject({ deliveryStatus: 'failed', nextAttemptAt: null });
        expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
        expect(row.attemptLog).toHaveLength(3);
      }
    }
    expect(waits[1]).toBe(waits[0] * 2);
    // A failed mail is not tried again on its own.
    await smtp.start();
    await outbox().deliverDue({ now: later(now, 7 * 24 * 3600e3) });
    expect(smtp.withSubject(`Term ends ${key}`)).toHaveLength(0);
    expect(await rowOf(key)).toMatchObject({ deliveryStatus: 'failed', attempts: 3 });
  });

  it('takes again a mail whose worker died while sending it, once its lease has run out', async () => {
    const key = unique('orphan');
    const subject = `Orphan ${key}`;
    await outbox().enqueue([{ to: 'o@example.cn', subject, text: 'x', kind: 'test', dedupeKey: key }]);
    const row = await rowOf(key);
    // As a worker leaves it when its process dies mid-send: claimed, lease (10 minutes) running.
    const leaseEnd = new Date(Date.now() + 10 * 60e3);
    await strapiApp().db.query(NOTIFICATIONS).update({ where: { id: row.id }, data: { deliveryStatus: 'sending', attempts: 1, nextAttemptAt: leaseEnd } as any });

    await outbox().deliverDue();
    expect(smtp.withSubject(subject)).toHaveLength(0);
    await outbox().deliverDue({ now: later(leaseEnd) });
    expect(smtp.withSubject(subject)).toHaveLength(1);
    expect(await rowOf(key)).toMatchObject({ deliveryStatus: 'sent', attempts: 2 });
  });

  it('rolls the mail back with a change that fails', async () => {
    const key = unique('rolled-back');
    await expect(
      strapiApp().db.transaction(async () => {
        await outbox().enqueue([{ to: 'a@example.cn', subject: 'never', text: 'never', kind: 'test', dedupeKey: key }]);
        throw new Error('the change was refused');
      })
    ).rejects.toThrow('the change was refused');
    expect(await rowOf(key)).toBeNull();
  });
});

describe('once per dedupe key', () => {
  it('queues a key once, within a batch, across calls, and across concurrent transactions', async () => {
    const key = unique('once');
    const mail = { to: 'b@example.cn', subject: `Once ${key}`, text: 'once', kind: 'test', dedupeKey: key };
    expect(await outbox().enqueue([mail, { ...mail }])).toBe(1);
    expect(await outbox().enqueue([mail])).toBe(0);

    const raced = unique('raced');
    const both = await Promise.all(
      [0, 1].map(() =>
        strapiApp().db.transaction(async () => outbox().enqueue([{ ...mail, subject: `Raced ${raced}`, dedupeKey: raced }]))
      )
    );
    expect(both.sort()).toEqual([0, 1]);
    expect(await strapiApp().db.query(NOTIFICATIONS).count({ where: { dedupeKey: { $in: [key, raced] } } })).toBe(2);
  });

  it('writes a graduation class of mails in one call, each one shown by the Content Manager and sent once', async () => {
    const kind = unique('class');
    const alumni = await Promise.all([1, 2, 3].map((i) => makeAlumnus({ name: `同学${i}`, email: `s${i}@example.cn` })));
    const mails = Array.from({ length: 40 }, (_, i) => ({
      to: `grad${i}@example.cn`,
      subject: `${kind} #${i}`,
      text: `第${i}位同学`,
      kind,
      dedupeKey: `${kind}:${i}`,
      alumnusId: alumni[i % 3].id,
      locale: (i % 2 ? 'en' : 'zh-Hans') as 'en' | 'zh-Hans',
    }));
    expect(await outbox().enqueue(mails)).toBe(40);

    const rows = await strapiApp().documents(NOTIFICATIONS).findMany({ filters: { kind }, populate: ['alumnus'], limit: 100 } as any);
    expect(rows).toHaveLength(40);
    for (const row of rows as any[]) {
      expect(row.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(row.createdAt).toBeTruthy();
      expect(row.publishedAt).toBeTruthy();
      expect(row.alumnus?.documentId).toBeTruthy();
    }

    // Two workers of one instance at once (on PostgreSQL: two connections): each mail once.
    await Promise.all([outbox().deliverDue(), outbox().deliverDue()]);
    for (let i = 0; i < 40; i++) expect(smtp.withSubject(`${kind} #${i}`)).toHaveLength(1);
    const en = smtp.withSubject(`${kind} #1`)[0];
    expect(en.text).toContain('Unsubscribe:');
    expect(smtp.withSubject(`${kind} #0`)[0].text).toContain('点击退订');
  });

  it('adds no unsubscribe link to a mail that is not to an alumnus', async () => {
    const subject = unique('staff mail');
    await outbox().enqueue([{ to: 'staff@example.edu', subject, text: 'For staff.', kind: 'staff' }]);
    await outbox().deliverDue();
    const [mail] = smtp.withSubject(subject);
    expect(mail.text.trim()).toBe('For staff.');
    expect(mail.headers.get('list')).toBeUndefined();
    expect(mail.headerLines.filter((h) => h.key.startsWith('list-'))).toEqual([]);
  });
});

describe('the worker', () => {
  it('delivers queued mail on its own once started (as bootstrap does when cron is enabled), and stops', async () => {
    process.env.OUTBOX_INTERVAL_SECONDS = '1';
    const subject = unique('by the worker');
    try {
      outbox().startWorker();
      await outbox().enqueue([{ to: 'w@example.cn', subject, text: '自动投递', kind: 'test' }]);
      for (let i = 0; i < 200 && smtp.withSubject(subject).length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    } finally {
      await outbox().stopWorker();
      delete process.env.OUTBOX_INTERVAL_SECONDS;
    }
    expect(smtp.withSubject(subject)).toHaveLength(1);
    expect(smtp.withSubject(subject)[0].text).toContain('自动投递');
  });
});

describe('unsubscribe link', () => {
  const send = async (alumnus: { id: number }, locale: 'en' | 'zh-Hans') => {
    const subject = unique('news');
    await outbox().enqueue([{ to: 'c@example.cn', subject, text: 'News.', kind: 'news', alumnusId: alumnus.id, locale }]);
    await outbox().deliverDue();
    return linkIn(smtp.withSubject(subject)[0].text)!;
  };
  const consentOf = async (id: number) =>
    strapiApp().db.query(ALUMNI).findOne({ where: { id }, select: ['contactConsent', 'contactConsentAt'] });
  const DAY = 24 * 3600e3;

  it('opens a page with one button and changes nothing; the button (a form posting the token) unsubscribes', async () => {
    const alumnus = await makeAlumnus({ email: 'd@example.cn', contactConsent: true });
    const link = new URL(await send(alumnus, 'en'));
    expect(link.origin).toBe('http://localhost:1337');
    const token = link.searchParams.get('token')!;
    expect(token.startsWith('unsubscribe.')).toBe(true);
    const before = await consentOf(alumnus.id);

    // A mail scanner following the link, twice, and a HEAD: nothing changes.
    for (const res of [await http().get(link.pathname + link.search), await http().get(link.pathname + link.search), await http().head(link.pathname + link.search)]) {
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(await consentOf(alumnus.id)).toEqual(before);
    expect(before.contactConsent).toBe(true);

    const page = await http().get(link.pathname + link.search);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('请点击下方按钮确认退订');
    expect(page.text).toContain('press the button below');
    // A plain form, no script: it posts back to the address the page was opened at, which the page's CSP allows.
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain(`<input type="hidden" name="token" value="${token}">`);
    expect(page.text).not.toMatch(/<script/i);
    expect(page.headers['content-security-policy']).toMatch(/form-action 'self'/);

    const at = Date.now();
    const pressed = await http().post(link.pathname + link.search).type('form').send({ token });
    expect(pressed.status).toBe(200);
    expect(pressed.text).toContain('您已退订');
    expect(pressed.text).toContain('You are unsubscribed');
    expect(pressed.text).not.toContain('<form');
    const stored = await consentOf(alumnus.id);
    expect(stored.contactConsent).toBe(false);
    expect(new Date(stored.contactConsentAt).getTime()).toBeGreaterThanOrEqual(at - 1000);

    // Pressing again is harmless; the form's token alone is enough (no query).
    expect((await http().post('/api/liaison/unsubscribe').type('form').send({ token })).status).toBe(200);
  });

  it('unsubscribes on the RFC 8058 one-click POST to the link in List-Unsubscribe', async () => {
    const alumnus = await makeAlumnus({ email: 'o@example.cn', contactConsent: true });
    const link = new URL(await send(alumnus, 'zh-Hans'));
    const res = await http().post(link.pathname + link.search).type('form').send('List-Unsubscribe=One-Click');
    expect(res.status).toBe(200);
    expect((await consentOf(alumnus.id)).contactConsent).toBe(false);
  });

  it('refuses forged, old-format, expired and wrong-purpose tokens with 400, on the page and on the button, and changes nothing', async () => {
    const alumnus = await makeAlumnus({ email: 'e@example.cn', contactConsent: true });
    const link = new URL(await send(alumnus, 'zh-Hans'));
    const token = link.searchParams.get('token')!;
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const other = await makeAlumnus({ contactConsent: true });
    const otherWithThisMac = token.replace(alumnus.documentId, other.documentId);
    // Links sent before tokens named purpose and expiry (`<documentId>.<mac>`, keyed by the first APP_KEY): refused.
    const oldKey = 'devKeyA-change-me';
    const oldFormat = `${alumnus.documentId}.${createHmac('sha256', oldKey).update(`liaison:unsubscribe:${alumnus.documentId}`).digest('base64url').slice(0, 32)}`;
    const expired = new URL(outbox().unsubscribeLink(alumnus.documentId, new Date(Date.now() - 91 * DAY))).searchParams.get('token')!;
    const acknowledgement = new URL(strapiApp().plugin('liaison').service('conduct').linkFor(alumnus.documentId, alumnus.documentId)).searchParams.get('token')!;

    const cases: [string, RegExp][] = [
      [forged, /退订链接无效/],
      [otherWithThisMac, /退订链接无效/],
      [oldFormat, /退订链接无效/],
      [acknowledgement, /退订链接无效/],
      [expired, /退订链接已过期/],
      ['nonsense', /退订链接无效/],
      ['', /退订链接无效/],
      ['"><script>alert(1)</script>', /退订链接无效/],
    ];
    for (const [bad, message] of cases) {
      for (const res of [
        await http().get('/api/liaison/unsubscribe').query({ token: bad }),
        await http().post('/api/liaison/unsubscribe').type('form').send({ token: bad }),
        await http().post(`/api/liaison/unsubscribe?token=${encodeURIComponent(bad)}`).type('form').send('List-Unsubscribe=One-Click'),
      ]) {
        expect(res.status).toBe(400);
        expect(res.text).toMatch(message);
        expect(res.text).not.toContain('<form');
        expect(res.text).not.toContain('<script>');
      }
    }
    expect((await http().get('/api/liaison/unsubscribe')).status).toBe(400);
    expect((await http().post('/api/liaison/unsubscribe')).status).toBe(400);
    // Two tokens at once are not one.
    expect((await http().post('/api/liaison/unsubscribe').type('form').send(`token=${token}&token=${token}`)).status).toBe(400);
    for (const id of [alumnus.id, other.id]) expect((await consentOf(id)).contactConsent).toBe(true);

    // The genuine link still works: the refusals were about the tokens.
    expect((await http().post(link.pathname + link.search).type('form').send({ token })).status).toBe(200);
    expect((await consentOf(alumnus.id)).contactConsent).toBe(false);
  });

  it('lives UNSUBSCRIBE_LINK_DAYS (90) from the mail', async () => {
    const alumnus = await makeAlumnus({ contactConsent: true });
    const link = new URL(outbox().unsubscribeLink(alumnus.documentId, new Date(Date.now() - 89 * DAY)));
    expect((await http().get(link.pathname + link.search)).status).toBe(200);
  });

  it('answers 404 for a genuine link to an alumnus who is no longer on record', async () => {
    const alumnus = await makeAlumnus({ contactConsent: true });
    const link = new URL(outbox().unsubscribeLink(alumnus.documentId));
    await strapiApp().documents(ALUMNI).delete({ documentId: alumnus.documentId });
    expect((await http().get(link.pathname + link.search)).status).toBe(404);
    expect((await http().post(link.pathname + link.search).type('form').send({ token: link.searchParams.get('token') })).status).toBe(404);
  });
});
