import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { signInStaff } from '../helpers/staff';
import { alumnusRow, classWithLiaison, dayFromToday, FIELD_CHANGE, networkToday, problems, propose, proposalCount, PROPOSAL } from './helpers';

/** Proposed changes through the HTTP API: the liaison's side, the staff's review, the record's history. */
let admin: ReturnType<typeof withToken>;
const app = () => strapiApp();

beforeAll(async () => {
  await setupStrapi();
  admin = withToken(await adminToken());
}, 180000);
afterAll(async () => {
  await admin?.put('/liaison/proposals/settings').send({ reviewFields: [] });
  await teardownStrapi();
});

const approve = (documentId: string, api = admin) => api.post(`/liaison/proposals/${documentId}/approve`).set('Accept-Language', 'en');
const reject = (documentId: string, body: unknown, api = admin) => api.post(`/liaison/proposals/${documentId}/reject`).set('Accept-Language', 'en').send(body as object);

describe('a liaison proposes a change', () => {
  it('for an alumnus of their class: pending, listed as their own, nothing of the record changed yet', async () => {
    const { liaison, classmate, post } = await classWithLiaison();
    const res = await propose(liaison.auth, {
      alumnus: classmate.documentId,
      changes: { city: '  上海 ', phone: '+86 139-8765-4321', email: 'WANG.LEI@Example.COM' },
      source: 'call',
      note: '电话中得知已调往上海',
    });
    expect([res.status, res.body.error?.message]).toEqual([201, undefined]);
    expect(res.body.data).toMatchObject({
      status: 'pending',
      alumnus: { documentId: classmate.documentId, name: '王磊' },
      post: { documentId: post.documentId },
      changes: { city: '上海', phone: '13987654321', email: 'wang.lei@example.com' },
      source: 'call',
      note: '电话中得知已调往上海',
      reason: null,
    });
    const mine = await http().get('/api/liaison/proposals').set(liaison.auth);
    expect(mine.status).toBe(200);
    expect(mine.body.data.map((p: any) => [p.documentId, p.status])).toEqual([[res.body.data.documentId, 'pending']]);
    // The liaison never reads the record's values through their proposals.
    expect(JSON.stringify(mine.body)).not.toContain('13912345678');
    expect((await alumnusRow(classmate.documentId)).city).toBe('北京');
  });

  it('outside their scope, or of an unknown alumnus: 404, nothing written', async () => {
    const { liaison } = await classWithLiaison();
    const stranger = await makeAlumnus({ cohort: (await makeCohort()).documentId });
    const before = await proposalCount();
    for (const alumnus of [stranger.documentId, 'nosuchalumnus']) {
      const res = await propose(liaison.auth, { alumnus, changes: { city: '上海' }, source: 'call' });
      expect(res.status).toBe(404);
    }
    expect(await proposalCount()).toBe(before);
  });

  it('refused to a liaison whose post ended yesterday, and to an alumnus without a post', async () => {
    const { liaison, classmate } = await classWithLiaison({ termStart: '2020-01-01', termEnd: dayFromToday(-1) });
    const before = await proposalCount();
    expect((await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '上海' }, source: 'call' })).status).toBe(404);
    const plain = await signedInAlumnus({ cohort: (await alumnusRow(classmate.documentId)).cohort?.documentId });
    expect((await propose(plain.auth, { alumnus: classmate.documentId, changes: { city: '上海' }, source: 'call' })).status).toBe(404);
    expect(await proposalCount()).toBe(before);
    // Unsigned: 401/403 from the content API, never a proposal.
    expect([401, 403]).toContain((await http().post('/api/liaison/proposals').send({})).status);
  });

  it.each([
    ['a bad phone number', { changes: { phone: '12' } }, { 'changes.phone': 'liaison.error.accounts.phone' }],
    ['a bad e-mail address', { changes: { email: 'not-an-address' } }, { 'changes.email': 'liaison.error.accounts.email' }],
    ['an unknown status', { changes: { alumnusStatus: 'retired' } }, { 'changes.alumnusStatus': 'liaison.error.common.oneOf' }],
    ['unknown fields', { changes: { city: '上海', studentNo: 'X1', name: '李四' } }, { 'changes.studentNo': 'liaison.error.proposals.unknownField', 'changes.name': 'liaison.error.proposals.unknownField' }],
    ['no change', { changes: {} }, { changes: 'liaison.error.proposals.nothing' }],
    ['no changes at all', { changes: undefined }, { changes: 'liaison.error.required' }],
    ['an unknown source', { source: 'rumour' }, { source: 'liaison.error.common.oneOf' }],
    ['a city too long', { changes: { city: 'x'.repeat(65) } }, { 'changes.city': 'liaison.error.common.maxLength' }],
  ])('%s: 400 naming the field, nothing written', async (_what, override, expected) => {
    const { liaison, classmate } = await classWithLiaison();
    const before = await proposalCount();
    const res = await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '上海' }, source: 'call', ...override });
    expect(res.status).toBe(400);
    expect(problems(res)).toEqual(expected);
    expect(await proposalCount()).toBe(before);
  });

  it('names the field in Chinese when asked in Chinese', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const res = await propose(liaison.auth, { alumnus: classmate.documentId, changes: { phone: 'abc' }, source: 'call' }, 'zh-Hans');
    expect(res.status).toBe(400);
    expect(res.body.error.details.errors[0].message).toBe('不是有效的电话号码');
  });
});

