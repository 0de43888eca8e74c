import type { Browser, Page } from 'playwright-core';
import path from 'path';
import { setupStrapi, strapiApp, teardownStrapi } from '../helpers/strapi';
import { launchBrowser, listen, openInAdmin } from '../helpers/browser';
import { makeChapter, makePost } from '../helpers/fixtures';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Staff open the admin panel in English or in Chinese and find every part of the
 * liaison network under its own name in the Content Manager, and the overview page.
 */
const EMAIL = 'e2e-staff@liaison.test';
const PASSWORD = 'E2e-Staff-Pass-2026';
const SHOTS = path.join(__dirname, '../screenshots');

const CONTENT_TYPES = {
  en: ['College', 'Cohort', 'Alumnus', 'Chapter', 'Industry group', 'Liaison post', 'Training course', 'Training session',
    'Training record', 'Appraisal cycle', 'Appraisal', 'Honour', 'Contact log', 'Feedback', 'Notification', 'Alumni story', 'Event'],
  'zh-Hans': ['学院', '年级（班级）', '校友', '地区校友会', '行业校友组织', '联络员岗位', '培训课程', '培训场次', '培训记录',
    '考核周期', '考核', '荣誉', '联络记录', '校友反馈', '邮件通知', '校友故事', '校友活动'],
};

let browser: Browser;
let baseUrl: string;
let post: { documentId: string; label: string };

