import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { setupStrapi, teardownStrapi } from '../helpers/strapi';
import { SecondInstance } from '../helpers/instance';
import { csvOf } from './helpers';

/**
 * An import is a job that runs once whatever the number of instances: a conditional claim
 * (queued → running) lets one instance have it, the jobs ledger keyed by the import lets its
 * write commit once, and an import whose instance stopped is taken over. On PostgreSQL a
 * second Strapi instance in a child process races this one over the same import (SQLite:
 * one process, three runs at once).
 */
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const IMPORT = 'plugin::liaison.data-import';
const ALUMNI = 'plugin::liaison.alumnus';
const LEDGER = 'plugin::liaison.job-run';

let app: Core.Strapi;
const second = new SecondInstance();
const imports = () => app.plugin('liaison').service('imports');
const PREFIX = `J${process.pid.toString(36)}${Date.now().toString(36).slice(-5)}`;
let batch = 0;

/** Queues an import of `count` new alumni as the command line does (no HTTP, so nothing starts it). */
const enqueue = async (count: number) => {
  batch++;
  const numbers = Array.from({ length: count }, (_, i) => `${PREFIX}-${batch}-${i}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'liaison-import-test-'));
  const file = path.join(dir, 'roster.csv');
  fs.writeFileSync(file, csvOf([['姓名', '学号', '手机'], ...numbers.map((n, i) => [`校友${i}`, n, `139${String(10000000 + i)}`])]));
  const { documentId } = await imports().enqueue({ path: file, fileName: 'roster.csv', dryRun: false, user: null, source: 'cli' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { documentId: documentId as string, numbers };
};
const written = (numbers: string[]) => app.db.query(ALUMNI as any).count({ where: { studentNo: { $in: numbers } } });
const recordOf = (documentId: string) => app.db.query(IMPORT as any).findOne({ where: { documentId } });

beforeAll(async () => {
  app = await setupStrapi();
  if (onPostgres) await second.start();
}, 180000);
afterAll(async () => {
  await second.stop();
  await teardownStrapi();
});

describe('an import runs once across instances', () => {
  it(`is claimed by one runner when several start it at once (${onPostgres ? 'two instances' : 'SQLite: one process'})`, async () => {
    const { documentId, numbers } = await enqueue(300);
    const outcomes = await Promise.all(
      onPostgres
        ? [second.call('runImport', { documentId }), imports().run(documentId), second.call('runImport', { documentId }), imports().run(documentId)]
        : [imports().run(documentId), imports().run(documentId), imports().run(documentId)]
    );
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ran').every((o) => o === 'busy')).toBe(true);
    const record = await recordOf(documentId);
    expect(record).toMatchObject({ importStatus: 'done', progress: 1, counts: { rows: 300, new: 300, updated: 0, unchanged: 0, rejected: 0 }, attempts: 1 });
    expect(await written(numbers)).toBe(300);
    expect(await app.db.query(LEDGER as any).count({ where: { job: `import:${documentId}` } })).toBe(1);
    // Done is done: nobody runs it again.
    expect(await imports().run(documentId)).toBe('busy');
    if (onPostgres) expect(await second.call('runImport', { documentId })).toBe('busy');
    expect(await written(numbers)).toBe(300);
  });

  it('takes over an import whose instance stopped (no sign of life for minutes), and not one that is alive', async () => {
    const { documentId, numbers } = await enqueue(20);
    const record = await recordOf(documentId);
    // Another instance claimed it, and is still alive.
    await app.db.query(IMPORT as any).update({ where: { id: record.id }, data: { importStatus: 'running', heartbeatAt: new Date(), claimedBy: 'elsewhere' } });
    expect(await imports().run(documentId)).toBe('busy');
    expect(await imports().resumeStale()).not.toHaveProperty(documentId);
    // It stopped ten minutes ago.
    await app.db.query(IMPORT as any).update({ where: { id: record.id }, data: { heartbeatAt: new Date(Date.now() - 10 * 60_000) } });
    expect(await imports().resumeStale()).toMatchObject({ [documentId]: 'ran' });
    expect(await recordOf(documentId)).toMatchObject({ importStatus: 'done', counts: { new: 20 }, claimedBy: imports().instance(), attempts: 1 });
    expect(await written(numbers)).toBe(20);
  });

  it('fails an import whose file no instance has had for an hour', async () => {
    const { documentId } = await enqueue(5);
    const record = await recordOf(documentId);
    fs.rmSync(record.storedAs, { force: true });
    await app.db.query(IMPORT as any).update({ where: { id: record.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
    expect(await imports().resumeStale()).toMatchObject({ [documentId]: 'missing' });
    expect(await recordOf(documentId)).toMatchObject({ importStatus: 'failed', failure: { id: 'imports.file.vanished' } });
  });

  it('never writes an import twice: a run that finds its write in the ledger writes nothing', async () => {
    const { documentId, numbers } = await enqueue(10);
    const record = await recordOf(documentId);
    // As if an earlier run had committed the write (the ledger row is written in its transaction).
    await app.db.query(LEDGER as any).create({
      data: { job: `import:${documentId}`, slot: new Date(record.createdAt).toISOString(), startedAt: new Date(), documentId: `x${documentId.slice(1)}`, publishedAt: new Date() },
    });
    expect(await imports().run(documentId)).toBe('done-elsewhere');
    expect(await written(numbers)).toBe(0);
    // The file belongs to the run that wrote it (none here).
    fs.rmSync(record.storedAs, { force: true });
  });
});
