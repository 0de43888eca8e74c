import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * A person's rights over their data, through the admin HTTP API: the export of someone linked
 * everywhere (JSON, the page, the PDF), consents and their history from every path, and the
 * erasure, which keeps counts, coverage and appraisal figures as they were.
 */
let api: ReturnType<typeof withToken>;
let token: string;
const app = () => strapiApp();
const docs = (uid: string) => app().documents(uid as any);
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  api = withToken(token);
});
afterAll(teardownStrapi);

const NAME = '张晓<script>alert(1)</script>';
const YEAR = 2093;

/** A person linked to every kind of record, and the network around them. */
const personLinkedEverywhere = async () => {
  const college = await makeCollege();
  const cohort = await makeCohort({ college: college.documentId, gradYear: 2010 });
  const chapter = await makeChapter();
  const phone = `139${String(Date.now()).slice(-8)}`;
  const email = `${unique('zx').toLowerCase()}@example.com`;
  const person = await makeAlumnus({
    name: NAME,
    cohort: cohort.documentId,
    chapter: chapter.documentId,
    phone,
    email,
    wechat: unique('wx'),
    employer: '深圳某科技公司',
    jobTitle: '总监',
    displayName: '张晓',
    displayNameEn: 'Zhang Xiao',
    contactConsent: true,
    publishConsent: true,
  });
  const other = await makeAlumnus({ name: '李其他', cohort: cohort.documentId, phone: '13800000001' });
  // A post of theirs in a year of its own, ended, so that an erasure is allowed.
  const post = await docs('plugin::liaison.liaison').create({
    data: {
      dimension: 'cohort', cohort: cohort.documentId, alumnus: person.documentId, role: 'monitor', termStart: `${YEAR}-01-01`,
      postStatus: 'active', nominationReason: '热心班级事务的张晓',
    } as any,
  });
  const otherPost = await docs('plugin::liaison.liaison').create({
    data: { dimension: 'cohort', cohort: cohort.documentId, alumnus: other.documentId, role: 'league_secretary', termStart: `${YEAR}-01-01`, postStatus: 'active', nominator: person.documentId } as any,
  });
  await docs('plugin::liaison.contact-log').create({ data: { liaison: otherPost.documentId, alumnus: person.documentId, channel: 'call', contactedAt: `${YEAR}-03-01T02:00:00.000Z`, summary: '张晓说她换了工作' } as any });
  await docs('plugin::liaison.contact-log').create({ data: { liaison: post.documentId, alumnus: other.documentId, channel: 'visit', contactedAt: `${YEAR}-04-01T02:00:00.000Z`, summary: '拜访李其他' } as any });
  await docs('plugin::liaison.feedback').create({ data: { alumnus: person.documentId, category: 'career_help', content: '希望联系导师', receivedAt: `${YEAR}-05-01T02:00:00.000Z`, answer: '已转告' } as any });
  const course = await docs('plugin::liaison.training-course').create({ data: { title: unique('课程'), area: 'alumni_work', mandatory: false } as any });
  const session = await docs('plugin::liaison.training-session').create({
    data: { course: course.documentId, startsAt: `${YEAR}-02-01T01:00:00.000Z`, endsAt: `${YEAR}-02-01T05:00:00.000Z`, location: '校友之家' } as any,
  });
  await docs('plugin::liaison.training-record').create({ data: { session: session.documentId, alumnus: person.documentId, attended: true, score: 88, note: '表现积极' } as any });
  const version = await docs('plugin::liaison.conduct-version').create({
    data: { version: 9000 + (Date.now() % 900), title: '行为准则', textZh: '准则', textEn: 'Code', effectiveFrom: `${YEAR}-01-01` } as any,
  });
  await docs('plugin::liaison.conduct-acknowledgement').create({ data: { alumnus: person.documentId, conductVersion: version.documentId, acknowledgedAt: `${YEAR}-01-05T02:00:00.000Z`, via: 'staff' } as any });
  await docs('plugin::liaison.honour').create({
    data: { alumnus: person.documentId, kind: 'commendation', title: '优秀联络员', year: YEAR, honourStatus: 'awarded', citation: '张晓组织了三次返校活动', showPublicly: true } as any,
  });
  await docs('plugin::liaison.notification').create({
    data: { to: email, subject: '张晓，您好', text: '亲爱的张晓', kind: 'test', deliveryStatus: 'sent', alumnus: person.documentId } as any,
  });
  await docs('plugin::liaison.event').create({
    data: { title: unique('返校日'), slug: unique('event'), type: 'reunion', college: college.documentId, startsAt: `${YEAR}-06-01T02:00:00.000Z`, venue: '大礼堂', organisers: [post.documentId] } as any,
    locale: 'zh-Hans',
  });
  const slug = unique('story');
  const story = await docs('plugin::liaison.story').create({
    data: {
      title: '张晓的返乡创业路',
      slug,
      summary: 'Zhang Xiao 与张晓的故事',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: '张晓毕业后回到家乡。' }] }],
      featuredAlumni: [person.documentId],
      colleges: [college.documentId],
    } as any,
    locale: 'zh-Hans',
    status: 'published',
  });
  // An appraisal of their post: measured contacts and a reviewer's score with a comment.
  const cycle = await api.post('/liaison/cycles').send({
    name: unique(`${YEAR}年度考核`),
    periodStart: `${YEAR}-01-01`,
    periodEnd: `${YEAR}-12-31`,
    criteria: [
      { key: 'contacts', kind: 'measured', measure: 'contacts', weight: 40 },
      { key: 'performance', kind: 'scored', weight: 60 },
    ],
  });
  expect(cycle.status).toBe(201);
  expect((await api.post(`/liaison/cycles/${cycle.body.data.documentId}/compute`)).status).toBe(200);
  const results = await api.get(`/liaison/cycles/${cycle.body.data.documentId}/results?pageSize=100`);
  const mine = results.body.data.find((r: any) => r.post.documentId === post.documentId);
  expect((await api.put(`/liaison/appraisals/${mine.appraisal.documentId}/scores`).send({ criterion: 'performance', score: 90, comment: '张晓表现很好' })).status).toBe(200);
  expect((await api.post(`/liaison/appraisals/${mine.appraisal.documentId}/notes`).send({ text: '请张晓多联系同学' })).status).toBe(201);
  expect((await api.post(`/liaison/cycles/${cycle.body.data.documentId}/compute`)).status).toBe(200);
  return { college, cohort, chapter, person, other, post, otherPost, story, slug, cycle: cycle.body.data, phone, email };
};