describe('staff review a proposal', () => {
  it('approval applies it with its provenance as field history and marks the record verified by the post (records_verified)', async () => {
    const { liaison, classmate, post, cohort } = await classWithLiaison();
    const made = await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '上海', employer: '某某科技', phone: '13987654321' }, source: 'meeting', note: '同学聚会上见到' });
    const { documentId } = made.body.data;

    const list = await admin.get('/liaison/proposals?status=pending&pageSize=100').set('Accept-Language', 'en');
    expect(list.status).toBe(200);
    const item = list.body.data.find((p: any) => p.documentId === documentId);
    expect(item).toMatchObject({
      status: 'pending',
      alumnus: { documentId: classmate.documentId, name: '王磊', className: cohort.className },
      post: { documentId: post.documentId, holder: '陈静' },
      proposer: { name: '陈静' },
      source: 'meeting',
      note: '同学聚会上见到',
    });
    expect(item.fields).toEqual([
      { field: 'city', current: '北京', proposed: '上海', whenProposed: '北京', changed: true, stale: false },
      { field: 'employer', current: '某某研究所', proposed: '某某科技', whenProposed: '某某研究所', changed: true, stale: false },
      { field: 'phone', current: '13912345678', proposed: '13987654321', whenProposed: '13912345678', changed: true, stale: false },
    ]);

    const res = await approve(documentId);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.data).toMatchObject({ status: 'approved', decidedBy: expect.stringContaining('Test Admin'), decidedAt: expect.any(String) });

    const record = await alumnusRow(classmate.documentId);
    expect(record).toMatchObject({ city: '上海', employer: '某某科技', phone: '13987654321', lastVerifiedAt: networkToday() });
    expect(record.verifiedBy.documentId).toBe(post.documentId);

    const history: any[] = await app().db.query(FIELD_CHANGE as any).findMany({
      where: { alumnus: { id: record.id } },
      populate: { proposal: { select: ['documentId'] }, post: { select: ['documentId'] } },
      orderBy: { field: 'asc' },
    });
    const adminUser = await app().db.query('admin::user').findOne({ where: { email: `tester-${process.pid}@liaison.test` } });
    expect(history.map((h) => ({ ...h, at: !!h.at }))).toEqual([
      expect.objectContaining({ field: 'city', oldValue: '北京', newValue: '上海' }),
      expect.objectContaining({ field: 'employer', oldValue: '某某研究所', newValue: '某某科技' }),
      expect.objectContaining({ field: 'phone', oldValue: '13912345678', newValue: '13987654321' }),
    ]);
    for (const h of history) {
      expect(h).toMatchObject({
        source: 'proposal',
        infoSource: 'meeting',
        proposal: { documentId },
        post: { documentId: post.documentId },
        byUser: liaison.user.id,
        approvedBy: adminUser.id,
        approvedByName: expect.stringContaining('Test Admin'),
      });
      expect(Math.abs(new Date(h.at).getTime() - Date.now())).toBeLessThan(60_000);
    }

    // The appraisal counts the verification for the proposing post.
    const year = networkToday().slice(0, 4);
    const cycle = await admin.post('/liaison/cycles').send({
      name: unique('核实考核'),
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
      criteria: [{ key: 'verified', kind: 'measured', measure: 'records_verified', weight: 100 }],
    });
    expect(cycle.status).toBe(201);
    const results = await admin.get(`/liaison/cycles/${cycle.body.data.documentId}/results?dimension=cohort&scope=${cohort.documentId}`);
    expect(results.status).toBe(200);
    expect(results.body.data.find((r: any) => r.post.documentId === post.documentId).measures).toEqual({ verified: 1 });

    // The liaison sees it approved.
    const mine = await http().get('/api/liaison/proposals').set(liaison.auth);
    expect(mine.body.data[0]).toMatchObject({ documentId, status: 'approved', reason: null });
  });

  it('rejection needs a reason (400 without, nothing changes), keeps it, and the liaison reads it', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '广州' }, source: 'other' })).body.data;
    for (const body of [{}, { reason: '   ' }, { reason: 42 }]) {
      const bad = await reject(documentId, body);
      expect(bad.status).toBe(400);
      expect(problems(bad)).toEqual({ reason: 'liaison.error.proposals.reason' });
    }
    expect((await app().db.query(PROPOSAL as any).findOne({ where: { documentId } })).proposalStatus).toBe('pending');
    const res = await reject(documentId, { reason: '经核实，该校友仍在北京工作' });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'rejected', reason: '经核实，该校友仍在北京工作' });
    expect((await alumnusRow(classmate.documentId)).city).toBe('北京');
    const mine = await http().get('/api/liaison/proposals').set(liaison.auth);
    expect(mine.body.data[0]).toMatchObject({ documentId, status: 'rejected', reason: '经核实，该校友仍在北京工作' });
    const rejected = await admin.get('/liaison/proposals?status=rejected&pageSize=100');
    expect(rejected.body.data.map((p: any) => p.documentId)).toContain(documentId);
  });

  it('deciding twice: 409, the first decision stands', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const a = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { jobTitle: '主任' }, source: 'said_so' })).body.data.documentId;
    expect((await approve(a)).status).toBe(200);
    for (const again of [await approve(a), await reject(a, { reason: '重复' })]) {
      expect(again.status).toBe(409);
      expect(problems(again)).toEqual({ status: 'liaison.error.proposals.decided' });
      expect(again.body.error.message).toContain('approved');
    }
    const history = await app().db.query(FIELD_CHANGE as any).count({ where: { proposal: { documentId: a } } });
    expect(history).toBe(1);
    const b = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { jobTitle: '处长' }, source: 'said_so' })).body.data.documentId;
    expect((await reject(b, { reason: '不实' })).status).toBe(200);
    expect((await approve(b)).status).toBe(409);
    expect((await alumnusRow(classmate.documentId)).jobTitle).toBe('主任');
  });

  it('two decisions at once: exactly one is taken, the other is a 409', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '成都' }, source: 'call' })).body.data;
    const answers = await Promise.all([approve(documentId), reject(documentId, { reason: '同时驳回' }), approve(documentId)]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const row: any = await app().db.query(PROPOSAL as any).findOne({ where: { documentId } });
    const history = await app().db.query(FIELD_CHANGE as any).count({ where: { proposal: { documentId } } });
    expect(history).toBe(row.proposalStatus === 'approved' ? 1 : 0);
    expect((await alumnusRow(classmate.documentId)).city).toBe(row.proposalStatus === 'approved' ? '成都' : '北京');
  });

  it('a field changed by someone else since the proposal: 409 naming it, nothing applied, still pending', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { city: '上海', employer: '新单位' }, source: 'call' })).body.data;
    await app().documents('plugin::liaison.alumnus').update({ documentId: classmate.documentId, data: { city: '深圳' } as any });
    const listed = (await admin.get('/liaison/proposals?status=pending&pageSize=100')).body.data.find((p: any) => p.documentId === documentId);
    expect(listed.fields.find((f: any) => f.field === 'city')).toMatchObject({ current: '深圳', whenProposed: '北京', stale: true });
    const res = await approve(documentId);
    expect(res.status).toBe(409);
    expect(problems(res)).toEqual({ 'changes.city': 'liaison.error.proposals.stale' });
    const record = await alumnusRow(classmate.documentId);
    expect([record.city, record.employer, record.lastVerifiedAt]).toEqual(['深圳', '某某研究所', null]);
    expect((await app().db.query(PROPOSAL as any).findOne({ where: { documentId } })).proposalStatus).toBe('pending');
    expect(await app().db.query(FIELD_CHANGE as any).count({ where: { proposal: { documentId } } })).toBe(0);
  });

  it('unknown proposal: 404', async () => {
    expect((await approve('nosuchproposal')).status).toBe(404);
    expect((await reject('nosuchproposal', { reason: 'x' })).status).toBe(404);
  });
});

