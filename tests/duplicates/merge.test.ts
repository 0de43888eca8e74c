import { CM, adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort, makeCollege, makePost } from '../helpers/fixtures';
import { incomingLinks } from '../../plugins/liaison/server/src/duplicates/merge';
import { csvOf, runImport } from '../imports/helpers';

/**
 * Merging two records of one person through the admin HTTP API: every link of the merged
 * record moves to the kept one (counted relation by relation), the chosen fields come
 * across, the merged record is gone and its student number finds the kept one; bad
 * requests change nothing.
 */
let api: ReturnType<typeof withToken>;
const app = () => strapiApp();
const docs = (uid: string) => app().documents(uid as any);
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
const ALUMNUS = 'plugin::liaison.alumnus';

/** How many rows of each link table point at a record. */
const linksOf = async (documentId: string) => {
  const row = await app().db.query(ALUMNUS).findOne({ where: { documentId }, select: ['id'] });
  if (!row) return null;
  const counts: Record<string, number> = {};
  for (const l of incomingLinks(app())) {
    const [{ n }] = await app().db.connection(l.table).where(l.alumnus, row.id).count({ n: '*' });
    counts[l.key] = Number(n);
  }
  return counts;
};

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
  api = withToken(token);
});
afterAll(teardownStrapi);

/** A record linked from everything that links to alumni. */
const linkedEverywhere = async (cohort: any, data: Record<string, unknown>) => {
  const person = await makeAlumnus({ cohort: cohort.documentId, publishConsent: true, contactConsent: true, ...data });
  const post = await makePost({ alumnus: person.documentId, cohort: cohort.documentId, termStart: '2023-01-01', termEnd: '2023-12-31', postStatus: 'ended', endReason: 'term_over' });
  // A nomination this person made, of someone else.
  await makePost({ nominator: person.documentId, postStatus: 'nominated', termStart: '2026-01-01' });
  await docs('plugin::liaison.contact-log').create({ data: { alumnus: person.documentId, liaison: post.documentId, channel: 'call', contactedAt: '2023-05-01T08:00:00Z', summary: '谈校庆' } as any });
  await docs('plugin::liaison.feedback').create({ data: { alumnus: person.documentId, category: 'career_help', content: '想找实习', feedbackStatus: 'open', receivedAt: '2023-06-01T08:00:00Z' } as any });
  const course = await docs('plugin::liaison.training-course').create({ data: { title: unique('联络工作'), area: 'alumni_work' } as any });
  const session = await docs('plugin::liaison.training-session').create({ data: { course: course.documentId, startsAt: '2023-03-01T08:00:00Z' } as any });
  await docs('plugin::liaison.training-record').create({ data: { session: session.documentId, alumnus: person.documentId, result: 'passed' } as any });
  await docs('plugin::liaison.honour').create({ data: { alumnus: person.documentId, kind: 'commendation', title: '优秀联络员', honourStatus: 'awarded' } as any });
  const version = await docs('plugin::liaison.conduct-version').create({ data: { version: Math.floor(Math.random() * 1e6) + 100, title: '守则', textZh: '守则正文', effectiveFrom: '2023-01-01' } as any });
  await docs('plugin::liaison.conduct-acknowledgement').create({ data: { alumnus: person.documentId, conductVersion: version.documentId, acknowledgedAt: '2023-02-01T08:00:00Z', via: 'staff' } as any });
  await docs('plugin::liaison.notification').create({ data: { alumnus: person.documentId, to: 'x@example.com', subject: '通知', deliveryStatus: 'sent' } as any });
  const cycle = await docs('plugin::liaison.appraisal-cycle').create({ data: { name: unique('2023年度'), periodStart: '2023-01-01', periodEnd: '2023-12-31', cycleStatus: 'open' } as any });
  await docs('plugin::liaison.appraisal').create({ data: { cycle: cycle.documentId, liaison: post.documentId } as any });
  return { person, post };
};

