import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort } from '../helpers/fixtures';
import { claimAndActivate, lastToken, problems } from './helpers';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

const app = () => strapiApp();
const address = () => `${unique('me').toLowerCase()}@example.edu.cn`;

/** An alumnus of a class and a chapter who claimed their record: signed in. */
const member = async (name: string, data: Record<string, unknown> = {}) => {
  const email = address();
  const cohort = await makeCohort({ className: unique('2015级软件工程1班') });
  const chapter = await makeChapter({ name: unique('深圳校友会') });
  const alumnus = await makeAlumnus({
    name,
    studentNo: unique('S'),
    email,
    phone: '13912345678',
    wechat: unique('wx'),
    cohort: cohort.documentId,
    chapter: chapter.documentId,
    city: '深圳',
    ...data,
  });
  const signed = await claimAndActivate({ name, studentNo: alumnus.studentNo as string, email });
  return { ...signed, alumnus, cohort, chapter, email };
};

describe('my record', () => {
  it('reads all of my own fields, private ones included, with my consents', async () => {
    const me = await member('林静', { contactConsent: true });
    const res = await http().get('/api/liaison/me').set(me.auth);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.data).toMatchObject({
      documentId: me.alumnus.documentId,
      name: '林静',
      studentNo: me.alumnus.studentNo,
      email: me.email,
      phone: '13912345678',
      wechat: me.alumnus.wechat,
      city: '深圳',
      cohort: { className: me.cohort.className },
      college: expect.any(String),
      chapter: me.chapter.name,
      contactConsent: true,
      contactConsentAt: expect.any(String),
    });
    expect(res.body.meta.consents[0]).toMatchObject({ consent: 'contact', granted: true });
    expect(res.body.meta.consents[0].by).toBeUndefined();
  });

  it('changes contact fields, consents, language and work, with their provenance; nothing else', async () => {
    const me = await member('高峰');
    const newEmail = address();
    const res = await http()
      .put('/api/liaison/me')
      .set(me.auth)
      .send({
        phone: '+86 139-8765-4321',
        email: newEmail.toUpperCase(),
        wechat: '  gaofeng_wx  ',
        language: 'en',
        city: '上海',
        employer: '  某某科技  ',
        jobTitle: '工程师',
        contactConsent: true,
        publishConsent: false,
      });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.data).toMatchObject({
      phone: '13987654321',
      email: newEmail,
      wechat: 'gaofeng_wx',
      language: 'en',
      city: '上海',
      employer: '某某科技',
      jobTitle: '工程师',
      contactConsent: true,
      publishConsent: false,
    });
    // Consents: in their history with source self, dated.
    const consents = await app().db.query('plugin::liaison.consent-change').findMany({ where: { alumnus: { id: me.alumnus.id } } });
    expect(consents.map((c: any) => [c.consent, c.granted, c.source])).toEqual([['contact', true, 'self']]);
    expect(res.body.data.contactConsentAt).toEqual(expect.any(String));
    // Fields: who, when, from where.
    const changes = await app().db.query('plugin::liaison.field-change').findMany({ where: { alumnus: { id: me.alumnus.id } }, orderBy: { id: 'asc' } });
    expect(changes.map((c: any) => [c.field, c.oldValue, c.newValue, c.source, c.byUser])).toEqual([
      ['phone', '13912345678', '13987654321', 'self', me.user.id],
      ['email', me.email, newEmail, 'self', me.user.id],
      ['wechat', me.alumnus.wechat, 'gaofeng_wx', 'self', me.user.id],
      ['language', null, 'en', 'self', me.user.id],
      ['city', '深圳', '上海', 'self', me.user.id],
      ['employer', null, '某某科技', 'self', me.user.id],
      ['jobTitle', null, '工程师', 'self', me.user.id],
    ]);
    expect(res.body.meta.changes).toHaveLength(7);
    // The sign-in follows the new address.
    expect((await http().post('/api/auth/local').send({ identifier: newEmail, password: 'Garden-Path-2026' })).status).toBe(200);

    // Clearing a field; the same value again changes nothing.
    const cleared = await http().put('/api/liaison/me').set(me.auth).send({ jobTitle: null, city: '上海' });
    expect(cleared.body.data).toMatchObject({ jobTitle: null, city: '上海' });
    expect(await app().db.query('plugin::liaison.field-change').count({ where: { alumnus: { id: me.alumnus.id } } })).toBe(8);
  });

  it('names what is wrong in a change, and refuses fields that are not the person\'s to change', async () => {
    const me = await member('田甜');
    const put = (body: unknown) => http().put('/api/liaison/me').set(me.auth).send(body as object);
    expect(problems(await put({ phone: '12' }))).toEqual({ phone: 'liaison.error.accounts.phone' });
    expect(problems(await put({ email: 'nope' }))).toEqual({ email: 'liaison.error.accounts.email' });
    expect(Object.keys(problems(await put({ language: 'fr' })))).toEqual(['language']);
    expect(Object.keys(problems(await put({ contactConsent: 'yes' })))).toEqual(['contactConsent']);
    expect(Object.keys(problems(await put({ city: 'x'.repeat(65) })))).toEqual(['city']);
    for (const field of ['name', 'studentNo', 'documentId', 'cohort', 'alumnusStatus']) {
      const res = await put({ [field]: 'x', city: '北京' });
      expect([res.status, Object.keys(problems(res))]).toEqual([400, [field]]);
    }
    expect((await put({})).status).toBe(400);
    expect((await http().get('/api/liaison/me').set(me.auth)).body.data.city).toBe('深圳');
    // Another sign-in's address: 409.
    const other = await member('钱多');
    expect(problems(await put({ email: other.email }))).toEqual({ email: 'liaison.error.accounts.emailTaken' });
  });

  it('lets nobody read or change another alumnus\' record', async () => {
    const a = await member('甲方');
    const b = await member('乙方');
    expect((await http().get('/api/liaison/me').set(a.auth)).body.data.documentId).toBe(a.alumnus.documentId);
    expect((await http().get('/api/liaison/me').set(b.auth)).body.data.documentId).toBe(b.alumnus.documentId);
    await http().put('/api/liaison/me').set(a.auth).send({ city: '成都' });
    expect((await http().get('/api/liaison/me').set(b.auth)).body.data.city).toBe('深圳');
    // No route names a record: what names one is refused, never followed.
    expect((await http().put('/api/liaison/me').set(a.auth).send({ documentId: b.alumnus.documentId, city: '重庆' })).status).toBe(400);
    expect((await http().get(`/api/liaison/me?documentId=${b.alumnus.documentId}`).set(a.auth)).body.data.documentId).toBe(a.alumnus.documentId);
    expect((await http().get(`/api/liaison/me/export?documentId=${b.alumnus.documentId}`).set(a.auth)).status).toBe(400);
    expect((await http().get('/api/liaison/me/export').set(a.auth)).body.data.alumnus.documentId).toBe(a.alumnus.documentId);
    for (const [method, path] of [['get', '/api/liaison/me'], ['put', '/api/liaison/me'], ['delete', '/api/liaison/me'], ['get', '/api/liaison/me/export']] as const) {
      expect((await (http() as any)[method](path).send({ city: 'x' })).status).toBe(403);
    }
  });

  it('exports my own personal data (json, html, pdf)', async () => {
    const me = await member('罗兰');
    await http().put('/api/liaison/me').set(me.auth).send({ employer: '某研究院' });
    const json = await http().get('/api/liaison/me/export').set(me.auth);
    expect(json.status).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/attachment; filename="personal-data-/);
    const dossier = JSON.parse(json.text).data;
    expect(dossier.alumnus).toMatchObject({ documentId: me.alumnus.documentId, email: me.email, phone: '13912345678' });
    expect(dossier.ownChanges).toEqual([{ field: 'employer', oldValue: null, newValue: '某研究院', source: 'self', at: expect.any(String) }]);
    const html = await http().get('/api/liaison/me/export?format=html').set(me.auth);
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.text).toContain('罗兰');
    expect(html.text).toContain('Changes you made yourself');
    expect(html.text).toContain('某研究院');
    const pdf = await http().get('/api/liaison/me/export?format=pdf').set(me.auth);
    expect([200, 501]).toContain(pdf.status);
    expect(Object.keys(problems(await http().get('/api/liaison/me/export?format=doc').set(me.auth)))).toEqual(['format']);
    const requests = await app().db.query('plugin::liaison.data-request').findMany({ where: { alumnus: { id: me.alumnus.id } } });
    expect(requests.map((r: any) => [r.request, r.by])).toContainEqual(['export', 'self']);
  });
});

