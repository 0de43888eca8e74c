import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * Probable duplicates through the admin HTTP API: the scan (a job answering 202), the review
 * list with scores and evidence, one pair side by side, dismissal that lasts. The database
 * is shared with the run's other test files: each check looks for this file's own records.
 */
let api: ReturnType<typeof withToken>;
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';
// The compiled module the running app calls, to hold a scan open after its reading.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const scanModule = require('../../plugins/liaison/dist/server/duplicates/scan');
const fieldsOf = (body: any): string[] => (body?.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));

/** Digits no other record of the run has: student numbers and phones of this file. */
const digits = () => `${Date.now()}`.slice(-7) + `${Math.floor(Math.random() * 90 + 10)}`;

const scanned = async () => {
  const started = await api.post('/liaison/duplicates/scan');
  expect(started.status).toBe(202);
  expect(['running', 'done']).toContain(started.body.data.status);
  for (let i = 0; i < 200; i++) {
    const res = await api.get('/liaison/duplicates/scan');
    if (res.body.data.status === 'done' && new Date(res.body.data.finishedAt).getTime() >= new Date(started.body.data.startedAt ?? 0).getTime()) return res.body.data;
    if (res.body.data.status === 'failed') throw new Error('scan failed');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the scan did not finish');
};

/** Waits for the scan (and any scan queued after it) to be written. */
const settled = async () => {
  for (let i = 0; i < 300; i++) {
    const res = await api.get('/liaison/duplicates/scan');
    if (res.body.data.status !== 'running') return res.body.data;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the scan did not finish');
};

/** Every pair of the list (all pages), as the review page pages through it. */
const allPairs = async (query = '') => {
  const pairs: any[] = [];
  for (let page = 1; page < 100; page++) {
    const res = await api.get(`/liaison/duplicates?page=${page}&pageSize=100${query}`);
    expect(res.status).toBe(200);
    pairs.push(...res.body.data);
    if (page >= res.body.meta.pagination.pageCount) break;
  }
  return pairs;
};
const pairOf = (pairs: any[], x: any, y: any) =>
  pairs.find((p) => [p.a.documentId, p.b.documentId].sort().join() === [x.documentId, y.documentId].sort().join());

let home: any;
let cohort: any;
let other: any;
const people: Record<string, any> = {};

beforeAll(async () => {
  await setupStrapi();
  api = withToken(await adminToken());
  const college = await makeCollege();
  home = college;
  cohort = await makeCohort({ college: college.documentId, className: unique('计算机2015级1班') });
  other = await makeCohort({ college: college.documentId, className: unique('数学2016级') });
  const n = digits();
  const m = digits();
  const make = async (key: string, data: Record<string, unknown>) => {
    people[key] = await makeAlumnus({ cohort: cohort.documentId, studentNo: unique('N'), ...data });
  };
  // One student number with a prefix and leading zeros, and without.
  await make('prefixed', { name: unique('周明'), studentNo: `S00${n}` });
  await make('bare', { name: unique('周敏'), studentNo: n, cohort: other.documentId });
  // One name in traditional and simplified characters, one class.
  await make('traditional', { name: '歐陽鋒' });
  await make('simplified', { name: '欧阳锋' });
  // Family and given name swapped (romanised), one class.
  await make('given', { name: 'Xiaolong Qiu' });
  await make('family', { name: 'Qiu Xiaolong' });
  // One phone written two ways; one e-mail in two cases.
  await make('phoneA', { name: unique('甲'), phone: `+86 139-${m.slice(0, 4)}-${m.slice(4, 8)}` });
  await make('phoneB', { name: unique('乙'), phone: `139${m.slice(0, 8)}`, cohort: other.documentId });
  await make('mailA', { name: unique('丙'), email: `Dup.${n}@Example.com` });
  await make('mailB', { name: unique('丁'), email: `dup.${n}@example.com`, cohort: other.documentId });
  // The same common name in two classes: not evidence by itself.
  await make('twinA', { name: '司马懿' });
  await make('twinB', { name: '司马懿', cohort: other.documentId });
});
afterAll(teardownStrapi);

describe('scan and review list', () => {
  let pairs: any[];
  beforeAll(async () => {
    const scan = await scanned();
    expect(scan.alumni).toBeGreaterThanOrEqual(12);
    pairs = await allPairs();
  });

  it('finds the same person under a student number with a prefix and leading zeros', () => {
    const pair = pairOf(pairs, people.prefixed, people.bare);
    expect(pair).toBeDefined();
    expect(pair.evidence.map((e: any) => e.key)).toEqual(['studentNo']);
    expect(pair.evidence[0].detail).toContain(people.prefixed.studentNo);
    expect(pair.score).toBeCloseTo(0.9);
    expect(pair.documentId).toEqual(expect.any(String));
    const side = pair.a.documentId === people.prefixed.documentId ? pair.a : pair.b;
    expect(side).toMatchObject({ name: people.prefixed.name, studentNo: people.prefixed.studentNo, cohort: cohort.className, gradYear: 2015 });
  });

  it('finds names in traditional and simplified characters, and swapped family and given names, in one class', () => {
    const script = pairOf(pairs, people.traditional, people.simplified);
    expect(script.evidence.map((e: any) => e.key)).toEqual(['nameScript']);
    expect(script.evidence[0].detail).toContain('歐陽鋒');
    const swapped = pairOf(pairs, people.given, people.family);
    expect(swapped.evidence.map((e: any) => e.key)).toEqual(['nameSwapped']);
  });

  it('finds one phone written two ways and one e-mail in two cases', () => {
    const phone = pairOf(pairs, people.phoneA, people.phoneB);
    expect(phone.evidence).toEqual([{ key: 'phone', detail: people.phoneB.phone }]);
    const mail = pairOf(pairs, people.mailA, people.mailB);
    expect(mail.evidence).toEqual([{ key: 'email', detail: people.mailB.email }]);
  });

  it('does not pair a common name in two classes', () => {
    expect(pairOf(pairs, people.twinA, people.twinB)).toBeUndefined();
  });

  it('lists the best first and leaves out pairs under minScore', async () => {
    const scores = pairs.map((p) => p.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const strong = await allPairs('&minScore=0.85');
    expect(pairOf(strong, people.prefixed, people.bare)).toBeDefined();
    expect(pairOf(strong, people.traditional, people.simplified)).toBeUndefined();
    expect(strong.every((p) => p.score >= 0.85)).toBe(true);
  });

  it('finds pairs by words in either one\'s name or student number, any case; % and _ are only themselves', async () => {
    const q = (words: string) => api.get(`/liaison/duplicates?pageSize=100&q=${encodeURIComponent(words)}`);
    const byName = await q(people.bare.name.slice(-6));
    expect(byName.status).toBe(200);
    expect(byName.body.data.map((p: any) => p.documentId)).toEqual([pairOf(pairs, people.prefixed, people.bare).documentId]);
    expect(byName.body.meta.pagination.total).toBe(1);
    // The student number of the other one, in another case, with spaces around.
    const byNumber = await q(` s00${people.bare.studentNo} `);
    expect(pairOf(byNumber.body.data, people.prefixed, people.bare)).toBeDefined();
    expect(byNumber.body.data.every((p: any) => [p.a.studentNo, p.b.studentNo].some((n: string) => n?.toLowerCase().includes(`s00${people.bare.studentNo}`)))).toBe(true);
    const romanised = await q('XIAOLONG');
    expect(pairOf(romanised.body.data, people.given, people.family)).toBeDefined();
    for (const wildcard of ['%', '_', '\\']) {
      const found = (await q(wildcard)).body.data;
      expect(pairOf(found, people.prefixed, people.bare)).toBeUndefined();
      expect(found.every((p: any) => [p.a.name, p.a.studentNo, p.b.name, p.b.studentNo].some((v) => String(v ?? '').includes(wildcard)))).toBe(true);
    }
    // With the other filters: the pair scores 0.9.
    expect((await api.get(`/liaison/duplicates?minScore=0.95&q=${encodeURIComponent(people.bare.name)}`)).body.data).toEqual([]);
    for (const [query, field] of [
      [`q=${'字'.repeat(101)}`, 'q'],
      ['q=a%00b', 'q'],
      ['q[$ne]=x', 'q'],
    ]) {
      const res = await api.get(`/liaison/duplicates?${query}`);
      expect([query, res.status, fieldsOf(res.body)]).toEqual([query, 400, [field]]);
    }
  });

  it('shows one pair with both records field by field and what links to each', async () => {
    const pair = pairOf(pairs, people.phoneA, people.phoneB);
    const res = await api.get(`/liaison/duplicates/${pair.documentId}`);
    expect(res.status).toBe(200);
    const { records, differing, fields } = res.body.data;
    expect(fields).toEqual(expect.arrayContaining(['name', 'studentNo', 'cohort', 'phone', 'email', 'chapter']));
    const a = records.a.documentId === people.phoneA.documentId ? records.a : records.b;
    expect(a.values).toMatchObject({ name: people.phoneA.name, phone: people.phoneA.phone, cohort: cohort.className });
    expect(differing).toEqual(expect.arrayContaining(['name', 'studentNo', 'cohort', 'phone']));
    expect(differing).not.toContain('gender');
    expect(a.links['liaison.alumnus']).toBe(0);
    expect(Object.keys(a.links)).toEqual(expect.arrayContaining(['contact-log.alumnus', 'story.featuredAlumni', 'honour.alumnus']));
  });

  it('refuses bad parameters, naming them', async () => {
    for (const [query, field] of [
      ['minScore=2', 'minScore'],
      ['minScore=abc', 'minScore'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=1000000000000000000000', 'pageSize'],
      ['status=gone', 'status'],
      ['sort=phone', 'sort'],
    ]) {
      const res = await api.get(`/liaison/duplicates?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
      expect(fieldsOf(res.body)).toContain(field);
    }
    expect((await api.get('/liaison/duplicates/nope')).status).toBe(404);
    expect((await api.get('/liaison/duplicates/a%00b')).status).toBe(400);
    expect((await api.post('/liaison/duplicates/nope/dismiss')).status).toBe(404);
  });

  it('keeps a dismissed pair out of the list, even after another scan', async () => {
    const pair = pairOf(pairs, people.given, people.family);
    const res = await api.post(`/liaison/duplicates/${pair.documentId}/dismiss`);
    expect(res.status).toBe(200);
    expect(res.body.data.status).toBe('dismissed');
    await scanned();
    expect(pairOf(await allPairs(), people.given, people.family)).toBeUndefined();
    const dismissed = await allPairs('&status=dismissed');
    expect(pairOf(dismissed, people.given, people.family)).toMatchObject({ documentId: pair.documentId, status: 'dismissed' });
  });

  it('drops a pair that no longer holds once the records change', async () => {
    const pair = pairOf(pairs, people.mailA, people.mailB);
    expect(pair).toBeDefined();
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: people.mailB.documentId, data: { email: `other.${digits()}@example.com` } as any });
    await scanned();
    expect(pairOf(await allPairs(), people.mailA, people.mailB)).toBeUndefined();
    expect((await api.get(`/liaison/duplicates/${pair.documentId}`)).status).toBe(404);
  });

  it('scans again for a request made while a scan runs: records added meanwhile are found', async () => {
    // The first scan has read the records and is slow to finish (as on 300,000 records); the twins come after its reading.
    let finish!: () => void;
    const slow = new Promise<void>((resolve) => (finish = resolve));
    const read = scanModule.findAll;
    const spy = jest.spyOn(scanModule, 'findAll').mockImplementationOnce(async (strapi: unknown) => {
      const found = await read(strapi);
      await slow;
      return found;
    });
    try {
      const first = await api.post('/liaison/duplicates/scan');
      expect(first.body.data.status).toBe('running');
      const n = digits();
      const late = await makeAlumnus({ name: '欧阳锋', cohort: cohort.documentId, studentNo: `S${n}` });
      const later = await makeAlumnus({ name: '歐陽鋒', cohort: cohort.documentId, studentNo: `0${n}` });
      const again = await api.post('/liaison/duplicates/scan');
      expect(again.status).toBe(202);
      expect(again.body.data.status).toBe('running');
      finish();
      // Running until the second scan is written; then the twins are a pair.
      await settled();
      expect(pairOf(await allPairs(), late, later)).toMatchObject({ evidence: expect.arrayContaining([expect.objectContaining({ key: 'studentNo' })]) });
    } finally {
      finish();
      spy.mockRestore();
    }
  });

  (onPostgres ? it : it.skip)('waits for another instance writing its scan, then writes its own (PostgreSQL)', async () => {
    const n = digits();
    let late: any;
    let later: any;
    // Another instance holds the scan's write (the jobs ledger's lock) while this one is asked to scan.
    await strapiApp().db.connection.transaction(async (trx: any) => {
      await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:job:duplicates-scan']);
      late = await makeAlumnus({ name: '段正淳', cohort: cohort.documentId, studentNo: `S${n}` });
      later = await makeAlumnus({ name: '段正純', cohort: cohort.documentId, studentNo: `00${n}` });
      expect((await api.post('/liaison/duplicates/scan')).status).toBe(202);
      await new Promise((r) => setTimeout(r, 1500));
      expect((await api.get('/liaison/duplicates/scan')).body.data.status).toBe('running');
    });
    await settled();
    expect(pairOf(await allPairs(), late, later)).toBeDefined();
  });
});

describe('who may review', () => {
  it('refuses College Staff and Chapter Editors (an office task)', async () => {
    for (const role of ['College Staff', 'Chapter Editor'] as const) {
      const { token } = await signInStaff(role);
      const staff = withToken(token);
      expect((await staff.get('/liaison/duplicates')).status).toBe(403);
      expect((await staff.post('/liaison/duplicates/scan')).status).toBe(403);
      expect((await staff.post(`/liaison/alumni/${people.twinA.documentId}/merge`).send({ from: people.twinB.documentId })).status).toBe(403);
    }
  });

  it('limits a role the office gives the review to the pairs of its own colleges: another college’s pair, or one across colleges, is not found and stays open', async () => {
    const app = strapiApp();
    const elsewhere = await makeCohort({ college: (await makeCollege()).documentId, className: unique('法学2014级') });
    const p = digits();
    const q = digits();
    // A pair within another college (one phone), and one across the two colleges (one e-mail).
    const farA = await makeAlumnus({ cohort: elsewhere.documentId, name: unique('戊'), studentNo: unique('N'), phone: `137${p.slice(0, 8)}` });
    const farB = await makeAlumnus({ cohort: elsewhere.documentId, name: unique('己'), studentNo: unique('N'), phone: `+86 137 ${p.slice(0, 4)} ${p.slice(4, 8)}` });
    const acrossA = await makeAlumnus({ cohort: cohort.documentId, name: unique('庚'), studentNo: unique('N'), email: `across.${q}@example.com` });
    const acrossB = await makeAlumnus({ cohort: elsewhere.documentId, name: unique('辛'), studentNo: unique('N'), email: `ACROSS.${q}@example.com` });
    await scanned();
    const everything = await allPairs();
    const far = pairOf(everything, farA, farB);
    const across = pairOf(everything, acrossA, acrossB);
    const own = pairOf(everything, people.prefixed, people.bare);
    expect([far, across, own].every(Boolean)).toBe(true);

    const role = await app.service('admin::role').create({ name: unique('College duplicates reviewer'), description: 'test' });
    await app.service('admin::role').addPermissions(role.id, [{ action: 'plugin::liaison.duplicates.review', subject: null, properties: {}, conditions: [] }]);
    const email = `${unique('reviewer').toLowerCase()}@liaison.test`;
    const user = await app.service('admin::user').create({ email, firstname: 'R', lastname: 'Reviewer', password: 'Review-Pass-2026', isActive: true, roles: [role.id] });
    await app.documents('plugin::liaison.college').update({ documentId: home.documentId, data: { staff: { connect: [user.id] } } as any });
    const login = await http().post('/admin/login').send({ email, password: 'Review-Pass-2026' });
    const reviewer = withToken(login.body.data.token);

    const seen: any[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await reviewer.get(`/liaison/duplicates?page=${page}&pageSize=100`);
      expect(res.status).toBe(200);
      seen.push(...res.body.data);
      if (page >= res.body.meta.pagination.pageCount) break;
    }
    expect(pairOf(seen, people.prefixed, people.bare)).toBeDefined();
    expect(pairOf(seen, farA, farB)).toBeUndefined();
    expect(pairOf(seen, acrossA, acrossB)).toBeUndefined();
    // A search finds nothing outside the reviewer's colleges either: by name or by number.
    for (const words of [farA.name, farB.studentNo, acrossB.name]) {
      const found = await reviewer.get(`/liaison/duplicates?pageSize=100&q=${encodeURIComponent(words)}`);
      expect([words, found.status, found.body.data, found.body.meta.pagination.total]).toEqual([words, 200, [], 0]);
    }
    expect(pairOf((await reviewer.get(`/liaison/duplicates?q=${encodeURIComponent(people.bare.name)}`)).body.data, people.prefixed, people.bare)).toBeDefined();
    expect((await reviewer.get(`/liaison/duplicates/${own.documentId}`)).status).toBe(200);
    for (const pair of [far, across]) {
      expect((await reviewer.get(`/liaison/duplicates/${pair.documentId}`)).status).toBe(404);
      expect((await reviewer.post(`/liaison/duplicates/${pair.documentId}/dismiss`)).status).toBe(404);
      expect((await api.get(`/liaison/duplicates/${pair.documentId}`)).body.data.status).toBe('open');
    }
    // The review is not the merge: that stays a right of its own.
    expect((await reviewer.post(`/liaison/alumni/${people.prefixed.documentId}/merge`).send({ from: people.bare.documentId })).status).toBe(403);
  });

  it('lets the Alumni Office review', async () => {
    const { token } = await signInStaff('Alumni Office Staff');
    expect((await withToken(token).get('/liaison/duplicates?pageSize=1')).status).toBe(200);
  });
});
