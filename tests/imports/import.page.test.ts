import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeCohort, makeCollege, makeIndustry } from '../helpers/fixtures';
import { csvOf } from './helpers';
import { ENUM_LABELS } from '../../plugins/liaison/admin/src/strings/enum-labels';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Issue 15, step 2: staff import the registrar's file on the Imports page, in English and
 * in Chinese: choose a CSV with one bad row, see what each column is recognised as, map the
 * one column that is not recognised, dry run (counts, the rejected row with its column and
 * reason, nothing written), import, follow the progress to the end, find the import in the
 * history and download its rejected rows.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Imports-Pass-2026';
const ALUMNI = 'plugin::liaison.alumnus';
const HEAD = ['姓名', '学号', '性别', '学院', '班级', '毕业年份', '手机', '邮箱', '行业', 'QQ/微信'];
/** The header no registrar's form uses: staff say what it is. */
const UNRECOGNISED = 'QQ/微信';

let browser: Browser;
let baseUrl: string;
let email: string;
let college: any;
let cohort: any;
let industry: any;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('importer').toLowerCase()}@liaison.test`;
  const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
  await strapiApp()
    .service('admin::user')
    .create({ email, firstname: '导入', lastname: 'Tester', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
  college = await makeCollege({ name: unique('临床医学院') });
  cohort = await makeCohort({ college: college.documentId, gradYear: 2015, className: unique('临床医学2011级1班') });
  industry = await makeIndustry({ name: unique('医疗卫生') });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('the Imports page in %s', (language) => {
  const t = adminMessages(language);
  const lang = language === 'en' ? 0 : 1;
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `import-${name}-${language}.png`) });

  it('uploads, maps, dry runs, imports with progress, lists it in the history and downloads the rejected rows', async () => {
    const prefix = `P${language === 'en' ? 'E' : 'Z'}${Date.now().toString(36)}`;
    const sn = (n: number) => `${prefix}-${n}`;
    const row = (n: number, name: string, phone: string) => [name, sn(n), n % 2 ? '女' : '男', college.name, cohort.className, '2015', phone, `p${n}@example.cn`, industry.name, `wx_${prefix}_${n}`];
    const file = csvOf([HEAD, row(1, '王芳', '+86 139-1234-5678'), row(2, '李振东', '13812345678'), row(3, '陈静', '12345'), row(4, '张伟', '0086 137 1234 5678')], { bom: true });
    const fileName = `校友名单-${language}.csv`;

    const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });
    // The user's permissions arrive late, as on a loaded server: the side navigation still shows
    // the links they allow once they are there (it checked too early, and hid them for good, before).
    await page.route('**/admin/users/me/permissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await route.continue();
    });
    await page.goto(`${baseUrl}/admin/plugins/liaison/imports`);
    await page.getByRole('heading', { name: t('imports.title'), level: 1 }).waitFor({ timeout: 60000 });
    // The plugin's side navigation names the page.
    await page.getByRole('link', { name: t('imports.title') }).waitFor({ timeout: 60000 });
    await page.unroute('**/admin/users/me/permissions');

    // 1. The file: its columns come back recognised.
    const previewed = page.waitForResponse((r) => r.url().endsWith('/liaison/imports/preview') && r.request().method() === 'POST');
    await page.setInputFiles('[data-testid="import-file"]', { name: fileName, mimeType: 'text/csv', buffer: file });
    expect((await previewed).status()).toBe(200);
    const mapping = page.getByTestId('mapping-table');
    await mapping.waitFor();
    await expect(page.getByTestId('chosen-file').innerText()).resolves.toContain(fileName);
    const select = (header: string) => page.getByRole('combobox', { name: t('imports.mapping.selectFor', { header }) });
    const stateOf = (header: string) => page.getByTestId('mapping-row').filter({ has: page.getByTestId('mapping-header').getByText(header, { exact: true }) }).getByTestId('mapping-state');
    const recognised: [string, string][] = [['姓名', 'name'], ['学号', 'studentNo'], ['学院', 'college'], ['班级', 'cohort'], ['手机', 'phone'], ['邮箱', 'email'], ['行业', 'industry']];
    for (const [header, field] of recognised) {
      await expect(select(header).innerText()).resolves.toBe(t(`imports.field.${field}`));
      await expect(stateOf(header).getAttribute('data-state')).resolves.toBe('recognised');
    }
    await expect(select(UNRECOGNISED).innerText()).resolves.toBe(t('imports.mapping.ignore'));
    await expect(stateOf(UNRECOGNISED).textContent()).resolves.toBe(t('imports.mapping.unknown')); // badges show in capitals
    // The first rows beside each column.
    expect(await mapping.innerText()).toContain(sn(1));
    await shot(page, 'mapping');

    // 2. One column's mapping changed: QQ/微信 is the WeChat id.
    await select(UNRECOGNISED).click();
    await page.getByRole('option', { name: t('imports.field.wechat'), exact: true }).click();
    await expect(select(UNRECOGNISED).innerText()).resolves.toBe(t('imports.field.wechat'));
    await expect(stateOf(UNRECOGNISED).getAttribute('data-state')).resolves.toBe('changed');
    await page.getByTestId('toggle-rows').click();
    await expect(page.getByTestId('first-rows').innerText()).resolves.toContain('12345');
    await page.getByTestId('toggle-rows').click();

    // 3. The dry run: counts, the rejected row with its column and reason; nothing written.
    const dryStarted = page.waitForResponse((r) => r.url().endsWith('/liaison/imports') && r.request().method() === 'POST');
    await page.getByTestId('dry-run').click();
    const dry = (await (await dryStarted).json()).data;
    expect(dry).toMatchObject({ dryRun: true, status: 'queued' });
    const report = page.locator('[data-testid="import-report"][data-dry-run="true"][data-status="done"]');
    await report.waitFor({ timeout: 30000 });
    const count = (key: string) => page.getByTestId(`count-${key}`).getByTestId('count-value').innerText();
    await expect(count('rows')).resolves.toBe('4');
    await expect(count('new')).resolves.toBe('3');
    await expect(count('updated')).resolves.toBe('0');
    await expect(count('rejected')).resolves.toBe('1');
    await page.getByTestId('counts-chart').waitFor();
    const rejected = page.getByTestId('rejected-row');
    await rejected.first().waitFor();
    expect(await rejected.count()).toBe(1);
    const rejectedText = await rejected.innerText();
    expect(rejectedText).toContain('4'); // the row number: the header is row 1
    expect(rejectedText).toContain('陈静');
    expect(await rejected.getByTestId('rejected-column').innerText()).toBe('手机');
    expect(await rejected.getByTestId('rejected-reason').innerText()).toBe(language === 'en' ? 'bad phone number: 12345' : '电话号码有误：12345');
    expect(await strapiApp().db.query(ALUMNI as any).count({ where: { studentNo: { $startsWith: prefix } } })).toBe(0);
    await page.getByTestId('step-report').scrollIntoViewIfNeeded();
    await shot(page, 'dry-run');

    // 4. The import, its progress bar until it is done. Every state the report shows is recorded
    // as React renders it (a small file is done within a poll or two).
    await page.evaluate(() => {
      const seen: { statuses: string[]; bars: number[] } = { statuses: [], bars: [] };
      (window as any).__importSeen = seen;
      new MutationObserver(() => {
        const report = document.querySelector('[data-testid="import-report"][data-dry-run="false"]');
        const status = report?.getAttribute('data-status');
        if (status && seen.statuses[seen.statuses.length - 1] !== status) seen.statuses.push(status);
        const bar = report?.querySelector('[role="progressbar"]');
        if (bar) seen.bars.push(Number(bar.getAttribute('aria-valuenow') ?? bar.getAttribute('data-value') ?? -1));
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const runStarted = page.waitForResponse((r) => r.url().endsWith('/liaison/imports') && r.request().method() === 'POST');
    await page.getByTestId('run-import').click();
    const run = (await (await runStarted).json()).data;
    expect(run).toMatchObject({ dryRun: false, status: 'queued', progress: 0 });
    const done = page.locator('[data-testid="import-report"][data-dry-run="false"][data-status="done"]');
    await done.waitFor({ timeout: 30000 });
    const seen = await page.evaluate(() => (window as any).__importSeen as { statuses: string[]; bars: number[] });
    // Queued (the 202's answer) with its bar, then polled until done; the bar gives way to the counts.
    expect(seen.statuses[0]).toBe('queued');
    expect(seen.statuses[seen.statuses.length - 1]).toBe('done');
    expect(seen.bars.length).toBeGreaterThan(0);
    expect(await page.getByRole('progressbar').count()).toBe(0);
    const record = await strapiApp().db.query('plugin::liaison.data-import' as any).findOne({ where: { documentId: run.documentId }, select: ['importStatus', 'progress'] });
    expect(record).toMatchObject({ importStatus: 'done', progress: 1 });
    expect(await page.getByTestId('import-done').textContent()).toContain(t('imports.done.title'));
    await expect(count('new')).resolves.toBe('3');
    await expect(count('rejected')).resolves.toBe('1');
    const stored = await strapiApp()
      .documents(ALUMNI as any)
      .findMany({ filters: { studentNo: { $startsWith: prefix } }, populate: ['cohort'], sort: 'studentNo:asc' } as any);
    expect(stored.map((a: any) => [a.studentNo, a.wechat, a.cohort?.documentId])).toEqual([
      [sn(1), `wx_${prefix}_1`, cohort.documentId],
      [sn(2), `wx_${prefix}_2`, cohort.documentId],
      [sn(4), `wx_${prefix}_4`, cohort.documentId],
    ]);
    await page.getByTestId('step-report').scrollIntoViewIfNeeded();
    await shot(page, 'done');

    // 5. The history: who, when, the file, dry run or import, the counts, the status.
    const history = page.getByTestId('history-row');
    await page.locator(`[data-testid="history-row"][data-document-id="${run.documentId}"]`).waitFor();
    const first = history.first();
    expect(await first.getAttribute('data-document-id')).toBe(run.documentId);
    const firstText = (await first.textContent()) ?? '';
    expect(firstText).toContain(fileName);
    expect(firstText).toContain(t('imports.kind.run'));
    expect(firstText).toContain(ENUM_LABELS.importStatus.done[lang]);
    expect(firstText).toContain('导入 Tester');
    expect(await first.getByTestId('history-rows').innerText()).toBe('4');
    expect(await first.getByTestId('history-new').innerText()).toBe('3');
    expect(await first.getByTestId('history-rejected').innerText()).toBe('1');
    const second = page.locator(`[data-testid="history-row"][data-document-id="${dry.documentId}"]`);
    expect(await second.textContent()).toContain(t('imports.kind.dryRun'));
    await page.getByTestId('import-history').scrollIntoViewIfNeeded();
    await shot(page, 'history');

    // 6. The rejected rows, downloaded from the history: the row as it was, with its reason.
    const [download] = await Promise.all([page.waitForEvent('download'), first.getByTestId('history-download').click()]);
    expect(download.suggestedFilename()).toBe(`校友名单-${language}.rejected.csv`);
    const csv = fs.readFileSync((await download.path()) as string, 'utf8');
    const lines = csv.replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(lines[0]).toBe(['row', ...HEAD, 'reason'].join(','));
    expect(lines).toHaveLength(2);
    expect(lines[1].startsWith(`4,陈静,${sn(3)},`)).toBe(true);
    expect(lines[1]).toContain(language === 'en' ? '手机: bad phone number: 12345' : '手机：电话号码有误：12345');

    // Every string of the page was in the admin's language: no message id shows through.
    expect(await page.locator('main').innerText()).not.toMatch(/liaison\.imports\.|imports\.[a-z]+\.[a-zA-Z]+/);
    await page.context().close();
  }, 180000);
});