describe('deleting my account', () => {
  it('removes the sign-in, not the alumnus record; the person may claim again', async () => {
    const me = await member('邓超');
    const res = await http().delete('/api/liaison/me').set(me.auth);
    expect(res.status).toBe(204);
    expect(await app().db.query('plugin::users-permissions.user').findOne({ where: { id: me.user.id } })).toBeNull();
    expect(await app().db.query('plugin::liaison.alumni-account').count({ where: { alumnus: { id: me.alumnus.id } } })).toBe(0);
    expect(await app().db.query('plugin::liaison.alumnus').findOne({ where: { id: me.alumnus.id } })).toMatchObject({ name: '邓超', email: me.email });
    expect((await http().get('/api/liaison/me').set(me.auth)).status).toBe(401);
    expect((await http().post('/api/auth/local').send({ identifier: me.email, password: 'Garden-Path-2026' })).status).toBe(400);
    const again = await claimAndActivate({ name: '邓超', studentNo: me.alumnus.studentNo as string, email: me.email });
    expect(again.alumnus.documentId).toBe(me.alumnus.documentId);
  });
});

describe('erasure and merge', () => {
  it('erasing an alumnus deletes their account, login, links and own changes', async () => {
    const api = withToken(await adminToken());
    const me = await member('杜拉');
    await http().put('/api/liaison/me').set(me.auth).send({ employer: '某公司' });
    await http().post('/api/liaison/account/forgot').send({ email: me.email });
    expect(await lastToken(me.email)).toEqual(expect.any(String));
    const res = await api.post(`/liaison/alumni/${me.alumnus.documentId}/erase`).send({ reason: '本人申请' });
    expect(res.status).toBe(200);
    expect(await app().db.query('plugin::users-permissions.user').findOne({ where: { id: me.user.id } })).toBeNull();
    for (const uid of ['plugin::liaison.alumni-account', 'plugin::liaison.account-token', 'plugin::liaison.field-change']) {
      expect(await app().db.query(uid).count({ where: { alumnus: { id: me.alumnus.id } } })).toBe(0);
    }
    expect((await http().get('/api/liaison/me').set(me.auth)).status).toBe(401);
  });

  it('merging two records that both have accounts keeps the kept record\'s; one account moves with its record', async () => {
    const api = withToken(await adminToken());
    const kept = await member('马丽');
    const from = await member('马丽');
    const res = await api.post(`/liaison/alumni/${kept.alumnus.documentId}/merge`).send({ from: from.alumnus.documentId });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    const accounts = await app().db.query('plugin::liaison.alumni-account').findMany({ where: { alumnus: { id: kept.alumnus.id } }, populate: ['user'] });
    expect(accounts.map((a: any) => a.user.id)).toEqual([kept.user.id]);
    expect(await app().db.query('plugin::users-permissions.user').findOne({ where: { id: from.user.id } })).toBeNull();
    expect((await http().get('/api/liaison/me').set(kept.auth)).body.data.documentId).toBe(kept.alumnus.documentId);
    expect((await http().get('/api/liaison/me').set(from.auth)).status).toBe(401);

    // Only the merged record had a sign-in: it now signs in to the kept record.
    const plain = await makeAlumnus({ name: '马克', studentNo: unique('S') });
    const other = await member('马克');
    const moved = await api.post(`/liaison/alumni/${plain.documentId}/merge`).send({ from: other.alumnus.documentId });
    expect(moved.status).toBe(200);
    expect((await http().get('/api/liaison/me').set(other.auth)).body.data.documentId).toBe(plain.documentId);
  });
});
