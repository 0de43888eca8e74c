import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort } from '../helpers/fixtures';

/**
 * An anonymous visitor of the website must never learn an alumnus's phone, e-mail,
 * WeChat, student number or employer, whatever query parameters it tries.
 */
const SECRET = {
  phone: '13912345678',
  email: 'secret.alumnus@example.com',
  wechat: 'wx_secret_alumnus',
  employer: '保密科技有限公司',
  jobTitle: '首席保密官',
};

let storyId: string;
let studentNo: string;

beforeAll(async () => {
  await setupStrapi();
  const chapter = await makeChapter();
  const cohort = await makeCohort();
  studentNo = unique('SECRET');
  const alumnus = await makeAlumnus({
    ...SECRET,
    studentNo,
    name: '王芳',
    publishConsent: true,
    cohort: cohort.documentId,
    chapter: chapter.documentId,
  });
  const story = await strapiApp()
    .documents('plugin::liaison.story')
    .create({
      data: { title: '王芳的创业故事', slug: unique('wang'), featuredAlumni: [alumnus.documentId], chapters: [chapter.documentId] } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
  storyId = story.documentId;
});
afterAll(teardownStrapi);

const leaks = (body: unknown) => {
  const text = JSON.stringify(body);
  return [...Object.values(SECRET), studentNo].filter((secret) => text.includes(secret));
};

describe('anonymous reads of stories', () => {
  it('return the story', async () => {
    const res = await http().get(`/api/stories/${storyId}`).query({ locale: 'zh-Hans' });
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('王芳的创业故事');
  });

  it.each([
    ['populate=*', { populate: '*' }],
    ['populate[featuredAlumni]=*', { 'populate[featuredAlumni]': '*' }],
    ['populate[featuredAlumni][populate]=*', { 'populate[featuredAlumni][populate]': '*' }],
    ['populate[featuredAlumni][populate][cohort]=*', { 'populate[featuredAlumni][populate][cohort]': '*' }],
    ['populate[featuredAlumni][fields]=phone,email', { 'populate[featuredAlumni][fields][0]': 'phone', 'populate[featuredAlumni][fields][1]': 'email' }],
    ['populate[chapters][populate][members]=*', { 'populate[chapters][populate][members]': '*' }],
    ['fields=phone', { 'fields[0]': 'phone' }],
  ])('never carry personal data with %s', async (_label, query) => {
    for (const url of ['/api/stories', `/api/stories/${storyId}`]) {
      const res = await http().get(url).query({ locale: 'zh-Hans', ...query });
      expect([200, 400]).toContain(res.status);
      expect(leaks(res.body)).toEqual([]);
    }
  });

  it.each([
    ['filters on a private field of a featured alumnus', { 'filters[featuredAlumni][phone][$eq]': SECRET.phone }],
    ['filters with $contains on an e-mail', { 'filters[featuredAlumni][email][$containsi]': 'secret' }],
    ['filters on a student number', { 'filters[featuredAlumni][studentNo][$startsWith]': 'SECRET' }],
    ['filters through $or', { 'filters[$or][0][featuredAlumni][wechat][$eq]': SECRET.wechat }],
    ['filters two levels down', { 'filters[chapters][members][phone][$eq]': SECRET.phone }],
    ['sort on a private field', { sort: 'featuredAlumni.phone:asc' }],
    ['sort on a nested private field', { 'sort[0]': 'chapters.members.email' }],
  ])('are rejected with 400 for %s', async (_label, query) => {
    const res = await http().get('/api/stories').query({ locale: 'zh-Hans', ...query });
    expect(res.status).toBe(400);
    expect(leaks(res.body)).toEqual([]);
  });

  it('cannot be used as an oracle: a matching and a non-matching private filter answer alike', async () => {
    const hit = await http().get('/api/stories').query({ 'filters[featuredAlumni][phone][$eq]': SECRET.phone });
    const miss = await http().get('/api/stories').query({ 'filters[featuredAlumni][phone][$eq]': '10000000000' });
    expect(hit.status).toBe(miss.status);
    expect(hit.body).toEqual(miss.body);
  });
});

describe('the liaison network itself', () => {
  it.each(['/api/alumni', '/api/liaison/alumni', '/liaison/overview', '/content-manager/collection-types/plugin::liaison.alumnus'])(
    'is closed to anonymous requests: %s',
    async (url) => {
      const res = await http().get(url);
      expect([401, 403, 404]).toContain(res.status);
      expect(leaks(res.body)).toEqual([]);
    }
  );
});
