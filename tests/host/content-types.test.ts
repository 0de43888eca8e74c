import { adminToken, CM, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';

/**
 * Every content type of the domain is created through the Content Manager's admin API
 * (as staff would, in the admin panel) and read back with its relations.
 */
let staff: ReturnType<typeof withToken>;

beforeAll(async () => {
  await setupStrapi();
  staff = withToken(await adminToken());
});
afterAll(teardownStrapi);

const connect = (documentId: string) => ({ connect: [{ documentId }] });

async function createInCm(uid: string, data: Record<string, unknown>, query = '') {
  const res = await staff.post(`${CM}/${uid}${query}`).send(data);
  if (res.status !== 201 && res.status !== 200) {
    throw new Error(`${uid}: ${res.status} ${JSON.stringify(res.body.error)}`);
  }
  return res.body.data as { documentId: string; id: number };
}

async function readBack(uid: string, documentId: string, populate: string[], locale?: string) {
  const res = await staff.get(`${CM}/${uid}/${documentId}${locale ? `?locale=${locale}` : ''}`);
  expect(res.status).toBe(200);
  const doc: any = await strapiApp()
    .documents(uid as any)
    .findOne({ documentId, populate, ...(locale ? { locale } : {}) } as any);
  expect(doc).not.toBeNull();
  return doc;
}

const ids = (value: any) => (Array.isArray(value) ? value.map((v) => v.documentId) : value?.documentId);

it('builds the whole network, each record read back with its relations', async () => {
  const college = await createInCm('plugin::liaison.college', { code: unique('CS'), name: '计算机学院', nameEn: 'School of Computing' });
  const cohort = await createInCm('plugin::liaison.cohort', {
    code: unique('CS2015'), gradYear: 2015, className: '计算机2015级1班', degreeLevel: 'bachelor', college: connect(college.documentId),
  });
  const chapter = await createInCm('plugin::liaison.chapter', { name: unique('深圳校友会'), country: 'CN', province: '广东', city: '深圳', chapterStatus: 'active' });
  const industry = await createInCm('plugin::liaison.industry-group', { code: `I${Date.now() % 1e6}`, name: '信息传输、软件和信息技术服务业' });
  const alumnus = await createInCm('plugin::liaison.alumnus', {
    name: '陈静', gender: 'female', studentNo: unique('2011'), major: '软件工程', degree: 'bachelor', country: 'CN', province: '广东', city: '深圳',
    employer: '某科技公司', jobTitle: '工程师', phone: '13800000000', email: 'chen.jing@example.com', wechat: 'chenjing',
    contactConsent: true, contactConsentAt: '2025-09-01T00:00:00.000Z', alumnusStatus: 'active', lastVerifiedAt: '2025-09-01',
    cohort: connect(cohort.documentId), chapter: connect(chapter.documentId), industry: connect(industry.documentId),
  });
  const readAlumnus = await readBack('plugin::liaison.alumnus', alumnus.documentId, ['cohort', 'chapter', 'industry']);
  expect([ids(readAlumnus.cohort), ids(readAlumnus.chapter), ids(readAlumnus.industry)]).toEqual([cohort.documentId, chapter.documentId, industry.documentId]);
  expect(readAlumnus.phone).toBe('13800000000');

  const readCohort = await readBack('plugin::liaison.cohort', cohort.documentId, ['college', 'alumni']);
  expect(ids(readCohort.college)).toBe(college.documentId);
  expect(ids(readCohort.alumni)).toEqual([alumnus.documentId]);

  const first = await createInCm('plugin::liaison.liaison', {
    alumnus: connect(alumnus.documentId), dimension: 'cohort', cohort: connect(cohort.documentId), role: 'monitor',
    termStart: '2015-07-01', termEnd: '2020-06-30', postStatus: 'ended', endReason: 'term_over', nominationSource: 'college',
  });
  const second = await createInCm('plugin::liaison.liaison', {
    alumnus: connect(alumnus.documentId), dimension: 'region', chapter: connect(chapter.documentId), role: 'head',
    termStart: '2020-07-01', postStatus: 'active', nominationSource: 'chapter', nominator: connect(alumnus.documentId),
  });
  const put = await staff.put(`${CM}/plugin::liaison.liaison/${first.documentId}`).send({ successor: connect(second.documentId) });
  expect(put.status).toBe(200);
  const readPost = await readBack('plugin::liaison.liaison', first.documentId, ['alumnus', 'cohort', 'successor']);
  expect([ids(readPost.alumnus), ids(readPost.cohort), ids(readPost.successor)]).toEqual([alumnus.documentId, cohort.documentId, second.documentId]);
  const readAlumnusPosts = await readBack('plugin::liaison.alumnus', alumnus.documentId, ['posts']);
  expect(ids(readAlumnusPosts.posts).sort()).toEqual([first.documentId, second.documentId].sort());

  const course = await createInCm('plugin::liaison.training-course', { title: '校友工作知识', area: 'alumni_work', hours: 4, mandatory: true });
  const session = await createInCm('plugin::liaison.training-session', {
    course: connect(course.documentId), startsAt: '2026-03-01T01:00:00.000Z', endsAt: '2026-03-01T05:00:00.000Z', location: '校友之家',
  });
  const record = await createInCm('plugin::liaison.training-record', {
    session: connect(session.documentId), alumnus: connect(alumnus.documentId), attended: true, score: 92, result: 'passed',
  });
  const readRecord = await readBack('plugin::liaison.training-record', record.documentId, ['session', 'alumnus']);
  expect([ids(readRecord.session), ids(readRecord.alumnus), readRecord.score]).toEqual([session.documentId, alumnus.documentId, 92]);
  expect(ids((await readBack('plugin::liaison.training-course', course.documentId, ['sessions'])).sessions)).toEqual([session.documentId]);

  const cycle = await createInCm('plugin::liaison.appraisal-cycle', { name: '2025年度考核', periodStart: '2025-01-01', periodEnd: '2025-12-31', cycleStatus: 'open' });
  const appraisal = await createInCm('plugin::liaison.appraisal', {
    cycle: connect(cycle.documentId), liaison: connect(second.documentId), total: 99, grade: 'excellent', rank: 1,
  });
  const readAppraisal = await readBack('plugin::liaison.appraisal', appraisal.documentId, ['cycle', 'liaison']);
  // Total, grade and rank are the server's to compute: what the form typed is not kept.
  expect([ids(readAppraisal.cycle), ids(readAppraisal.liaison), readAppraisal.grade, readAppraisal.total, readAppraisal.rank]).toEqual([
    cycle.documentId, second.documentId, null, null, null,
  ]);

  const honour = await createInCm('plugin::liaison.honour', {
    alumnus: connect(alumnus.documentId), kind: 'title', title: '优秀校友联络员', awardedOn: '2026-01-15', appraisal: connect(appraisal.documentId),
  });
  const readHonour = await readBack('plugin::liaison.honour', honour.documentId, ['alumnus', 'appraisal']);
  expect([ids(readHonour.alumnus), ids(readHonour.appraisal)]).toEqual([alumnus.documentId, appraisal.documentId]);

  const contact = await createInCm('plugin::liaison.contact-log', {
    liaison: connect(second.documentId), alumnus: connect(alumnus.documentId), channel: 'visit', contactedAt: '2026-02-01T08:00:00.000Z', summary: '走访',
  });
  const readContact = await readBack('plugin::liaison.contact-log', contact.documentId, ['liaison', 'alumnus']);
  expect([ids(readContact.liaison), readContact.channel]).toEqual([second.documentId, 'visit']);

  const feedback = await createInCm('plugin::liaison.feedback', {
    alumnus: connect(alumnus.documentId), liaison: connect(second.documentId), category: 'career_help', content: '希望组织行业沙龙', feedbackStatus: 'open', receivedAt: '2026-02-02T08:00:00.000Z',
  });
  const readFeedback = await readBack('plugin::liaison.feedback', feedback.documentId, ['alumnus', 'liaison']);
  expect([ids(readFeedback.alumnus), ids(readFeedback.liaison), readFeedback.feedbackStatus]).toEqual([alumnus.documentId, second.documentId, 'open']);

  const mail = await createInCm('plugin::liaison.notification', { to: 'chen.jing@example.com', subject: '培训通知', text: '请参加培训', deliveryStatus: 'pending' });
  expect((await readBack('plugin::liaison.notification', mail.documentId, [])).deliveryStatus).toBe('pending');

  const story = await createInCm('plugin::liaison.story', {
    title: '陈静：从班长到地区校友会会长', slug: unique('chen-jing'), summary: '一位联络员的十年',
    body: [{ type: 'paragraph', children: [{ type: 'text', text: '她毕业那天起就是班级联络员。' }] }],
    colleges: connect(college.documentId), chapters: connect(chapter.documentId), industries: connect(industry.documentId),
    cohortYears: [2015], featuredAlumni: connect(alumnus.documentId),
  }, '?locale=zh-Hans');
  const readStory = await readBack('plugin::liaison.story', story.documentId, ['colleges', 'chapters', 'industries', 'featuredAlumni'], 'zh-Hans');
  expect([ids(readStory.colleges), ids(readStory.chapters), ids(readStory.industries), ids(readStory.featuredAlumni)]).toEqual([
    [college.documentId], [chapter.documentId], [industry.documentId], [alumnus.documentId],
  ]);
  expect(readStory.body[0].children[0].text).toMatch(/班级联络员/);

  const event = await createInCm('plugin::liaison.event', {
    title: '深圳校友会年会', slug: unique('sz-annual'), type: 'forum', chapter: connect(chapter.documentId),
    startsAt: '2026-12-12T06:00:00.000Z', endsAt: '2026-12-12T10:00:00.000Z', venue: '深圳湾', capacity: 200,
    registrationOpensAt: '2026-11-01T00:00:00.000Z', registrationClosesAt: '2026-12-10T00:00:00.000Z',
  }, '?locale=zh-Hans');
  const readEvent = await readBack('plugin::liaison.event', event.documentId, ['chapter'], 'zh-Hans');
  expect([ids(readEvent.chapter), readEvent.capacity]).toEqual([chapter.documentId, 200]);
});

it('publishes a story with its relations and adds its English version beside the Chinese one', async () => {
  const college = await createInCm('plugin::liaison.college', { code: unique('EE'), name: '电子学院' });
  const story = await createInCm('plugin::liaison.story', { title: '发布测试', slug: unique('pub'), colleges: connect(college.documentId) }, '?locale=zh-Hans');
  const publish = await staff.post(`${CM}/plugin::liaison.story/${story.documentId}/actions/publish?locale=zh-Hans`).send({});
  expect(publish.status).toBe(200);
  const published: any = await strapiApp().documents('plugin::liaison.story').findOne({ documentId: story.documentId, locale: 'zh-Hans', status: 'published', populate: ['colleges'] });
  expect(ids(published.colleges)).toEqual([college.documentId]);

  const en = await staff
    .put(`${CM}/plugin::liaison.story/${story.documentId}?locale=en`)
    .send({ title: 'Publishing test', slug: unique('pub-en'), colleges: connect(college.documentId) });
  expect(en.status).toBe(200);
  const english: any = await strapiApp().documents('plugin::liaison.story').findOne({ documentId: story.documentId, locale: 'en', populate: ['colleges'] });
  expect(english.title).toBe('Publishing test');
  expect(ids(english.colleges)).toEqual([college.documentId]);
  const chinese: any = await strapiApp().documents('plugin::liaison.story').findOne({ documentId: story.documentId, locale: 'zh-Hans' });
  expect(chinese.title).toBe('发布测试');
});
