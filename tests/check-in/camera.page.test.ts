import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import QRCode from 'qrcode';
import type { Browser } from 'playwright-core';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { adminMessages, launchBrowser, listen, signInAdmin } from '../helpers/browser';
import { makeAlumnus, makeChapter } from '../helpers/fixtures';
import { signInStaff } from '../helpers/staff';

/**
 * The door page's camera: Chromium's fake camera plays a video of a person's QR code (the
 * code their confirmation mail carries), the page reads it with the scanner library and checks
 * them in, once, however many frames show the code.
 */
const EVENT = 'plugin::liaison.event';
const REG = 'plugin::liaison.event-registration';
const W = 320;
const H = 240;

/** A Y4M video (what Chromium's fake camera plays) of `text`'s QR code, black on white, a few frames. */
const qrVideo = (text: string) => {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const scale = Math.floor(Math.min(W, H) / (n + 8));
  const left = Math.floor((W - n * scale) / 2);
  const top = Math.floor((H - n * scale) / 2);
  const luma = Buffer.alloc(W * H, 255);
  for (let y = 0; y < n * scale; y++) {
    for (let x = 0; x < n * scale; x++) {
      if (qr.modules.get(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * W + left + x] = 0;
    }
  }
  const chroma = Buffer.alloc((W / 2) * (H / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const file = path.join(os.tmpdir(), `${unique('qr')}.y4m`);
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`), ...Array(10).fill(frame)]));
  return file;
};

let browser: Browser;
let baseUrl: string;
let video: string;
let code: string;
let eventId: string;
let title: string;
let chapter: any;

beforeAll(async () => {
  await setupStrapi();
  baseUrl = await listen();
  chapter = await makeChapter();
  title = unique('Alumni reunion');
  const event = await strapiApp()
    .documents(EVENT)
    .create({
      locale: 'zh-Hans',
      status: 'published',
      data: { title, slug: unique('ev').toLowerCase(), type: 'reunion', startsAt: '2027-06-01T02:00:00.000Z', venue: '礼堂', capacity: 50, chapter: chapter.documentId } as any,
    } as any);
  eventId = event.documentId;
  const alumnus = await makeAlumnus({ name: '范仲淹' });
  code = crypto.randomBytes(16).toString('base64url');
  await strapiApp().db.query(REG).create({ data: { eventDocumentId: eventId, alumnus: alumnus.id, registrationStatus: 'registered', guests: 1, code } });
  video = qrVideo(code);
  browser = await launchBrowser(['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream']);
}, 180000);

afterAll(async () => {
  await browser?.close();
  if (video) fs.rmSync(video, { force: true });
  await teardownStrapi();
});

it('checks a person in from the QR code held to the camera, once', async () => {
  const t = adminMessages('en');
  const { user } = await signInStaff('Chapter Editor', { chapters: [chapter.documentId] });
  const page = await signInAdmin(browser, baseUrl, { email: user.email, password: 'Staff-Pass-2026' }, 'en', { width: 1280, height: 900 });
  const context = page.context();
  await context.grantPermissions(['camera'], { origin: baseUrl });
  const answers: number[] = [];
  page.on('response', (r) => r.request().method() === 'POST' && r.url().includes('/check-in') && answers.push(r.status()));
  const consoleLines: string[] = [];
  page.on('console', (m) => m.type() !== 'log' && consoleLines.push(`${m.type()}: ${m.text()}`));
  await page.goto(`${baseUrl}/admin/plugins/liaison/check-in`);
  await page.getByRole('heading', { name: t('checkIn.title'), level: 1 }).waitFor({ timeout: 60000 });
  await page.getByRole('combobox', { name: t('checkIn.event') }).click();
  await page.getByRole('option', { name: new RegExp(title) }).click();
  await page.getByRole('button', { name: t('checkIn.camera.on') }).click();

  const outcome = page.getByTestId('check-in-outcome');
  await outcome
    .filter({ hasText: t('checkIn.welcome', { name: '范仲淹' }) })
    .waitFor({ timeout: 60000 })
    .catch(async (error) => {
      // Say what the page showed instead: a camera problem, another outcome, or nothing read.
      const shown = await page.locator('[data-testid="camera-problem"], [data-testid="check-in-outcome"]').allTextContents();
      const camera = await page
        .locator('video')
        .evaluate((v: HTMLVideoElement) => ({ readyState: v.readyState, paused: v.paused, currentTime: v.currentTime, width: v.videoWidth, stream: Boolean(v.srcObject) }))
        .catch((e) => String(e));
      throw new Error(
        `no check-in from the camera; the page showed ${JSON.stringify(shown)}; answers ${JSON.stringify(answers)}; video ${JSON.stringify(camera)}; console ${JSON.stringify(consoleLines.slice(-10))}: ${error.message}`,
      );
    });
  await page.getByTestId('arrival-count').filter({ hasText: t('checkIn.count', { checkedIn: 1, registered: 1 }) }).waitFor();
  // The code stays in front of the camera (the video loops): checked in once, not refused as
  // "already checked in" every few seconds.
  await page.waitForTimeout(5000);
  expect(answers).toEqual([200]);
  expect(await page.getByTestId('camera-problem').count()).toBe(0);
  const row = await strapiApp().db.query(REG).findOne({ where: { code } });
  expect(row.checkedInAt).toBeTruthy();
  expect(await page.getByTestId('arrival-count').textContent()).toContain(t('checkIn.count', { checkedIn: 1, registered: 1 }));
  await context.close();
  // The admin's first load under CI's two side-by-side suites takes up to a minute; the camera's
  // first read a few seconds more.
}, 180000);
