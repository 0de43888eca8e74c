import type { Browser, Page } from 'playwright-core';
import fs from 'fs';
import path from 'path';
import QRCode from 'qrcode';
import { http, setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { launchBrowser, listen } from '../helpers/browser';
import { makeAlumnus } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';
import { lastToken, mailsTo } from '../accounts/helpers';
import { makeEvent, REGISTRATION } from '../registrations/helpers';

/**
 * The alumni page on a phone (390×844), in Chinese and in English: a person claims their
 * record, opens the mailed link, chooses a password, signs up for an event and sees its QR
 * code, changes a consent, signs out, is refused a wrong password, resets it from the mailed
 * link, signs in again, cancels. The page's files: content types,
 * nosniff, caching, no inline script.
 */
const SHOTS = path.join(__dirname, '../screenshots/alumni-app');
const PASSWORD = 'Garden-Path-2026';
const NEW_PASSWORD = 'River-Stone-2027';
const PHONE = { width: 390, height: 844 };
// WeChat's built-in browser on an iPhone says so in its user agent.
const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';

const TEXT = {
  'zh-Hans': { claim: '开通账号', sent: '开通链接已发送', events: '近期活动', signUp: '报名', registered: '已报名', mine: '我的报名', me: '我的信息', saved: '已保存', signin: '登录', signout: '退出', cancel: '取消报名', none: '您还没有报名活动', exportPdf: '下载我的数据（PDF）', deleteAccount: '注销账号', deleted: '账号已注销', badSignIn: '邮箱或密码不正确', other: 'EN' },
  en: { claim: 'Open an account', sent: 'a link to open your account', events: 'Events', signUp: 'Sign up', registered: 'Signed up', mine: 'My sign-ups', me: 'My record', saved: 'Saved', signin: 'Sign in', signout: 'Sign out', cancel: 'Cancel', none: 'You have not signed up for any event', exportPdf: 'Download my data (PDF)', deleteAccount: 'Delete my account', deleted: 'Your account is deleted', badSignIn: 'Wrong e-mail address or password', other: '中文' },
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

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

describe.each(['zh-Hans', 'en'] as const)('the alumni page in %s', (language) => {
  const text = TEXT[language];

  it('claim, activate, sign up and see the QR code, consent, sign out and in, cancel', async () => {
    const email = `${unique('app').toLowerCase()}@example.edu.cn`;
    const name = language === 'en' ? '李明' : '王芳';
    const person = await makeAlumnus({ name, email, language });
    const event = await makeEvent({ capacity: 50 }, { titleEn: unique('Alumni evening') });
    const eventTitle = (await strapiApp().db.query('plugin::liaison.event' as any).findOne({ where: { documentId: event.documentId, locale: language } })).title;

    const context = await browser.newContext({
      viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2,
      locale: language === 'en' ? 'en-GB' : 'zh-CN',
      ...(language === 'zh-Hans' ? { userAgent: WECHAT_UA } : {}),
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    // The refused sign-in is a 400 the page shows; Chromium logs it too.
    page.on('console', (m) => m.type() === 'error' && !/status of 400/.test(m.text()) && problems.push(m.text()));
    page.on('dialog', (d) => d.accept());

    // Claim: name and e-mail address.
    await page.goto(`${baseUrl}/api/liaison/app#claim`);
    await page.waitForSelector(`h1:has-text("${text.claim}")`);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    await page.fill('#f-name', name);
    await page.fill('#f-email', email);
    await shot(page, `${language}-1-claim`);
    await page.click('form[name=claim] button[type=submit]');
    await page.waitForSelector('.notice.ok');
    expect(await page.textContent('.notice.ok')).toContain(text.sent);

    // The mailed link opens this page's activate view.
    const token = await lastToken(email);
    expect(token).toBeTruthy();
    const mail = (await mailsTo(email)).pop();
    const link = /https?:\/\/\S+/.exec(String(mail.text))![0];
    const url = new URL(link);
    expect(url.pathname).toBe('/api/liaison/app/activate');
    await page.goto(`${baseUrl}${url.pathname}${url.search}`);
    await page.waitForSelector('form[name=password]');
    // The token is taken out of the address once read.
    expect(page.url()).not.toContain('token=');
    await page.fill('#f-password', PASSWORD);
    await page.fill('#f-again', PASSWORD);
    await shot(page, `${language}-2-activate`);
    await page.click('form[name=password] button[type=submit]');

    // Signed in: the upcoming events, the event in the page's language.
    const card = `li[data-event="${event.documentId}"]`;
    await page.waitForSelector(card).catch(async (e) => {
      await shot(page, `${language}-failed`);
      throw new Error(`${e.message}\n${await page.textContent('main')}\n${problems.join('\n')}`);
    });
    expect(await page.textContent(`${card} h2`)).toBe(eventTitle);
    await shot(page, `${language}-3-events`);
    // Two guests come along.
    await page.selectOption(`${card} select[name=guests]`, '2');
    await page.click(`${card} button:has-text("${text.signUp}")`);

    // My sign-ups: the QR code of the registration's code.
    await page.waitForSelector('li[data-registration] .qr img');
    const registration = await strapiApp().db.query(REGISTRATION as any).findOne({ where: { eventDocumentId: event.documentId, alumnus: { id: person.id } } });
    expect(registration.registrationStatus).toBe('registered');
    expect(registration.guests).toBe(2);
    expect((await page.textContent('li[data-registration] .code'))!.trim()).toBe(registration.code);
    const src = (await page.getAttribute('li[data-registration] .qr img', 'src'))!;
    const svg = decodeURIComponent(src.replace(/^data:image\/svg\+xml;charset=utf-8,/, ''));
    expect(svg).toBe(await QRCode.toString(registration.code, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
    expect(await page.$eval('li[data-registration] .qr img', (img: any) => img.complete && img.naturalWidth > 0)).toBe(true);
    await shot(page, `${language}-4-registrations`);

    // My record: the publication consent given.
    await page.click(`nav a:has-text("${text.me}")`);
    await page.waitForSelector(`h1:has-text("${name}")`);
    expect(await page.inputValue('#f-email')).toBe(email);
    await page.check('input[name=publishConsent]');
    await page.click('form[name=me] button[type=submit]');
    await page.waitForSelector(`.notice.ok:has-text("${text.saved}")`);
    await shot(page, `${language}-5-me`);
    const after = await strapiApp().db.query('plugin::liaison.alumnus' as any).findOne({ where: { id: person.id } });
    expect(after.publishConsent).toBe(true);

    // Sign out, sign in with the e-mail address and the password.
    await page.click(`nav a:has-text("${text.signout}")`);
    await page.waitForSelector('form[name=signin]');
    expect(await page.evaluate(() => sessionStorage.getItem('liaison.jwt'))).toBeNull();
    // A wrong password: the API's refusal shown, still signed out.
    await page.fill('#f-identifier', email);
    await page.fill('#f-password', 'Not-The-Password-1');
    await page.click('form[name=signin] button[type=submit]');
    await page.waitForSelector(`form[name=signin] .notice.error:has-text("${text.badSignIn}")`);
    await shot(page, `${language}-6-signin-refused`);

    // Forgotten password: the mailed reset link opens the page's reset view; a new password signs in.
    await page.click('a[href="#forgot"]');
    await page.fill('#f-email', email);
    await page.click('form[name=forgot] button[type=submit]');
    await page.waitForSelector('form[name=forgot] .notice.ok');
    const resetLink = new URL(/https?:\/\/\S+/.exec(String((await mailsTo(email)).pop().text))![0]);
    expect(resetLink.pathname).toBe('/api/liaison/app/reset');
    await page.goto(`${baseUrl}${resetLink.pathname}${resetLink.search}`);
    await page.fill('#f-password', NEW_PASSWORD);
    await page.fill('#f-again', NEW_PASSWORD);
    await page.click('form[name=password] button[type=submit]');
    await page.waitForSelector(`${card} .badge`);
    await page.click(`nav a:has-text("${text.signout}")`);
    await page.waitForSelector('form[name=signin]');

    await page.fill('#f-identifier', email);
    await page.fill('#f-password', NEW_PASSWORD);
    await page.click('form[name=signin] button[type=submit]');
    await page.waitForSelector(`${card} .badge:has-text("${text.registered}")`);
    // The JWT lives in sessionStorage only.
    const stored = await page.evaluate(() => ({ session: !!sessionStorage.getItem('liaison.jwt'), local: Object.keys(localStorage) }));
    expect(stored.session).toBe(true);
    expect(stored.local).not.toContain('liaison.jwt');

    // Cancel from the list of sign-ups.
    await page.click(`nav a:has-text("${text.mine}")`);
    await page.waitForSelector('li[data-registration]');
    await page.click(`li[data-registration] button:has-text("${text.cancel}")`);
    await page.waitForSelector(`p:has-text("${text.none}")`);
    const cancelled = await strapiApp().db.query(REGISTRATION as any).findOne({ where: { id: registration.id } });
    expect(cancelled.registrationStatus).toBe('cancelled');

    // My data as a PDF, then the account deleted: the sign-in goes, the alumnus record stays.
    await page.click(`nav a:has-text("${text.me}")`);
    await page.waitForSelector(`button:has-text("${text.exportPdf}")`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button:has-text("${text.exportPdf}")`)]);
    const pdf = fs.readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.click(`button:has-text("${text.deleteAccount}")`);
    await page.waitForSelector(`.notice.ok:has-text("${text.deleted}")`);
    await shot(page, `${language}-7-deleted`);
    expect(await page.evaluate(() => sessionStorage.getItem('liaison.jwt'))).toBeNull();
    expect(await strapiApp().db.query('plugin::liaison.alumni-account' as any).count({ where: { alumnus: { id: person.id } } })).toBe(0);
    expect(await strapiApp().db.query('plugin::liaison.alumnus' as any).findOne({ where: { id: person.id } })).toMatchObject({ name, email });
    const refused = await http().post('/api/auth/local').send({ identifier: email, password: NEW_PASSWORD });
    expect(refused.status).toBe(400);

    // The other language, chosen and remembered.
    await page.click('#lang');
    await page.waitForFunction((l) => document.documentElement.lang === l, language === 'en' ? 'zh-Hans' : 'en');
    await page.reload();
    await page.waitForSelector(`#lang:has-text("${language === 'en' ? 'EN' : '中文'}")`);
    expect(await page.evaluate(() => localStorage.getItem('liaison.lang'))).toBe(language === 'en' ? 'zh-Hans' : 'en');

    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the page and its files', () => {
  it('serves the page with no inline script, under the host CSP', async () => {
    for (const p of ['/api/liaison/app', '/api/liaison/app/activate?token=x', '/api/liaison/app/reset']) {
      const res = await http().get(p);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(res.text).not.toMatch(/\son[a-z]+=/i);
    }
  });

  it('serves the script and the style sheet with their types, nosniff and caching', async () => {
    const html = (await http().get('/api/liaison/app')).text;
    const js = /src="(app\/assets\/app\.js\?v=[^"]+)"/.exec(html)![1];
    const css = /href="(app\/assets\/app\.css\?v=[^"]+)"/.exec(html)![1];
    const script = await http().get(`/api/liaison/${js}`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['x-content-type-options']).toBe('nosniff');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await http().get(`/api/liaison/${css}`);
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    // Without the hash: revalidated, and a 304 for the same ETag.
    const plain = await http().get('/api/liaison/app/assets/app.js');
    expect(plain.headers['cache-control']).toBe('no-cache');
    const again = await http().get('/api/liaison/app/assets/app.js').set('If-None-Match', plain.headers.etag);
    expect(again.status).toBe(304);
    // Only the page's files.
    expect((await http().get('/api/liaison/app/assets/..%2Fpage.ts')).status).toBe(404);
    expect((await http().get('/api/liaison/app/assets/other.js')).status).toBe(404);
    // What is served is the sources (files.ts written from static/ by the build).
    const dir = path.join(__dirname, '../../plugins/liaison/server/src/alumni-app/static');
    expect(script.text).toBe(fs.readFileSync(path.join(dir, 'app.js'), 'utf8'));
    expect(style.text).toBe(fs.readFileSync(path.join(dir, 'app.css'), 'utf8'));
    // The script is ES2017: no optional chaining or nullish coalescing (older WeChat browsers).
    expect(String(script.text)).not.toMatch(/\?\.[a-zA-Z(\[]|\?\?/);
  });

  it('draws the QR code only for the person whose sign-up it is', async () => {
    const owner = await signedInAlumnus();
    const other = await signedInAlumnus();
    const event = await makeEvent();
    const made = await http().post(`/api/liaison/events/${event.documentId}/registrations`).set(owner.auth).send({});
    expect(made.status).toBe(201);
    const qr = `/api/liaison/me/registrations/${made.body.data.documentId}/qr`;
    const mine = await http().get(qr).set(owner.auth);
    expect(mine.status).toBe(200);
    expect(mine.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect((await http().get(qr).set(other.auth)).status).toBe(404);
    expect([401, 403]).toContain((await http().get(qr)).status);
  });
});
