import QRCode from 'qrcode';
import ICAL from 'ical.js';
import { setupStrapi, strapiApp, teardownStrapi, unique } from '../helpers/strapi';
import { signedInAlumnus } from '../helpers/alumni';
import { freePort, setAsideEarlierMail, TestSmtp } from '../helpers/smtp';
import { makeEvent, signUp } from './helpers';

let smtp: TestSmtp;

beforeAll(async () => {
  // The email plugin reads SMTP_* once, when Strapi boots: this file's app sends to our server.
  smtp = new TestSmtp(await freePort());
  smtp.configureEnv();
  await smtp.start();
  await setupStrapi();
  await setAsideEarlierMail();
}, 120000);
afterAll(async () => {
  await teardownStrapi();
  await smtp.stop();
});

describe('the mails of a sign-up, as delivered', () => {
  it('sends the QR code and the .ics, and the waiting-list mail without them', async () => {
    const title = unique('Homecoming');
    const event = await makeEvent({ capacity: 1 }, { titleEn: title });
    const me = await signedInAlumnus({ language: 'en', email: `${unique('m').toLowerCase()}@example.edu.cn` });
    const next = await signedInAlumnus({ language: 'zh-Hans', email: `${unique('n').toLowerCase()}@example.edu.cn` });
    const { code } = (await signUp(event.documentId, me.auth)).body.data;
    expect((await signUp(event.documentId, next.auth)).body.data).toMatchObject({ status: 'waiting', position: 1 });
    await strapiApp().plugin('liaison').service('outbox').deliverDue();

    const mail = smtp.received.find((m) => m.subject === `Registered: ${title}`)!;
    expect(mail.to).toEqual([me.alumnus.email]);
    expect(mail.text).toContain(code);
    const png = mail.attachments.find((a) => a.contentType === 'image/png')!;
    expect(png.cid).toBe('check-in-code');
    expect(png.content.equals(await QRCode.toBuffer(code, { type: 'png', errorCorrectionLevel: 'M', margin: 2, scale: 6 }))).toBe(true);
    // Inline: the html's <img src="cid:check-in-code"> is this attachment (mailparser puts it in as a data URL).
    expect(mail.html).toContain(`<img src="data:image/png;base64,${png.content.toString('base64')}"`);

    const ics = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const vevent = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent');
    expect(vevent.getFirstPropertyValue('summary')).toBe(title);
    expect(vevent.getFirstPropertyValue('uid')).toBe(`${event.documentId}@liaison`);
    expect(vevent.getFirstPropertyValue('dtstart').toJSDate().getTime()).toBe(Math.floor(new Date(event.startsAt as string).getTime() / 1000) * 1000); // iCalendar: whole seconds
    expect(vevent.getFirstPropertyValue('location')).toBe('Alumni House');

    const waiting = smtp.received.find((m) => m.to.includes(next.alumnus.email as string))!;
    expect(waiting.subject).toMatch(/^候补通知：/);
    expect(waiting.text).toContain('候补第 1 位');
    expect(waiting.attachments).toEqual([]);
  });
});
