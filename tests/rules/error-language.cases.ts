import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter, makeCohort } from '../helpers/fixtures';

const POSTS = 'plugin::liaison.liaison';

let token: string;
beforeAll(async () => {
  await setupStrapi();
  token = await adminToken();
});
afterAll(teardownStrapi);

const count = () => strapiApp().db.query(POSTS).count();

/** A cohort post placed in a chapter: the guard refuses it, naming both fields. */
const wrongScope = async () => {
  const alumnus = await makeAlumnus();
  const chapter = await makeChapter();
  return {
    alumnus: { connect: [{ documentId: alumnus.documentId }] },
    chapter: { connect: [{ documentId: chapter.documentId }] },
    dimension: 'cohort',
    role: 'monitor',
    termStart: '2024-09-01',
  };
};

const errorOn = (body: any, field: string) => body.error.details.errors.find((e: any) => e.path.join('.') === field);

describe('the integrity guard refuses in the admin language', () => {
  it('says it in English to an English admin, with the message id', async () => {
    const before = await count();
    const res = await withToken(token).post(`${CM}/${POSTS}`).set('Accept-Language', 'en').send(await wrongScope());
    expect(res.status).toBe(400);
    expect(errorOn(res.body, 'chapter')).toEqual(
      expect.objectContaining({ message: 'a cohort post cannot have a chapter', messageId: 'liaison.error.post.scopeExtra', values: { dimension: 'cohort', field: 'chapter' } })
    );
    expect(errorOn(res.body, 'cohort').message).toBe('a cohort post needs its cohort');
    expect(res.body.error.message).toMatch(/^cohort: a cohort post needs its cohort/);
    expect(await count()).toBe(before);
  });

  it('says it in Chinese to a Chinese admin (the admin panel sends its language)', async () => {
    const before = await count();
    const res = await withToken(token).post(`${CM}/${POSTS}`).set('Accept-Language', 'zh-Hans').send(await wrongScope());
    expect(res.status).toBe(400);
    expect(errorOn(res.body, 'chapter')).toEqual(
      expect.objectContaining({ message: '年级（班级）维度的岗位不能指定地区校友会', messageId: 'liaison.error.post.scopeExtra' })
    );
    expect(errorOn(res.body, 'cohort').message).toBe('年级（班级）维度的岗位须指定年级（班级）');
    expect(res.body.error.message).toMatch(/^年级（班级）：/);
    expect(await count()).toBe(before);
  });

  it("without Accept-Language, follows the admin user's preferred language", async () => {
    const email = `zh-${process.pid}@liaison.test`;
    const password = 'Tester-Pass-2026';
    const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
    await strapiApp()
      .service('admin::user')
      .create({ email, firstname: '晓', lastname: '王', password, isActive: true, roles: [superAdmin.id], preferedLanguage: 'zh-Hans' });
    const login = await http().post('/admin/login').send({ email, password });
    expect(login.status).toBe(200);
    const refused = await withToken(login.body.data.token).post(`${CM}/${POSTS}`).send(await wrongScope());
    expect(refused.status).toBe(400);
    expect(errorOn(refused.body, 'chapter').message).toBe('年级（班级）维度的岗位不能指定地区校友会');
  });

  it('a conflict (409) is said in the admin language too', async () => {
    const alumnus = await makeAlumnus();
    const res = await withToken(token)
      .post(`${CM}/plugin::liaison.alumnus`)
      .set('Accept-Language', 'zh-Hans')
      .send({ name: '重复', studentNo: alumnus.studentNo, alumnusStatus: 'active' });
    expect(res.status).toBe(409);
    expect(errorOn(res.body, 'studentNo').message).toBe('已被其他记录使用');
  });
});

describe('a request refused by its schema, in either language', () => {
  const appoint = async (lang: string) => {
    const cohort = await makeCohort();
    return withToken(token)
      .post(`/liaison/cohorts/${cohort.documentId}/appoint`)
      .set('Accept-Language', lang)
      .send({ termStart: '2026-02-30', appointments: [{ alumnus: 'not a documentId!', role: 'monitor' }] });
  };

  it('names each field by its path and message id, in English and in Chinese (zh-CN), and writes nothing', async () => {
    const before = await count();
    const [en, zh] = [await appoint('en'), await appoint('zh-CN,zh;q=0.9')];
    expect([en.status, zh.status]).toEqual([400, 400]);
    expect(en.body.error.details.errors).toEqual([
      { path: ['termStart'], message: 'is required, written yyyy-MM-dd', name: 'ValidationError', messageId: 'liaison.error.assignment.requiredDate', values: {} },
      { path: ['appointments[0].alumnus'], message: 'must be the documentId of an alumnus', name: 'ValidationError', messageId: 'liaison.error.assignment.alumnusId', values: {} },
    ]);
    expect(en.body.error.message).toBe('termStart: is required, written yyyy-MM-dd; appointments[0].alumnus: must be the documentId of an alumnus');
    expect(zh.body.error.details.errors.map((e: any) => [e.path, e.messageId, e.values])).toEqual(en.body.error.details.errors.map((e: any) => [e.path, e.messageId, e.values]));
    expect(zh.body.error.details.errors.map((e: any) => e.message)).toEqual(['为必填项，格式为 yyyy-MM-dd', '须为校友编号']);
    expect(zh.body.error.message).toBe('任期开始：为必填项，格式为 yyyy-MM-dd；appointments[0].alumnus：须为校友编号');
    expect(await count()).toBe(before);
  });

  it('answers 400, never 500, to NUL bytes, prototype names and numbers out of range', async () => {
    const put = (body: object | string) => withToken(token).put('/liaison/quotas').set('Accept-Language', 'en').send(body);
    const nul = await put({ dimension: 'cohort', scope: 'a\u0000b', posts: 2 });
    expect([nul.status, errorOn(nul.body, 'scope')?.messageId]).toEqual([400, 'liaison.error.common.documentId']);
    // A body naming __proto__ is refused by Strapi's body parser itself; other prototype names reach the schema.
    expect((await put('{"dimension":"cohort","posts":2,"__proto__":{"admin":true}}').set('Content-Type', 'application/json')).status).toBe(400);
    const huge = await put('{"dimension":"constructor","posts":1e400,"constructor":{"admin":true}}').set('Content-Type', 'application/json');
    expect(huge.status).toBe(400);
    expect(huge.body.error.details.errors.map((e: any) => [e.path[0], e.messageId])).toEqual([
      ['dimension', 'liaison.error.common.oneOf'],
      ['posts', 'liaison.error.common.wholeNumber'],
    ]);
    const query = await withToken(token).get('/liaison/outbox?page=99999999999999999999999&status=__proto__');
    expect(query.status).toBe(400);
    expect(query.body.error.details.errors.map((e: any) => e.path[0])).toEqual(['status', 'page']);
  });
});
