/**
 * The demo seeder writes rows the real APIs read as their own: the Document Service,
 * the public REST API and the Content Manager.
 *
 * Seeding is only allowed into an empty network, and the other test files of a run
 * create colleges and alumni of their own in the shared database. So this file boots
 * Strapi on a database of its own (created beside the run's one, dropped afterwards):
 * the seeder is tested under its real precondition, whatever ran before it.
 */
import type { Core, UID } from '@strapi/strapi';
import { adminToken, http, setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { generateDemo, networkIsEmpty, seedDemo, DEFAULT_SEED } from '../../src/demo';
import { DEMO_ALUMNUS_PASSWORD, seedDemoAlumnus } from '../../src/bootstrap/demo-alumnus';
import { postLabel } from '../../plugins/liaison/server/src/services/post-labels';
import { LABELS, recordLabel, type Piece } from '../../plugins/liaison/server/src/services/record-labels';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { createTestDatabase, dropTestDatabase } = require('../helpers/test-database');

const ALUMNI = 300;
const SEED = DEFAULT_SEED;
const TODAY = new Date().toISOString().slice(0, 10);
const expected = generateDemo({ alumni: ALUMNI, seed: SEED, today: TODAY });

const ENV_KEYS = ['DATABASE_CLIENT', 'DATABASE_URL', 'DATABASE_FILENAME'] as const;
const savedEnv: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>> = {};
let database: unknown;
let counts: Record<string, number>;

const docs = (uid: string) => strapiApp().documents(uid as UID.ContentType);
const table = (uid: string) => strapiApp().db.metadata.get(uid as UID.ContentType).tableName;
const rawRows = async (uid: string, where: Record<string, unknown>) =>
  (await strapiApp().db.connection(table(uid)).where(where).orderBy('id')) as Record<string, unknown>[];

beforeAll(async () => {
  for (const key of ENV_KEYS) savedEnv[key] = process.env[key];
  database = await createTestDatabase();
  const db = database as { client: string; url?: string; filename?: string };
  process.env.DATABASE_CLIENT = db.client;
  if (db.url) process.env.DATABASE_URL = db.url;
  if (db.filename) process.env.DATABASE_FILENAME = db.filename;
  await setupStrapi();
  if (!(await networkIsEmpty(strapiApp()))) throw new Error('the test database should start empty');
  counts = await seedDemo(strapiApp(), { alumni: ALUMNI, seed: SEED, today: TODAY });
}, 180_000);

afterAll(async () => {
  await teardownStrapi();
  for (const key of ENV_KEYS) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  await dropTestDatabase(database);
}, 60_000);

describe('the seeded demo, as staff and the public see it', () => {
  const closedCycle = async () => strapiApp().db.query('plugin::liaison.appraisal-cycle').findOne({ where: { cycleStatus: 'closed' } });

  it('grades the closed cycle with the grades the generator expected: all four, some excellent', async () => {
    const cycle = await closedCycle();
    const token = await adminToken();
    const res = await http().get(`/liaison/cycles/${cycle.documentId}/results`).query({ pageSize: 1 }).set({ Authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    const grades = res.body.meta.grades;
    for (const grade of ['excellent', 'good', 'pass', 'fail']) expect([grade, grades[grade] > 0]).toEqual([grade, true]);
    expect(grades.excellent).toBeGreaterThanOrEqual(5);
    expect(grades.pass + grades.good + grades.excellent).toBeGreaterThan(grades.fail * 2);

    // Row by row, the server's totals and grades are the ones the demo's honours rest on.
    const rows = (await strapiApp().db.query('plugin::liaison.appraisal').findMany({
      populate: { cycle: { select: ['name'] }, liaison: { select: ['termStart', 'dimension', 'role'], populate: { alumnus: { select: ['studentNo'] } } } },
    })) as any[];
    expect(rows).toHaveLength(expected.appraisals.length);
    const key = (cycle: string, studentNo: string, termStart: string, dimension: string, role: string) => [cycle, studentNo, termStart, dimension, role].join('|');
    const want = new Map<string, { total: number; grade: string }[]>();
    expected.appraisals.forEach((a, i) => {
      const post = expected.posts[a.liaison];
      const k = key(expected.cycles[a.cycle].name, expected.alumni[post.alumnus].studentNo, post.termStart, post.dimension, post.role);
      (want.get(k) ?? want.set(k, []).get(k)!).push(expected.appraisalOutcomes[i]);
    });
    const differ: string[] = [];
    for (const r of rows) {
      const k = key(r.cycle.name, r.liaison.alumnus.studentNo, r.liaison.termStart, r.liaison.dimension, r.liaison.role);
      const options = want.get(k) ?? [];
      if (!options.some((o) => o.grade === r.grade && Math.abs(o.total - Number(r.total)) < 0.005)) differ.push(`${k}: ${r.total} ${r.grade}`);
    }
    expect(differ).toEqual([]);
  });

  it('has honours for the closed cycle: a title for each excellent liaison, commendations, nominations waiting', async () => {
    const cycle = await closedCycle();
    const honours = (await strapiApp().db.query('plugin::liaison.honour').findMany({
      where: { cycle: { id: cycle.id } },
      populate: { alumnus: { select: ['id'] }, appraisal: { select: ['grade'] } },
    })) as any[];
    const excellent = (await strapiApp().db.query('plugin::liaison.appraisal').findMany({
      where: { cycle: { id: cycle.id }, grade: 'excellent', liaison: { alumnus: { alumnusStatus: { $ne: 'deceased' } } } },
      populate: { liaison: { populate: { alumnus: { select: ['id'] } } } },
    })) as any[];
    expect(excellent.length).toBeGreaterThanOrEqual(5);
    for (const a of excellent) {
      expect(honours.some((h) => h.kind === 'title' && h.honourStatus === 'awarded' && h.alumnus.id === a.liaison.alumnus.id)).toBe(true);
    }
    for (const h of honours) expect([h.kind, h.appraisal.grade]).toEqual([h.kind, h.kind === 'commendation' ? expect.stringMatching(/^(pass|good|excellent)$/) : 'excellent']);
    expect(honours.filter((h) => h.kind === 'commendation' && h.honourStatus === 'awarded').length).toBeGreaterThan(0);
    expect(honours.filter((h) => h.honourStatus === 'nominated').length).toBeGreaterThan(0);
  });

  it('has the closed cycle’s mail in the outbox, sent when it closed: results and award notices', async () => {
    const mails = (await strapiApp().db.query('plugin::liaison.notification').findMany({ select: ['kind', 'deliveryStatus', 'sentAt'] })) as any[];
    expect(mails.length).toBe(counts['plugin::liaison.notification']);
    const results = mails.filter((m) => m.kind === 'appraisal-result');
    const awards = mails.filter((m) => m.kind === 'honour-awarded');
    expect(results.length).toBeGreaterThan(50);
    expect(awards.length).toBeGreaterThan(0);
    for (const m of [...results, ...awards]) expect(m.deliveryStatus).toBe('sent');
    const cycle = await closedCycle();
    expect(new Date(results[0].sentAt).getTime()).toBeGreaterThanOrEqual(new Date(cycle.closedAt).getTime());
  });

  it('lists a liaison for most active chapters in the public chapter directory', async () => {
    const res = await http().get('/api/liaison/chapters').query({ pageSize: 100 });
    expect(res.status).toBe(200);
    const active = expected.chapters.filter((c) => c.chapterStatus === 'active').map((c) => c.name);
    const listed = res.body.data.filter((c: any) => active.includes(c.name) && c.liaisons.length > 0);
    expect(listed.length).toBeGreaterThanOrEqual(active.length * 0.75);
    expect(res.body.data.some((c: any) => c.liaisons.some((l: any) => l.role === 'head'))).toBe(true);
  });

  it('gives a serving liaison an alumni account that signs in, with their sign-ups', async () => {
    const alumnus = await seedDemoAlumnus(strapiApp());
    expect(alumnus).toMatchObject({ password: DEMO_ALUMNUS_PASSWORD });
    const signIn = await http().post('/api/auth/local').send({ identifier: alumnus!.email, password: alumnus!.password });
    expect(signIn.status).toBe(200);
    const auth = { Authorization: `Bearer ${signIn.body.jwt}` };
    const me = await http().get('/api/liaison/me').set(auth);
    expect(me.body.data).toMatchObject({ name: alumnus!.name, email: alumnus!.email });
    const posts = await strapiApp().db.query('plugin::liaison.liaison').count({ where: { postStatus: 'active', alumnus: { documentId: me.body.data.documentId } } });
    expect(posts).toBeGreaterThan(0);
    const mine = await http().get('/api/liaison/me/registrations').set(auth);
    expect(mine.body.data).toHaveLength(alumnus!.signedUpFor);
    // The liaison's page: their posts, their classmates, the changes they proposed waiting for the office.
    const myPosts = await http().get('/api/liaison/my/posts').set(auth);
    expect(myPosts.body.data.length).toBe(posts);
    const proposed = await http().get('/api/liaison/proposals').set(auth);
    expect(alumnus!.proposed).toBeGreaterThan(0);
    expect(proposed.body.data.map((p: any) => p.status)).toEqual(Array(alumnus!.proposed).fill('pending'));
  });

  it('has no class of a programme before it existed, nor of a degree it did not offer', async () => {
    const cohorts = (await strapiApp().db.query('plugin::liaison.cohort').findMany({ select: ['className', 'gradYear', 'degreeLevel'] })) as any[];
    expect(cohorts.filter((c) => c.className.startsWith('网络空间安全') && (c.degreeLevel === 'associate' || c.gradYear < 2019))).toEqual([]);
    expect(cohorts.filter((c) => c.degreeLevel === 'associate' && c.gradYear > 2007)).toEqual([]);
  });
});

describe('seedDemo', () => {
  it('writes the generated network and reports what it wrote', async () => {
    expect(counts['plugin::liaison.alumnus']).toBe(ALUMNI);
    expect(counts['plugin::liaison.cohort']).toBe(expected.cohorts.length);
    expect(counts['plugin::liaison.liaison']).toBe(expected.posts.length);
    expect(counts['plugin::liaison.story']).toBe(expected.stories.length);
    expect(counts['plugin::liaison.event']).toBe(expected.events.length);
    for (const [uid, n] of Object.entries(counts)) {
      if (uid === 'plugin::liaison.notification') continue;
      const localized = uid === 'plugin::liaison.story' || uid === 'plugin::liaison.event';
      // Stories and events: a draft and a published row in each of the two locales.
      expect([uid, await strapiApp().db.query(uid as UID.ContentType).count({})]).toEqual([uid, localized ? n * 4 : n]);
      expect([uid, await docs(uid).count({})]).toEqual([uid, n]);
    }
  });

  it('is read back by the Document Service: alumni with their cohort and chapter', async () => {
    const alumni = await docs('plugin::liaison.alumnus').findMany({
      populate: ['cohort', 'chapter', 'industry'],
      sort: 'studentNo:asc',
      limit: ALUMNI,
    });
    expect(alumni).toHaveLength(ALUMNI);
    expect(alumni.map((a: any) => a.studentNo).sort()).toEqual(expected.alumni.map((a) => a.studentNo).sort());
    const byNo = new Map(expected.alumni.map((a) => [a.studentNo, a]));
    for (const a of alumni as any[]) {
      const want = byNo.get(a.studentNo)!;
      expect(a.documentId).toMatch(/^[a-z][a-z0-9]{23}$/);
      expect(a.name).toBe(want.name);
      expect(a.cohort?.code).toBe(expected.cohorts[want.cohort].code);
      expect(a.chapter?.name ?? null).toBe(want.chapter === null ? null : expected.chapters[want.chapter].name);
      expect(a.industry?.code ?? null).toBe(want.industry === null ? null : expected.industries[want.industry].code);
      expect(a.contactConsentAt).toBe(want.contactConsentAt);
      expect(a.lastVerifiedAt).toBe(want.lastVerifiedAt);
    }

    const one = alumni.find((a: any) => a.chapter) as any;
    const again = await docs('plugin::liaison.alumnus').findOne({ documentId: one.documentId, populate: ['cohort', 'chapter'] });
    expect(again).toMatchObject({ documentId: one.documentId, cohort: { code: one.cohort.code }, chapter: { name: one.chapter.name } });
  });

  it('is read back by the Document Service: liaison posts with their holder, scope and successor', async () => {
    const posts = (await docs('plugin::liaison.liaison').findMany({
      populate: ['alumnus', 'cohort', 'college', 'chapter', 'industry', 'successor', 'nominator'],
      limit: 10_000,
    })) as any[];
    expect(posts).toHaveLength(expected.posts.length);
    const scopeField = { cohort: 'cohort', college: 'college', region: 'chapter', industry: 'industry' } as const;
    for (const p of posts) {
      expect(p.alumnus?.documentId).toBeTruthy();
      const set = ['cohort', 'college', 'chapter', 'industry'].filter((f) => p[f]);
      expect(set).toEqual([scopeField[p.dimension as keyof typeof scopeField]]);
      // named "<holder> · <scope> · <role>" by the loader
      const scopeName = p.cohort?.className ?? p.college?.name ?? p.chapter?.name ?? p.industry?.name;
      expect(p.label).toBe(postLabel(p.alumnus.name, scopeName, p.role));
    }
    const handedOver = posts.filter((p) => p.successor);
    expect(handedOver.length).toBe(expected.posts.filter((p) => p.successor !== null).length);
    for (const p of handedOver) expect(p.postStatus).toBe('ended');
    expect(posts.filter((p) => p.nominator).length).toBe(expected.posts.filter((p) => p.nominator !== null).length);

    // The coverage overview counts the seeded network.
    const coverage = await strapiApp().plugin('liaison').service('overview').coverage();
    expect(coverage.alumni).toBe(ALUMNI);
    const cohort = coverage.dimensions.find((d: any) => d.dimension === 'cohort');
    expect(cohort.scopes).toBe(expected.cohorts.length);
    expect(cohort.covered).toBe(new Set(expected.posts.filter((p) => p.postStatus === 'active' && p.cohort !== null).map((p) => p.cohort)).size);
  });

  it('names posts, appraisals, training sessions and records, contact logs and feedback', async () => {
    for (const [uid, spec] of Object.entries(LABELS)) {
      // populate every relation path the label reads, e.g. { liaison: { populate: { alumnus: true } } }
      const populate: Record<string, any> = {};
      for (const part of spec) {
        for (let piece: Piece | string | undefined = part; piece && typeof piece !== 'string'; piece = piece.or) {
          let level = populate;
          for (const relation of piece.path) {
            level[relation] ??= { populate: {} };
            level = level[relation].populate;
          }
        }
      }
      const rows = (await docs(uid).findMany({ populate, limit: 10_000 } as any)) as any[];
      expect(rows.length).toBeGreaterThan(0);
      const valueOf = (row: any) => (piece: Piece) => piece.path.reduce((r, relation) => r?.[relation], row)?.[piece.attribute];
      for (const row of rows) {
        expect(row.label).toBe(recordLabel(spec, valueOf(row)));
        expect(row.label).not.toMatch(/—/);
      }
    }
  });

  it('is read back by the Document Service: stories in both locales, published and draft', async () => {
    for (const locale of ['zh-Hans', 'en'] as const) {
      for (const status of ['published', 'draft'] as const) {
        const stories = (await docs('plugin::liaison.story').findMany({
          locale,
          status,
          populate: ['colleges', 'chapters', 'industries', 'featuredAlumni'],
        })) as any[];
        expect(stories.map((s) => s.slug).sort()).toEqual(expected.stories.map((s) => s.locales[locale].slug).sort());
        for (const s of stories) {
          const want = expected.stories.find((e) => e.locales[locale].slug === s.slug)!;
          expect(s.locale).toBe(locale);
          expect(s.title).toBe(want.locales[locale].title);
          expect(s.body).toEqual(want.locales[locale].body);
          expect(s.cohortYears).toEqual(want.shared.cohortYears);
          expect(s.colleges.map((c: any) => c.code)).toEqual(want.shared.colleges.map((i) => expected.colleges[i].code));
          expect(s.featuredAlumni).toHaveLength(want.shared.featuredAlumni.length);
          expect(Boolean(s.publishedAt)).toBe(status === 'published');
        }
      }
    }
    // One document, two locales.
    const zh = (await docs('plugin::liaison.story').findMany({ locale: 'zh-Hans', status: 'published' })) as any[];
    const en = (await docs('plugin::liaison.story').findMany({ locale: 'en', status: 'published' })) as any[];
    expect(new Set(en.map((s) => s.documentId))).toEqual(new Set(zh.map((s) => s.documentId)));
    const story = await docs('plugin::liaison.story').findOne({ documentId: zh[0].documentId, locale: 'en', status: 'published', populate: ['localizations'] });
    expect((story as any).localizations.map((l: any) => l.locale)).toEqual(['zh-Hans']);
  });

  it('is served by the public REST API', async () => {
    const stories = await http().get('/api/stories').query({ locale: 'en', 'pagination[pageSize]': 100 });
    expect(stories.status).toBe(200);
    expect(stories.body.data.map((s: any) => s.slug).sort()).toEqual(expected.stories.map((s) => s.locales.en.slug).sort());
    expect(stories.body.data[0].title).toMatch(/[A-Za-z]/);

    const events = await http().get('/api/events').query({ 'pagination[pageSize]': 100 });
    expect(events.status).toBe(200);
    expect(events.body.meta.pagination.total).toBe(expected.events.length);
    const slugs = new Set(expected.events.map((e) => e.locales['zh-Hans'].slug));
    for (const e of events.body.data) expect(slugs.has(e.slug)).toBe(true);
    const online = events.body.data.find((e: any) => e.onlineUrl);
    expect(online.onlineUrl).toMatch(/^https:\/\//);
  });

  it('is listed and opened by the Content Manager', async () => {
    const token = await adminToken();
    const auth = { Authorization: `Bearer ${token}` };

    const list = await http()
      .get('/content-manager/collection-types/plugin::liaison.alumnus')
      .query({ page: 1, pageSize: 10, sort: 'studentNo:ASC' })
      .set(auth);
    expect(list.status).toBe(200);
    expect(list.body.pagination.total).toBe(ALUMNI);
    expect(list.body.results).toHaveLength(10);
    const first = [...expected.alumni].sort((a, b) => a.studentNo.localeCompare(b.studentNo))[0];
    expect(list.body.results[0]).toMatchObject({ name: first.name });

    const post = (await docs('plugin::liaison.liaison').findFirst({ filters: { postStatus: 'active', dimension: 'region' }, populate: ['alumnus', 'chapter'] })) as any;
    const opened = await http().get(`/content-manager/collection-types/plugin::liaison.liaison/${post.documentId}`).set(auth);
    expect(opened.status).toBe(200);
    expect(opened.body.data).toMatchObject({
      documentId: post.documentId,
      dimension: 'region',
      termStart: post.termStart,
      postStatus: 'active',
      alumnus: { count: 1 },
      chapter: { count: 1 },
      cohort: { count: 0 },
    });
    // Opened exactly like a post made through the Document Service (an ended one: a second
    // live post of the same person in the same chapter would overlap, which the network refuses).
    const dayAfter = new Date(Date.parse(`${post.termStart}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const made = (await docs('plugin::liaison.liaison').create({
      data: { dimension: 'region', role: 'member', termStart: post.termStart, termEnd: dayAfter, postStatus: 'ended', endReason: 'resigned', alumnus: post.alumnus.documentId, chapter: post.chapter.documentId } as never,
    })) as any;
    const openedMade = await http().get(`/content-manager/collection-types/plugin::liaison.liaison/${made.documentId}`).set(auth);
    expect(Object.keys(opened.body.data).sort()).toEqual(Object.keys(openedMade.body.data).sort());
    expect(opened.body.meta).toEqual(openedMade.body.meta);
    const holder = await http().get(`/content-manager/relations/plugin::liaison.liaison/${post.documentId}/alumnus`).set(auth);
    expect(holder.status).toBe(200);
    expect(holder.body.results.map((r: any) => r.documentId)).toEqual([post.alumnus.documentId]);
    const chapter = await http().get(`/content-manager/relations/plugin::liaison.liaison/${post.documentId}/chapter`).set(auth);
    expect(chapter.body.results.map((r: any) => r.documentId)).toEqual([post.chapter.documentId]);

    const story = (await docs('plugin::liaison.story').findFirst({ locale: 'en' })) as any;
    const openedStory = await http().get(`/content-manager/collection-types/plugin::liaison.story/${story.documentId}`).query({ locale: 'en' }).set(auth);
    expect(openedStory.status).toBe(200);
    expect(openedStory.body.data).toMatchObject({ locale: 'en', title: story.title, status: 'published' });
    expect(openedStory.body.meta.availableLocales.map((l: any) => l.locale)).toEqual(['zh-Hans']);
  });

  it('refuses a second seeding and leaves the network as it was', async () => {
    const before = await strapiApp().db.query('plugin::liaison.alumnus').count({});
    expect(await networkIsEmpty(strapiApp())).toBe(false);
    await expect(seedDemo(strapiApp(), { alumni: 10 })).rejects.toThrow(/only seeded into an empty network/);
    expect(await strapiApp().db.query('plugin::liaison.alumnus').count({})).toBe(before);
    expect(await strapiApp().db.query('plugin::liaison.college').count({})).toBe(expected.colleges.length);
  });

  it('lets seeded records be updated through the Document Service', async () => {
    const post = (await docs('plugin::liaison.liaison').findFirst({ filters: { postStatus: 'active', dimension: 'cohort' } })) as any;
    const updated = (await docs('plugin::liaison.liaison').update({
      documentId: post.documentId,
      data: { postStatus: 'ended', termEnd: TODAY, endReason: 'resigned' } as never,
      populate: ['alumnus', 'cohort'],
    })) as any;
    expect(updated).toMatchObject({ postStatus: 'ended', termEnd: TODAY, endReason: 'resigned' });
    expect(updated.alumnus?.documentId).toBeTruthy();
    expect(updated.cohort?.documentId).toBeTruthy();

    const alumnus = (await docs('plugin::liaison.alumnus').findFirst({ populate: ['cohort'] })) as any;
    const moved = (await docs('plugin::liaison.alumnus').update({ documentId: alumnus.documentId, data: { city: '杭州市' } as never, populate: ['cohort'] })) as any;
    expect(moved.city).toBe('杭州市');
    expect(moved.cohort.documentId).toBe(alumnus.cohort.documentId);

    const story = (await docs('plugin::liaison.story').findFirst({ locale: 'en' })) as any;
    await docs('plugin::liaison.story').update({ documentId: story.documentId, locale: 'en', data: { title: 'A new title' } as never });
    await docs('plugin::liaison.story').publish({ documentId: story.documentId, locale: 'en' });
    const republished = (await docs('plugin::liaison.story').findOne({ documentId: story.documentId, locale: 'en', status: 'published', populate: ['colleges'] })) as any;
    expect(republished.title).toBe('A new title');
    expect(republished.colleges.length).toBeGreaterThan(0);
  });

  it('stores rows in the same format as the Document Service', async () => {
    const app: Core.Strapi = strapiApp();
    // An alumnus: booleans, dates and datetimes, and manyToOne links with order columns.
    const seeded = (await docs('plugin::liaison.alumnus').findFirst({
      filters: { contactConsent: true, lastVerifiedAt: { $notNull: true }, chapter: { id: { $notNull: true } } },
      populate: ['cohort', 'chapter', 'industry'],
    })) as any;
    const { id, documentId, createdAt, updatedAt, publishedAt, locale, cohort, chapter, industry, ...fields } = seeded;
    const copy = (await docs('plugin::liaison.alumnus').create({
      data: { ...fields, studentNo: `${fields.studentNo}-copy`, cohort: cohort.documentId, chapter: chapter.documentId, industry: industry?.documentId ?? null } as never,
    })) as any;
    const [a] = await rawRows('plugin::liaison.alumnus', { id: seeded.id });
    const [b] = await rawRows('plugin::liaison.alumnus', { id: copy.id });
    expectSameShape(a, b, ['id', 'document_id', 'student_no', 'created_at', 'updated_at', 'published_at']);

    // Link rows: the same columns, and the order columns filled the same way.
    const meta = app.db.metadata.get('plugin::liaison.alumnus') as any;
    const link = meta.attributes.cohort.joinTable;
    const links = await app.db.connection(link.name).whereIn(link.joinColumn.name, [seeded.id, copy.id]).orderBy(link.joinColumn.name);
    expect(Object.keys(links[0]).sort()).toEqual(Object.keys(links[1]).sort());
    expect(typeof links[0][link.inverseOrderColumnName]).toBe(typeof links[1][link.inverseOrderColumnName]);

    // A published event in its default locale: datetimes, JSON blocks, a D&P row pair.
    const event = (await docs('plugin::liaison.event').findFirst({ locale: 'zh-Hans', status: 'published', filters: { registrationOpensAt: { $notNull: true } } })) as any;
    const { id: _i, documentId: _d, createdAt: _c, updatedAt: _u, publishedAt: _p, locale: _l, slug, ...eventFields } = event;
    const made = (await docs('plugin::liaison.event').create({ data: { ...eventFields, slug: `${slug}-copy` } as never, locale: 'zh-Hans', status: 'published' })) as any;
    const seededRows = await rawRows('plugin::liaison.event', { document_id: event.documentId, locale: 'zh-Hans' });
    const madeRows = await rawRows('plugin::liaison.event', { document_id: made.documentId, locale: 'zh-Hans' });
    expect(seededRows.map((r) => r.published_at === null)).toEqual([true, false]);
    expect(madeRows.map((r) => r.published_at === null)).toEqual([true, false]);
    // When the attendance was recorded is the server's clock, like the timestamps.
    for (const k of [0, 1]) expectSameShape(seededRows[k], madeRows[k], ['id', 'document_id', 'slug', 'created_at', 'updated_at', 'published_at', 'attendance_recorded_at']);
  });
});

/** Same columns, same JavaScript types of what the driver returns, same values except `except`. */
function expectSameShape(a: Record<string, unknown>, b: Record<string, unknown>, except: string[]) {
  expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
  const kind = (v: unknown) => (v === null ? 'null' : v instanceof Date ? 'Date' : typeof v);
  for (const column of Object.keys(a)) {
    if (a[column] === null && b[column] === null) continue;
    expect([column, kind(a[column])]).toEqual([column, kind(b[column])]);
    if (!except.includes(column)) expect([column, a[column]]).toEqual([column, b[column]]);
  }
}
