import { adminToken, CM, http, setupStrapi, strapiApp, teardownStrapi, withToken } from '../helpers/strapi';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';

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
