import type { Browser } from 'playwright-core';
import fs from 'fs';
import path from 'path';
import { http, setupStrapi, strapiApp, teardownStrapi, adminToken } from '../helpers/strapi';
import { launchBrowser, listen } from '../helpers/browser';
import { makeAlumnus, makeCohort, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

/**
 * A class liaison on their phone, in Chinese and in English: the page shows them the tab of
 * their posts; they find a classmate by the initials of the name, select two classmates and log
 * the gathering where they met, propose a new employer for one; staff approve it and the
 * record changes. An alumnus without a post sees no such tab.
 */
const SHOTS = path.join(__dirname, '../screenshots/liaison-page');
const PHONE = { width: 390, height: 844 };
const CONTACT = 'plugin::liaison.contact-log';
const PROPOSAL = 'plugin::liaison.change-proposal';
const ALUMNUS = 'plugin::liaison.alumnus';

const TEXT = {
  'zh-Hans': { tab: '联络员', alumni: '我联络的校友', logFor: '为选中的 2 位记录联络', logged: '已记录 2 条联络', propose: '提议修改信息', proposed: '已提交', contacts: '联络记录' },
  en: { tab: 'Liaison', alumni: 'My alumni', logFor: 'Log a contact with the 2 selected', logged: '2 contacts logged', propose: 'Propose a change', proposed: 'Sent', contacts: 'Contacts' },
} as const;

let browser: Browser;
let baseUrl: string;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

/** A phone's browser context already signed in with `jwt`, in `language`. */
const phone = async (jwt: string, language: 'en' | 'zh-Hans') => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: language === 'en' ? 'en-GB' : 'zh-CN' });
  await context.addInitScript(
    ([token, lang]) => {
      sessionStorage.setItem('liaison.jwt', token);
      localStorage.setItem('liaison.lang', lang);
    },
    [jwt, language]
  );
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  return { context, page, problems };
};

describe.each(['zh-Hans', 'en'] as const)('the liaison page in %s', (language) => {
  const text = TEXT[language];

  it('logs a contact with two classmates and proposes a change that staff approve', async () => {
    const cohort = await makeCohort();
    const monitor = await signedInAlumnus({ name: '周班长', cohort: cohort.documentId, language });
    const post = await makePost({ alumnus: monitor.alumnus.documentId, cohort: cohort.documentId, termStart: '2024-01-01' });
    const li = await makeAlumnus({ name: '李振东', cohort: cohort.documentId, city: '深圳', employer: '华为', contactConsent: true, phone: '13912345678' });
    const wang = await makeAlumnus({ name: '王芳', cohort: cohort.documentId, city: '北京' });

    const { context, page, problems } = await phone(monitor.jwt, language);
    await page.goto(`${baseUrl}/api/liaison/app#posts`);
    await page.waitForSelector(`li[data-post="${post.documentId}"]`);
    await page.waitForSelector(`nav a:has-text("${text.tab}")`);
    await page.screenshot({ path: path.join(SHOTS, `${language}-1-posts.png`), fullPage: true });

    // My alumni: 李振东 found by the initials of his name; his phone shown (he consented).
    await page.click(`li[data-post="${post.documentId}"] button`);
    await page.waitForSelector(`li[data-alumnus="${wang.documentId}"]`);
    await page.fill('#f-q', 'lzd');
    await page.click('form[name=search] button[type=submit]');
    await page.waitForFunction((id) => document.querySelectorAll('li[data-alumnus]').length === 1 && !!document.querySelector(`li[data-alumnus="${id}"]`), li.documentId);
    expect(await page.textContent(`li[data-alumnus="${li.documentId}"]`)).toContain('13912345678');

    // Both selected: one contact logged for each, on the liaison's post.
    await page.fill('#f-q', '');
    await page.click('form[name=search] button[type=submit]');
    await page.waitForSelector(`li[data-alumnus="${wang.documentId}"]`);
    await page.check(`li[data-alumnus="${li.documentId}"] input[name=pick]`);
    await page.check(`li[data-alumnus="${wang.documentId}"] input[name=pick]`);
    await page.click(`button:has-text("${text.logFor}")`);
    await page.selectOption('form[name=contact] select[name=channel]', 'gathering');
    await page.fill('form[name=contact] textarea[name=summary]', '班级聚会，聊了返校日的安排');
    await page.screenshot({ path: path.join(SHOTS, `${language}-2-contact.png`), fullPage: true });
    await page.click('form[name=contact] button[type=submit]');
    await page.waitForSelector(`.notice.ok:has-text("${text.logged}")`);
    const logs = await strapiApp().db.query(CONTACT as any).findMany({ where: { liaison: { id: post.id } }, populate: ['alumnus'] });
    expect(logs.map((l: any) => l.alumnus.documentId).sort()).toEqual([li.documentId, wang.documentId].sort());
    expect(logs.every((l: any) => l.channel === 'gathering')).toBe(true);

    // A new employer for 李振东, as he said.
    await page.click(`li[data-alumnus="${li.documentId}"] button:has-text("${text.propose}")`);
    await page.selectOption('form[name=proposal] select[name=field]', 'employer');
    await page.fill('form[name=proposal] input[name=value]', '腾讯');
    await page.selectOption('form[name=proposal] select[name=source]', 'said_so');
    await page.click('form[name=proposal] button[type=submit]');
    await page.waitForSelector(`.notice.ok:has-text("${text.proposed}")`);
    await page.screenshot({ path: path.join(SHOTS, `${language}-3-proposed.png`), fullPage: true });
    const proposal = await strapiApp().db.query(PROPOSAL as any).findOne({ where: { alumnus: { id: li.id } } });
    expect(proposal).toMatchObject({ proposalStatus: 'pending' });

    // Staff approve it: the record changes.
    const approved = await http().post(`/liaison/proposals/${proposal.documentId}/approve`).set('Authorization', `Bearer ${await adminToken()}`).send({});
    expect(approved.status).toBe(200);
    expect(await strapiApp().db.query(ALUMNUS as any).findOne({ where: { id: li.id } })).toMatchObject({ employer: '腾讯' });

    // The contacts logged, listed.
    await page.click(`.tabs a:has-text("${text.contacts}")`);
    await page.waitForSelector('li[data-contact]');
    expect(await page.locator('li[data-contact]').count()).toBe(2);
    expect(problems).toEqual([]);
    await context.close();
  });
});

it('shows no liaison tab to an alumnus who holds no post', async () => {
  const person = await signedInAlumnus({ name: '钱多多' });
  const { context, page, problems } = await phone(person.jwt, 'en');
  // The posts are asked once; the tab stays away when there are none.
  const asked = page.waitForResponse((r) => r.url().includes('/liaison/my/posts'));
  await page.goto(`${baseUrl}/api/liaison/app#events`);
  await page.waitForSelector('nav a[href="#me"]');
  expect((await asked).status()).toBe(200);
  expect(await page.locator('nav a[href="#posts"]').count()).toBe(0);
  // The events view may still be loading: the posts view, asked for last, is the one drawn.
  await page.goto(`${baseUrl}/api/liaison/app#posts`);
  await page.locator('main .notice').filter({ hasText: 'You hold no liaison post' }).waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.textContent('main')).toContain('You hold no liaison post');
  expect(problems).toEqual([]);
  await context.close();
});