beforeAll(async () => {
  const app = await setupStrapi();
  baseUrl = await listen();
  if (!(await app.db.query('admin::user').findOne({ where: { email: EMAIL } }))) {
    const superAdmin = await app.service('admin::role').getSuperAdmin();
    await app.service('admin::user').create({ email: EMAIL, firstname: 'E2E', lastname: 'Staff', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
  }
  const chapter = await makeChapter();
  const created = await makePost({ dimension: 'region', cohort: undefined, chapter: chapter.documentId, role: 'head' });
  const row = await app.db.query('plugin::liaison.liaison').findOne({ where: { documentId: created.documentId }, select: ['label'] });
  post = { documentId: created.documentId, label: row.label };
  browser = await launchBrowser();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

async function signIn(language: 'en' | 'zh-Hans'): Promise<Page> {
  const context = await browser.newContext({ locale: language === 'en' ? 'en-GB' : 'zh-CN' });
  await context.addInitScript((lang) => window.localStorage.setItem('strapi-admin-language', lang), language);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.fill('input[name="email"]', EMAIL);
  await page.fill('input[name="password"]', PASSWORD);
  await page.click('button[type="submit"]');
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30000 });
  return page;
}

describe.each(ADMIN_LANGUAGES)('the admin panel in %s', (language) => {
  let page: Page;
  beforeAll(async () => {
    page = await signIn(language);
  }, 60000);
  afterAll(() => page?.context().close());

  it('lists every content type of the network in the Content Manager', async () => {
    await openInAdmin(page, baseUrl, `/admin/content-manager`);
    const nav = page.locator('nav[aria-label]').filter({ hasText: CONTENT_TYPES[language][0] }).first();
    await nav.waitFor({ timeout: 30000 });
    const text = await nav.innerText();
    for (const name of CONTENT_TYPES[language]) expect(text).toContain(name);
    await page.screenshot({ path: path.join(SHOTS, `content-manager-${language}.png`), fullPage: true });
  }, 60000);

  it('labels the fields of the alumnus form in the same language', async () => {
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.alumnus/create`);
    const labels = language === 'en' ? ['Student number', 'WeChat ID', 'Consents to be contacted'] : ['学号', '微信号', '同意被联络'];
    await page.getByText(labels[0], { exact: true }).first().waitFor({ timeout: 30000 });
    for (const label of labels) await expect(page.getByText(label, { exact: true }).count()).resolves.toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SHOTS, `alumnus-form-${language}.png`), fullPage: true });
  }, 60000);

  it('shows the network overview with every dimension', async () => {
    await openInAdmin(page, baseUrl, `/admin/plugins/liaison/overview`);
    const region = page.getByTestId('dimension-region');
    await region.waitFor({ timeout: 30000 });
    const heading = language === 'en' ? 'Liaison network' : '校友联络员网络';
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(heading);
    expect(await region.innerText()).toContain(language === 'en' ? 'Regional chapters' : '地区校友会');
    for (const d of ['cohort', 'college', 'industry']) await expect(page.getByTestId(`dimension-${d}`).count()).resolves.toBe(1);
    // A dissolved chapter is no longer a scope to cover; the overview counts the others.
    const regionCount = await strapiApp().db.query('plugin::liaison.chapter').count({
      where: { $or: [{ chapterStatus: { $null: true } }, { chapterStatus: { $ne: 'dissolved' } }] },
    });
    expect(await region.innerText()).toContain(String(regionCount));
    await page.screenshot({ path: path.join(SHOTS, `overview-${language}.png`), fullPage: true });
  }, 60000);

  it('greets staff with their home page, without the guided tour, Cloud or Media Library prompts', async () => {
    await openInAdmin(page, baseUrl, `/admin`);
    const hello = language === 'en' ? 'Hello E2E' : '您好，E2E';
    await page.getByRole('heading', { level: 1 }).filter({ hasText: hello }).waitFor({ timeout: 30000 });
    await page.waitForLoadState('networkidle');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Discover your application|guided tour|Strapi Cloud|new Media Library|revamped version/i);
    expect(text).toMatch(language === 'en' ? /Last edited entries/i : /最近编辑的条目/);
    await page.screenshot({ path: path.join(SHOTS, `home-${language}.png`), fullPage: true });
  }, 60000);

  it('lists liaison posts by name, with their enumerations in words of the admin language', async () => {
    // the admin tells its server its language, so the server's refusals are said in it
    const sent: string[] = [];
    const onRequest = (r: any) => {
      if (r.resourceType() === 'fetch' && r.url().includes('/content-manager/collection-types/plugin::liaison.liaison')) sent.push(r.headers()['accept-language']);
    };
    page.on('request', onRequest);
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.liaison?filters[$and][0][documentId][$eq]=${post.documentId}`);
    const row = page.locator('tbody tr').filter({ hasText: post.label });
    await row.first().waitFor({ timeout: 30000 });
    const cells = await row.first().locator('td').allInnerTexts();
    const words = language === 'en' ? ['Regional chapter', 'Head', 'Active'] : ['地区校友会', '会长', '在任'];
    for (const word of words) expect(cells).toContain(word);
    for (const raw of ['region', 'head', 'active']) expect(cells).not.toContain(raw);
    // a filter chip says the field and the value in words too
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.liaison?filters[$and][0][postStatus][$eq]=active&filters[$and][1][documentId][$eq]=${post.documentId}`
    );
    const chip = language === 'en' ? 'Status is Active' : '状态 等于 在任';
    await page.getByText(chip, { exact: true }).first().waitFor({ timeout: 30000 });
    expect(await page.getByText('postStatus', { exact: false }).count()).toBe(0);
    const chrome = await page.locator('main').innerText();
    expect(chrome).toContain(language === 'en' ? 'Create new entry' : '新建条目');
    page.off('request', onRequest);
    expect(sent.length).toBeGreaterThan(0);
    expect(new Set(sent)).toEqual(new Set([language]));
    await page.screenshot({ path: path.join(SHOTS, `posts-${language}.png`), fullPage: true });
  }, 60000);

  it('names a chapter’s country in the admin language, not by its code', async () => {
    // Finland: no other test counts on it as a place without a chapter (the board's next chapters).
    const chapter = await makeChapter({ country: 'FI', city: 'Helsinki' });
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.chapter?filters[$and][0][documentId][$eq]=${chapter.documentId}`);
    const row = page.locator('tbody tr').filter({ hasText: chapter.name });
    await row.first().waitFor({ timeout: 30000 });
    const cells = await row.first().locator('td').allInnerTexts();
    expect(cells).toContain(language === 'en' ? 'Finland' : '芬兰');
    expect(cells).not.toContain('FI');
  }, 60000);

  it('titles a post’s edit view by its name, and its selects speak the admin language', async () => {
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.liaison/${post.documentId}`);
    const title = page.getByRole('heading', { level: 1 });
    await title.filter({ hasText: post.label }).waitFor({ timeout: 30000 });
    expect(await title.innerText()).not.toContain(post.documentId);
    expect(await page.locator('main').innerText()).not.toMatch(/Set up preview/i);
    const role = page.getByRole('combobox', { name: language === 'en' ? 'Role' : '职务' });
    await role.first().waitFor({ timeout: 30000 });
    expect(await role.first().innerText()).toContain(language === 'en' ? 'Head' : '会长');
    await page.screenshot({ path: path.join(SHOTS, `post-edit-${language}.png`), fullPage: true });
  }, 60000);

  it('draws the covered part of the overview bars in colour on the white card', async () => {
    await openInAdmin(page, baseUrl, `/admin/plugins/liaison/overview`);
    const card = page.getByTestId('dimension-region');
    await card.waitFor({ timeout: 30000 });
    const colours = await card.evaluate((el) => {
      const fill = el.querySelector('[data-testid="coverage-bar-fill"]') as HTMLElement;
      const track = el.querySelector('[data-testid="coverage-bar"]') as HTMLElement;
      return {
        card: getComputedStyle(el).backgroundColor,
        track: getComputedStyle(track).backgroundColor,
        fill: getComputedStyle(fill).backgroundColor,
        width: fill.getBoundingClientRect().width,
        percent: Number(track.getAttribute('aria-valuenow')),
      };
    });
    expect(colours.fill).not.toBe(colours.card);
    expect(colours.fill).not.toBe(colours.track);
    expect(colours.fill).not.toBe('rgb(255, 255, 255)');
    // the region dimension has the active post made above: its bar shows it (unless rounded to 0 %)
    expect(colours.width > 0).toBe(colours.percent > 0);
  }, 60000);

  it("shows the integrity guard's refusal on the field, in the admin language, and saves nothing", async () => {
    await openInAdmin(page, baseUrl, `/admin/content-manager/collection-types/plugin::liaison.liaison/${post.documentId}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: post.label }).waitFor({ timeout: 30000 });
    // a regional post moved to the cohort dimension, still in its chapter
    const dimension = page.getByRole('combobox', { name: language === 'en' ? 'Dimension' : '维度' }).first();
    await dimension.click();
    await page.getByRole('option', { name: language === 'en' ? 'Cohort (class)' : '年级（班级）' }).click();
    expect(await dimension.innerText()).toContain(language === 'en' ? 'Cohort (class)' : '年级（班级）');
    await page.getByRole('button', { name: language === 'en' ? 'Save' : '保存' }).click();
    const refusal = language === 'en' ? 'a cohort post cannot have a chapter' : '年级（班级）维度的岗位不能指定地区校友会';
    await page.getByText(refusal).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: path.join(SHOTS, `post-refused-${language}.png`), fullPage: true });
    const stored = await strapiApp().db.query('plugin::liaison.liaison').findOne({ where: { documentId: post.documentId } });
    expect(stored.dimension).toBe('region');
  }, 60000);
});
