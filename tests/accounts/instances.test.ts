import type { AddressInfo } from 'net';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { SecondInstance } from '../helpers/instance';
import { accounts } from './helpers';
import { awayFromWindowEnd, WINDOW_SECONDS } from '../helpers/rate-limits';

const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(setupStrapi);
afterAll(teardownStrapi);

(onPostgres ? describe : describe.skip)('sign-in limits on two instances of one PostgreSQL database (skipped on SQLite: one process)', () => {
  const second = new SecondInstance();
  let firstUrl: string;
  let secondUrl: string;
  const LIMITS = { SIGNIN_LIMIT_PER_ACCOUNT: '4', SIGNIN_LIMIT_PER_ADDRESS: '100', ACCOUNT_LIMIT_PER_ADDRESS: '100', ACCOUNT_LIMIT_WINDOW_SECONDS: '600' };

  beforeAll(async () => {
    const server = strapiApp().server.httpServer;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    firstUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await second.start(LIMITS);
    secondUrl = `http://127.0.0.1:${(await second.call<{ port: number }>('listen')).port}`;
    await awayFromWindowEnd();
    await accounts().configureLimits({ windowSeconds: WINDOW_SECONDS, signInPerAccount: 4, signInPerAddress: 100, perAddress: 100 });
  }, 180000);
  afterAll(async () => {
    await second.stop();
    await accounts().configureLimits({ signInPerAccount: 0, signInPerAddress: 0, perAddress: 0 });
  });

  it('count the attempts on one account once for all instances', async () => {
    const identifier = `${unique('guess').toLowerCase()}@example.edu.cn`;
    const statuses = [];
    for (const url of [firstUrl, secondUrl, firstUrl, secondUrl, firstUrl, secondUrl]) {
      const res = await fetch(`${url}/api/auth/local`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ identifier, password: 'Wrong-Pass-2026' }),
      });
      statuses.push(res.status);
      await pause(1000);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 429, 429]);
    const rows = await strapiApp().db.connection('liaison_rate_counts').select('client', 'hits').where('client', `signin-id:${identifier}`);
    expect(rows.map((r: any) => Number(r.hits))).toEqual([4]);
  });
});
