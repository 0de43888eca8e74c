import { http, setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { signedInAlumnus } from '../helpers/alumni';
import { alumni, cancel, fieldsOf, fromNow, mailsTo, makeEvent, mine, REGISTRATION, signUp } from './helpers';

beforeAll(setupStrapi, 120000);
afterAll(teardownStrapi);

describe('signing up for an event', () => {
  it('registers a signed-in alumnus, with a check-in code, their registration in their language and a confirmation mail', async () => {
    const event = await makeEvent({ capacity: 20 }, { titleEn: 'Homecoming' });
    const me = await signedInAlumnus({ name: 'Li Lei', language: 'en', email: `lilei.${Date.now()}@example.edu.cn` });
    const res = await signUp(event.documentId, me.auth, { guests: 2 });
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    const { documentId, status, code, position } = res.body.data;
    expect(status).toBe('registered');
    expect(position).toBeUndefined();
    expect(code).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(code).not.toBe(documentId);

    const [mineNow] = await mine(me.auth);
    expect(mineNow).toMatchObject({
      documentId,
      status: 'registered',
      guests: 2,
      code,
      event: { documentId: event.documentId, title: 'Homecoming', venue: 'Alumni House' },
    });
    expect(mineNow.position).toBeUndefined();
    expect(new Date(mineNow.event.startsAt).getTime()).toBe(new Date(event.startsAt as string).getTime());

    const [mail] = await mailsTo(me.alumnus.email as string);
    expect(mail).toMatchObject({ kind: 'event-registration', recipientLocale: 'en', subject: 'Registered: Homecoming' });
    expect(mail.text).toContain(code);
    expect(mail.text).toContain('Guests: 2');
    const files = mail.attachments as any[];
    expect(files.map((f) => f.filename)).toEqual(['check-in.png', 'event.ics']);
    // The QR code of the check-in code, drawn when the mail is sent (tests/registrations/mail.test.ts).
    expect(files[0]).toMatchObject({ contentType: 'image/png', render: 'qr-png', content: code, cid: 'check-in-code' });
    expect(mail.html).toContain('cid:check-in-code');
    expect(files[1].content).toContain('SUMMARY:Homecoming');
    expect(files[1].content).toContain(`UID:${event.documentId}@liaison`);
  });

  it('writes to a Chinese-speaking alumnus in Chinese', async () => {
    const event = await makeEvent({ title: '春季返校日', capacity: 5 }, { titleEn: 'Spring homecoming' });
    const me = await signedInAlumnus({ language: 'zh-Hans', email: `zh.${Date.now()}@example.edu.cn` });
    expect((await signUp(event.documentId, me.auth)).status).toBe(201);
    const [mail] = await mailsTo(me.alumnus.email as string);
    expect(mail).toMatchObject({ subject: '报名成功：春季返校日', recipientLocale: 'zh-Hans' });
    expect((await mine(me.auth))[0].event.title).toBe('春季返校日');
  });

  it('refuses bad input with 400 naming the field, and unknown or draft events with 404', async () => {
    const event = await makeEvent();
    const me = await signedInAlumnus();
    for (const guests of [-1, 11, 1.5, 'two']) {
      const res = await signUp(event.documentId, me.auth, { guests });
      expect([res.status, fieldsOf(res)]).toEqual([400, ['guests']]);
    }
    const extra = await signUp(event.documentId, me.auth, { guests: 0, seat: 'A1' });
    expect(extra.status).toBe(400);
    expect((await signUp('no-such-event', me.auth)).status).toBe(404);
    const draft = await makeEvent({}, { draft: true });
    expect((await signUp(draft.documentId, me.auth)).status).toBe(404);
    expect((await http().post(`/api/liaison/events/${event.documentId}/registrations`).send({})).status).toBe(403);
    expect(await strapiApp().db.query(REGISTRATION).count({ where: { alumnus: { id: me.alumnus.id } } })).toBe(0);
  });

  it('takes sign-ups only within the registration window and before the event starts (409 naming the field)', async () => {
    const me = await signedInAlumnus();
    const early = await makeEvent({ registrationOpensAt: fromNow(24), registrationClosesAt: fromNow(48) });
    const res = await signUp(early.documentId, me.auth);
    expect([res.status, fieldsOf(res)]).toEqual([409, ['registrationOpensAt']]);
    expect(res.body.error.message).toContain('registration opens at');

    const late = await makeEvent({ registrationOpensAt: fromNow(-48), registrationClosesAt: fromNow(-1) });
    const closed = await signUp(late.documentId, me.auth);
    expect([closed.status, fieldsOf(closed)]).toEqual([409, ['registrationClosesAt']]);

    const started = await makeEvent({ startsAt: fromNow(-1), endsAt: fromNow(2) });
    const going = await signUp(started.documentId, me.auth);
    expect([going.status, fieldsOf(going)]).toEqual([409, ['startsAt']]);

    const open = await makeEvent({ registrationOpensAt: fromNow(-1), registrationClosesAt: fromNow(24) });
    expect((await signUp(open.documentId, me.auth)).status).toBe(201);
  });

  it('keeps one live registration per person and event; after cancelling one may sign up again', async () => {
    const event = await makeEvent({ capacity: 10 });
    const me = await signedInAlumnus();
    const first = await signUp(event.documentId, me.auth);
    const again = await signUp(event.documentId, me.auth, { guests: 1 });
    expect([again.status, fieldsOf(again)]).toEqual([409, ['alumnus']]);
    expect((await cancel(first.body.data.documentId, me.auth)).status).toBe(200);
    const back = await signUp(event.documentId, me.auth);
    expect(back.status).toBe(201);
    expect(back.body.data.code).not.toBe(first.body.data.code);
    expect((await mine(me.auth)).map((r) => r.status)).toEqual(['registered', 'cancelled']);
  });

  it('counts guests against the capacity; nobody passes someone waiting; a party larger than the event is refused', async () => {
    const event = await makeEvent({ capacity: 4 });
    const [a, b, c, d] = await alumni(4);
    const tooMany = await signUp(event.documentId, a.auth, { guests: 4 });
    expect([tooMany.status, fieldsOf(tooMany)]).toEqual([409, ['guests']]);
    expect(tooMany.body.error.message).toContain('needs 5 seats');
    expect((await signUp(event.documentId, a.auth, { guests: 2 })).body.data).toMatchObject({ status: 'registered' });
    expect((await signUp(event.documentId, b.auth, { guests: 1 })).body.data).toMatchObject({ status: 'waiting', position: 1 });
    // One seat is free, but b waits first.
    expect((await signUp(event.documentId, c.auth)).body.data).toMatchObject({ status: 'waiting', position: 2 });
    const unlimited = await makeEvent({ capacity: null });
    expect((await signUp(unlimited.documentId, d.auth, { guests: 10 })).body.data.status).toBe('registered');
  });
});
