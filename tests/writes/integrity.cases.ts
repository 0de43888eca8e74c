import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { fullAccessToken, makeAlumnus, makeChapter, makeCohort, makeIndustry, makePost } from '../helpers/fixtures';

const POSTS = 'plugin::liaison.liaison';
const ALUMNI = 'plugin::liaison.alumnus';

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
});
afterAll(teardownStrapi);

const count = (uid: string) => strapiApp().db.query(uid as any).count();
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const cm = (method: 'post' | 'put', url: string) => withToken(token)[method](`${CM}/${url}`);

describe("a liaison post's scope must match its dimension", () => {
  it('is refused through the Content Manager with 400 naming the field, and nothing is written', async () => {
    const alumnus = await makeAlumnus();
    const chapter = await makeChapter();
    const before = await count(POSTS);

    const res = await cm('post', POSTS).send({
      alumnus: { connect: [{ documentId: alumnus.documentId }] },
      chapter: { connect: [{ documentId: chapter.documentId }] },
      dimension: 'cohort',
      role: 'monitor',
      termStart: '2024-09-01',
    });

    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['cohort', 'chapter']));
    expect(res.body.error.message).toMatch(/cohort/);
    expect(await count(POSTS)).toBe(before);
  });

  it('is refused through the Document Service, and nothing is written', async () => {
    const alumnus = await makeAlumnus();
    const cohort = await makeCohort();
    const before = await count(POSTS);
    await expect(
      strapiApp()
        .documents(POSTS)
        .create({ data: { alumnus: alumnus.documentId, cohort: cohort.documentId, dimension: 'region', termStart: '2024-01-01' } as any })
    ).rejects.toMatchObject({ name: 'ValidationError', details: { errors: expect.arrayContaining([expect.objectContaining({ path: ['chapter'] })]) } });
    expect(await count(POSTS)).toBe(before);
  });

  it('is refused when an update moves a post to another dimension without its scope, and the post stays as it was', async () => {
    const post = await makePost();
    const res = await cm('put', `${POSTS}/${post.documentId}`).send({ dimension: 'industry' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['industry', 'cohort']));
    const stored = await strapiApp().documents(POSTS).findOne({ documentId: post.documentId });
    expect(stored?.dimension).toBe('cohort');
  });

  it('accepts a region post with its chapter and an industry post with its nomination reason', async () => {
    const chapter = await makeChapter();
    const region = await makePost({ dimension: 'region', chapter: chapter.documentId, role: 'head' });
    expect(region.dimension).toBe('region');

    const industry = await makeIndustry();
    const without = cm('post', POSTS).send({
      alumnus: { connect: [{ documentId: (await makeAlumnus()).documentId }] },
      industry: { connect: [{ documentId: industry.documentId }] },
      dimension: 'industry',
      termStart: '2024-01-01',
    });
    const refused = await without;
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['nominationReason']);

    const accepted = await makePost({
      dimension: 'industry',
      industry: industry.documentId,
      nominationSource: 'chapter',
      nominationReason: '深耕半导体行业二十年，校友人脉广',
    });
    expect(accepted.nominationReason).toMatch(/半导体/);
  });
});