describe("the person's rights", () => {
  it('an erasure of the alumnus removes the proposals about them (their old and proposed values)', async () => {
    const { liaison, classmate } = await classWithLiaison();
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { phone: '13700001111' }, source: 'call' })).body.data;
    expect((await admin.post(`/liaison/alumni/${classmate.documentId}/erase`).send({ reason: '本人申请' })).status).toBe(200);
    expect(await app().db.query(PROPOSAL as any).count({ where: { documentId } })).toBe(0);
  });
});

describe('College Staff', () => {
  it("see and decide only their colleges' alumni's proposals: another college's are 404 and not listed", async () => {
    const ours = await classWithLiaison();
    const theirs = await classWithLiaison();
    const mine = (await propose(ours.liaison.auth, { alumnus: ours.classmate.documentId, changes: { city: '上海' }, source: 'call' })).body.data.documentId;
    const other = (await propose(theirs.liaison.auth, { alumnus: theirs.classmate.documentId, changes: { city: '上海' }, source: 'call' })).body.data.documentId;
    const staff = withToken((await signInStaff('College Staff', { colleges: [ours.college.documentId] })).token);

    const list = await staff.get('/liaison/proposals?status=pending&pageSize=100');
    expect(list.status).toBe(200);
    const ids = list.body.data.map((p: any) => p.documentId);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(other);
    expect((await staff.get(`/liaison/proposals/${other}`)).status).toBe(404);
    expect((await approve(other, staff)).status).toBe(404);
    expect((await reject(other, { reason: '不是我们学院的' }, staff)).status).toBe(404);
    expect((await app().db.query(PROPOSAL as any).findOne({ where: { documentId: other } })).proposalStatus).toBe('pending');
    expect((await alumnusRow(theirs.classmate.documentId)).city).toBe('北京');

    const res = await approve(mine, staff);
    expect(res.status).toBe(200);
    expect((await alumnusRow(ours.classmate.documentId)).city).toBe('上海');
    // Which fields need review is the office's to say.
    expect((await staff.get('/liaison/proposals/settings')).status).toBe(200);
    expect((await staff.put('/liaison/proposals/settings').send({ reviewFields: ['city'] })).status).toBe(403);
  });

  it('see that a contact detail is proposed but never its values, and leave that proposal to the office (403 naming the field, nothing changed)', async () => {
    const ours = await classWithLiaison();
    const before = await alumnusRow(ours.classmate.documentId);
    const { documentId } = (await propose(ours.liaison.auth, { alumnus: ours.classmate.documentId, changes: { city: '杭州', phone: '+86 137-0000-2222' }, source: 'call' })).body.data;
    const staff = withToken((await signInStaff('College Staff', { colleges: [ours.college.documentId] })).token);

    const listed = (await staff.get('/liaison/proposals?status=pending&pageSize=100')).body.data.find((p: any) => p.documentId === documentId);
    const one = (await staff.get(`/liaison/proposals/${documentId}`)).body.data;
    for (const item of [listed, one]) {
      expect(item.fields).toEqual([
        expect.objectContaining({ field: 'city', proposed: '杭州' }),
        { field: 'phone', current: null, proposed: null, whenProposed: null, changed: false, stale: false, hidden: true },
      ]);
      expect(JSON.stringify(item)).not.toContain('13700002222');
    }
    for (const decide of [() => approve(documentId, staff), () => reject(documentId, { reason: '号码不对' }, staff)]) {
      const refused = await decide();
      expect([refused.status, refused.body.error.details.errors.map((e: any) => e.path.join('.'))]).toEqual([403, ['changes.phone']]);
    }
    expect((await app().db.query(PROPOSAL as any).findOne({ where: { documentId } })).proposalStatus).toBe('pending');
    expect(await alumnusRow(ours.classmate.documentId)).toMatchObject({ city: before.city, phone: before.phone });

    // The office sees both values and decides it.
    const office = (await admin.get(`/liaison/proposals/${documentId}`)).body.data;
    expect(office.fields.find((f: any) => f.field === 'phone')).toMatchObject({ proposed: '13700002222' });
    expect(office.fields.some((f: any) => f.hidden)).toBe(false);
    expect((await approve(documentId, admin)).status).toBe(200);
    expect(await alumnusRow(ours.classmate.documentId)).toMatchObject({ city: '杭州', phone: '13700002222' });
  });

  it('a Chapter Editor has no access to the queue', async () => {
    const editor = withToken((await signInStaff('Chapter Editor')).token);
    expect((await editor.get('/liaison/proposals')).status).toBe(403);
  });
});

