import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort } from '../helpers/fixtures';

/** Staff mistakes get a 4xx that names the field; none of them is a 500, and none writes anything. */
let staff: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  staff = withToken(await adminToken());
});
afterAll(teardownStrapi);

const POSTS = 'plugin::liaison.liaison';
const count = () => strapiApp().db.query(POSTS as any).count();

it.each([
  ['an unknown dimension', { dimension: 'planet' }, 'dimension'],
  ['a date that is not a date', { termStart: 'next tuesday' }, 'termStart'],
  ['a missing term start', { termStart: null }, 'termStart'],
  ['an unknown status', { postStatus: 'promoted' }, 'postStatus'],
])('a post with %s is refused with 400 on that field', async (_label, override, field) => {
  const alumnus = await makeAlumnus();
  const cohort = await makeCohort();
  const before = await count();
  const res = await staff.post(`${CM}/${POSTS}`).send({
    alumnus: { connect: [{ documentId: alumnus.documentId }] },
    cohort: { connect: [{ documentId: cohort.documentId }] },
    dimension: 'cohort',
    termStart: '2024-01-01',
    ...override,
  });
  expect(res.status).toBe(400);
  expect(JSON.stringify(res.body.error)).toContain(field);
  expect(await count()).toBe(before);
});

it('a relation to a record that does not exist is refused with a 4xx, not a 500', async () => {
  const alumnus = await makeAlumnus();
  const before = await count();
  const res = await staff.post(`${CM}/${POSTS}`).send({
    alumnus: { connect: [{ documentId: alumnus.documentId }] },
    cohort: { connect: [{ documentId: 'doesnotexist000000000000' }] },
    dimension: 'cohort',
    termStart: '2024-01-01',
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(await count()).toBe(before);
});

it('an e-mail that is not an e-mail is refused with 400 on email', async () => {
  const res = await staff.post(`${CM}/plugin::liaison.alumnus`).send({ name: '赵磊', studentNo: unique('S'), email: 'not-an-email' });
  expect(res.status).toBe(400);
  expect(res.body.error.details.errors[0].path).toEqual(['email']);
});

it('an unknown record is a 404', async () => {
  const res = await staff.get(`${CM}/${POSTS}/doesnotexist000000000000`);
  expect(res.status).toBe(404);
});
