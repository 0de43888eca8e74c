import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi, unique } from '../helpers/strapi';
import { freePort, setAsideEarlierMail, TestSmtp } from '../helpers/smtp';
import { SecondInstance } from '../helpers/instance';

/**
 * Two Strapi instances on one PostgreSQL database, as behind a load balancer: this
 * test's app and a second one in a child process (a second app in the same process
 * shares Strapi's module-level registries and does not boot), each with its own
 * connection pool, outbox worker and jobs.
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const NOTIFICATIONS = 'plugin::liaison.notification';

let smtp: TestSmtp;
let first: Core.Strapi;
const second = new SecondInstance();

const outbox = () => first.plugin('liaison').service('outbox');
const jobs = () => first.plugin('liaison').service('jobs');

(onPostgres ? describe : describe.skip)('two instances on one PostgreSQL database (skipped on SQLite: one process)', () => {
  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    smtp.configureEnv();
    process.env.OUTBOX_BATCH_SIZE = '3'; // many small claims, so the two workers interleave
    await smtp.start();
    first = await setupStrapi();
    await second.start();
    // Mails other test files left due in this shared database would be claimed too: set them aside.
    await setAsideEarlierMail();
  }, 180000);

  afterAll(async () => {
    await second.stop();
    await teardownStrapi();
    await smtp.stop();
    delete process.env.OUTBOX_BATCH_SIZE;
  });

  it('deliver each mail of the outbox exactly once when their workers race', async () => {
    const kind = unique('race');
    const count = 45;
    await outbox().enqueue(
      Array.from({ length: count }, (_, i) => ({ to: `r${i}@example.cn`, subject: `${kind} #${i}`, text: `第${i}封`, kind, dedupeKey: `${kind}:${i}` }))
    );

    const reports = await Promise.all([
      second.call('deliverDue'),
      outbox().deliverDue(),
      second.call('deliverDue'),
      outbox().deliverDue(),
    ]);

    // Every mail claimed by one worker only, and received once.
    expect(reports.reduce((sum: number, r: any) => sum + r.claimed, 0)).toBe(count);
    expect(reports.reduce((sum: number, r: any) => sum + r.sent, 0)).toBe(count);
    // Both instances took part (45 mails in claims of 3 take long enough for both to join).
    expect(reports[0].claimed + reports[2].claimed).toBeGreaterThan(0);
    expect(reports[1].claimed + reports[3].claimed).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) expect(smtp.withSubject(`${kind} #${i}`)).toHaveLength(1);
    expect(smtp.received.filter((m) => m.subject.startsWith(kind))).toHaveLength(count);
    const rows = await first.db.query(NOTIFICATIONS).findMany({ where: { kind } });
    expect(rows.every((r: any) => r.deliveryStatus === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('run a job slot once when both fire it at the same moment, and not again later', async () => {
    const job = unique('expiry');
    const slot = new Date('2026-11-24T18:00:00.000Z');
    let runsHere = 0;
    const work = async () => {
      runsHere++;
      await new Promise((resolve) => setTimeout(resolve, 300)); // the other instance fires meanwhile
    };
    const [there, here] = await Promise.all([
      second.call('runOnce', { job, slot: slot.toISOString(), pauseMs: 300 }),
      jobs().runOnce(job, slot, work),
    ]);
    expect(runsHere + (there.ran ? 1 : 0)).toBe(1);
    expect([here, there.outcome].filter((r) => r === 'ran')).toHaveLength(1);
    expect(await second.call('runOnce', { job, slot: slot.toISOString() })).toEqual({ outcome: 'done-elsewhere', ran: false });
    expect(await jobs().runOnce(job, slot, work)).toBe('done-elsewhere');
    expect(runsHere + (there.ran ? 1 : 0)).toBe(1);
  });

  it('queue each reminder once when both write the same reminders at once', async () => {
    const key = unique('reminder');
    const reminders = Array.from({ length: 10 }, (_, i) => ({
      to: `l${i}@example.cn`,
      subject: `任期将满 ${key} #${i}`,
      text: '您的联络人任期将于30天后结束。',
      kind: 'term-reminder',
      dedupeKey: `${key}:${i}:30d`,
    }));
    const queued = await Promise.all([
      second.call('enqueue', { mails: reminders }),
      first.db.transaction(async () => outbox().enqueue(reminders)),
    ]);
    expect(queued.reduce((a: number, b: number) => a + b, 0)).toBe(10);
    expect(await first.db.query(NOTIFICATIONS).count({ where: { dedupeKey: { $startsWith: key } } })).toBe(10);

    await Promise.all([second.call('deliverDue'), outbox().deliverDue()]);
    for (let i = 0; i < 10; i++) expect(smtp.withSubject(`任期将满 ${key} #${i}`)).toHaveLength(1);
  });
});
