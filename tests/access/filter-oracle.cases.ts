import { CM, http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makePost } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * The filter oracle (the Strapi CVE-2026-27886 class): a scoped admin user reads nulls in
 * the phone, e-mail and WeChat of members who did not consent, and nothing of the fields
 * their role does not list; filtering, sorting or searching on those fields must not tell
 * the values apart either. The oracle is tested itself: a filter that would match the
 * hidden value and one that would not get the same answer.
 */
const ALUMNI = `${CM}/plugin::liaison.alumnus`;
const POSTS = `${CM}/plugin::liaison.liaison`;
const EVENTS = `${CM}/plugin::liaison.event`;
const STORIES = `${CM}/plugin::liaison.story`;
const CHAPTERS = `${CM}/plugin::liaison.chapter`;

const as = (token: string) => (url: string) => http().get(url).set('Authorization', `Bearer ${token}`).set('Accept-Language', 'en');
type Get = ReturnType<typeof as>;

let editor: Get;
let editorToken: string;
let collegeStaff: Get;
let office: Get;
let secret: any; // did not consent to be contacted
let open: any; // consented
let regionPost: any;
let cohortPost: any;
const PHONE = '19961234567';

beforeAll(async () => {
  await setupStrapi();
  const chapter = await makeChapter();
  const college = await makeCollege();
  const cohort = await makeCohort({ college: college.documentId });
  secret = await makeAlumnus({
    name: '王秘密', chapter: chapter.documentId, cohort: cohort.documentId, city: 'Shenzhen', contactConsent: false,
    phone: PHONE, email: 'hidden.person@example.com', wechat: 'wx_hidden', studentNo: unique('SN'), employer: '保密公司', jobTitle: '总监',
  });
  open = await makeAlumnus({
    name: '李公开', chapter: chapter.documentId, cohort: cohort.documentId, city: 'Guangzhou', contactConsent: true,
    phone: '13800138000', email: 'open.person@example.com', studentNo: unique('SN'),
  });
  regionPost = await makePost({ dimension: 'region', chapter: chapter.documentId, role: 'head', alumnus: secret.documentId });
  cohortPost = await makePost({ cohort: cohort.documentId, alumnus: secret.documentId });
  const event = { title: unique('活动'), slug: unique('ev'), type: 'reunion', startsAt: '2030-05-01T10:00:00.000Z', chapter: chapter.documentId };
  await strapiApp().documents('plugin::liaison.event').create({ data: { ...event, organisers: [regionPost.documentId] } as any, locale: 'zh-Hans' });
  await strapiApp().documents('plugin::liaison.story').create({
    data: { title: unique('故事'), slug: unique('st'), chapters: [chapter.documentId], featuredAlumni: [secret.documentId] } as any,
    locale: 'zh-Hans',
  });
  editorToken = (await signInStaff('Chapter Editor', { chapters: [chapter.documentId] })).token;
  editor = as(editorToken);
  collegeStaff = as((await signInStaff('College Staff', { colleges: [college.documentId] })).token);
  office = as((await signInStaff('Alumni Office Staff')).token);
}, 120000);
afterAll(teardownStrapi);

const ids = (res: any) => (res.body.results ?? []).map((r: any) => r.documentId);
const refused = (res: any, path: string[]) => {
  expect({ status: res.status, path: res.body?.error?.details?.errors?.[0]?.path }).toEqual({ status: 400, path });
};
/** The answer without what changes between two identical requests. */
const answer = (res: any) => ({ status: res.status, body: res.body });