describe('a term ends after it starts', () => {
  it('is refused with 400 on termEnd through the Content Manager', async () => {
    const alumnus = await makeAlumnus();
    const cohort = await makeCohort();
    const before = await count(POSTS);
    const res = await cm('post', POSTS).send({
      alumnus: { connect: [{ documentId: alumnus.documentId }] },
      cohort: { connect: [{ documentId: cohort.documentId }] },
      dimension: 'cohort',
      termStart: '2025-01-01',
      termEnd: '2024-12-31',
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['termEnd']);
    expect(await count(POSTS)).toBe(before);
  });

  it('is refused on update through the Document Service and the stored term is kept', async () => {
    const post = await makePost({ termStart: '2024-01-01', termEnd: '2026-12-31' });
    await expect(
      strapiApp().documents(POSTS).update({ documentId: post.documentId, data: { termEnd: '2023-06-30' } as any })
    ).rejects.toMatchObject({ details: { errors: [expect.objectContaining({ path: ['termEnd'] })] } });
    const stored = await strapiApp().documents(POSTS).findOne({ documentId: post.documentId });
    expect(stored?.termEnd).toBe('2026-12-31');
  });

  it('is enforced by the database itself for writers that bypass Strapi', async () => {
    const app = strapiApp();
    const meta = app.db.metadata.get(POSTS as any);
    const documentId = unique('raw');
    const rawInsert = async () => {
      await app.db.connection(meta.tableName).insert({
        document_id: documentId,
        dimension: 'cohort',
        role: 'member',
        post_status: 'nominated',
        term_start: '2025-01-01',
        term_end: '2024-01-01',
      });
    };
    // better-sqlite3's error class comes from whichever test file loaded it first (another
    // realm under jest), so match on the message rather than with toThrow.
    await expect(rawInsert()).rejects.toMatchObject({ message: expect.stringMatching(/LIAISON_CHECK:termEnd/) });
    const [{ n }] = await app.db.connection(meta.tableName).where({ document_id: documentId }).count('* as n');
    expect(Number(n)).toBe(0);
  });
});

describe('a student number belongs to one alumnus', () => {
  it('answers 409 naming studentNo through the Content Manager, and nothing is written', async () => {
    const first = await makeAlumnus();
    const studentNo = (await strapiApp().db.query(ALUMNI as any).findOne({ where: { id: first.id } })).studentNo;
    const before = await count(ALUMNI);
    const res = await cm('post', ALUMNI).send({ name: '李娜', studentNo, alumnusStatus: 'active' });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['studentNo']);
    expect(await count(ALUMNI)).toBe(before);
  });

  it('answers 409 when an update takes another alumnus\u2019s number, and leaves both as they were', async () => {
    const a = await makeAlumnus({ studentNo: unique('SA') });
    const b = await makeAlumnus({ studentNo: unique('SB') });
    const aNo = (await strapiApp().db.query(ALUMNI as any).findOne({ where: { id: a.id } })).studentNo;
    const res = await cm('put', `${ALUMNI}/${b.documentId}`).send({ studentNo: aNo, name: '改名了' });
    expect(res.status).toBe(409);
    const stored = await strapiApp().db.query(ALUMNI as any).findOne({ where: { id: b.id } });
    expect(stored.name).toBe('张伟');
    expect(stored.studentNo).not.toBe(aNo);
  });

  it('is a conflict through the Document Service too', async () => {
    const studentNo = unique('SD');
    await makeAlumnus({ studentNo });
    await expect(makeAlumnus({ studentNo })).rejects.toMatchObject({ status: 409 });
  });
});

describe('a slug is unique per locale', () => {
  let apiToken: string;
  beforeAll(async () => {
    apiToken = await fullAccessToken();
  });
  const rest = (method: 'post' | 'put', url: string) => withToken(apiToken)[method](url);

  it('answers 409 naming slug through REST when another story in the locale has it, and nothing is written', async () => {
    const slug = unique('slug');
    const first = await rest('post', '/api/stories?locale=zh-Hans').send({ data: { title: '第一篇', slug } });
    expect(first.status).toBe(201);
    const before = await count('plugin::liaison.story');

    const second = await rest('post', '/api/stories?locale=zh-Hans').send({ data: { title: '第二篇', slug } });
    expect(second.status).toBe(409);
    expect(fieldsOf(second.body)).toEqual(['slug']);
    expect(await count('plugin::liaison.story')).toBe(before);

    const otherLocale = await rest('post', '/api/stories?locale=en').send({ data: { title: 'Another', slug } });
    expect(otherLocale.status).toBe(201);
  });

  it('lets a story be published with its own slug (draft and published rows share it)', async () => {
    const slug = unique('pub');
    const created = await rest('post', '/api/stories?locale=zh-Hans&status=published').send({ data: { title: '发布', slug } });
    expect(created.status).toBe(201);
    const again = await rest('put', `/api/stories/${created.body.data.documentId}?locale=zh-Hans&status=published`).send({
      data: { summary: '再发布一次' },
    });
    expect(again.status).toBe(200);
  });

  it('is a conflict for events too', async () => {
    const slug = unique('event');
    const data = { title: '校友返校日', slug, type: 'reunion', startsAt: '2026-10-01T09:00:00.000Z', venue: '主楼' };
    expect((await rest('post', '/api/events?locale=zh-Hans').send({ data })).status).toBe(201);
    const dup = await rest('post', '/api/events?locale=zh-Hans').send({ data });
    expect(dup.status).toBe(409);
    expect(fieldsOf(dup.body)).toEqual(['slug']);
  });
});

