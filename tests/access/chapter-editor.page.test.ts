import type { Browser } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique, http } from '../helpers/strapi';
import { launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeChapter } from '../helpers/fixtures';

/**
 * A chapter editor signs in, creates an event of their chapter in the Content Manager and
 * publishes it; the website then shows it. Another chapter's event is nowhere in their
 * list, and the chapter picker offers their chapter only.
 */
const PASSWORD = 'E2e-Editor-Pass-2026';
const EVENT = 'plugin::liaison.event';

let browser: Browser;
let baseUrl: string;
let email: string;
let mine: any;
let theirs: any;
let theirEvent: any;
let myEvent: any;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  mine = await makeChapter({ name: unique('本会') });
  theirs = await makeChapter({ name: unique('他会') });
  theirEvent = await strapiApp().documents(EVENT).create({
    data: { title: unique('他会的年会'), slug: unique('theirs'), type: 'reunion', chapter: theirs.documentId, venue: '别处', startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString() } as any,
    locale: 'zh-Hans',
    status: 'published',
  });
  myEvent = await strapiApp().documents(EVENT).create({
    data: { title: unique('本会的讲座'), slug: unique('mine'), type: 'lecture', chapter: mine.documentId, venue: '礼堂', startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString() } as any,
    locale: 'zh-Hans',
  });
  email = `${unique('editor').toLowerCase()}@liaison.test`;
  const role = await strapiApp().db.query('admin::role').findOne({ where: { name: 'Chapter Editor' } });
  const user = await strapiApp().service('admin::user').create({ email, firstname: 'E2E', lastname: 'Editor', password: PASSWORD, isActive: true, roles: [role.id] });
  await strapiApp().documents('plugin::liaison.chapter').update({ documentId: mine.documentId, data: { editors: { connect: [user.id] } } as any });
  browser = await launchBrowser();
}, 180000);

afterAll(async () => {
  await browser?.close();
  await teardownStrapi();
});

it('creates and publishes an event of their own chapter, and never sees another chapter’s', async () => {
  const page = await signInAdmin(browser, baseUrl, { email, password: PASSWORD }, 'en', { width: 1500, height: 1000 });
  const list = `${baseUrl}/admin/content-manager/collection-types/${EVENT}?page=1&pageSize=100&plugins[i18n][locale]=zh-Hans`;
  await page.goto(list);
  await page.getByText(myEvent.title).first().waitFor({ timeout: 30000 });
  expect(await page.getByText(theirEvent.title).count()).toBe(0);

  await page.goto(`${baseUrl}/admin/content-manager/collection-types/${EVENT}/create?plugins[i18n][locale]=zh-Hans`);
  await page.waitForSelector('input[name="title"]', { timeout: 30000 });
  const title = unique('本会迎新晚会');
  const slug = unique('welcome-evening');
  await page.fill('input[name="title"]', title);
  await page.fill('input[name="slug"]', slug);
  await page.fill('input[name="venue"]', '校友之家');
  await page.click('input[name="chapter"]');
  const options = page.getByRole('option');
  await options.first().waitFor();
  expect((await options.allTextContents()).filter((t) => t !== 'Create a relation')).toEqual([mine.name]);
  await page.getByRole('option', { name: mine.name }).click();
  const date = page.getByRole('combobox', { name: 'Choose date' }).first();
  await date.click();
  await date.fill('20/12/2030');
  await page.keyboard.press('Enter');
  const time = page.getByRole('combobox', { name: 'Choose time' }).first();
  await time.click();
  await time.fill('10:00');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByText('Published document').waitFor({ timeout: 30000 });

  const stored = await strapiApp().db.query(EVENT).findOne({ where: { slug, publishedAt: { $notNull: true } }, populate: { chapter: { select: ['documentId'] } } });
  expect(stored).toMatchObject({ title, venue: '校友之家', chapter: { documentId: mine.documentId } });
  const website = await http().get(`/api/events/${slug}`).query({ populate: 'chapter' });
  expect(website.status).toBe(200);
  expect(website.body.data).toMatchObject({ title, chapter: { documentId: mine.documentId } });

  await page.goto(list);
  await page.getByText(title).first().waitFor({ timeout: 30000 });
  expect(await page.getByText(theirEvent.title).count()).toBe(0);
});
