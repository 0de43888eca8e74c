import { createHash } from 'crypto';
import { adminToken, http, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { accounts, activate, claim, claimAndActivate, lastToken, mailsTo, median, problems } from './helpers';
import { awayFromWindowEnd, WINDOW_SECONDS } from '../helpers/rate-limits';

beforeAll(setupStrapi);
afterAll(teardownStrapi);

const app = () => strapiApp();
const TOKENS = 'plugin::liaison.account-token';
const address = () => `${unique('claim').toLowerCase()}@example.edu.cn`;

/** A token of `purpose` for this alumnus written straight into the table (what a mail would carry). */
const tokenFor = async (alumnusId: number, purpose: 'claim' | 'invite' | 'reset', expiresAt = new Date(Date.now() + 3600_000)) => {
  const token = unique('tok');
  await app().db.query(TOKENS).create({ data: { alumnus: alumnusId, purpose, tokenHash: createHash('sha256').update(token).digest('hex'), expiresAt } });
  return token;
};

const expire = async (token: string) =>
  app().db.query(TOKENS).update({ where: { tokenHash: createHash('sha256').update(token).digest('hex') }, data: { expiresAt: new Date(Date.now() - 1000) } });

describe('claiming a record', () => {
  it('answers the same 202 for a hit, a miss and a record without e-mail, in the same time', async () => {
    const email = address();
    const hit = await makeAlumnus({ name: '陈静', studentNo: unique('S'), email });
    const bare = await makeAlumnus({ name: '陈静', studentNo: unique('S'), email: null });
    const bodies = {
      hit: { name: '陈静', studentNo: hit.studentNo },
      miss: { name: '陈静', studentNo: unique('S') },
      bare: { name: '陈静', studentNo: bare.studentNo },
    };
    const answers = await Promise.all(Object.values(bodies).map((b) => claim(b)));
    for (const a of answers) expect([a.status, a.body]).toEqual([answers[0].status, answers[0].body]);
    expect(answers[0].status).toBe(202);
    expect(Object.keys(answers[0].headers).sort()).toEqual(Object.keys(answers[1].headers).sort());

    const times: Record<string, number[]> = { hit: [], miss: [], bare: [] };
    for (let round = 0; round < 7; round++) {
      for (const [kind, body] of Object.entries(bodies)) {
        // Each answer timed on its own: the work a claim does after its answer is not the next one's.
        await accounts().idle();
        const started = process.hrtime.bigint();
        expect((await claim(body)).status).toBe(202);
        times[kind].push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      await accounts().idle();
    }
    const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
    const spread = Math.max(...Object.values(medians)) - Math.min(...Object.values(medians));
    // The work happens after the answer: the answers take the same time within noise.
    expect(spread).toBeLessThan(Math.max(25, Math.max(...Object.values(medians)) * 0.5));
    // Mails per person and hour are limited (3): the rounds above mailed the record's address, and only it.
    expect((await mailsTo(email)).length).toBe(3);
  });

  it('mails a one-time link to the address on file when the name and the student number or e-mail match', async () => {
    const email = address();
    const studentNo = unique('S');
    const person = await makeAlumnus({ name: '張偉', studentNo, email, language: 'en' });
    // Traditional or simplified, spaces, full-width digits: one name, one number.
    const fullWidth = studentNo.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    expect((await claim({ name: ' 张 伟 ', studentNo: fullWidth })).status).toBe(202);
    const mails = await mailsTo(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: email, recipientLocale: 'en', kind: 'account', deliveryStatus: 'pending' });
    expect(mails[0].text).toMatch(/\/api\/liaison\/app\/activate\?token=/);
    expect(mails[0].text).toContain('24 hours');

    // By the e-mail address, any case; the link goes to the address on file.
    expect((await claim({ name: '張偉', email: email.toUpperCase() })).status).toBe(202);
    expect(await mailsTo(email)).toHaveLength(2);

    // Only the hash is stored.
    const token = (await lastToken(email))!;
    const rows = await app().db.query(TOKENS).findMany({ where: { alumnus: { id: person.id } } });
    expect(rows).toHaveLength(2);
    expect(rows.map((r: any) => r.tokenHash)).toContain(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    const lifetime = new Date(rows[0].expiresAt).getTime() - new Date(rows[0].createdAt).getTime();
    expect(Math.abs(lifetime - 24 * 3600_000)).toBeLessThan(60_000);

    // Another name, or the right name with another's number: nothing.
    const other = await makeAlumnus({ name: '王芳', studentNo: unique('S'), email: address() });
    await claim({ name: '李娜', studentNo });
    await claim({ name: '王芳', studentNo });
    await claim({ name: '张伟', email: other.email });
    expect(await mailsTo(email)).toHaveLength(2);
    expect(await mailsTo(other.email as string)).toHaveLength(0);
  });

  it('names the field of a claim that is wrong', async () => {
    const cases: [unknown, Record<string, string>][] = [
      [{ studentNo: 'S1' }, { name: 'liaison.error.required' }],
      [{ name: '   ', studentNo: 'S1' }, { name: 'liaison.error.required' }],
      [{ name: '张伟' }, { studentNo: 'liaison.error.accounts.identify' }],
      [{ name: '张伟', email: 'not-an-address' }, { email: 'liaison.error.accounts.email' }],
      [{ name: '张伟', studentNo: 'S1', role: 'admin' }, { role: 'liaison.error.common.unknownField' }],
      [{ name: 42, studentNo: 'S1' }, { name: 'liaison.error.required' }],
    ];
    for (const [body, expected] of cases) {
      const res = await claim(body);
      expect(res.status).toBe(400);
      expect(Object.keys(problems(res))).toEqual(Object.keys(expected));
      for (const [path, id] of Object.entries(expected)) if (!id.endsWith('unknownField')) expect(problems(res)[path]).toBe(id);
    }
  });
});

describe('activating an account', () => {
  it('makes a confirmed user of the Authenticated role for the alumnus and signs them in', async () => {
    const email = address();
    const person = await makeAlumnus({ name: '赵敏', studentNo: unique('S'), email });
    const done = await claimAndActivate({ name: '赵敏', studentNo: person.studentNo as string, email });
    expect(done.user).toMatchObject({ email, username: expect.any(String) });
    expect(done.alumnus).toEqual({ documentId: person.documentId, name: '赵敏' });
    const user = await app().db.query('plugin::users-permissions.user').findOne({ where: { id: done.user.id }, populate: ['role'] });
    expect(user).toMatchObject({ confirmed: true, blocked: false, provider: 'local', email });
    expect(user.role.type).toBe('authenticated');
    expect(user.password).not.toContain('Garden');
    const account = await app().db.query('plugin::liaison.alumni-account').findOne({ where: { user: { id: user.id } }, populate: ['alumnus'] });
    expect(account.alumnus.id).toBe(person.id);
    expect((await http().get('/api/liaison/me').set(done.auth)).body.data.documentId).toBe(person.documentId);

    // Signing in is users-permissions' own route, with the address and the chosen password.
    const signIn = await http().post('/api/auth/local').send({ identifier: email, password: 'Garden-Path-2026' });
    expect(signIn.status).toBe(200);
    expect(signIn.body.user.id).toBe(user.id);
    expect((await http().post('/api/auth/local').send({ identifier: email, password: 'wrong-password-1' })).status).toBe(400);
  });

  it('refuses a reused, expired or unknown link (400 naming token) and a weak password (400 naming password)', async () => {
    const email = address();
    const person = await makeAlumnus({ name: '孙丽', studentNo: unique('S'), email });
    await claim({ name: '孙丽', email });
    const token = (await lastToken(email))!;

    for (const password of ['short1', 'aaaaaaaaaaaaaaaa', 'password123', 'x'.repeat(60) + '１２３４５６７８']) {
      const weak = await activate(token, password);
      expect([weak.status, Object.keys(problems(weak))]).toEqual([400, ['password']]);
    }
    expect(problems(await http().post('/api/liaison/account/activate').send({ token }))).toEqual({ password: 'liaison.error.required' });
    expect((await activate('', 'Garden-Path-2026')).status).toBe(400);
    expect(problems(await activate('no-such-token', 'Garden-Path-2026'))).toEqual({ token: 'liaison.error.accounts.tokenUnknown' });

    // A weak password did not spend the link.
    expect((await activate(token)).status).toBe(201);
    const reused = await activate(token);
    expect([reused.status, problems(reused)]).toEqual([400, { token: 'liaison.error.accounts.tokenUsed' }]);
    expect(reused.body.error.message).toMatch(/used already/);

    const other = await makeAlumnus({ name: '周杰', studentNo: unique('S'), email: address() });
    const expiring = await tokenFor(other.id, 'claim');
    await expire(expiring);
    const expired = await activate(expiring);
    expect([expired.status, problems(expired)]).toEqual([400, { token: 'liaison.error.accounts.tokenExpired' }]);
    // In Chinese when asked.
    const zh = await http().post('/api/liaison/account/activate').set('Accept-Language', 'zh-CN').send({ token: expiring, password: 'Garden-Path-2026' });
    expect(zh.body.error.message).toContain('已过期');
    expect(await app().db.query('plugin::liaison.alumni-account').count({ where: { alumnus: { id: person.id } } })).toBe(1);
  });

  it('answers 409 for an alumnus who has an account already', async () => {
    const { alumnus } = await signedInAlumnus({ name: '吴刚' });
    const res = await activate(await tokenFor(alumnus.id, 'invite'));
    expect([res.status, problems(res)]).toEqual([409, { alumnus: 'liaison.error.accounts.exists' }]);
    // A claim of theirs mails that they have one, with a reset link.
    await claim({ name: '吴刚', studentNo: alumnus.studentNo });
    const mails = await mailsTo(alumnus.email as string);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/\/api\/liaison\/app\/reset\?token=/);
  });

  it('makes one account of two parallel activations with one link, and of two links of one person', async () => {
    const email = address();
    const person = await makeAlumnus({ name: '郑爽', studentNo: unique('S'), email });
    const token = await tokenFor(person.id, 'claim');
    const both = await Promise.all([activate(token), activate(token)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(problems(both.find((r) => r.status === 400))).toEqual({ token: 'liaison.error.accounts.tokenUsed' });

    const email2 = address();
    const second = await makeAlumnus({ name: '冯伦', studentNo: unique('S'), email: email2 });
    const [a, b] = [await tokenFor(second.id, 'claim'), await tokenFor(second.id, 'invite')];
    const pair = await Promise.all([activate(a), activate(b)]);
    expect(pair.filter((r) => r.status === 201)).toHaveLength(1);
    expect([400, 409]).toContain(pair.find((r) => r.status !== 201)!.status);
    for (const p of [person, second]) {
      expect(await app().db.query('plugin::liaison.alumni-account').count({ where: { alumnus: { id: p.id } } })).toBe(1);
    }
    expect(await app().db.query('plugin::users-permissions.user').count({ where: { email: { $in: [email, email2] } } })).toBe(2);
  });
});

describe('a forgotten password', () => {
  it('answers the same 202 whoever asks, and mails a reset link valid an hour to an account', async () => {
    const email = address();
    const person = await makeAlumnus({ name: '秦岚', studentNo: unique('S'), email });
    await claimAndActivate({ name: '秦岚', studentNo: person.studentNo as string, email });
    const known = await http().post('/api/liaison/account/forgot').send({ email: email.toUpperCase() });
    const unknown = await http().post('/api/liaison/account/forgot').send({ email: address() });
    expect([known.status, known.body]).toEqual([unknown.status, unknown.body]);
    expect(known.status).toBe(202);
    expect(problems(await http().post('/api/liaison/account/forgot').send({}))).toEqual({ email: 'liaison.error.required' });

    const mails = await mailsTo(email);
    const reset = (await lastToken(email))!;
    expect(mails[mails.length - 1].text).toMatch(/\/api\/liaison\/app\/reset\?token=/);
    const row = await app().db.query(TOKENS).findOne({ where: { tokenHash: createHash('sha256').update(reset).digest('hex') } });
    expect(row.purpose).toBe('reset');
    expect(Math.abs(new Date(row.expiresAt).getTime() - new Date(row.createdAt).getTime() - 3600_000)).toBeLessThan(60_000);

    // A reset link does not open an account, nor a claim link reset a password.
    expect(problems(await activate(reset))).toEqual({ token: 'liaison.error.accounts.tokenUnknown' });
    const weak = await http().post('/api/liaison/account/reset').send({ token: reset, password: 'short' });
    expect(Object.keys(problems(weak))).toEqual(['password']);
    const done = await http().post('/api/liaison/account/reset').send({ token: reset, password: 'New-Garden-2027' });
    expect(done.status).toBe(200);
    expect(done.body.alumnus.documentId).toBe(person.documentId);
    expect(done.body.jwt).toEqual(expect.any(String));
    expect((await http().post('/api/auth/local').send({ identifier: email, password: 'New-Garden-2027' })).status).toBe(200);
    expect((await http().post('/api/auth/local').send({ identifier: email, password: 'Garden-Path-2026' })).status).toBe(400);
    expect(problems(await http().post('/api/liaison/account/reset').send({ token: reset, password: 'New-Garden-2028' }))).toEqual({
      token: 'liaison.error.accounts.tokenUsed',
    });

    await http().post('/api/liaison/account/forgot').send({ email });
    const later = (await lastToken(email))!;
    await expire(later);
    expect(problems(await http().post('/api/liaison/account/reset').send({ token: later, password: 'New-Garden-2028' }))).toEqual({
      token: 'liaison.error.accounts.tokenExpired',
    });
  });

  it('keeps registration closed', async () => {
    const res = await http().post('/api/auth/local/register').send({ username: unique('u'), email: address(), password: 'Stranger-Pass-2026' });
    expect(res.status).toBe(403);
  });
});

describe('staff invitations', () => {
  it('mails every alumnus of a class with an e-mail address and no account, once', async () => {
    const api = withToken(await adminToken());
    const cohort = await makeCohort();
    const people = await Promise.all(
      [1, 2, 3].map((i) => makeAlumnus({ name: `班员${i}`, studentNo: unique('S'), email: address(), cohort: cohort.documentId })),
    );
    await makeAlumnus({ name: '无邮箱', studentNo: unique('S'), email: null, cohort: cohort.documentId });
    await signedInAlumnus({ name: '已开通', cohort: cohort.documentId });

    const first = await api.post('/liaison/invitations').send({ cohort: cohort.documentId });
    expect([first.status, first.body.data]).toEqual([200, { invited: 3, skipped: 2 }]);
    for (const p of people) {
      const mails = await mailsTo(p.email as string);
      expect(mails).toHaveLength(1);
      expect(mails[0].text).toMatch(/\/api\/liaison\/app\/activate\?token=/);
    }
    const again = await api.post('/liaison/invitations').send({ cohort: cohort.documentId });
    expect(again.body.data).toEqual({ invited: 0, skipped: 5 });
    for (const p of people) expect(await mailsTo(p.email as string)).toHaveLength(1);

    // The invited person activates with the link; an expired invitation is sent again.
    const token = (await lastToken(people[0].email as string))!;
    expect((await activate(token)).status).toBe(201);
    const open = await app().db.query(TOKENS).findMany({ where: { purpose: 'invite', usedAt: null, alumnus: { id: people[1].id } } });
    await app().db.query(TOKENS).updateMany({ where: { id: { $in: open.map((t: any) => t.id) } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await api.post('/liaison/invitations').send({ cohort: cohort.documentId })).body.data).toEqual({ invited: 1, skipped: 4 });
    expect(await mailsTo(people[1].email as string)).toHaveLength(2);
  });

  it('invites a chapter; names what is wrong; needs the permission', async () => {
    const api = withToken(await adminToken());
    const chapter = await makeChapter();
    const member = await makeAlumnus({ name: '分会员', studentNo: unique('S'), email: address(), chapter: chapter.documentId });
    expect((await api.post('/liaison/invitations').send({ chapter: chapter.documentId })).body.data).toEqual({ invited: 1, skipped: 0 });
    expect(await mailsTo(member.email as string)).toHaveLength(1);

    // Two invitations of one group at once: each person once.
    const crowd = await makeChapter();
    const crowdMembers = await Promise.all([1, 2, 3, 4].map(() => makeAlumnus({ studentNo: unique('S'), email: address(), chapter: crowd.documentId })));
    const both = await Promise.all([0, 1].map(() => api.post('/liaison/invitations').send({ chapter: crowd.documentId })));
    expect(both.map((r) => r.body.data.invited).sort()).toEqual([0, 4]);
    for (const m of crowdMembers) expect(await mailsTo(m.email as string)).toHaveLength(1);

    expect(problems(await api.post('/liaison/invitations').send({}))).toEqual({ cohort: 'liaison.error.accounts.oneGroup' });
    expect(problems(await api.post('/liaison/invitations').send({ cohort: 'a', chapter: 'b' }))).toEqual({ cohort: 'liaison.error.accounts.oneGroup' });
    expect(problems(await api.post('/liaison/invitations').send({ cohort: 'nope' }))).toEqual({ cohort: 'liaison.error.accounts.noCohort' });
    expect(problems(await api.post('/liaison/invitations').send({ chapter: 'nope' }))).toEqual({ chapter: 'liaison.error.accounts.noChapter' });
    expect((await http().post('/liaison/invitations').send({ chapter: chapter.documentId })).status).toBe(401);
  });
});

describe('rate limits', () => {
  afterAll(() => accounts().configureLimits({ signInPerAddress: 0, signInPerAccount: 0, perAddress: 0 }));

  it('limits sign-in attempts per account and per address, and the public account routes per address', async () => {
    await awayFromWindowEnd();
    await accounts().configureLimits({ windowSeconds: WINDOW_SECONDS, signInPerAddress: 8, signInPerAccount: 3, perAddress: 4 });
    const email = address();
    const tries = [];
    for (let i = 0; i < 4; i++) tries.push((await http().post('/api/auth/local').send({ identifier: email, password: 'Wrong-Pass-2026' })).status);
    expect(tries).toEqual([400, 400, 400, 429]);
    // Another account from the same address, until the address's limit.
    const other = [];
    for (let i = 0; i < 5; i++) { other.push((await http().post('/api/auth/local').send({ identifier: `${i}${address()}`, password: 'Wrong-Pass-2026' })).status);}
    expect(other).toEqual([400, 400, 400, 400, 429]);
    const limited = await http().post('/api/auth/local').send({ identifier: address(), password: 'x' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const claims = [];
    for (let i = 0; i < 5; i++) claims.push((await claim({ name: '张伟', studentNo: unique('S') })).status);
    expect(claims).toEqual([202, 202, 202, 202, 429]);
    expect((await http().post('/api/liaison/account/forgot').send({ email })).status).toBe(429);
  });
});
