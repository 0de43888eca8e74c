import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, openInAdmin, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';
import { ADMIN_LANGUAGES } from '../helpers/languages';

/**
 * A chapter editor at the door, in English and in Chinese: picks their chapter's event,
 * types a person's code (the camera: camera.page.test.ts), sees who arrived and the running
 * count; the same code again is refused with when it was checked in; a waiting-list code is
 * refused; the registrations page lists everyone with the waiting position, and before an
 * event is chosen the chapter's events to come with their counts.
 */
const SHOTS = path.join(__dirname, '../screenshots');
const EVENT = 'plugin::liaison.event';
const REG = 'plugin::liaison.event-registration';

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

const register = async (event: string, name: string, data: Record<string, unknown> = {}) => {
  const alumnus = await makeAlumnus({ name });
  const code = crypto.randomBytes(16).toString('base64url');
  await strapiApp().db.query(REG).create({ data: { eventDocumentId: event, alumnus: alumnus.id, registrationStatus: 'registered', guests: 0, code, ...data } });
  return code;
};

describe.each(ADMIN_LANGUAGES)('the door page in %s', (language) => {
  const t = adminMessages(language);
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `check-in-${name}-${language}.png`), fullPage: true });

  it('checks a person in by typed code, refuses the same code twice and a waiting-list code, and lists the registrations', async () => {
    const chapter = await makeChapter();
    const { user } = await signInStaff('Chapter Editor', { chapters: [chapter.documentId] });
    const title = unique(language === 'en' ? 'Alumni reunion' : '校友返校日');
    const event = await strapiApp()
      .documents(EVENT)
      .create({
        locale: 'zh-Hans',
        status: 'published',
        data: { title, slug: unique('ev').toLowerCase(), type: 'reunion', startsAt: '2027-06-01T02:00:00.000Z', venue: '礼堂', capacity: 50, chapter: chapter.documentId } as any,
      } as any);
    const arriving = language === 'en' ? '欧阳修' : '苏东坡';
    const code = await register(event.documentId, arriving, { guests: 0 });
    await register(event.documentId, '李清照', { guests: 2 });
    const waiting = await register(event.documentId, '辛弃疾', { registrationStatus: 'waiting' });

    const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, language, { width: 1280, height: 900 });
    await page.goto(`${baseUrl}/admin/plugins/liaison/check-in`);
    await page.getByRole('heading', { name: t('checkIn.title'), level: 1 }).waitFor({ timeout: 60000 });
    // Pick the event from the list of theirs.
    await page.getByRole('combobox', { name: t('checkIn.event') }).click();
    await page.getByRole('option', { name: new RegExp(title) }).click();
    await page.getByTestId('arrival-count').filter({ hasText: t('checkIn.count', { checkedIn: 0, registered: 2 }) }).waitFor();

    const input = page.getByLabel(t('checkIn.code'));
    await input.fill(code);
    await page.getByRole('button', { name: t('checkIn.submit'), exact: true }).click();
    const outcome = page.getByTestId('check-in-outcome');
    await outcome.filter({ hasText: t('checkIn.welcome', { name: arriving }) }).waitFor();
    await expect(outcome.textContent()).resolves.toContain(t('checkIn.noGuests'));
    await page.getByTestId('arrival-count').filter({ hasText: t('checkIn.count', { checkedIn: 1, registered: 2 }) }).waitFor();
    await shot(page, 'arrived');

    // The same code again: refused, with when.
    await input.fill(code);
    await input.press('Enter');
    await outcome.filter({ hasText: t('checkIn.refused') }).waitFor();
    await expect(outcome.textContent()).resolves.toMatch(language === 'en' ? /already checked in at/ : /已于 .+ 签到/);
    await shot(page, 'twice');

    // A waiting-list code: refused naming the status.
    await input.fill(waiting);
    await input.press('Enter');
    await outcome.filter({ hasText: language === 'en' ? 'waiting' : '候补' }).waitFor();
    await page.getByTestId('arrival-count').filter({ hasText: t('checkIn.count', { checkedIn: 1, registered: 2 }) }).waitFor();

    // The registrations: three rows, the waiting one first in the queue.
    await page.locator(`a[href*="registrations?event=${event.documentId}"]`).click();
    await page.getByRole('heading', { name: t('registrations.title'), level: 1 }).waitFor();
    const rows = page.getByTestId('registration-row');
    await rows.nth(2).waitFor();
    expect(await rows.count()).toBe(3);
    const waitingRow = rows.filter({ hasText: '辛弃疾' });
    await expect(waitingRow.textContent()).resolves.toContain(t('registrations.status.waiting'));
    expect((await waitingRow.locator('td').nth(2).textContent())?.trim()).toBe('1');
    await expect(page.getByTestId('registration-counts').textContent()).resolves.toContain(language === 'en' ? '2 registered (4 seats with guests, of 50)' : '已报名 2 人（含随行占 4 个名额，共 50 个）');
    await page.getByRole('button', { name: t('registrations.export.csv') }).waitFor();
    await shot(page, 'registrations');
    expect((await strapiApp().db.query(REG).findOne({ where: { code } })).checkedInAt).toBeTruthy();

    // Signing a member of the chapter up on their behalf: found by name, with one guest.
    const member = await makeAlumnus({ name: '陆游', chapter: chapter.documentId, city: '绍兴' });
    const form = page.getByTestId('sign-up-form');
    await form.getByLabel(t('registrations.signUp.search')).fill('陆游');
    await form.getByLabel(t('registrations.signUp.search')).press('Enter');
    await form.getByRole('combobox').click();
    await page.getByRole('option', { name: '陆游 · 绍兴' }).click();
    await form.getByLabel(t('registrations.column.guests')).fill('1');
    await form.getByRole('button', { name: t('registrations.signUp.submit'), exact: true }).click();
    // Someone already waits (辛弃疾): first come first served, the new sign-up waits behind them.
    await page.getByText(t('registrations.signUp.waiting', { position: 2 })).waitFor();
    await rows.nth(3).waitFor();
    const mine = await strapiApp().db.query(REG).findOne({ where: { alumnus: { id: member.id }, eventDocumentId: event.documentId }, populate: ['registeredBy'] });
    expect(mine).toMatchObject({ registrationStatus: 'waiting', guests: 1, registeredBy: { id: user.id } });
    await shot(page, 'signed-up');

    // Before an event is chosen, the page lists the chapter's events to come with their counts, within the page; a title opens one.
    await openInAdmin(page, baseUrl, '/admin/plugins/liaison/registrations');
    const listed = page.getByTestId('registration-event');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    const cells = (await listed.locator('td').allTextContents()).map((text) => text.trim());
    expect(cells.slice(1, 7)).toEqual([title, chapter.name, t('registrations.events.seats', { taken: 4, capacity: 50 }), '2', '2', '1']);
    await shot(page, 'events');
    await page.getByRole('tab', { name: t('registrations.events.past') }).click();
    await page.getByTestId('registration-events-empty').getByText(t('registrations.events.empty.past')).waitFor();
    await page.getByRole('tab', { name: t('registrations.events.upcoming') }).click();
    const table = (await page.getByRole('grid').or(page.getByRole('table')).first().boundingBox())!;
    expect(table.x + table.width).toBeLessThanOrEqual(1280);
    await listed.getByRole('link', { name: title }).click();
    await rows.nth(3).waitFor();
    expect(new URL(page.url()).searchParams.get('event')).toBe(event.documentId);
    await page.context().close();
  }, 180000);
});
