import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { signedInAlumnus } from '../helpers/alumni';
import { alumni, cancel, listening, fieldsOf, mailsTo, makeEvent, mine, REGISTRATION, signUp } from './helpers';

beforeAll(setupStrapi, 120000);
afterAll(teardownStrapi);

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the waiting list', () => {
  it('50 parallel sign-ups for 10 seats: exactly 10 registered, 40 waiting at places 1 to 40', async () => {
    const event = await makeEvent({ capacity: 10 });
    const people = await alumni(50);
    await listening();
    const answers = await Promise.all(people.map((p) => signUp(event.documentId, p.auth)));
    expect(answers.map((r) => r.status)).toEqual(people.map(() => 201));
    const data = answers.map((r) => r.body.data);
    expect(data.filter((d) => d.status === 'registered')).toHaveLength(10);
    const waiting = data.filter((d) => d.status === 'waiting');
    expect(waiting.map((d) => d.position).sort((x, y) => x - y)).toEqual(range(40));
    expect(new Set(data.map((d) => d.code)).size).toBe(50);

    const rows = await strapiApp().db.query(REGISTRATION).findMany({ where: { eventDocumentId: event.documentId }, orderBy: { id: 'asc' } });
    expect(rows.filter((r: any) => r.registrationStatus === 'registered')).toHaveLength(10);
    // First come first served: the seats went to the ten lowest ids, and places follow the ids.
    expect(rows.slice(0, 10).every((r: any) => r.registrationStatus === 'registered')).toBe(true);
    const place = new Map(waiting.map((d) => [d.documentId, d.position]));
    expect(rows.slice(10).map((r: any) => place.get(r.documentId))).toEqual(range(40));
    // What each person reads of their own registration agrees.
    const read = await Promise.all(people.slice(0, 50).map((p) => mine(p.auth)));
    expect(read.map((r) => r[0].position).filter(Boolean).sort((x, y) => x - y)).toEqual(range(40));
  }, 120000);

  it('one person signing up five times at once gets one registration', async () => {
    const event = await makeEvent({ capacity: 10 });
    const me = await signedInAlumnus();
    await listening();
    const answers = await Promise.all([0, 1, 2, 3, 4].map(() => signUp(event.documentId, me.auth)));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(answers.filter((r) => r.status === 409).every((r) => fieldsOf(r)[0] === 'alumnus')).toBe(true);
    expect(await strapiApp().db.query(REGISTRATION).count({ where: { eventDocumentId: event.documentId } })).toBe(1);
  });

  it('cancelling a seat moves the first waiting person up at once and mails them; the places close up', async () => {
    const event = await makeEvent({ capacity: 2, title: '校友论坛' });
    const [a, b, c, d, e] = await alumni(5, { withMail: true });
    const ids: string[] = [];
    for (const p of [a, b, c, d, e]) ids.push((await signUp(event.documentId, p.auth)).body.data.documentId);
    expect((await mine(c.auth))[0]).toMatchObject({ status: 'waiting', position: 1 });

    const res = await cancel(ids[0], a.auth);
    expect([res.status, res.body.data]).toEqual([200, { documentId: ids[0], status: 'cancelled' }]);
    expect((await mine(a.auth))[0]).toMatchObject({ status: 'cancelled' });
    expect((await mine(c.auth))[0]).toMatchObject({ status: 'registered' });
    expect((await mine(c.auth))[0].position).toBeUndefined();
    expect((await mine(d.auth))[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect((await mine(e.auth))[0]).toMatchObject({ status: 'waiting', position: 2 });

    // Who is mailed: c gets the waiting-list mail, then the confirmation; d and e only their waiting-list mails.
    const toC = await mailsTo(c.alumnus.email as string);
    expect(toC.map((m) => m.kind)).toEqual(['event-waiting', 'event-registration']);
    expect(toC[0].text).toContain('候补第 1 位');
    expect(toC[1].text).toContain('由候补转为正式报名');
    expect(toC[1].text).toContain((await mine(c.auth))[0].code);
    expect((await mailsTo(d.alumnus.email as string)).map((m) => m.kind)).toEqual(['event-waiting']);
    expect((await mailsTo(e.alumnus.email as string)).map((m) => m.kind)).toEqual(['event-waiting']);
    expect((await mailsTo(a.alumnus.email as string)).map((m) => m.kind)).toEqual(['event-registration']);

    // A waiting person who leaves closes the gap behind them.
    expect((await cancel(ids[3], d.auth)).status).toBe(200);
    expect((await mine(e.auth))[0]).toMatchObject({ status: 'waiting', position: 1 });
  });

  it('moves up as many as the freed seats hold, in order, and no one past a party that does not fit', async () => {
    const event = await makeEvent({ capacity: 4 });
    const [a, b, c, d, e] = await alumni(5, { withMail: true });
    const reg = async (p: any, guests: number) => (await signUp(event.documentId, p.auth, { guests })).body.data;
    const ra = await reg(a, 2); // 3 seats
    const rb = await reg(b, 0); // 1 seat: full
    expect((await reg(c, 1)).position).toBe(1); // needs 2
    expect((await reg(d, 0)).position).toBe(2);
    expect((await reg(e, 0)).position).toBe(3);
    // b's one seat does not hold c's party: nobody moves (d may not pass c).
    await cancel(rb.documentId, b.auth);
    expect((await mine(c.auth))[0]).toMatchObject({ status: 'waiting', position: 1 });
    expect((await mine(d.auth))[0]).toMatchObject({ status: 'waiting', position: 2 });
    // a's three seats and b's one: c (2) and d (1) move up, e (1) too: 4 free seats.
    await cancel(ra.documentId, a.auth);
    for (const p of [c, d, e]) expect((await mine(p.auth))[0].status).toBe('registered');
    for (const p of [c, d, e]) expect((await mailsTo(p.alumnus.email as string)).map((m) => m.kind)).toEqual(['event-waiting', 'event-registration']);
  });

  it("another person's registration, or an unknown one, is not found; a cancelled one cannot be cancelled again", async () => {
    const event = await makeEvent({ capacity: 5 });
    const mineOwner = await signedInAlumnus();
    const other = await signedInAlumnus();
    const { documentId } = (await signUp(event.documentId, mineOwner.auth)).body.data;
    expect((await cancel(documentId, other.auth)).status).toBe(404);
    expect((await cancel('no-such-registration', other.auth)).status).toBe(404);
    expect((await mine(other.auth))).toEqual([]);
    expect((await mine(mineOwner.auth))[0].status).toBe('registered');
    expect((await cancel(documentId, mineOwner.auth)).status).toBe(200);
    const twice = await cancel(documentId, mineOwner.auth);
    expect([twice.status, fieldsOf(twice)]).toEqual([409, ['registrationStatus']]);
  });

  it('a registration cannot be cancelled once the event has started', async () => {
    const event = await makeEvent({ startsAt: new Date(Date.now() - 3_600_000).toISOString() });
    const me = await signedInAlumnus();
    const documentId = `started${Date.now().toString(36)}`.padEnd(24, '0').slice(0, 24);
    await strapiApp().db.query(REGISTRATION).create({
      data: { documentId, eventDocumentId: event.documentId, alumnus: me.alumnus.id, registrationStatus: 'registered', guests: 0, code: `code-${documentId}` },
    });
    const res = await cancel(documentId, me.auth);
    expect([res.status, fieldsOf(res)]).toEqual([409, ['startsAt']]);
    expect((await mine(me.auth))[0].status).toBe('registered');
  });
});
