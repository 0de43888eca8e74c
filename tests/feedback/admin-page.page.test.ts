import type { Browser } from 'playwright-core';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { signInStaff } from '../helpers/staff';
import { signedInAlumnus } from '../helpers/alumni';
import { makeCollege } from '../helpers/fixtures';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * The Feedback page in both languages: staff of the office find an anonymous item in the
 * open tab, answer it in the dialog, and see it under answered; an overdue item under overdue,
 * found by its words and not among another kind's; the time to answer per post and the settings
 * are on the page.
 */
const FEEDBACK = 'plugin::liaison.feedback';
let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  await setupStrapi();
  await strapiApp().plugin('liaison').service('feedback').configureLimits({ perAddress: 100 });
  baseUrl = await listen();
  browser = await launchBrowser();
}, 120000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('the Feedback page in %s', (language) => {
  const t = adminMessages(language);

  it('lists open and overdue items and answers the office’s', async () => {
    const content = unique('报名页面打不开');
    const sent = await http().post('/api/liaison/feedback/anonymous').send({ kind: 'complaint', content, email: 'someone@example.cn', website: '' });
    expect(sent.status).toBe(201);
    // Due soon: the open tab lists the most urgent first, after the overdue items the run's other files left.
    await strapiApp().db.query(FEEDBACK).update({ where: { documentId: sent.body.data.documentId }, data: { dueAt: new Date(Date.now() + 600_000) } });
    const person = await signedInAlumnus({ name: unique('校友') });
    const late = unique('过期的问题');
    const { documentId: lateId } = (await http().post('/api/liaison/feedback').set(person.auth).send({ kind: 'other', content: late })).body.data;
    await strapiApp().db.query(FEEDBACK).update({ where: { documentId: lateId }, data: { dueAt: new Date(Date.now() - 3_600_000) } });

    const { user } = await signInStaff('Alumni Office Staff');
    const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, language, { width: 1400, height: 900 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/feedback?pageSize=100`);
    await page.getByRole('heading', { name: t('feedback.title'), exact: true }).waitFor({ timeout: 60000 });
    const row = page.getByRole('row').filter({ hasText: content });
    await row.waitFor();
    // The row's actions are on the page as it opens, not past the table's right edge.
    const answer = row.getByRole('button', { name: t('feedback.answer.open'), exact: true });
    const box = (await answer.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1400);
    await answer.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox').fill('已修复，谢谢反馈。');
    const answered = page.waitForResponse((r) => r.url().includes('/answer') && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: t('feedback.answer.send') }).click();
    expect((await answered).status()).toBe(200);
    expect((await strapiApp().db.query(FEEDBACK).findOne({ where: { documentId: sent.body.data.documentId } })).answer).toBe('已修复，谢谢反馈。');

    await page.getByRole('tab', { name: t('feedback.status.answered') }).click();
    await page.getByRole('row').filter({ hasText: '已修复，谢谢反馈。' }).first().waitFor();
    await page.getByRole('tab', { name: t('feedback.status.overdue') }).click();
    await page.getByRole('row').filter({ hasText: late }).waitFor();
    // Words narrow the list, and stay in the address; a kind the item is not of leaves nothing.
    const words = late.slice(-8);
    await page.getByRole('textbox', { name: t('feedback.search') }).fill(words);
    await page.waitForURL((url) => url.searchParams.get('q') === words);
    await page.waitForFunction((text) => {
      const rows = [...document.querySelectorAll('[data-testid="feedback-row"]')];
      return rows.length === 1 && rows[0].textContent!.includes(text);
    }, late);
    await page.getByRole('combobox', { name: t('feedback.column.kind') }).click();
    await page.getByRole('option', { name: t('feedback.kind.complaint'), exact: true }).click();
    await page.getByTestId('feedback-empty').getByText(t('feedback.empty.filtered')).waitFor();
    expect(new URL(page.url()).searchParams.get('kind')).toBe('complaint');
    await page.getByRole('heading', { name: t('feedback.stats.title') }).waitFor();
    await page.getByRole('heading', { name: t('feedback.settings.title') }).waitFor();
    await page.getByRole('button', { name: t('feedback.settings.save') }).waitFor();
    await page.context().close();
  }, 150000);

  it('shows College Staff the office’s deadlines and calendar without a Save button, saying who sets them', async () => {
    const college = await makeCollege();
    const { user } = await signInStaff('College Staff', { colleges: [college.documentId] });
    const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, language, { width: 1400, height: 900 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/feedback`);
    await page.getByRole('heading', { name: t('feedback.settings.title') }).waitFor({ timeout: 60000 });
    await page.getByTestId('feedback-settings-office-only').getByText(t('feedback.settings.officeOnly')).waitFor();
    expect(await page.getByRole('button', { name: t('feedback.settings.save') }).count()).toBe(0);
    await page.context().close();
  }, 120000);
});