/** Ends a post through the lifecycle API. */
const endPost = async (documentId: string) => {
  const res = await api.post(`/liaison/posts/${documentId}/end`).send({ reason: 'resigned', note: '张晓因工作调动辞任' });
  expect(res.status).toBe(200);
};

describe('the export of everything held about a person', () => {
  let net: Awaited<ReturnType<typeof personLinkedEverywhere>>;
  beforeAll(async () => {
    net = await personLinkedEverywhere();
  });

  it('answers JSON with every part: the record with its private fields, consents, posts and history, contacts, feedback, training, honours, appraisals, stories, mails', async () => {
    const res = await api.get(`/liaison/alumni/${net.person.documentId}/export?format=json`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="personal-data-${net.person.documentId}-${new Date().toISOString().slice(0, 10)}.json"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const d = JSON.parse(res.text).data;
    expect(d.alumnus).toMatchObject({ name: NAME, phone: net.phone, email: net.email, employer: '深圳某科技公司', jobTitle: '总监', contactConsent: true, publishConsent: true });
    expect(d.alumnus.college).toBe(net.college.name);
    expect(d.alumnus.chapter).toBe(net.chapter.name);
    expect(d.consents.map((c: any) => [c.consent, c.granted, c.source]).sort()).toEqual([
      ['contact', true, 'system'],
      ['publish', true, 'system'],
    ]);
    expect(d.consents[0].by).toBeUndefined();
    expect(d.posts).toHaveLength(1);
    expect(d.posts[0]).toMatchObject({ documentId: net.post.documentId, role: 'monitor', postStatus: 'active', nominationReason: '热心班级事务的张晓' });
    expect(d.posts[0].history.map((h: any) => h.action)).toEqual(['create']);
    expect(d.posts[0].history[0].by).toBeUndefined();
    expect(d.nominations).toEqual([{ dimension: 'cohort', role: 'league_secretary', postStatus: 'active', termStart: `${YEAR}-01-01` }]);
    expect(d.contacts).toEqual([{ contactedAt: `${YEAR}-03-01T02:00:00.000Z`, channel: 'call', summary: '张晓说她换了工作', needs: null }]);
    expect(d.contactsMade).toEqual([{ contactedAt: `${YEAR}-04-01T02:00:00.000Z`, channel: 'visit' }]);
    expect(d.feedback[0]).toMatchObject({ category: 'career_help', content: '希望联系导师', answer: '已转告' });
    expect(d.training[0]).toMatchObject({ attended: true, score: 88, note: '表现积极' });
    expect(d.conduct[0]).toMatchObject({ via: 'staff' });
    expect(d.honours[0]).toMatchObject({ kind: 'commendation', title: '优秀联络员', citation: '张晓组织了三次返校活动' });
    expect(d.appraisals).toHaveLength(1);
    expect(d.appraisals[0].reviews).toEqual([{ criterion: 'performance', score: 90, comment: '张晓表现很好' }]);
    expect(d.appraisals[0].feedback.map((f: any) => f.text)).toEqual(['请张晓多联系同学']);
    expect(d.appraisals[0].measures.contacts).toBe(1);
    expect(d.events).toHaveLength(1);
    expect(d.stories).toEqual([{ title: '张晓的返乡创业路', slug: net.slug, locale: 'zh-Hans', published: true }]);
    expect(d.mails[0]).toMatchObject({ to: net.email, subject: '张晓，您好' });
    expect(d.withheld).toEqual([]);
    // Nobody else's personal data: the other alumnus' name and phone, the staff's names.
    expect(res.text).not.toContain('李其他');
    expect(res.text).not.toContain('13800000001');
    expect(res.text).not.toContain('tester-');
  });

  it('answers a readable page in the request language, every value escaped', async () => {
    const res = await api.get(`/liaison/alumni/${net.person.documentId}/export?format=html`).set('Accept-Language', 'zh-CN');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="personal-data-.+\.html"$/);
    expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(res.text).not.toContain('<script>');
    expect(res.text).toContain('张晓&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).toContain('的个人数据');
    expect(res.text).toContain('<html lang="zh-Hans">');
    const en = await api.get(`/liaison/alumni/${net.person.documentId}/export?format=html`).set('Accept-Language', 'en');
    expect(en.text).toContain('Personal data held about');
    expect(en.text).toContain(net.phone);
  });

  it('answers a PDF', async () => {
    const res = await api
      .get(`/liaison/alumni/${net.person.documentId}/export?format=pdf`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    // A CJK font must be on this machine (CI installs fonts-wqy-microhei; docs/configuration.md, LIAISON_PDF_FONT).
    expect({ status: res.status, hint: res.status === 501 ? 'install a CJK font: apt-get install fonts-wqy-microhei' : '' }).toEqual({ status: 200, hint: '' });
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/\.pdf"$/);
    expect((res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('records who exported whom and when, without their data', async () => {
    const rows = await app().db.query('plugin::liaison.data-request').findMany({ where: { alumnus: { documentId: net.person.documentId } } });
    expect(rows.map((r: any) => r.format).sort()).toEqual(['html', 'html', 'json', 'pdf']);
    expect(rows.every((r: any) => r.request === 'export' && r.by.includes('tester-') && !JSON.stringify(r).includes(net.phone))).toBe(true);
  });

  it('says plainly (501 naming format) when the server has no font for the text, and records no export', async () => {
    const was = app().config.get('plugin::liaison.pdfFont');
    const exports = () => app().db.query('plugin::liaison.data-request').count({ where: { alumnus: { documentId: net.person.documentId } } });
    const before = await exports();
    app().config.set('plugin::liaison.pdfFont', '/nonexistent/font.ttf');
    try {
      const res = await api.get(`/liaison/alumni/${net.person.documentId}/export?format=pdf`).set('Accept-Language', 'zh-Hans');
      expect(res.status).toBe(501);
      expect(fieldsOf(res.body)).toEqual(['format']);
      expect(res.body.error.message).toContain('LIAISON_PDF_FONT');
      expect(res.body.error.message).toContain('中文字体');
    } finally {
      app().config.set('plugin::liaison.pdfFont', was);
    }
    expect(await exports()).toBe(before);
  });

  it('refuses bad input and hides what a College Staff member may not see', async () => {
    expect(fieldsOf((await api.get(`/liaison/alumni/${net.person.documentId}/export?format=docx`)).body)).toEqual(['format']);
    expect(fieldsOf((await api.get(`/liaison/alumni/${net.person.documentId}/export?format=json&x=1`)).body)).toEqual(['x']);
    expect((await api.get('/liaison/alumni/nope/export')).status).toBe(404);
    expect((await api.get(`/liaison/alumni/${encodeURIComponent('a\u0000b')}/export`)).status).toBe(400);
    const own = await signInStaff('College Staff', { colleges: [net.college.documentId] });
    const stranger = await signInStaff('College Staff', { colleges: [(await makeCollege()).documentId] });
    // College Staff do not read how to reach alumni: their copy leaves it out and says so.
    const ownCopy = await withToken(own.token).get(`/liaison/alumni/${net.person.documentId}/export`);
    expect(ownCopy.status).toBe(200);
    const copy = JSON.parse(ownCopy.text).data;
    expect(copy.alumnus).toMatchObject({ name: NAME, phone: null, email: null, wechat: null, employer: '深圳某科技公司', studentNo: expect.any(String) });
    expect(copy.withheld).toEqual(['phone', 'email', 'wechat', 'mails.to']);
    expect(copy.mails[0].to).toBeNull();
    expect(ownCopy.text).not.toContain(net.phone);
    expect(ownCopy.text).not.toContain(net.email);
    const page = await withToken(own.token).get(`/liaison/alumni/${net.person.documentId}/export?format=html`).set('Accept-Language', 'en');
    expect(page.text).toContain('This copy leaves out how to reach you (Phone, E-mail, WeChat, the address of the e-mails sent to you)');
    expect((await withToken(own.token).get(`/liaison/alumni/${net.person.documentId}/consents`)).status).toBe(200);
    const outside = await withToken(stranger.token).get(`/liaison/alumni/${net.person.documentId}/export`);
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain('张晓');
    expect((await withToken(stranger.token).get(`/liaison/alumni/${net.person.documentId}/consents`)).status).toBe(404);
    // College Staff neither record consents nor erase; without a token, nothing.
    expect((await withToken(own.token).post(`/liaison/alumni/${net.person.documentId}/erase`).send({ reason: 'x' })).status).toBe(403);
    expect((await withToken(own.token).put(`/liaison/alumni/${net.person.documentId}/consents`).send({ contact: false })).status).toBe(403);
    expect((await http().get(`/liaison/alumni/${net.person.documentId}/export`)).status).toBe(401);
  });
});

describe('consents and their history', () => {
  it('records a change made in the Content Manager, with its date and the admin who made it', async () => {
    const a = await makeAlumnus({ name: '王同意' });
    const before = Date.now();
    const res = await api.put(`${CM}/plugin::liaison.alumnus/${a.documentId}`).send({ contactConsent: true });
    expect(res.status).toBe(200);
    const row = await app().db.query('plugin::liaison.alumnus').findOne({ where: { documentId: a.documentId } });
    expect(new Date(row.contactConsentAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const history = await api.get(`/liaison/alumni/${a.documentId}/consents`);
    expect(history.status).toBe(200);
    expect(history.body.meta).toMatchObject({ contactConsent: true, publishConsent: false });
    expect(history.body.data).toHaveLength(1);
    expect(history.body.data[0]).toMatchObject({ consent: 'contact', granted: true, source: 'admin', at: new Date(row.contactConsentAt).toISOString() });
    expect(history.body.data[0].by).toContain('tester-');
    // Saving the form again with the same values (the Content Manager sends them all) records nothing.
    await api.put(`${CM}/plugin::liaison.alumnus/${a.documentId}`).send({ contactConsent: true, contactConsentAt: row.contactConsentAt, name: '王同意' });
    expect((await api.get(`/liaison/alumni/${a.documentId}/consents`)).body.data).toHaveLength(1);
  });

  it('records consents given through our route, with their source and date, and the unsubscribe link as the person\'s own', async () => {
    const a = await makeAlumnus({ name: '陈授权', email: `${unique('c').toLowerCase()}@example.com` });
    const given = await api.put(`/liaison/alumni/${a.documentId}/consents`).send({ contact: true, publish: true, source: 'liaison', at: '2026-01-02T03:04:05.000Z' });
    expect(given.status).toBe(200);
    expect(given.body.meta).toEqual({ contactConsent: true, contactConsentAt: '2026-01-02T03:04:05.000Z', publishConsent: true, publishConsentAt: '2026-01-02T03:04:05.000Z' });
    expect(given.body.data.map((c: any) => [c.consent, c.granted, c.source, c.at]).sort()).toEqual([
      ['contact', true, 'liaison', '2026-01-02T03:04:05.000Z'],
      ['publish', true, 'liaison', '2026-01-02T03:04:05.000Z'],
    ]);
    // The same again changes nothing.
    expect((await api.put(`/liaison/alumni/${a.documentId}/consents`).send({ contact: true })).body.data).toHaveLength(2);
    const outbox = app().plugin('liaison').service('outbox');
    const token = new URL(outbox.unsubscribeLink(a.documentId)).searchParams.get('token');
    expect(await outbox.unsubscribe(token)).toBe('done');
    const after = await api.get(`/liaison/alumni/${a.documentId}/consents`);
    expect(after.body.meta.contactConsent).toBe(false);
    expect(after.body.data[0]).toMatchObject({ consent: 'contact', granted: false, source: 'self', by: null });
  });

  it('records a consent a merge takes from the other record, and keeps the history of both', async () => {
    const cohort = await makeCohort();
    const kept = await makeAlumnus({ name: '赵合并', cohort: cohort.documentId });
    const from = await makeAlumnus({ name: '赵合并', cohort: cohort.documentId });
    await api.put(`/liaison/alumni/${from.documentId}/consents`).send({ publish: true, source: 'self', at: '2026-02-03T04:05:06.000Z' });
    const merged = await api.post(`/liaison/alumni/${kept.documentId}/merge`).send({ from: from.documentId, fields: { publishConsent: 'b' } });
    expect(merged.status).toBe(200);
    const history = await api.get(`/liaison/alumni/${kept.documentId}/consents`);
    expect(history.body.meta).toMatchObject({ publishConsent: true, publishConsentAt: '2026-02-03T04:05:06.000Z' });
    expect(history.body.data.map((c: any) => [c.consent, c.granted, c.source, c.at])).toEqual([
      ['publish', true, 'admin', '2026-02-03T04:05:06.000Z'],
      ['publish', true, 'self', '2026-02-03T04:05:06.000Z'],
    ]);
  });

  it('refuses bad consent input with a 400 naming the field', async () => {
    const a = await makeAlumnus();
    const url = `/liaison/alumni/${a.documentId}/consents`;
    expect(fieldsOf((await api.put(url).send({})).body)).toEqual(['contact']);
    expect(fieldsOf((await api.put(url).send({ contact: 'yes' })).body)).toEqual(['contact']);
    expect(fieldsOf((await api.put(url).send({ contact: true, source: 'rumour' })).body)).toEqual(['source']);
    expect(fieldsOf((await api.put(url).send({ contact: true, at: '2999-01-01T00:00:00Z' })).body)).toEqual(['at']);
    expect(fieldsOf((await api.put(url).send({ contact: true, at: 'yesterday' })).body)).toEqual(['at']);
    expect(fieldsOf((await api.put(url).send({ contact: true, extra: 1 })).body)).toEqual(['extra']);
    expect((await api.get(`/liaison/alumni/${a.documentId}/consents`)).body.data).toEqual([]);
    expect((await api.put('/liaison/alumni/nope/consents').send({ contact: true })).status).toBe(404);
  });
});

describe('erasure', () => {
  let net: Awaited<ReturnType<typeof personLinkedEverywhere>>;
  beforeAll(async () => {
    net = await personLinkedEverywhere();
  });

  it('is refused (409, naming the post) while the person holds a live post, and changes nothing', async () => {
    const res = await api.post(`/liaison/alumni/${net.person.documentId}/erase`).send({ reason: '本人申请' });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['alumnus']);
    expect(res.body.error.message).toContain('live post');
    expect(res.body.error.message).toContain(net.cohort.className);
    const row = await app().db.query('plugin::liaison.alumnus').findOne({ where: { documentId: net.person.documentId } });
    expect(row.name).toBe(NAME);
    expect(await app().db.query('plugin::liaison.data-request').count({ where: { alumnus: { id: row.id }, request: 'erase' } })).toBe(0);
  });

  it('refuses bad input: no reason, a blank one, a NUL byte, too long, an unknown person', async () => {
    const url = `/liaison/alumni/${net.person.documentId}/erase`;
    expect(fieldsOf((await api.post(url).send({})).body)).toEqual(['reason']);
    expect(fieldsOf((await api.post(url).send({ reason: '   ' })).body)).toEqual(['reason']);
    expect(fieldsOf((await api.post(url).send({ reason: 'a\u0000b' })).body)).toEqual(['reason']);
    expect(fieldsOf((await api.post(url).send({ reason: 'x'.repeat(1001) })).body)).toEqual(['reason']);
    expect(fieldsOf((await api.post(url).send({ reason: 'ok', name: 'x' })).body)).toEqual(['name']);
    expect((await api.post('/liaison/alumni/nope/erase').send({ reason: '本人申请' })).status).toBe(404);
  });

  it('anonymises the record and what is about them, keeps coverage, appraisal figures and history, and unnames the stories', async () => {
    await endPost(net.post.documentId);
    const coverage = () => api.get(`/liaison/coverage?dimension=cohort&college=${net.college.documentId}`);
    const results = () => api.get(`/liaison/cycles/${net.cycle.documentId}/results?pageSize=100`);
    const figures = (body: any) => body.data.map((r: any) => ({ post: r.post.documentId, measures: r.measures, scores: r.scores, total: r.total, grade: r.grade, rank: r.rank }));
    const coverageBefore = (await coverage()).body;
    const resultsBefore = await results();
    const historyBefore = (await api.get(`/liaison/posts/${net.post.documentId}/history`)).body.data;
    const alumniInCohort = await app().db.query('plugin::liaison.alumnus').count({ where: { cohort: { documentId: net.cohort.documentId } } });

    const res = await api.post(`/liaison/alumni/${net.person.documentId}/erase`).send({ reason: '  本人书面申请删除  ' });
    expect(res.status).toBe(200);
    const a = res.body.data.alumnus;
    const id = (await app().db.query('plugin::liaison.alumnus').findOne({ where: { documentId: net.person.documentId } })).id;
    expect(a).toMatchObject({
      documentId: net.person.documentId,
      name: `已删除校友 #${id}`,
      studentNo: null, phone: null, email: null, wechat: null, employer: null, jobTitle: null, displayName: null, displayNameEn: null,
      contactConsent: false, publishConsent: false,
    });
    expect(a.cohort.gradYear).toBe(2010);
    expect(a.chapter).toBe(net.chapter.name);
    expect(JSON.stringify(res.body)).not.toContain('张晓');

    // Counts, coverage, appraisal figures and the post's history are as they were.
    expect(await app().db.query('plugin::liaison.alumnus').count({ where: { cohort: { documentId: net.cohort.documentId } } })).toBe(alumniInCohort);
    expect((await coverage()).body).toEqual(coverageBefore);
    const resultsAfter = await results();
    expect(figures(resultsAfter.body)).toEqual(figures(resultsBefore.body));
    expect(resultsAfter.body.meta.grades).toEqual(resultsBefore.body.meta.grades);
    const historyAfter = (await api.get(`/liaison/posts/${net.post.documentId}/history`)).body.data;
    expect(historyAfter.map((h: any) => [h.action, h.at])).toEqual(historyBefore.map((h: any) => [h.action, h.at]));
    expect(JSON.stringify(historyAfter)).not.toContain('张晓');

    // Nothing about them names them any more: contacts, feedback, training, honours, appraisal comments, mails, labels.
    const db = (uid: string, where: any) => app().db.query(uid as any).findMany({ where });
    const all = JSON.stringify([
      await db('plugin::liaison.contact-log', { alumnus: { id } }),
      await db('plugin::liaison.feedback', { alumnus: { id } }),
      await db('plugin::liaison.training-record', { alumnus: { id } }),
      await db('plugin::liaison.honour', { alumnus: { id } }),
      await db('plugin::liaison.liaison', { alumnus: { id } }),
      await db('plugin::liaison.notification', { alumnus: { id } }),
      await db('plugin::liaison.appraisal-score', { appraisal: { liaison: { alumnus: { id } } } }),
      await db('plugin::liaison.appraisal-note', { appraisal: { liaison: { alumnus: { id } } } }),
      await db('plugin::liaison.appraisal', { liaison: { alumnus: { id } } }),
    ]);
    expect(all).not.toContain('张晓');
    expect(all).not.toContain(net.email);
    expect(all).toContain(`已删除校友 #${id}`);
    expect(await app().db.query('plugin::liaison.contact-log').count({ where: { alumnus: { id } } })).toBe(1);
    expect(await app().db.query('plugin::liaison.honour').count({ where: { alumnus: { id } } })).toBe(1);

    // The story no longer links nor names them, in the admin and on the website.
    const rows = await app().db.query('plugin::liaison.story').findMany({ where: { slug: net.slug }, populate: { featuredAlumni: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.featuredAlumni).toEqual([]);
      expect(JSON.stringify([row.title, row.summary, row.body])).not.toMatch(/张晓|Zhang Xiao/i);
      expect(row.title).toBe('某校友的返乡创业路');
    }
    const site = await http().get(`/api/stories?filters[slug][$eq]=${net.slug}&populate=featuredAlumni`);
    expect(site.status).toBe(200);
    expect(site.body.data).toHaveLength(1);
    expect(JSON.stringify(site.body)).not.toMatch(/张晓|Zhang Xiao/i);

    // The erasure is recorded, without what was erased; the consents' withdrawal is in their history.
    const erasure = await app().db.query('plugin::liaison.data-request').findOne({ where: { alumnus: { id }, request: 'erase' } });
    expect(erasure).toMatchObject({ reason: '本人书面申请删除', byId: expect.any(Number) });
    expect(JSON.stringify(erasure)).not.toContain('张晓');
    const consents = (await api.get(`/liaison/alumni/${net.person.documentId}/consents`)).body.data;
    expect(consents.slice(0, 2).map((c: any) => [c.consent, c.granted, c.source]).sort()).toEqual([
      ['contact', false, 'erasure'],
      ['publish', false, 'erasure'],
    ]);
  });

  it('answers 409 to a second erasure', async () => {
    const res = await api.post(`/liaison/alumni/${net.person.documentId}/erase`).send({ reason: '再次申请' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('already erased');
  });
});