describe('event rules', () => {
  let apiToken: string;
  beforeAll(async () => {
    apiToken = await fullAccessToken();
  });
  const post = (data: Record<string, unknown>, status = 'draft') =>
    withToken(apiToken)
      .post(`/api/events?locale=zh-Hans&status=${status}`)
      .send({ data: { title: '活动', slug: unique('ev'), type: 'lecture', startsAt: '2026-12-01T10:00:00.000Z', ...data } });

  it('refuses an event that ends before it starts', async () => {
    const res = await post({ endsAt: '2026-12-01T09:00:00.000Z', venue: '图书馆' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['endsAt']);
  });

  it('refuses a registration window that closes before it opens or after the event', async () => {
    const backwards = await post({ registrationOpensAt: '2026-11-20T00:00:00.000Z', registrationClosesAt: '2026-11-10T00:00:00.000Z' });
    expect(backwards.status).toBe(400);
    expect(fieldsOf(backwards.body)).toEqual(['registrationClosesAt']);
    const late = await post({ registrationClosesAt: '2026-12-05T00:00:00.000Z' });
    expect(late.status).toBe(400);
    expect(fieldsOf(late.body)).toEqual(['registrationClosesAt']);
  });

  it('refuses two organisers and a non-web online link', async () => {
    const chapter = await makeChapter();
    const industry = await makeIndustry();
    const two = await post({ chapter: chapter.documentId, industry: industry.documentId, venue: '礼堂' });
    expect(two.status).toBe(400);
    expect(fieldsOf(two.body)).toEqual(['industry']);
    const link = await post({ onlineUrl: 'javascript:alert(1)' });
    expect(link.status).toBe(400);
    expect(fieldsOf(link.body)).toEqual(['onlineUrl']);
  });

  it('keeps a draft without a venue, but will not publish it until it has a venue or a link', async () => {
    const before = await strapiApp().documents('plugin::liaison.event').count({ status: 'published', locale: 'zh-Hans' } as any);
    const refused = await post({}, 'published');
    expect(refused.status).toBe(400);
    expect(fieldsOf(refused.body)).toEqual(['venue']);
    expect(await strapiApp().documents('plugin::liaison.event').count({ status: 'published', locale: 'zh-Hans' } as any)).toBe(before);
    const draft = await post({});
    expect(draft.status).toBe(201);
  });
});

describe('records identified by two relations', () => {
  it('refuses a second training record for the same person and session with 409', async () => {
    const app = strapiApp();
    const course = await app.documents('plugin::liaison.training-course').create({ data: { title: '数据隐私保护', area: 'data_management' } as any });
    const session = await app.documents('plugin::liaison.training-session').create({
      data: { course: course.documentId, startsAt: '2026-03-01T01:00:00.000Z' } as any,
    });
    const alumnus = await makeAlumnus();
    const record = { session: session.documentId, alumnus: alumnus.documentId, result: 'passed' };
    await app.documents('plugin::liaison.training-record').create({ data: record as any });
    const before = await count('plugin::liaison.training-record');
    const res = await cm('post', 'plugin::liaison.training-record').send({
      session: { connect: [{ documentId: session.documentId }] },
      alumnus: { connect: [{ documentId: alumnus.documentId }] },
      result: 'failed',
    });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['alumnus']);
    expect(await count('plugin::liaison.training-record')).toBe(before);
  });

  it('refuses a training record without its session', async () => {
    const res = await cm('post', 'plugin::liaison.training-record').send({ result: 'pending' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(expect.arrayContaining(['session', 'alumnus']));
  });
});