describe('a chapter editor', () => {
  it('cannot tell a hidden phone number by filtering on it: a matching and a wrong prefix get the same 400', async () => {
    const byPrefix = (prefix: string) => editor(`${ALUMNI}?filters[$and][0][id][$eq]=${secret.id}&filters[$and][1][phone][$startsWith]=${prefix}`);
    const right = await byPrefix('1996');
    const wrong = await byPrefix('1380');
    refused(right, ['filters', 'phone']);
    expect(answer(right)).toEqual(answer(wrong));
    expect(right.body.error.message).toMatch(/phone/);
    // The member's phone is still hidden where they read it.
    const listed = await editor(`${ALUMNI}?pageSize=100`);
    expect(listed.body.results.find((a: any) => a.documentId === secret.documentId).phone).toBeNull();
  });

  it('cannot use e-mail or WeChat either, in $or, $not or nested $and', async () => {
    for (const query of [
      `filters[$or][0][email][$containsi]=hidden&filters[$or][1][name][$eq]=nobody`,
      `filters[$not][wechat][$eq]=wx_hidden`,
      `filters[$and][0][$or][0][$and][0][phone][$null]=false`,
      `filters[phone][$eq]=${PHONE}`,
    ]) {
      const res = await editor(`${ALUMNI}?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.details.errors[0].path[0]).toBe('filters');
    }
  });

  it('cannot reach them through relations from the types they list: posts, events, stories, chapters', async () => {
    for (const [url, path] of [
      [`${POSTS}?filters[alumnus][phone][$startsWith]=1996`, ['filters', 'alumnus', 'phone']],
      [`${POSTS}?filters[alumnus.phone][$startsWith]=1996`, ['filters', 'alumnus', 'phone']],
      [`${EVENTS}?locale=zh-Hans&filters[organisers][alumnus][phone][$startsWith]=1996`, ['filters', 'organisers', 'alumnus', 'phone']],
      [`${STORIES}?locale=zh-Hans&filters[featuredAlumni][email][$containsi]=hidden`, ['filters', 'featuredAlumni', 'email']],
      [`${CHAPTERS}?filters[members][wechat][$eq]=wx_hidden`, ['filters', 'members', 'wechat']],
    ] as const) {
      const right = await editor(url);
      refused(right, [...path]);
      expect(answer(await editor(url.replace('1996', '1380').replace('hidden', 'nobody').replace('wx_hidden', 'wx_nobody')))).toEqual(answer(right));
    }
  });

  it('cannot filter on what their role does not show at all (student number, employer, job title), directly or through posts', async () => {
    refused(await editor(`${ALUMNI}?filters[studentNo][$eq]=${secret.studentNo}`), ['filters', 'studentNo']);
    refused(await editor(`${ALUMNI}?filters[employer][$containsi]=保密`), ['filters', 'employer']);
    const right = await editor(`${POSTS}?filters[alumnus][studentNo][$eq]=${secret.studentNo}`);
    refused(right, ['filters', 'alumnus', 'studentNo']);
    expect(answer(await editor(`${POSTS}?filters[alumnus][studentNo][$eq]=nobody`))).toEqual(answer(right));
    refused(await editor(`${POSTS}?filters[alumnus][jobTitle][$eq]=总监`), ['filters', 'alumnus', 'jobTitle']);
  });

  it('cannot sort by them, in any spelling', async () => {
    for (const url of [
      `${ALUMNI}?sort=phone:asc`,
      `${ALUMNI}?sort=name:asc,email:desc`,
      `${ALUMNI}?sort[0]=wechat`,
      `${ALUMNI}?sort[phone]=desc`,
      `${ALUMNI}?sort=studentNo:asc`,
      `${POSTS}?sort=alumnus.phone:asc`,
      `${POSTS}?sort[0][alumnus][phone]=asc`,
    ]) {
      const res = await editor(url);
      expect({ url, status: res.status, path: res.body?.error?.details?.errors?.[0]?.path }).toEqual({ url, status: 400, path: ['sort'] });
    }
  });

  it('searches names, not phone numbers or e-mail addresses', async () => {
    for (const q of ['1996123', 'hidden.person', 'wx_hidden', '保密公司']) {
      const res = await editor(`${ALUMNI}?_q=${encodeURIComponent(q)}`);
      expect({ q, status: res.status, total: res.body.pagination?.total, found: ids(res) }).toEqual({ q, status: 200, total: 0, found: [] });
    }
    const byName = await editor(`${ALUMNI}?_q=${encodeURIComponent('王秘')}`);
    expect(byName.status).toBe(200);
    expect(ids(byName)).toEqual([secret.documentId]);
    expect(byName.body.pagination.total).toBe(1);
    // Pinyin finds them too (the search key restates the name).
    expect(ids(await editor(`${ALUMNI}?_q=wangmimi`))).toEqual([secret.documentId]);
  });

  it('still filters and sorts on what they may read', async () => {
    const inCity = await editor(`${ALUMNI}?filters[city][$eq]=Shenzhen`);
    expect(inCity.status).toBe(200);
    expect(ids(inCity)).toEqual([secret.documentId]);
    const named = await editor(`${ALUMNI}?filters[$or][0][name][$contains]=${encodeURIComponent('公开')}&sort=name:asc`);
    expect(ids(named)).toEqual([open.documentId]);
    const viaPost = await editor(`${POSTS}?filters[alumnus][name][$eq]=${encodeURIComponent('王秘密')}&sort=alumnus.name:asc`);
    expect(viaPost.status).toBe(200);
    expect(ids(viaPost)).toEqual([regionPost.documentId]);
    const sorted = await editor(`${ALUMNI}?sort=city:desc`);
    expect(ids(sorted)).toEqual([secret.documentId, open.documentId]);
  });

  it('gets the same answers in the relation pickers', async () => {
    const picker = `/content-manager/relations/plugin::liaison.story/featuredAlumni?locale=zh-Hans`;
    const right = await editor(`${picker}&filters[phone][$startsWith]=1996`);
    refused(right, ['filters', 'phone']);
    expect(answer(await editor(`${picker}&filters[phone][$startsWith]=1380`))).toEqual(answer(right));
    refused(await editor(`${picker}&sort=phone:asc`), ['sort']);
    refused(await editor(`/content-manager/relations/plugin::liaison.event/organisers?locale=zh-Hans&filters[alumnus][phone][$startsWith]=1996`), [
      'filters', 'alumnus', 'phone',
    ]);
    const byName = await editor(`${picker}&_q=${encodeURIComponent('王秘')}`);
    expect(byName.status).toBe(200);
    expect(ids(byName)).toEqual([secret.documentId]);
    expect(ids(await editor(`${picker}&_q=1996`))).toEqual([]);
  });

  it('answers in Chinese to an admin in Chinese', async () => {
    const res = await http()
      .get(`${ALUMNI}?filters[phone][$startsWith]=1996`)
      .set('Authorization', `Bearer ${editorToken}`)
      .set('Accept-Language', 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].message).toBe('不能使用电话：您无权查看每条记录的此字段');
  });
});

describe('College Staff', () => {
  it('cannot filter or sort on the contact details their role does not show, on alumni or through posts', async () => {
    refused(await collegeStaff(`${ALUMNI}?filters[phone][$startsWith]=1996`), ['filters', 'phone']);
    const right = await collegeStaff(`${POSTS}?filters[$and][0][id][$eq]=${cohortPost.id}&filters[$and][1][alumnus][phone][$startsWith]=1996`);
    refused(right, ['filters', 'alumnus', 'phone']);
    expect(answer(await collegeStaff(`${POSTS}?filters[$and][0][id][$eq]=${cohortPost.id}&filters[$and][1][alumnus][phone][$startsWith]=1380`))).toEqual(
      answer(right)
    );
    refused(await collegeStaff(`${POSTS}?sort=alumnus.email:asc`), ['sort']);
    refused(await collegeStaff(`/content-manager/relations/plugin::liaison.liaison/nominator?filters[wechat][$eq]=wx_hidden`), ['filters', 'wechat']);
  });

  it('searches their alumni by name and student number, not by phone', async () => {
    expect(ids(await collegeStaff(`${ALUMNI}?_q=1996123`))).toEqual([]);
    expect(ids(await collegeStaff(`${ALUMNI}?_q=${encodeURIComponent('王秘')}`))).toEqual([secret.documentId]);
    expect(ids(await collegeStaff(`${ALUMNI}?_q=${secret.studentNo}`))).toEqual([secret.documentId]);
    // Their role shows the student number: they may filter on it.
    const byNumber = await collegeStaff(`${ALUMNI}?filters[studentNo][$eq]=${secret.studentNo}`);
    expect(byNumber.status).toBe(200);
    expect(ids(byNumber)).toEqual([secret.documentId]);
  });
});

describe('the alumni office', () => {
  it('still filters, sorts and searches on contact details', async () => {
    const res = await office(`${ALUMNI}?filters[phone][$startsWith]=1996&sort=phone:asc`);
    expect(res.status).toBe(200);
    expect(ids(res)).toContain(secret.documentId);
    expect(ids(await office(`${ALUMNI}?_q=1996123`))).toContain(secret.documentId);
  });
});
