import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { strapi as strapiClient } from '@strapi/client';
import { validate } from '@readme/openapi-parser';
import ICAL from 'ical.js';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makeIndustry, makePost } from '../helpers/fixtures';

/**
 * The university website's API, as the website calls it: stories and events (published
 * only, public fields only, by slug or documentId, filtered the website's ways), the
 * iCalendar feed, the chapter directory and the OpenAPI description.
 */
const PRIVATE = { phone: '13800001111', email: 'private.person@example.com', wechat: 'wx_private_person', employer: '不公开有限公司' };

let base: string;
let tag: string;
let college: any;
let chapter: any;
let otherChapter: any;
let industry: any;
let featured: any;
let story: any;

const stories = () => strapiApp().documents('plugin::liaison.story');
const events = () => strapiApp().documents('plugin::liaison.event');
const leaks = (body: unknown) => Object.values(PRIVATE).filter((v) => JSON.stringify(body).includes(v));

beforeAll(async () => {
  const app = await setupStrapi();
  const server = app.server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tag = unique('tag');
  college = await makeCollege({ nameEn: 'School of Testing' });
  const cohort = await makeCohort({ college: college.documentId, gradYear: 1999 });
  chapter = await makeChapter({ province: '测试省', contactEmail: 'chapter.office@alumni.example.edu' });
  otherChapter = await makeChapter({ province: '测试省' });
  industry = await makeIndustry();
  featured = await makeAlumnus({
    ...PRIVATE,
    name: '陈静',
    displayName: '陈同学',
    displayNameEn: 'Jing Chen',
    publishConsent: true,
    cohort: cohort.documentId,
    chapter: chapter.documentId,
  });
  story = await stories().create({
    data: {
      title: '陈同学的故事',
      slug: unique('chen-jing'),
      summary: '一位校友',
      cohortYears: [1999],
      tags: [tag, 'medicine'],
      colleges: [college.documentId],
      chapters: [chapter.documentId],
      industries: [industry.documentId],
      featuredAlumni: [featured.documentId],
    } as any,
    locale: 'zh-Hans',
    status: 'published',
  });
});
afterAll(teardownStrapi);