describe('deceased or unreachable', () => {
  it('approved, it ends every live post of the person with the reason, today, through the post history', async () => {
    const { liaison, classmate, cohort } = await classWithLiaison();
    // The classmate serves as a class liaison too, and is nominated for another class.
    const serving = await makePost({ alumnus: classmate.documentId, cohort: cohort.documentId, role: 'league_secretary' });
    const nominated = await makePost({ alumnus: classmate.documentId, postStatus: 'nominated', termStart: dayFromToday(30) });
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { alumnusStatus: 'deceased' }, source: 'said_so', note: '家属告知' })).body.data;
    expect((await approve(documentId)).status).toBe(200);
    expect((await alumnusRow(classmate.documentId)).alumnusStatus).toBe('deceased');

    const posts = app().db.query('plugin::liaison.liaison');
    const ended: any = await posts.findOne({ where: { documentId: serving.documentId } });
    expect(ended).toMatchObject({ postStatus: 'ended', endReason: 'deceased', termEnd: networkToday() });
    expect(ended.endNote).toContain(documentId);
    expect(ended.endNote).toContain('家属告知');
    expect((await posts.findOne({ where: { documentId: nominated.documentId } })).postStatus).toBe('rejected');
    const history = await admin.get(`/liaison/posts/${serving.documentId}/history`);
    expect(history.body.data[0]).toMatchObject({ action: 'end', reason: 'deceased', by: expect.stringContaining('Test Admin') });
  });

  it('unreachable: the posts end with that reason; a College Staff approval ends a post outside their colleges too', async () => {
    const { liaison, classmate, college } = await classWithLiaison();
    const chapterPost = await makePost({ alumnus: classmate.documentId, dimension: 'region', role: 'member', chapter: (await app().documents('plugin::liaison.chapter').create({ data: { name: unique('上海校友会'), country: 'CN' } as any })).documentId });
    const staff = withToken((await signInStaff('College Staff', { colleges: [college.documentId] })).token);
    const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { alumnusStatus: 'unreachable' }, source: 'call', note: '多次联系未果' })).body.data;
    const res = await approve(documentId, staff);
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    const ended: any = await app().db.query('plugin::liaison.liaison').findOne({ where: { documentId: chapterPost.documentId } });
    expect(ended).toMatchObject({ postStatus: 'ended', endReason: 'unreachable' });
    expect(ended.endNote).toContain('多次联系未果');
  });
});

