import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeCohort } from '../helpers/fixtures';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Staff find and merge a duplicate on the Probable duplicates page, in English and in
 * Chinese: scan, find the pair best first with its evidence (and by a student number),
 * compare the records side by side, choose the other record's phone, merge; the merged
 * record's feedback now belongs to the one kept.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Duplicates-Pass-2026';
const ALUMNI = 'plugin::liaison.alumnus';

let browser: Browser;
let baseUrl: string;
let email: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('merger').toLowerCase()}@liaison.test`;
  const superAdmin = await strapiApp().service('admin::role').getSuperAdmin();
  await strapiApp().service('admin::user').create({ email, firstname: '查重', lastname: 'Tester', password: PASSWORD, isActive: true, roles: [superAdmin.id] });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

describe.each(ADMIN_LANGUAGES)('the duplicates page in %s', (language) => {
  const t = adminMessages(language);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `duplicates-${name}-${language}.png`), fullPage: true });

  it('scans, compares a pair side by side and merges it with a field of the other record', async () => {
    const n = `${Date.now()}`.slice(-8);
    const cohort = await makeCohort({ className: unique('法学2012级') });
    // One person twice: the registrar's number and the college's (with prefix), the name in two scripts, one phone,
    // one e-mail in two cases: 100 %, so the pair is on the first page, ahead of every less sure pair the run left.
    const kept = await makeAlumnus({ name: language === 'en' ? '黃藥師' : '慕容復', studentNo: n, cohort: cohort.documentId, phone: '13700001111', email: `${n}@EXAMPLE.cn`, city: '杭州' });
    const other = await makeAlumnus({ name: language === 'en' ? '黄药师' : '慕容复', studentNo: `FX00${n}`, cohort: cohort.documentId, phone: '+86 137 0000 1111', email: `${n}@example.cn`, city: '上海' });
    await strapiApp().documents('plugin::liaison.feedback').create({ data: { alumnus: other.documentId, category: 'career_help', content: '想找实习', feedbackStatus: 'open', receivedAt: '2025-05-01T08:00:00Z' } as any });

    const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/duplicates?minScore=0.9&pageSize=100`);
    await page.getByRole('heading', { name: t('duplicates.title'), level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('link', { name: t('duplicates.title') }).waitFor({ timeout: 60000 });

    // Scan: the line says when it finished, and the pair appears with its evidence.
    const started = page.waitForResponse((r) => r.url().endsWith('/liaison/duplicates/scan') && r.request().method() === 'POST');
    await page.getByRole('button', { name: t('duplicates.scan.start') }).click();
    expect((await started).status()).toBe(202);
    const row = page.getByTestId('duplicate-row').filter({ hasText: kept.name });
    await row.waitFor({ timeout: 60000 }).catch(async (error) => {
      // What the server holds, to tell a scan that did not store the pair from a page that did not show it.
      const service = strapiApp().plugin('liaison').service('duplicates');
      const ids = (await strapiApp().db.query(ALUMNI).findMany({ where: { documentId: { $in: [kept.documentId, other.documentId] } }, select: ['id'] })).map((r: any) => r.id);
      const stored = await strapiApp().db.query('plugin::liaison.duplicate-pair').findMany({ where: { first: { $in: ids } } });
      const listed = await service.list({ page: 1, pageSize: 100, minScore: 0.9, status: 'open' }, { id: 0, roles: [{ code: 'strapi-super-admin' }] });
      throw new Error(`${error.message}\nscan: ${JSON.stringify(await service.scanStatus())}\nstored: ${JSON.stringify(stored)}\nlisted: ${listed.meta.pagination.total} pairs, first scores ${listed.data.slice(0, 5).map((p: any) => p.score)}, last ${listed.data.at(-1)?.score}`);
    });
    await page.getByTestId('scan-line').waitFor();
    await expect(row.textContent()).resolves.toContain(t('duplicates.evidence.studentNo'));
    await expect(row.textContent()).resolves.toContain(t('duplicates.evidence.phone'));
    await expect(row.textContent()).resolves.toContain(t('duplicates.evidence.nameScript'));
    await expect(row.textContent()).resolves.toContain(t('duplicates.evidence.email'));
    await shot(page, 'list');

    // A search by the other record's student number, in another case, leaves this pair alone.
    await page.getByRole('textbox', { name: t('duplicates.search') }).fill(`fx00${n}`);
    await page.waitForURL((url) => url.searchParams.get('q') === `fx00${n}`);
    await page.waitForFunction((name) => {
      const rows = [...document.querySelectorAll('[data-testid="duplicate-row"]')];
      return rows.length === 1 && rows[0].textContent!.includes(name);
    }, kept.name);

    // Compare: both records field by field; the differing ones can be chosen.
    await row.getByRole('button', { name: t('duplicates.review') }).click();
    await page.getByRole('heading', { name: `${kept.name} / ${other.name}`, level: 1 }).or(page.getByRole('heading', { name: `${other.name} / ${kept.name}`, level: 1 })).waitFor();
    const cityRow = page.getByTestId('field-city');
    await expect(cityRow.textContent()).resolves.toContain('杭州');
    await expect(cityRow.textContent()).resolves.toContain('上海');
    // Keep the record with the registrar's number; take the other's city.
    await page.getByRole('radio', { name: new RegExp(t('duplicates.keepSide', { side: '[AB]', name: kept.name })) }).click();
    await cityRow.getByRole('radio', { name: '上海' }).click();
    await shot(page, 'compare');

    await page.getByRole('button', { name: t('duplicates.merge'), exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    const merged = page.waitForResponse((r) => r.url().includes(`/liaison/alumni/${kept.documentId}/merge`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: t('duplicates.confirm.merge') }).click();
    expect((await merged).status()).toBe(200);
    await page.getByRole('heading', { name: t('duplicates.title'), level: 1 }).waitFor();

    // One record now: the registrar's number, its own e-mail, the other's city, the other's feedback.
    const after = await strapiApp().db.query(ALUMNI).findOne({ where: { documentId: kept.documentId } });
    expect(after).toMatchObject({ studentNo: n, city: '上海', email: `${n}@EXAMPLE.cn` });
    expect(await strapiApp().db.query(ALUMNI).findOne({ where: { documentId: other.documentId } })).toBeNull();
    const feedback = await strapiApp().db.query('plugin::liaison.feedback').count({ where: { alumnus: { documentId: kept.documentId } } });
    expect(feedback).toBe(1);
    await page.context().close();
  }, 180000);
});