describe('stories', () => {
  it('answer @strapi/client as the website calls it: by slug, with the cover, places and the featured alumni by their consented name', async () => {
    const client = strapiClient({ baseURL: `${base}/api` });
    const list: any = await client.collection('stories').find({
      locale: 'zh-Hans',
      filters: { slug: { $eq: story.slug } },
      populate: ['cover', 'colleges', 'chapters', 'industries', 'featuredAlumni'],
    });
    expect(list.data).toHaveLength(1);
    expect(list.data[0]).toMatchObject({
      documentId: story.documentId,
      title: '陈同学的故事',
      cohortYears: [1999],
      cover: null,
      colleges: [{ documentId: college.documentId, nameEn: 'School of Testing' }],
      chapters: [{ documentId: chapter.documentId, province: '测试省' }],
      featuredAlumni: [{ displayName: '陈同学', graduationYear: 1999, college: { documentId: college.documentId } }],
    });
    expect(Object.keys(list.data[0].featuredAlumni[0]).sort()).toEqual(['college', 'displayName', 'graduationYear']);
    expect(list.meta.pagination).toEqual({ page: 1, pageSize: 25, pageCount: 1, total: 1 });

    const one: any = await client.collection('stories').findOne(story.slug, { locale: 'zh-Hans', populate: ['featuredAlumni'] });
    expect(one.data.documentId).toBe(story.documentId);
    expect(leaks(one)).toEqual([]);
  });

  it('are read by slug or by documentId; a draft, another locale or an unknown slug is a 404', async () => {
    expect((await http().get(`/api/stories/${story.slug}`)).body.data.documentId).toBe(story.documentId);
    expect((await http().get(`/api/stories/${story.documentId}`)).body.data.slug).toBe(story.slug);
    expect((await http().get(`/api/stories/${story.slug}`).query({ locale: 'en' })).status).toBe(404);
    expect((await http().get('/api/stories/no-such-story')).status).toBe(404);
    const draft = await stories().create({ data: { title: 'draft', slug: unique('draft') } as any, locale: 'zh-Hans' });
    expect((await http().get(`/api/stories/${draft.slug}`)).status).toBe(404);
  });

  it('in English show the English display name', async () => {
    await stories().update({ documentId: story.documentId, locale: 'en', data: { title: 'The story of Jing Chen', slug: `${story.slug}-en`, featuredAlumni: [featured.documentId] } as any, status: 'published' });
    const res = await http().get(`/api/stories/${story.slug}-en`).query({ locale: 'en', populate: 'featuredAlumni' });
    expect(res.status).toBe(200);
    expect(res.body.data.featuredAlumni).toEqual([expect.objectContaining({ displayName: 'Jing Chen' })]);
  });

  it.each([
    ['college code', { 'filters[colleges][code][$eq]': () => college.code }],
    ['college documentId', { 'filters[colleges][documentId][$eq]': () => college.documentId }],
    ['chapter (region)', { 'filters[chapters][documentId][$eq]': () => chapter.documentId }],
    ['province', { 'filters[chapters][province][$eq]': () => '测试省' }],
    ['sector', { 'filters[industries][code][$eq]': () => industry.code }],
    ['cohort year', { 'filters[cohortYears][$contains]': () => '1999' }],
  ])('are filtered by %s', async (_label, filter) => {
    const query = Object.fromEntries(Object.entries(filter).map(([k, v]) => [k, v()]));
    const hit = await http().get('/api/stories').query({ ...query, 'filters[tags][$contains]': tag, fields: 'slug' });
    expect(hit.status).toBe(200);
    expect(hit.body.data.map((s: any) => s.slug)).toEqual([story.slug]);
    const miss = await http().get('/api/stories').query({ ...query, 'filters[tags][$contains]': `${tag}-none`, fields: 'slug' });
    expect(miss.body.data).toEqual([]);
  });

  it('count a year only when the list has it', async () => {
    const res = await http().get('/api/stories').query({ 'filters[tags][$contains]': tag, 'filters[cohortYears][$contains]': '2000' });
    expect(res.body.data).toEqual([]);
    expect((await http().get('/api/stories').query({ 'filters[cohortYears][$contains]': 'soon' })).status).toBe(400);
  });
});

describe('publication consent', () => {
  it('refuses to publish a story featuring an alumnus who has not consented, naming featuredAlumni, and publishes nothing', async () => {
    const shy = await makeAlumnus({ name: '李不公开', publishConsent: false });
    const slug = unique('shy');
    const draft = await stories().create({ data: { title: '未同意', slug, featuredAlumni: [shy.documentId] } as any, locale: 'zh-Hans' });
    await expect(stories().publish({ documentId: draft.documentId, locale: 'zh-Hans' })).rejects.toMatchObject({
      details: { errors: [expect.objectContaining({ path: ['featuredAlumni'], message: '李不公开 has not consented to publication' })] },
    });
    await expect(
      stories().create({ data: { title: '未同意', slug: unique('shy'), featuredAlumni: [shy.documentId] } as any, locale: 'zh-Hans', status: 'published' })
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['featuredAlumni'] })] } });
    expect(await stories().findFirst({ filters: { slug }, status: 'published', locale: 'zh-Hans' })).toBeNull();
    expect((await http().get(`/api/stories/${slug}`)).status).toBe(404);
  });

  it('withdrawn, takes the person off every public answer at once, the cached ones included', async () => {
    const person = await makeAlumnus({ name: '王撤回', displayName: '王同学', publishConsent: true, chapter: chapter.documentId });
    const post = await makePost({ alumnus: person.documentId, dimension: 'region', chapter: chapter.documentId, role: 'head', postStatus: 'active' });
    expect(post.documentId).toBeTruthy();
    const withdrawn = await stories().create({
      data: { title: '撤回', slug: unique('withdrawn'), tags: [tag], featuredAlumni: [person.documentId] } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
    const storyUrl = `/api/stories/${withdrawn.slug}?populate=featuredAlumni`;
    const directory = `/api/liaison/chapters?province=${encodeURIComponent('测试省')}`;
    const names = (res: any) => JSON.stringify(res.body);
    for (let i = 0; i < 2; i += 1) {
      expect(names(await http().get(storyUrl))).toContain('王同学');
      expect(names(await http().get(directory))).toContain('王同学');
    }
    expect((await http().get(storyUrl)).headers['x-cache']).toBe('HIT');

    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: person.documentId, data: { publishConsent: false } as any });
    const after = await http().get(storyUrl);
    expect(after.body.data.featuredAlumni).toEqual([]);
    expect(names(await http().get(directory))).not.toContain('王同学');
  });
});