describe('fields the office marks "needs review"', () => {
  it('settings: read and written by the office; a field that is not one of the six is a 400', async () => {
    expect((await admin.get('/liaison/proposals/settings')).body.data).toEqual({ reviewFields: expect.any(Array) });
    const bad = await admin.put('/liaison/proposals/settings').send({ reviewFields: ['city', 'studentNo'] });
    expect(bad.status).toBe(400);
    expect(Object.keys(problems(bad))).toEqual(['reviewFields[1]']);
    const res = await admin.put('/liaison/proposals/settings').send({ reviewFields: ['employer', 'city', 'city'] });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ reviewFields: ['city', 'employer'] });
    expect((await admin.get('/liaison/proposals/settings')).body.data).toEqual({ reviewFields: ['city', 'employer'] });
  });

  it("a person's own change of such a field waits as a proposal (source self); the others apply at once; approval applies it", async () => {
    expect((await admin.put('/liaison/proposals/settings').send({ reviewFields: ['employer'] })).status).toBe(200);
    const me = await signedInAlumnus({ employer: '旧单位', city: '北京', cohort: (await makeCohort()).documentId });
    const res = await http().put('/api/liaison/me').set(me.auth).send({ employer: '新单位', city: '杭州' });
    expect([res.status, res.body.error?.message]).toEqual([200, undefined]);
    expect(res.body.data).toMatchObject({ employer: '旧单位', city: '杭州' });
    expect(res.body.meta.pendingReview).toEqual(['employer']);
    const mine = await http().get('/api/liaison/proposals').set(me.auth);
    expect(mine.body.data).toEqual([expect.objectContaining({ status: 'pending', source: 'self', changes: { employer: '新单位' }, post: null })]);
    const history: any[] = await app().db.query(FIELD_CHANGE as any).findMany({ where: { alumnus: { id: me.alumnus.id } } });
    expect(history.map((h) => [h.field, h.source])).toEqual([['city', 'self']]);

    const res2 = await approve(mine.body.data[0].documentId);
    expect(res2.status).toBe(200);
    expect(res2.body.data).toMatchObject({ source: 'self', post: null, proposer: { documentId: me.alumnus.documentId } });
    const record = await alumnusRow(me.alumnus.documentId);
    expect(record.employer).toBe('新单位');
    // A person's own word is no liaison's verification.
    expect(record.lastVerifiedAt).toBeNull();
    const after: any[] = await app().db.query(FIELD_CHANGE as any).findMany({ where: { alumnus: { id: me.alumnus.id }, field: 'employer' } });
    expect(after).toEqual([expect.objectContaining({ source: 'proposal', infoSource: 'self', oldValue: '旧单位', newValue: '新单位', byUser: me.user.id })]);
    await admin.put('/liaison/proposals/settings').send({ reviewFields: [] });
    const direct = await http().put('/api/liaison/me').set(me.auth).send({ employer: '第三家单位' });
    expect(direct.body.data.employer).toBe('第三家单位');
    expect(direct.body.meta.pendingReview).toEqual([]);
  });
});
