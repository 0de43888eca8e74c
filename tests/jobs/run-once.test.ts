import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';

const LEDGER = 'plugin::liaison.job-run';
const NOTIFICATIONS = 'plugin::liaison.notification';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

const jobs = () => strapiApp().plugin('liaison').service('jobs');
const outbox = () => strapiApp().plugin('liaison').service('outbox');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ledgerOf = (job: string) => strapiApp().db.query(LEDGER).findMany({ where: { job } });

beforeAll(setupStrapi);
afterAll(teardownStrapi);

describe('jobs.runOnce: each job runs once per slot', () => {
  it('runs a slot once, records it in the ledger, and runs the next slot', async () => {
    const job = unique('job');
    const slot = new Date('2026-11-24T18:00:00.000Z');
    let runs = 0;
    const work = async () => ({ ended: ++runs });

    expect(await jobs().runOnce(job, slot, work)).toBe('ran');
    expect(await jobs().runOnce(job, slot, work)).toBe('done-elsewhere');
    expect(runs).toBe(1);
    const [entry] = await ledgerOf(job);
    expect(entry).toMatchObject({ job, slot: slot.toISOString(), outcome: JSON.stringify({ ended: 1 }) });
    expect(entry.documentId).toBeTruthy();
    expect(entry.finishedAt).toBeTruthy();

    expect(await jobs().runOnce(job, new Date('2026-11-25T18:00:00.000Z'), work)).toBe('ran');
    expect(runs).toBe(2);
    expect(await ledgerOf(job)).toHaveLength(2);
  });

  it('rolls back a run whose work fails, with the mails it queued, so the slot runs again', async () => {
    const job = unique('failing');
    const slot = new Date('2026-11-24T18:00:00.000Z');
    const key = unique('reminder');
    const mail = { to: 'l@example.cn', subject: 'Term ends', text: '…', kind: 'term-reminder', dedupeKey: key };

    await expect(
      jobs().runOnce(job, slot, async () => {
        await outbox().enqueue([mail]);
        throw new Error('database hiccup');
      })
    ).rejects.toThrow('database hiccup');
    expect(await ledgerOf(job)).toHaveLength(0);
    expect(await strapiApp().db.query(NOTIFICATIONS).count({ where: { dedupeKey: key } })).toBe(0);

    expect(await jobs().runOnce(job, slot, async () => outbox().enqueue([mail]))).toBe('ran');
    expect(await strapiApp().db.query(NOTIFICATIONS).count({ where: { dedupeKey: key } })).toBe(1);
  });

  it(`runs the work once when the same slot is started several times at once (${onPostgres ? 'separate connections' : 'SQLite'})`, async () => {
    const job = unique('parallel');
    const slot = new Date('2026-11-24T02:00:00.000Z');
    let runs = 0;
    const results = await Promise.all(
      [0, 1, 2].map(() =>
        jobs().runOnce(job, slot, async () => {
          runs++;
          await pause(200); // the others start while this one is running
        })
      )
    );
    expect(runs).toBe(1);
    expect(results.filter((r: string) => r === 'ran')).toHaveLength(1);
    expect(results.filter((r: string) => r !== 'ran').every((r: string) => r === 'busy' || r === 'done-elsewhere')).toBe(true);
    expect(await ledgerOf(job)).toHaveLength(1);
    // Later, the same slot: not again.
    expect(await jobs().runOnce(job, slot, async () => runs++)).toBe('done-elsewhere');
    expect(runs).toBe(1);
  });
});

(onPostgres ? describe : describe.skip)('jobs.runOnce on PostgreSQL (skipped on SQLite: advisory locks)', () => {
  it('answers busy, runs nothing and writes nothing while another instance holds the job', async () => {
    const job = unique('held');
    const slot = new Date('2026-11-24T02:00:00.000Z');
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));

    // Another instance: its own connection, holding the job's lock in an open transaction.
    const other = strapiApp().db.connection.transaction(async (trx: any) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`liaison:job:${job}`]);
      holding();
      await released;
    });
    await held;
    let runs = 0;
    expect(await jobs().isRunning(job)).toBe(true);
    expect(await jobs().runOnce(job, slot, async () => runs++)).toBe('busy');
    expect(runs).toBe(0);
    expect(await ledgerOf(job)).toHaveLength(0);

    release();
    await other;
    expect(await jobs().isRunning(job)).toBe(false);
    expect(await jobs().runOnce(job, slot, async () => runs++)).toBe('ran');
    expect(runs).toBe(1);
  });
});

describe('jobs.schedule', () => {
  it('adds nothing to cron when cron is disabled (CRON_ENABLED=false)', () => {
    const app = strapiApp();
    const add = jest.spyOn(app.cron, 'add');
    jobs().schedule({ name: unique('off'), rule: '0 2 * * *', run: async () => null });
    expect(add).not.toHaveBeenCalled();
    add.mockRestore();
  });

  it('runs a scheduled task once per fire date, however often cron fires it, and removes it on unscheduleAll', async () => {
    const app = strapiApp();
    const name = unique('nightly');
    const tasks: Record<string, any> = {};
    const add = jest.spyOn(app.cron, 'add').mockImplementation((t: any) => Object.assign(tasks, t));
    const remove = jest.spyOn(app.cron, 'remove').mockImplementation(() => undefined as any);
    app.config.set('server.cron.enabled', true);
    try {
      let runs = 0;
      jobs().schedule({ name, rule: '0 2 * * *', run: async ({ slot }: { slot: Date }) => ({ runs: ++runs, slot }) });
      const entry = tasks[`liaison:${name}`];
      expect(entry.options).toEqual({ rule: '0 2 * * *', tz: 'Asia/Shanghai' });
      const fireDate = new Date('2026-11-24T18:00:00.000Z');
      // Two instances' cron fire the same slot.
      await Promise.all([entry.task({ strapi: app }, fireDate), entry.task({ strapi: app }, fireDate)]);
      expect(runs).toBe(1);
      jobs().unscheduleAll();
      expect(remove).toHaveBeenCalledWith(`liaison:${name}`);
    } finally {
      app.config.set('server.cron.enabled', false);
      add.mockRestore();
      remove.mockRestore();
    }
  });
});
