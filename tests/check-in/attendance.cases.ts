import crypto from 'crypto';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makePost } from '../helpers/fixtures';

/**
 * An event's attendance in the appraisal is the people checked in (each checked-in
 * registration and its guests) once the event has registrations; events without any keep
 * the attendance typed for them. Checking people in changes the measure at the next compute.
 */
const YEAR = 2141;
const REG = 'plugin::liaison.event-registration';
let api: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
});
afterAll(teardownStrapi);

const event = (organiser: string, startsAt: string, attendance: number | null) =>
  strapiApp()
    .documents('plugin::liaison.event')
    .create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title: unique('活动'), slug: unique('ev').toLowerCase(), type: 'reunion', startsAt, venue: '礼堂', organisers: [organiser], attendance } as any,
    } as any);

const register = async (eventDocumentId: string, data: Record<string, unknown> = {}) => {
  const code = crypto.randomBytes(16).toString('base64url');
  const alumnus = await makeAlumnus({ name: unique('校友') });
  await strapiApp().db.query(REG).create({ data: { eventDocumentId, alumnus: alumnus.id, registrationStatus: 'registered', guests: 0, code, ...data } });
  return code;
};

it('reads the checked-in count (with guests) for events with registrations, the typed attendance for the others', async () => {
  const cohort = await makeCohort();
  const post = await makePost({ cohort: cohort.documentId, termStart: `${YEAR}-01-01` });
  // Before sign-up existed: typed attendance 40.
  await event(post.documentId, `${YEAR}-02-01T02:00:00.000Z`, 40);
  // With sign-up: a typed number is not read; nobody has arrived yet.
  const signUp = await event(post.documentId, `${YEAR}-03-01T02:00:00.000Z`, 99);
  const codes = [await register(signUp.documentId, { guests: 2 }), await register(signUp.documentId), await register(signUp.documentId, { guests: 1 })];
  await register(signUp.documentId, { registrationStatus: 'waiting' });

  const created = await api.post('/liaison/cycles').send({
    name: unique(`${YEAR}年度考核`),
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    criteria: [
      { key: 'events', kind: 'measured', measure: 'events_organised', weight: 50 },
      { key: 'attendance', kind: 'measured', measure: 'event_attendance', weight: 50 },
    ],
  });
  expect(created.status).toBe(201);
  const cycle = created.body.data.documentId;
  const measures = async () => {
    const res = await api.get(`/liaison/cycles/${cycle}/results?dimension=cohort&scope=${cohort.documentId}`);
    expect(res.status).toBe(200);
    return res.body.data.find((r: any) => r.post.documentId === post.documentId).measures;
  };
  expect(await measures()).toEqual({ events: 2, attendance: 40 });

  // Two arrive, one of them with two guests: 3 + 1 = 4 people.
  for (const code of codes.slice(0, 2)) expect((await api.post(`/liaison/events/${signUp.documentId}/check-in`).send({ code })).status).toBe(200);
  expect((await api.post(`/liaison/cycles/${cycle}/compute`)).status).toBeLessThan(300);
  expect(await measures()).toEqual({ events: 2, attendance: 44 });

  expect((await api.post(`/liaison/events/${signUp.documentId}/check-in`).send({ code: codes[2] })).status).toBe(200);
  expect((await api.post(`/liaison/cycles/${cycle}/compute`)).status).toBeLessThan(300);
  expect(await measures()).toEqual({ events: 2, attendance: 46 });
});

it('refuses a typed attendance for an event with registrations (400 naming attendance, the count said), not for one without', async () => {
  const cohort = await makeCohort();
  const post = await makePost({ cohort: cohort.documentId, termStart: `${YEAR}-01-01` });
  const CM = '/content-manager/collection-types/plugin::liaison.event';
  const withSignUp = await event(post.documentId, `${YEAR}-05-01T02:00:00.000Z`, null);
  const code = await register(withSignUp.documentId, { guests: 1 });
  expect((await api.post(`/liaison/events/${withSignUp.documentId}/check-in`).send({ code })).status).toBe(200);
  const typed = await api.put(`${CM}/${withSignUp.documentId}?locale=zh-Hans`).send({ attendance: 30 });
  expect(typed.status).toBe(400);
  expect(typed.body.error.details.errors[0]).toMatchObject({ path: ['attendance'], messageId: 'liaison.error.checkIn.attendanceCounted', values: { arrived: '2' } });
  expect((await strapiApp().db.query('plugin::liaison.event').findOne({ where: { documentId: withSignUp.documentId } })).attendance).toBeNull();
  // Other changes to the event go through.
  expect((await api.put(`${CM}/${withSignUp.documentId}?locale=zh-Hans`).send({ venue: '新礼堂' })).status).toBe(200);
  const before = await event(post.documentId, `${YEAR}-06-01T02:00:00.000Z`, null);
  expect((await api.put(`${CM}/${before.documentId}?locale=zh-Hans`).send({ attendance: 30 })).status).toBe(200);
});
