import type { Browser, Page } from 'playwright-core';
import path from 'path';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { launchBrowser, listen, signInAdmin } from '../helpers/browser';
import en from '../../plugins/liaison/admin/src/translations/en.json';
import zh from '../../plugins/liaison/admin/src/translations/zh-Hans.json';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Staff edit a story's tags and cohort years with inputs of their own (the plugin's custom
 * fields), not JSON editors, and what is saved is the JSON list the website reads.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Stories-Pass-2026';
const MESSAGES = { en, 'zh-Hans': zh } as const;
const STORY = 'plugin::liaison.story';

let browser: Browser;
let baseUrl: string;
let email: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('editor').toLowerCase()}@liaison.test`;
  const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
  await strapiApp().service('admin::user').create({ email, firstname: 'E2E', lastname: 'Stories', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('a story’s tags and cohort years in %s', (language) => {
  const t = (key: string, values: Record<string, string | number> = {}) =>
    Object.entries(values).reduce((text, [k, v]) => text.replace(`{${k}}`, String(v)), (MESSAGES[language] as Record<string, string>)[key]);

  it('are edited as chips, checked while typing, and saved as the same JSON lists', async () => {
    const story = await strapiApp()
      .documents(STORY as any)
      .create({ data: { title: unique('故事'), slug: unique('story'), tags: ['abroad'], cohortYears: [2017] } as any, locale: 'zh-Hans' });
    const page: Page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1400 });
    await page.goto(`${baseUrl}/admin/content-manager/collection-types/${STORY}/${story.documentId}?plugins[i18n][locale]=zh-Hans`);
    const tagInput = page.getByRole('textbox', { name: t('field.tags.add') });
    await tagInput.waitFor({ timeout: 60000 });
    // No JSON editor left on the form.
    await expect(page.locator('.cm-editor').count()).resolves.toBe(0);
    await page.getByTestId('tags-chips').getByText('abroad', { exact: true }).waitFor();
    await page.getByTestId('cohortYears-chips').getByText('2017', { exact: true }).waitFor();

    // A tag as typed becomes a slug; one that cannot is refused at the field.
    await tagInput.fill('Class Spirit');
    await tagInput.press('Enter');
    await page.getByTestId('tags-chips').getByText('class-spirit', { exact: true }).waitFor();
    await tagInput.fill('校友');
    await tagInput.press('Enter');
    await page.getByText(t('field.tags.invalid', { tags: '校友' })).waitFor();
    await tagInput.fill('');

    // Years: added in order, once; removed with the chip's button.
    const yearInput = page.getByRole('textbox', { name: t('field.years.add') });
    for (const year of ['2006', '2006']) {
      await yearInput.fill(year);
      await yearInput.press('Enter');
    }
    await page.getByTestId('cohortYears-chips').getByText('2006', { exact: true }).waitFor();
    expect(await yearInput.inputValue()).toBe('');
    await yearInput.fill('1800');
    await yearInput.press('Enter');
    await page.getByText(t('field.years.invalid', { min: 1900, max: 2100 })).waitFor();
    await yearInput.fill('');
    await page.getByRole('button', { name: t('field.years.remove', { year: 2017 }) }).click();
    await expect(page.getByTestId('cohortYears-chips').getByText('2017', { exact: true }).count()).resolves.toBe(0);
    await page.screenshot({ path: path.join(SHOTS, `story-fields-${language}.png`), fullPage: true });

    const saved = page.waitForResponse((r) => r.url().includes(`/${story.documentId}`) && r.request().method() === 'PUT');
    await page.getByRole('button', { name: language === 'en' ? 'Save' : '保存', exact: true }).click();
    expect((await saved).status()).toBe(200);
    const stored = await strapiApp().documents(STORY as any).findOne({ documentId: story.documentId, locale: 'zh-Hans' });
    expect((stored as any).tags).toEqual(['abroad', 'class-spirit']);
    expect((stored as any).cohortYears).toEqual([2006]);
    await page.context().close();
  }, 180000);
});
