import { setupStrapi, teardownStrapi, adminToken, withToken, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege } from '../helpers/fixtures';

/**
 * Which places count as having a chapter, and who reach counts:
 *   country FZ: a dissolved chapter (covers nothing); z1, z2 live there; z5 too, without a cohort.
 *   CN / PZ / 丁市: a dormant chapter (still a chapter); z3 lives there, a member.
 *   z4 lives in PZ with no city: not a place one could found a chapter in.
 */
let token: string;
const net: Record<string, any> = {};
const get = (url: string) => withToken(token).get(url);

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  net.Z = await makeCollege({ name: unique('Zcol') });
  net.KZ = await makeCohort({ college: net.Z.documentId, gradYear: 2020 });
  net.FZ = unique('FZ');
  net.PZ = unique('省Z');
  net.dissolved = await makeChapter({ name: unique('CHd'), country: net.FZ, province: null, city: null, chapterStatus: 'dissolved' });
  net.dormant = await makeChapter({ name: unique('CHp'), country: 'CN', province: net.PZ, city: '丁市', chapterStatus: 'dormant' });
  const person = (data: Record<string, unknown>) => makeAlumnus({ cohort: net.KZ.documentId, ...data });
  await person({ country: net.FZ, chapter: net.dissolved.documentId });
  await person({ country: net.FZ });
  await person({ country: 'CN', province: net.PZ, city: '丁市', chapter: net.dormant.documentId });
  await person({ country: 'CN', province: net.PZ, city: null });
  await makeAlumnus({ country: net.FZ, cohort: null });
});

afterAll(teardownStrapi);

it('a dissolved chapter founds nothing; a dormant one still counts; a place needs a city in China', async () => {
  const res = await get(`/liaison/coverage/summary?college=${net.Z.documentId}`);
  expect(res.status).toBe(200);
  expect(res.body.data.nextChapters).toEqual([{ country: net.FZ, province: null, city: null, alumni: 2 }]);
});

it('the region dimension leaves dissolved chapters out and keeps dormant ones', async () => {
  const dissolved = await get(`/liaison/coverage?dimension=region&country=${net.FZ}`);
  expect(dissolved.status).toBe(200);
  expect(dissolved.body.data).toEqual([]);
  const dormant = await get(`/liaison/coverage?dimension=region&country=CN&province=${encodeURIComponent(net.PZ)}`);
  expect(dormant.body.data).toEqual([
    expect.objectContaining({ scope: { documentId: net.dormant.documentId, name: net.dormant.name }, alumni: 1, active: 0 }),
  ]);
});

it('reach counts alumni who belong to a cohort; places count everyone living there', async () => {
  const res = await get(`/liaison/coverage/summary?country=${net.FZ}`);
  expect(res.status).toBe(200);
  // z1 and z2 (z5 has no cohort); nobody has an active liaison anywhere.
  expect(res.body.data.reach).toMatchObject({ alumni: 2, cohort: 0, college: 0, region: 0, industry: 0, any: 0, none: 2 });
  expect(res.body.data.reach.shares.none).toBe(1);
  expect(res.body.data.nextChapters).toEqual([{ country: net.FZ, province: null, city: null, alumni: 3 }]);
});
