import { setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { fieldsOf, makeEvent, mailsTo, REGISTRATION } from './helpers';

beforeAll(setupStrapi, 120000);
afterAll(teardownStrapi);

const as = async (...args: Parameters<typeof signInStaff>) => {
  const { user, token } = await signInStaff(...args);
  const signed = withToken(token);
  return { id: user.id, register: (event: string, body: Record<string, unknown>) => signed.post(`/liaison/events/${event}/registrations`).set('Accept-Language', 'en').send(body) };
};

describe('staff signing a person up', () => {
  it('the office signs anyone up, recorded as theirs, with the same rules', async () => {
    const office = await as('Alumni Office Staff');
    const event = await makeEvent({ capacity: 1 });
    const person = await makeAlumnus({ email: `onbehalf.${Date.now()}@example.edu.cn`, language: 'en' });
    const res = await office.register(event.documentId, { alumnus: person.documentId, guests: 0 });
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    expect(res.body.data).toMatchObject({ status: 'registered' });
    const row = await strapiApp().db.query(REGISTRATION).findOne({ where: { documentId: res.body.data.documentId }, populate: ['registeredBy', 'alumnus'] });
    expect([row.registeredBy?.id, row.alumnus?.id]).toEqual([office.id, person.id]);
    expect((await mailsTo(person.email as string)).map((m) => m.kind)).toEqual(['event-registration']);

    const again = await office.register(event.documentId, { alumnus: person.documentId });
    expect([again.status, fieldsOf(again)]).toEqual([409, ['alumnus']]);
    const next = await office.register(event.documentId, { alumnus: (await makeAlumnus()).documentId });
    expect(next.body.data).toMatchObject({ status: 'waiting', position: 1 });
    const bad = await office.register(event.documentId, { alumnus: person.documentId, guests: 99 });
    expect([bad.status, fieldsOf(bad)]).toEqual([400, ['guests']]);
    const nobody = await office.register(event.documentId, { alumnus: 'nobodyhasthisdocumentid0' });
    expect([nobody.status, fieldsOf(nobody)]).toEqual([400, ['alumnus']]);
    expect((await office.register(event.documentId, {})).status).toBe(400);
    expect((await office.register('no-such-event', { alumnus: person.documentId })).status).toBe(404);
  });

  it("chapter editors sign people up for their chapters' events only", async () => {
    const own = await makeChapter();
    const other = await makeChapter();
    const editor = await as('Chapter Editor', { chapters: [own.documentId] });
    const ours = await makeEvent({ chapter: own.documentId });
    const theirs = await makeEvent({ chapter: other.documentId });
    const person = await makeAlumnus();
    expect((await editor.register(ours.documentId, { alumnus: person.documentId })).status).toBe(201);
    const refused = await editor.register(theirs.documentId, { alumnus: person.documentId });
    expect([refused.status, fieldsOf(refused)]).toEqual([403, ['chapter']]);
    const collegeStaff = await as('College Staff');
    expect((await collegeStaff.register(ours.documentId, { alumnus: (await makeAlumnus()).documentId })).status).toBe(403);
    expect(await strapiApp().db.query(REGISTRATION).count({ where: { eventDocumentId: theirs.documentId } })).toBe(0);
  });
});
