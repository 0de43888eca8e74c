import type { Browser } from 'playwright-core';
import path from 'path';
import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeCohort, makeCollege } from '../helpers/fixtures';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Staff open the Training page: each provisional liaison is named once, beside their post;
 * everyone who has not acknowledged the code of conduct can be listed, with their posts.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Training-Pass-2026';
const MESSAGES = { en, 'zh-Hans': zh } as const;

let browser: Browser;
let baseUrl: string;
let email: string;
let api: ReturnType<typeof withToken>;
const people: { name: string; className: string }[] = [];

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('trainer').toLowerCase()}@liaison.test`;
  const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
  await strapiApp().service('admin::user').create({ email, firstname: 'E2E', lastname: 'Training', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
  api = withToken(await adminToken());
  // A required course: a liaison approved now is provisional until they pass it.
  await strapiApp()
    .documents('plugin::liaison.training-course')
    .create({ data: { title: unique('必修课'), area: 'alumni_work', mandatory: true, passMark: 60 } as any });
  const college = await makeCollege();
  for (const [i, name] of ['华罗庚', '陈景润', '苏步青'].entries()) {
    const cohort = await makeCohort({ college: college.documentId, className: unique(`数学${i + 1}班`) });
    const alumnus = await makeAlumnus({ name, cohort: cohort.documentId, contactConsent: true, email: `${unique('t')}@example.com` });
    const nominated = await api.post('/liaison/posts').send({ alumnus: alumnus.documentId, dimension: 'cohort', scope: cohort.documentId, role: 'monitor', termStart: '2026-01-01' });
    expect(nominated.status).toBe(201);
    expect((await api.post(`/liaison/posts/${nominated.body.data.documentId}/approve`)).status).toBe(200);
    people.push({ name, className: cohort.className });
  }
  // A code of conduct nobody has acknowledged yet.
  expect((await api.post('/liaison/conduct/versions').send({ title: '校友联络员行为准则', textZh: '保护校友个人信息。' })).status).toBe(201);
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('the Training page in %s', (language) => {
  const t = (key: string, values: Record<string, string | number> = {}) =>
    Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), (MESSAGES[language] as Record<string, string>)[key]);
  const role = ENUM_LABELS.role.monitor[language === 'en' ? 0 : 1];

  it('names each provisional liaison once, and lists everyone who has not acknowledged the code', async () => {
    const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/training`);
    await page.getByRole('heading', { name: t('training.title'), level: 1 }).waitFor({ timeout: 60000 });
    for (const { name, className } of people) {
      const row = page.getByTestId('provisional-row').filter({ hasText: name });
      await row.waitFor({ timeout: 30000 });
      expect((await row.innerText()).split(name).length - 1).toBe(1);
      expect(await row.getByTestId('provisional-post').innerText()).toBe(`${className} · ${role}`);
    }

    const pending = (await api.get('/liaison/conduct/pending')).body.data.pending as { alumnus: { name: string } }[];
    await page.getByTestId('conduct-pending-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('heading', { name: t('training.conduct.pendingTitle', { n: pending.length }) }).waitFor();
    await expect(dialog.getByTestId('conduct-pending-all').locator('tbody tr').count()).resolves.toBe(pending.length);
    for (const { name, className } of people) {
      expect(await dialog.getByRole('row').filter({ hasText: name }).innerText()).toContain(className);
    }
    await page.screenshot({ path: path.join(SHOTS, `training-pending-${language}.png`) });
    await page.context().close();
  }, 120000);
});
