import { adminToken, CM, setupStrapi, teardownStrapi, withToken } from '../helpers/strapi';
import { alumni, EVENT, listening, mailsTo, makeEvent, mine, signUp } from './helpers';

beforeAll(setupStrapi, 120000);
afterAll(teardownStrapi);

describe('raising an event’s capacity', () => {
  it('moves the waiting list up once the event is published again, first come first served, and mails those who moved up', async () => {
    await listening();
    const event = await makeEvent({ capacity: 2 });
    const people = await alumni(5, { withMail: true });
    for (const p of people) expect((await signUp(event.documentId, p.auth)).status).toBe(201);
    expect((await mine(people[2].auth))[0]).toMatchObject({ status: 'waiting', position: 1 });

    const staff = withToken(await adminToken());
    const url = `${CM}/${EVENT}/${event.documentId}`;
    expect((await staff.put(`${url}?locale=zh-Hans`).send({ capacity: 4 })).status).toBe(200);
    // A draft's capacity is not the event's yet: nobody moves up until it is published.
    expect((await mine(people[2].auth))[0].status).toBe('waiting');
    expect((await staff.post(`${url}/actions/publish?locale=zh-Hans`).send({})).status).toBe(200);

    const statuses = await Promise.all(people.map(async (p) => (await mine(p.auth))[0]));
    expect(statuses.map((r) => r.status)).toEqual(['registered', 'registered', 'registered', 'registered', 'waiting']);
    expect(statuses[4].position).toBe(1);
    const kinds = async (i: number) => (await mailsTo(people[i].alumnus.email as string)).map((m: any) => m.kind);
    expect(await kinds(2)).toEqual(['event-waiting', 'event-registration']);
    expect(await kinds(3)).toEqual(['event-waiting', 'event-registration']);
    expect(await kinds(4)).toEqual(['event-waiting']);
  }, 120000);
});
