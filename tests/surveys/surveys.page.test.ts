import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { signInStaff } from '../helpers/staff';
import { fromNow, mailsTo, network, tokenIn, writeAnswer } from './helpers';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * The Surveys page in English and in Chinese: a new survey written in the editor (titles, a
 * class picked, a question with its options in both languages), saved; sending it without a
 * close date names the field; with one, it goes out and the page shows the send's outcome;
 * an answer later, the results tab shows the rate per scope and the question's chart.
 */
const SHOTS = path.join(__dirname, '../screenshots');
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('the Surveys page in %s', (language) => {
  const t = adminMessages(language);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `surveys-${name}-${language}.png`), fullPage: true });

  it('writes, saves and sends a survey, then shows its results', async () => {
    const net = await network();
    const { user, token } = await signInStaff('Alumni Office Staff');
    const api = withToken(token);
    const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, language, { width: 1280, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/surveys`);
    await page.getByRole('heading', { name: t('surveys.title'), level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: t('surveys.new') }).click();
    await page.getByRole('heading', { name: t('surveys.new'), level: 1 }).waitFor();

    const title = unique('毕业去向调查');
    await page.getByLabel(t('surveys.field.title')).fill(title);
    const titleEn = unique('Where alumni went');
    await page.getByLabel(t('surveys.field.titleEn')).fill(titleEn);
    await page.getByLabel(t('surveys.scopes.search')).fill(net.classA.className as string);
    await page.getByTestId('scope-options').getByRole('button', { name: net.classA.className as string }).click();
    await page.getByTestId('chosen-scopes').filter({ hasText: net.classA.className as string }).waitFor();
    await page.getByRole('button', { name: t('surveys.question.add') }).click();
    await page.getByLabel(t('surveys.question.labelZh')).fill('您在哪里工作？');
    await page.getByLabel(t('surveys.question.labelEn')).fill('Where do you work?');
    const options = page.getByTestId('option');
    await options.nth(0).getByLabel(t('surveys.option.labelZh')).fill('本市');
    await options.nth(0).getByLabel(t('surveys.option.labelEn')).fill('In the city');
    await options.nth(1).getByLabel(t('surveys.option.labelZh')).fill('海外');
    await options.nth(1).getByLabel(t('surveys.option.labelEn')).fill('Abroad');
    await page.getByRole('button', { name: t('surveys.save'), exact: true }).click();
    await page.waitForURL(/\/surveys\/[a-z0-9]{24}$/);
    const documentId = page.url().split('/').pop()!;

    // Sent without a close date: the field says why.
    await page.getByRole('button', { name: t('surveys.send'), exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t('surveys.send'), exact: true }).click();
    await page.getByText(language === 'en' ? 'a survey needs its close date before it is sent' : '问卷发送前须设置截止时间').first().waitFor();
    expect((await api.get(`/liaison/surveys/${documentId}`)).body.data.status).toBe('draft');

    // With a close date (set here through the API: the date picker is the Design System's own).
    expect((await api.put(`/liaison/surveys/${documentId}`).send({ closesAt: fromNow(10) })).status).toBe(200);
    await page.reload();
    await page.getByRole('heading', { name: language === 'en' ? titleEn : title, level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: t('surveys.send'), exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: t('surveys.send'), exact: true }).click();
    await page.getByTestId('sending').filter({ hasText: t('surveys.sending.done', { invited: 2, total: 2 }) }).waitFor({ timeout: 30000 });
    await shot(page, 'sent');

    const answer = tokenIn((await mailsTo(net.a1.email as string))[0].text);
    expect((await writeAnswer(answer, { q1: 'a' })).status).toBe(200);
    await page.getByRole('tab', { name: t('surveys.tab.results') }).click();
    await page.getByTestId('scope-rate').first().filter({ hasText: '50%' }).waitFor({ timeout: 30000 });
    expect(await page.getByTestId('scope-rate').count()).toBe(2);
    await page.getByTestId('question-result').filter({ hasText: language === 'en' ? 'Where do you work?' : '您在哪里工作？' }).locator('svg.recharts-surface').first().waitFor();
    await shot(page, 'results');

    await page.goto(`${baseUrl}/admin/plugins/liaison/surveys`);
    await page.getByTestId('survey-row').filter({ hasText: t('surveys.status.sent') }).first().waitFor();
    await page.context().close();
  }, 180000);
});