describe('the cache', () => {
  const listUrl = () => `/api/stories?filters[tags][$contains]=${tag}&fields=title,slug&pagination[pageSize]=100`;
  const titles = async () => {
    const res = await http().get(listUrl());
    expect(res.status).toBe(200);
    return res.body.data.map((s: any) => s.title).sort();
  };

  it('answers again from memory with the same ETag, and If-None-Match with 304', async () => {
    const first = await http().get(listUrl());
    const second = await http().get(listUrl());
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.body).toEqual(first.body);
    const revalidated = await http().get(listUrl()).set('If-None-Match', first.headers.etag);
    expect(revalidated.status).toBe(304);
    expect((await http().get(listUrl()).set('If-None-Match', '"other"')).status).toBe(200);
  });

  it('is never stale after create, update and publish, unpublish, discard or delete', async () => {
    await titles();
    const doc = await stories().create({ data: { title: 'A', slug: unique('cache'), tags: [tag] } as any, locale: 'zh-Hans', status: 'published' });
    expect(await titles()).toContain('A');

    await stories().update({ documentId: doc.documentId, locale: 'zh-Hans', data: { title: 'B' } as any });
    expect(await titles()).toContain('A'); // a draft edit is not public
    await stories().publish({ documentId: doc.documentId, locale: 'zh-Hans' });
    expect(await titles()).toContain('B');

    await stories().update({ documentId: doc.documentId, locale: 'zh-Hans', data: { title: 'C' } as any });
    await stories().discardDraft({ documentId: doc.documentId, locale: 'zh-Hans' });
    expect(await titles()).toContain('B');

    await stories().unpublish({ documentId: doc.documentId, locale: 'zh-Hans' });
    expect(await titles()).not.toContain('B');
    await stories().publish({ documentId: doc.documentId, locale: 'zh-Hans' });
    expect(await titles()).toContain('B');

    await stories().delete({ documentId: doc.documentId });
    expect(await titles()).not.toContain('B');
  });

  it('follows the names the answers show: a college renamed', async () => {
    const url = `/api/stories/${story.slug}?populate=colleges`;
    await http().get(url);
    expect((await http().get(url)).headers['x-cache']).toBe('HIT');
    await strapiApp().documents('plugin::liaison.college').update({ documentId: college.documentId, data: { nameEn: 'School of Renamed Testing' } as any });
    expect((await http().get(url)).body.data.colleges[0].nameEn).toBe('School of Renamed Testing');
  });

  it('follows a cover image: its formats are shown, and a new text replaces the cached one', async () => {
    const filepath = path.join(__dirname, '../../src/demo/images/homecoming-day.jpg');
    const upload = strapiApp().plugin('upload').service('upload');
    const [file] = await upload.upload({
      data: { fileInfo: { alternativeText: 'old text' } },
      files: { filepath, originalFilename: 'cover.jpg', mimetype: 'image/jpeg', size: fs.statSync(filepath).size },
    });
    const doc = await stories().create({ data: { title: 'cover', slug: unique('cover'), cover: file.id } as any, locale: 'zh-Hans', status: 'published' });
    const url = `/api/stories/${doc.slug}?populate=cover`;
    const first = await http().get(url);
    expect(first.body.data.cover).toMatchObject({ alternativeText: 'old text', width: 1200, formats: { thumbnail: expect.objectContaining({ url: expect.stringMatching(/^\/uploads\//) }) } });
    expect((await http().get(url)).headers['x-cache']).toBe('HIT');
    await upload.updateFileInfo(file.id, { alternativeText: 'new text' });
    expect((await http().get(url)).body.data.cover.alternativeText).toBe('new text');
  });

  it('is not used by callers with an Authorization header', async () => {
    const res = await http().get(listUrl()).set('Authorization', 'Bearer nonsense');
    expect(res.headers['x-cache']).toBeUndefined();
  });

  it('stops answering, cached or not, the moment the public role loses the permission, and answers again when it is back', async () => {
    const app = strapiApp();
    const role = await app.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const perms = app.db.query('plugin::users-permissions.permission');
    await http().get(listUrl());
    expect((await http().get(listUrl())).headers['x-cache']).toBe('HIT');
    await perms.deleteMany({ where: { action: 'plugin::liaison.story.find', role: { id: role.id } } });
    try {
      expect((await http().get(listUrl())).status).toBe(403);
      expect((await http().get('/api/stories?pagination[pageSize]=1')).status).toBe(403);
      expect((await http().get(`/api/stories/${story.slug}`)).status).toBe(200);
    } finally {
      await perms.create({ data: { action: 'plugin::liaison.story.find', role: role.id } });
    }
    expect((await http().get(listUrl())).status).toBe(200);
    await perms.deleteMany({ where: { action: 'plugin::liaison.story.findOne', role: { id: role.id } } });
    try {
      expect((await http().get(`/api/stories/${story.slug}`)).status).toBe(403);
      expect((await http().get(`/api/stories/${story.documentId}`)).status).toBe(403);
    } finally {
      await perms.create({ data: { action: 'plugin::liaison.story.findOne', role: role.id } });
    }
    expect((await http().get(`/api/stories/${story.slug}`)).status).toBe(200);
    expect((await http().get(`/api/stories/${encodeURIComponent(story.slug)}`)).body.data.slug).toBe(story.slug);
    expect((await http().get('/api/stories/%E0%A4%A')).status).not.toBe(500);
  });
});

describe('only public fields, only known parameters', () => {
  it.each([
    ['createdBy in filters', { 'filters[createdBy][id][$eq]': '1' }],
    ['updatedBy in filters', { 'filters[updatedBy][email][$contains]': 'a' }],
    ['a featured alumnus field', { 'filters[featuredAlumni][name][$eq]': '陈静' }],
    ['chapter members', { 'filters[chapters][members][phone][$eq]': PRIVATE.phone }],
    ['chapter editors', { 'filters[chapters][editors][email][$eq]': 'x' }],
    ['sort on createdBy', { sort: 'createdBy.email:asc' }],
    ['sort on a relation', { sort: 'chapters.name' }],
    ['populate createdBy', { populate: 'createdBy' }],
    ['populate a relation of a relation', { 'populate[chapters][populate][members]': '*' }],
    ['a private field of a relation', { 'populate[chapters][fields][0]': 'editors' }],
    ['fields that are not public', { 'fields[0]': 'featuredAlumni' }],
    ['an unknown operator', { 'filters[title][$regex]': '.*' }],
    ['an unknown parameter', { publicationState: 'preview' }],
    ['a locale that does not exist', { locale: 'fr' }],
    ['page 0', { 'pagination[page]': '0' }],
  ])('refuse %s with 400 naming the parameter', async (_label, query) => {
    const res = await http().get('/api/stories').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].path[0]).toMatch(new RegExp(`^${Object.keys(query)[0].split('[')[0]}`));
  });

  it.each([
    ['organisers', { 'filters[organisers][id][$notNull]': 'true' }],
    ['attendance', { 'filters[attendance][$gt]': '0' }],
    ['attendance in sort', { sort: 'attendance:desc' }],
    ['a timeframe that is not one', { timeframe: 'soon' }],
  ])('refuse an event query on %s', async (_label, query) => {
    expect((await http().get('/api/events').query(query)).status).toBe(400);
  });

  it('cut pages larger than 100 to 100', async () => {
    const res = await http().get('/api/stories').query({ 'pagination[pageSize]': '1000' });
    expect(res.status).toBe(200);
    expect(res.body.meta.pagination.pageSize).toBe(100);
  });
});

describe('events', () => {
  let mine: any;
  let past: any;
  beforeAll(async () => {
    const day = 86_400_000;
    // Calendars keep whole seconds; the fixtures start on whole minutes.
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    mine = await events().create({
      data: { title: '测试校友会年会, "迎新"', slug: unique('gala'), type: 'reunion', chapter: chapter.documentId, venue: '会议中心', startsAt: new Date(now + 10 * day).toISOString(), endsAt: new Date(now + 10 * day + 3 * 3_600_000).toISOString() } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
    past = await events().create({
      data: { title: '去年的活动', slug: unique('past'), type: 'lecture', chapter: chapter.documentId, venue: '礼堂', startsAt: new Date(now - 30 * day).toISOString() } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
    await events().create({
      data: { title: '别的校友会', slug: unique('other'), type: 'reunion', chapter: otherChapter.documentId, venue: '别处', startsAt: new Date(now + 5 * day).toISOString() } as any,
      locale: 'zh-Hans',
      status: 'published',
    });
  });

  it('list upcoming soonest first and past latest first, by chapter and type', async () => {
    const q = (extra: Record<string, string>) => http().get('/api/events').query({ 'filters[chapter][documentId][$eq]': chapter.documentId, fields: 'slug', ...extra });
    expect((await q({ timeframe: 'upcoming' })).body.data.map((e: any) => e.slug)).toEqual([mine.slug]);
    expect((await q({ timeframe: 'past' })).body.data.map((e: any) => e.slug)).toEqual([past.slug]);
    expect((await q({ 'filters[type][$eq]': 'lecture' })).body.data.map((e: any) => e.slug)).toEqual([past.slug]);
    // @strapi/client passes the timeframe through as it is.
    const client = strapiClient({ baseURL: `${base}/api` });
    const viaClient: any = await client.collection('events').find({ timeframe: 'upcoming', filters: { chapter: { documentId: { $eq: chapter.documentId } } } } as any);
    expect(viaClient.data.map((e: any) => e.slug)).toEqual([mine.slug]);
    const one = await http().get(`/api/events/${mine.slug}`).query({ populate: 'chapter' });
    expect(one.body.data.chapter).toMatchObject({ documentId: chapter.documentId });
    expect(one.body.data).not.toHaveProperty('organisers');
    expect(one.body.data).not.toHaveProperty('attendance');
  });

  it('come as an iCalendar feed in UTC, all of them or one chapter’s', async () => {
    const res = await http().get('/api/events.ics').query({ chapter: chapter.documentId });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const vevents = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(vevents.map((e) => e.uid)).toEqual([`${mine.documentId}@liaison`]);
    expect(vevents[0].summary).toBe('测试校友会年会, "迎新"');
    expect(vevents[0].location).toBe('会议中心');
    expect(vevents[0].startDate.zone.tzid).toBe('UTC');
    expect(res.text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(vevents[0].startDate.toJSDate().toISOString()).toBe(new Date(mine.startsAt).toISOString());

    const all = new ICAL.Component(ICAL.parse((await http().get('/api/events.ics')).text));
    const uids = all.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'));
    expect(uids).toContain(`${mine.documentId}@liaison`);
    expect(uids).not.toContain(`${past.documentId}@liaison`);
  });

  it('feed: an unknown chapter is a 404, an unknown parameter a 400', async () => {
    expect((await http().get('/api/events.ics').query({ chapter: 'nochapterhasthisid000000' })).status).toBe(404);
    expect((await http().get('/api/events.ics').query({ populate: '*' })).status).toBe(400);
  });
});

describe('the chapter directory', () => {
  it('lists chapters with their public address, consenting liaisons by display name and upcoming events, never a person’s contact', async () => {
    const holder = await makeAlumnus({ ...PRIVATE, email: 'head.of.chapter@example.com', name: '赵会长', displayName: '赵同学', publishConsent: true });
    await makePost({ alumnus: holder.documentId, dimension: 'region', chapter: chapter.documentId, role: 'head', postStatus: 'active' });
    const hidden = await makeAlumnus({ name: '钱隐私', publishConsent: false });
    await makePost({ alumnus: hidden.documentId, dimension: 'region', chapter: chapter.documentId, role: 'secretary', postStatus: 'active' });
    await makeChapter({ province: '测试省', chapterStatus: 'dissolved', name: unique('撤销') });

    const res = await http().get('/api/liaison/chapters').query({ province: '测试省', pageSize: '100' });
    expect(res.status).toBe(200);
    const mineRow = res.body.data.find((c: any) => c.documentId === chapter.documentId);
    expect(mineRow).toMatchObject({ contactEmail: 'chapter.office@alumni.example.edu', upcomingEvents: 1, province: '测试省' });
    expect(mineRow.liaisons).toEqual(expect.arrayContaining([{ displayName: '赵同学', role: 'head', roleName: '会长' }]));
    expect(JSON.stringify(res.body)).not.toContain('钱隐私');
    expect(res.body.data.every((c: any) => !c.name.startsWith('撤销'))).toBe(true);
    expect(leaks(res.body)).toEqual([]);
    expect(JSON.stringify(res.body)).not.toContain('head.of.chapter@example.com');
    expect((await http().get('/api/liaison/chapters').query({ filters: 'x' })).status).toBe(400);
  });
});

describe('CORS', () => {
  it('lets the website’s origins read, fresh or cached, and no other', async () => {
    const url = `/api/stories/${story.slug}`;
    for (let i = 0; i < 2; i += 1) {
      const allowed = await http().get(url).set('Origin', 'http://localhost:3000');
      expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:3000');
      expect(allowed.headers.vary).toMatch(/Origin/);
    }
    const other = await http().get(url).set('Origin', 'https://elsewhere.example');
    expect(other.headers['access-control-allow-origin']).not.toBe('https://elsewhere.example');
    expect(other.headers['access-control-allow-origin'] ?? '').not.toBe('*');
  });
});

describe('the OpenAPI description', () => {
  it('is a valid OpenAPI document of the public endpoints only, with the /api prefix and path parameters', async () => {
    const res = await http().get('/api/openapi.json');
    expect(res.status).toBe(200);
    const result = await validate(JSON.parse(JSON.stringify(res.body)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const paths = Object.keys(res.body.paths);
    expect(paths.sort()).toEqual(['/api/events', '/api/events.ics', '/api/events/{idOrSlug}', '/api/liaison/chapters', '/api/liaison/honours', '/api/stories', '/api/stories/{idOrSlug}']);
    expect(res.body.paths['/api/stories/{idOrSlug}'].get.parameters[0]).toMatchObject({ name: 'idOrSlug', in: 'path', required: true });
    expect(JSON.stringify(res.body)).not.toMatch(/\/auth|\/users|createdBy|phone|wechat/);
  });
});