describe('merge', () => {
  it('moves every link of the merged record to the kept one, takes the chosen fields, and removes the merged record', async () => {
    const college = await makeCollege();
    const cohort = await makeCohort({ college: college.documentId });
    const chapter = await makeChapter();
    const kept = await linkedEverywhere(cohort, { name: '欧阳锋', studentNo: unique('K'), phone: '13911112222', chapter: chapter.documentId });
    const merged = await linkedEverywhere(cohort, { name: '歐陽鋒', studentNo: unique('M'), phone: '13933334444', email: `${unique('m')}@example.com`, wechat: 'oyf' });
    // A story features both: after the merge it features the person once.
    await docs('plugin::liaison.story').create({ data: { title: unique('校友故事'), slug: unique('story').toLowerCase(), featuredAlumni: [kept.person.documentId, merged.person.documentId] } as any });
    // The merged record verified by the kept one's post, and the other way round.
    await docs(ALUMNUS).update({ documentId: merged.person.documentId, data: { verifiedBy: kept.post.documentId, lastVerifiedAt: '2024-01-01' } as any });

    const before = { kept: (await linksOf(kept.person.documentId))!, merged: (await linksOf(merged.person.documentId))! };
    for (const key of ['liaison.alumnus', 'liaison.nominator', 'contact-log.alumnus', 'feedback.alumnus', 'training-record.alumnus', 'honour.alumnus', 'conduct-acknowledgement.alumnus', 'notification.alumnus', 'story.featuredAlumni']) {
      expect([key, before.merged[key]]).toEqual([key, expect.any(Number)]);
      expect([key, before.merged[key] > 0]).toEqual([key, true]);
    }
    const appraisalsBefore = await app().db.query('plugin::liaison.appraisal').count({ where: { liaison: { alumnus: { documentId: { $in: [kept.person.documentId, merged.person.documentId] } } } } });

    const res = await api.post(`/liaison/alumni/${kept.person.documentId}/merge`).send({ from: merged.person.documentId, fields: { phone: 'b', name: 'a' } });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: kept.person.documentId,
      name: '欧阳锋',
      studentNo: kept.person.studentNo,
      merged: { documentId: merged.person.documentId, studentNo: merged.person.studentNo },
      fields: { phone: 'b', name: 'a', email: 'b', wechat: 'b', chapter: 'a', studentNo: 'a' },
    });

    const after = (await linksOf(kept.person.documentId))!;
    for (const key of Object.keys(before.kept)) {
      // The story (a draft: one row) featured both: it features the person once.
      const expected = before.kept[key] + before.merged[key] - (key === 'story.featuredAlumni' ? 1 : 0);
      expect([key, after[key]]).toEqual([key, expected]);
    }
    expect(res.body.data.moved['contact-log.alumnus']).toBe(before.merged['contact-log.alumnus']);
    expect(await linksOf(merged.person.documentId)).toBeNull();
    // Appraisals hang on posts: they moved with them.
    const appraisalsAfter = await app().db.query('plugin::liaison.appraisal').count({ where: { liaison: { alumnus: { documentId: kept.person.documentId } } } });
    expect(appraisalsAfter).toBe(appraisalsBefore);

    const record = await api.get(`${CM}/${ALUMNUS}/${kept.person.documentId}`);
    expect(record.body.data).toMatchObject({ name: '欧阳锋', phone: '13933334444', email: merged.person.email, wechat: 'oyf' });
    expect((await api.get(`${CM}/${ALUMNUS}/${merged.person.documentId}`)).status).toBe(404);
    // The kept person's posts now carry their name in their label.
    const posts = await app().db.query('plugin::liaison.liaison').findMany({ where: { documentId: { $in: [kept.post.documentId, merged.post.documentId] } }, select: ['label'], populate: { alumnus: { select: ['documentId'] } } });
    expect(posts.map((p: any) => p.alumnus?.documentId)).toEqual([kept.person.documentId, kept.person.documentId]);
    expect(posts.every((p: any) => String(p.label).includes('欧阳锋'))).toBe(true);

    // The merged record's student number finds the kept record (the nominate search).
    const found = await api.get(`/liaison/alumni?q=${encodeURIComponent(merged.person.studentNo)}`);
    expect(found.status).toBe(200);
    expect(found.body.data.map((a: any) => a.documentId)).toEqual([kept.person.documentId]);

    // The merge is recorded: who, what was kept.
    const log = await app().db.query('plugin::liaison.alumni-merge').findOne({ where: { mergedDocumentId: merged.person.documentId }, populate: { mergedBy: { select: ['id'] } } });
    expect(log).toMatchObject({ keptDocumentId: kept.person.documentId, mergedStudentNo: merged.person.studentNo, fields: expect.objectContaining({ phone: 'b' }) });
    expect(log.mergedBy?.id).toEqual(expect.any(Number));
  });

  it('can keep the merged record’s student number', async () => {
    const a = await makeAlumnus({ name: '林平之', studentNo: unique('A') });
    const b = await makeAlumnus({ name: '林平之', studentNo: unique('B') });
    const res = await api.post(`/liaison/alumni/${a.documentId}/merge`).send({ from: b.documentId, fields: { studentNo: 'b' } });
    expect(res.status).toBe(200);
    expect(res.body.data.studentNo).toBe(b.studentNo);
    const found = await api.get(`/liaison/alumni?q=${encodeURIComponent(a.studentNo)}`);
    expect(found.body.data.map((x: any) => x.documentId)).toEqual([a.documentId]);

    // The registrar's next file still lists the person under the number that went: it updates the kept record.
    const file = csvOf([['姓名', '学号', '城市'], ['林平之', a.studentNo, '福州']]);
    const done = await runImport(token, file, 'registrar.csv');
    expect(done.counts).toMatchObject({ rows: 1, new: 0, updated: 1, rejected: 0 });
    const kept = await app().db.query(ALUMNUS).findOne({ where: { documentId: a.documentId } });
    expect(kept).toMatchObject({ studentNo: b.studentNo, city: '福州' });
    expect(await app().db.query(ALUMNUS).count({ where: { studentNo: a.studentNo } })).toBe(0);
  });

  it('refuses bad requests, naming the field, and changes nothing', async () => {
    const a = await makeAlumnus({ name: '岳不群' });
    const b = await makeAlumnus({ name: '岳不群' });
    await makePost({ alumnus: b.documentId });
    const before = await linksOf(b.documentId);
    const cases: [unknown, string][] = [
      [{}, 'from'],
      [{ from: a.documentId }, 'from'],
      [{ from: 'nope' }, 'from'],
      [{ from: 'a\u0000b' }, 'from'],
      [{ from: b.documentId, fields: { colour: 'a' } }, 'fields.colour'],
      [{ from: b.documentId, fields: { phone: 'c' } }, 'fields.phone'],
      [`{"from":"${b.documentId}","fields":{"__proto__":"a"}}`, 'fields'],
      [{ from: b.documentId, fields: 'all' }, 'fields'],
      [{ from: b.documentId, extra: 1 }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await api.post(`/liaison/alumni/${a.documentId}/merge`).set('Content-Type', 'application/json').send(typeof body === 'string' ? body : JSON.stringify(body));
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      // (A body with "__proto__" is refused whole by Strapi's JSON parser.)
      if (typeof body !== 'string') expect(fieldsOf(res.body).some((f) => f.startsWith(field))).toBe(true);
    }
    expect((await api.post(`/liaison/alumni/nope/merge`).send({ from: b.documentId })).status).toBe(404);
    expect(await linksOf(b.documentId)).toEqual(before);
  });

  it('refuses (409) when both records hold a post in one scope with overlapping terms, and changes nothing', async () => {
    const cohort = await makeCohort();
    const a = await makeAlumnus({ name: '令狐冲', cohort: cohort.documentId });
    const b = await makeAlumnus({ name: '令狐冲', cohort: cohort.documentId });
    await makePost({ alumnus: a.documentId, cohort: cohort.documentId, role: 'monitor', termStart: '2024-01-01' });
    await makePost({ alumnus: b.documentId, cohort: cohort.documentId, role: 'league_secretary', termStart: '2025-01-01' });
    const before = await linksOf(b.documentId);
    const res = await api.post(`/liaison/alumni/${a.documentId}/merge`).send({ from: b.documentId });
    expect(res.status).toBe(409);
    expect(fieldsOf(res.body)).toEqual(['from']);
    expect(await linksOf(b.documentId)).toEqual(before);
    expect(await linksOf(a.documentId)).toEqual(expect.objectContaining({ 'liaison.alumnus': 1 }));
  });
});
