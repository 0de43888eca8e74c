import fs from 'fs';
import path from 'path';
import type { Browser } from 'playwright-core';
import { http, setupStrapi, teardownStrapi, withToken } from '../helpers/strapi';
import { launchBrowser, listen } from '../helpers/browser';
import { mailsTo, network, readAnswer, sendSurvey, staffApi, tokenIn } from './helpers';

/** The alumni page's survey view, as a person opens it from the mail on a phone, in both languages. */
let browser: Browser;
let baseUrl: string;
let api: ReturnType<typeof withToken>;
const PHONE = { width: 390, height: 844 };
const SHOTS = path.join(__dirname, '../screenshots');

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  browser = await launchBrowser();
  api = await staffApi();
}, 120000);
afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

const TEXT = {
  'zh-Hans': { work: '您在哪里工作？', city: '本市', jobs: '就业', submit: '提交', saved: '已保存', update: '保存修改', required: '为必填项' },
  en: { work: 'Where do you work?', city: 'In the city', jobs: 'Jobs', submit: 'Submit', saved: 'Saved', update: 'Save changes', required: 'is required' },
} as const;

describe.each(['zh-Hans', 'en'] as const)('answering a survey from the mail, in %s', (language) => {
  it('shows the questions, names an unanswered required question, saves, and shows the answer again', async () => {
    const net = await network();
    const person = language === 'en' ? net.b2 : net.b1;
    const survey = await sendSurvey(api, [{ kind: 'cohort', documentId: net.classB.documentId }]);
    const link = new URL(/https?:\/\/\S+/.exec((await mailsTo(person.email as string))[0].text)![0]);
    const token = tokenIn(link.href);
    const text = TEXT[language];

    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: language === 'en' ? 'en-GB' : 'zh-CN' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && !/status of 400/.test(m.text()) && problems.push(m.text()));
    await page.goto(`${baseUrl}${link.pathname}${link.search}`);
    await page.waitForSelector(`h1:has-text("${language === 'en' ? survey.titleEn : survey.title}")`);
    // The token leaves the address at once.
    expect(new URL(page.url()).search).toBe('');
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    await page.waitForSelector(`legend:has-text("${text.work}")`);

    // The required question left out: the page says so beside it.
    await page.check(`label.check:has-text("${text.jobs}") input`);
    await page.click(`button:has-text("${text.submit}")`);
    await page.waitForSelector(`[data-question="work"] .notice.error:has-text("${text.required}")`);
    expect((await readAnswer(token)).body.data.answer).toBeNull();

    await page.check(`label.check:has-text("${text.city}") input`);
    await page.fill('input[name="q-years"]', '7');
    await page.click(`button:has-text("${text.submit}")`);
    await page.waitForSelector(`.notice.ok:has-text("${text.saved}")`);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, `survey-answered-${language}.png`), fullPage: true });
    expect((await readAnswer(token)).body.data.answer.answers).toEqual({ work: 'city', help: ['jobs'], years: 7 });

    // Opened again (the token kept for the tab): the answer is there to change.
    await page.reload();
    await page.waitForSelector(`button:has-text("${text.update}")`);
    expect(await page.isChecked(`label.check:has-text("${text.city}") input`)).toBe(true);
    expect(await page.inputValue('input[name="q-years"]')).toBe('7');
    expect(problems).toEqual([]);
    await context.close();
  }, 90000);
});

describe('the survey view', () => {
  it('is served like the alumni page: no inline script, its script ES2017 and the source itself', async () => {
    const res = await http().get('/api/liaison/app/survey?token=x');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    const src = /src="(assets\/survey\.js\?v=[^"]+)"/.exec(res.text)![1];
    const script = await http().get(`/api/liaison/app/${src}`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const file = path.join(__dirname, '../../plugins/liaison/server/src/alumni-app/static/survey.js');
    expect(script.text).toBe(fs.readFileSync(file, 'utf8'));
    expect(String(script.text)).not.toMatch(/\?\.[a-zA-Z(\[]|\?\?/);
  });
});
