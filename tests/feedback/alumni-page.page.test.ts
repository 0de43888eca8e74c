import type { Browser } from 'playwright-core';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { launchBrowser, listen } from '../helpers/browser';
import { makeCohort, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

/**
 * The alumni page's feedback form on a phone: signed out, the anonymous form (its honeypot
 * out of sight) reaches the office; signed in, the alumnus's own form and, for their liaison,
 * the item in their queue, answered there; the alumnus then reads the answer.
 */
const FEEDBACK = 'plugin::liaison.feedback';
const PHONE = { width: 390, height: 844 };
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

const pageIn = async (language: 'zh-Hans' | 'en', jwt?: string) => {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: language === 'en' ? 'en-GB' : 'zh-CN' });
  if (jwt) await context.addInitScript((token: string) => sessionStorage.setItem('liaison.jwt', token), jwt);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  return { page, problems, context };
};

describe('feedback on the alumni page', () => {
  it('sends anonymous feedback to the office; the honeypot stays out of sight', async () => {
    const { page, problems, context } = await pageIn('zh-Hans');
    await page.goto(`${baseUrl}/api/liaison/app#feedback`);
    await page.waitForSelector('form[name=feedback]');
    expect(await page.isVisible('nav a[href="#feedback"]')).toBe(true);
    expect(await page.$eval('#f-website', (el: any) => { const r = el.getBoundingClientRect(); return r.right < 0 || r.bottom < 0 || r.width <= 1; })).toBe(true);
    const content = unique('报名页面打不开');
    await page.selectOption('#f-kind', 'complaint');
    await page.fill('#f-content', content);
    await page.fill('#f-email', 'someone@example.cn');
    await page.click('form[name=feedback] button[type=submit]');
    await page.waitForSelector('.notice.ok');
    const row = await strapiApp().db.query(FEEDBACK).findOne({ where: { content } });
    expect(row).toMatchObject({ origin: 'anonymous', category: 'complaint', senderEmail: 'someone@example.cn' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a signed-in alumnus send feedback, their liaison answer it on the page, and the alumnus read the answer', async () => {
    const cohort = await makeCohort();
    const holder = await signedInAlumnus({ name: unique('联络员') });
    await makePost({ alumnus: holder.alumnus.documentId, cohort: cohort.documentId });
    const person = await signedInAlumnus({ name: '李明', language: 'en', cohort: cohort.documentId });

    const alumnus = await pageIn('en', person.jwt);
    await alumnus.page.goto(`${baseUrl}/api/liaison/app#feedback`);
    await alumnus.page.waitForSelector('form[name=feedback]');
    const content = unique('Looking for advice on moving into data analysis');
    await alumnus.page.selectOption('#f-kind', 'career_help');
    await alumnus.page.fill('#f-content', content);
    await alumnus.page.click('form[name=feedback] button[type=submit]');
    await alumnus.page.waitForSelector('.notice.ok');
    const row = await strapiApp().db.query(FEEDBACK).findOne({ where: { content } });
    expect(row).toMatchObject({ origin: 'alumnus', category: 'career_help' });

    const liaison = await pageIn('zh-Hans', holder.jwt);
    await liaison.page.goto(`${baseUrl}/api/liaison/app#feedback`);
    const card = `li[data-feedback="${row.documentId}"]`;
    await liaison.page.waitForSelector(`${card} form[name=answer]`);
    await liaison.page.fill(`${card} textarea`, '可以联系数据分析行业的张学长。');
    await liaison.page.click(`${card} form[name=answer] button[type=submit]`);
    await liaison.page.waitForSelector(`${card} .badge`);
    expect((await strapiApp().db.query(FEEDBACK).findOne({ where: { id: row.id } })).answer).toBe('可以联系数据分析行业的张学长。');

    await alumnus.page.reload();
    await alumnus.page.waitForSelector(`${card}:has-text("可以联系数据分析行业的张学长。")`);
    expect(alumnus.problems.concat(liaison.problems)).toEqual([]);
    await alumnus.context.close();
    await liaison.context.close();
  });

  it('serves feedback.js as it is written', async () => {
    const html = (await http().get('/api/liaison/app')).text;
    // After app.js, whose helpers it draws with (window.alumniPage).
    expect(html).toMatch(/src="app\/assets\/app\.js\?v=[^"]+" defer><\/script>\s*<script src="app\/assets\/feedback\.js/);
    const script = await http().get('/api/liaison/app/assets/feedback.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(String(script.text)).not.toMatch(/\?\.[a-zA-Z(\[]|\?\?/);
  });
});
