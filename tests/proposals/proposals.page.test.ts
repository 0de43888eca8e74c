import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { classWithLiaison, propose } from './helpers';
import { signInStaff } from '../helpers/staff';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * Alumni Office Staff review proposed changes on the Proposed changes page, in English and in
 * Chinese: a liaison's proposal shows the record's values beside the proposed ones, with who
 * proposed it and from where; staff approve it (the record changes) and reject another with a reason.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const PASSWORD = 'E2e-Proposals-Pass-2026';

let browser: Browser;
let baseUrl: string;
let email: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  email = `${unique('reviewer').toLowerCase()}@liaison.test`;
  const role = await strapiApp().db.query('admin::role').findOne({ where: { name: 'Alumni Office Staff' } });
  await strapiApp().service('admin::user').create({ email, firstname: '审核', lastname: 'Staff', password: PASSWORD, isActive: true, roles: [role.id] });
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

const alumnus = (documentId: string) => strapiApp().db.query('plugin::liaison.alumnus').findOne({ where: { documentId } }) as Promise<any>;

describe.each(ADMIN_LANGUAGES)('the proposals page in %s', (language) => {
  const t = adminMessages(language);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `proposals-${name}-${language}.png`), fullPage: true });

  it('shows a proposal side by side and approves it; rejects another with a reason', async () => {
    const one = await classWithLiaison();
    const name = unique(language === 'en' ? '欧阳锋' : '令狐冲');
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: one.classmate.documentId, data: { name } as any });
    const made = await propose(one.liaison.auth, { alumnus: one.classmate.documentId, changes: { city: '上海', jobTitle: '总工程师' }, source: 'call', note: '电话核实' });
    expect(made.status).toBe(201);
    const two = await classWithLiaison();
    const otherName = unique('任盈盈');
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: two.classmate.documentId, data: { name: otherName } as any });
    expect((await propose(two.liaison.auth, { alumnus: two.classmate.documentId, changes: { employer: '某公司' }, source: 'other' })).status).toBe(201);

    const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, language, { width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/proposals?pageSize=100`);
    await page.getByRole('heading', { name: t('proposals.title'), level: 1 }).waitFor({ timeout: 60000 });
    await page.getByRole('link', { name: t('nav.proposals') }).waitFor({ timeout: 60000 });

    const card = page.getByRole('region', { name });
    await card.waitFor({ timeout: 60000 });
    const text = await card.textContent();
    // The record's values beside the proposed ones, who proposed it and where it came from.
    for (const expected of ['北京', '上海', '总工程师', t('proposals.field.city'), t('proposals.field.jobTitle'), '陈静', '电话核实', t('proposals.column.current'), t('proposals.column.proposed')]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain(t('proposals.source', { source: language === 'en' ? 'A phone call' : '电话' }));
    await expect(card.locator('tr[data-changed="true"]').count()).resolves.toBe(2);
    await shot(page, 'pending');

    const approved = page.waitForResponse((r) => r.url().includes(`/liaison/proposals/${made.body.data.documentId}/approve`));
    await card.getByRole('button', { name: t('proposals.approve') }).click();
    expect((await approved).status()).toBe(200);
    await card.waitFor({ state: 'detached', timeout: 30000 });
    expect(await alumnus(one.classmate.documentId)).toMatchObject({ city: '上海', jobTitle: '总工程师' });

    // Reject the other: the dialog asks why.
    const other = page.getByRole('region', { name: otherName });
    await other.getByRole('button', { name: t('proposals.reject') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox').fill('单位信息有误');
    const rejected = page.waitForResponse((r) => r.url().includes('/reject'));
    await dialog.getByRole('button', { name: t('proposals.rejectSubmit') }).click();
    expect((await rejected).status()).toBe(200);
    await other.waitFor({ state: 'detached', timeout: 30000 });
    expect((await alumnus(two.classmate.documentId)).employer).toBe('某某研究所');

    // The approved tab shows who decided.
    await page.getByRole('tab', { name: t('proposals.tab.approved') }).click();
    const done = page.getByRole('region', { name });
    await done.waitFor({ timeout: 30000 });
    const decided = await done.textContent();
    expect(decided).toContain('审核 Staff');
    // What the record held when the proposal was made, beside what it became.
    expect(decided).toContain(t('proposals.column.before'));
    expect(decided).toContain('北京');
    await shot(page, 'approved');
    await page.context().close();
  }, 240000);

  it('shows College Staff that a contact detail is proposed, without its values, and leaves the decision to the office', async () => {
    const one = await classWithLiaison();
    const name = unique('岳灵珊');
    await strapiApp().documents('plugin::liaison.alumnus').update({ documentId: one.classmate.documentId, data: { name } as any });
    expect((await propose(one.liaison.auth, { alumnus: one.classmate.documentId, changes: { city: '杭州', email: 'lingshan@example.cn' }, source: 'call' })).status).toBe(201);
    const { user } = await signInStaff('College Staff', { colleges: [one.college.documentId] });
    const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, language, { width: 1440, height: 1000 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/proposals?pageSize=100`);
    const card = page.getByRole('region', { name });
    await card.waitFor({ timeout: 60000 });
    await card.getByTestId('proposal-hidden-field').getByText(t('proposals.value.hidden')).waitFor();
    await card.getByTestId('proposal-office-decides').getByText(t('proposals.officeDecides')).waitFor();
    const text = await card.textContent();
    expect(text).toContain('杭州');
    expect(text).not.toContain('lingshan@example.cn');
    expect(await card.getByRole('button').count()).toBe(0);
    await shot(page, 'college-staff');
    await page.context().close();
  }, 120000);
});
