import { adminToken, setupStrapi, strapiApp, teardownStrapi, unique, withToken } from '../helpers/strapi';
import { makeAlumnus } from '../helpers/fixtures';
import { freePort, setAsideEarlierMail, TestSmtp } from '../helpers/smtp';
import { classWithLiaison, propose } from './helpers';

/** Once a death or unreachability is approved, nothing more is mailed to the person. */
let smtp: TestSmtp;
let admin: ReturnType<typeof withToken>;
const outbox = () => strapiApp().plugin('liaison').service('outbox');

beforeAll(async () => {
  smtp = new TestSmtp(await freePort());
  smtp.configureEnv();
  await smtp.start();
  await setupStrapi();
  admin = withToken(await adminToken());
  await setAsideEarlierMail();
}, 120000);
afterAll(async () => {
  await teardownStrapi();
  await smtp.stop();
});

const invite = (cohort: string) => admin.post('/liaison/invitations').send({ cohort });
const received = (address: string) => smtp.received.filter((m) => m.to.includes(address));

it.each(['deceased', 'unreachable'])('%s: a mail queued before is not sent, and none is queued after; the classmates still get theirs', async (status) => {
  const { liaison, classmate, cohort } = await classWithLiaison();
  const other = await makeAlumnus({ name: '赵敏', cohort: cohort.documentId, email: `${unique('zm').toLowerCase()}@example.edu.cn` });
  // An invitation to the class is waiting in the outbox when the report is approved.
  expect((await invite(cohort.documentId)).status).toBe(200);
  const { documentId } = (await propose(liaison.auth, { alumnus: classmate.documentId, changes: { alumnusStatus: status }, source: 'said_so' })).body.data;
  expect((await admin.post(`/liaison/proposals/${documentId}/approve`)).status).toBe(200);

  await outbox().deliverDue();
  expect(received(other.email as string)).toHaveLength(1);
  expect(received(classmate.email as string)).toEqual([]);
  const held: any = await strapiApp().db.query('plugin::liaison.notification').findOne({ where: { to: classmate.email } });
  expect(held).toMatchObject({ deliveryStatus: 'failed', lastError: expect.stringContaining('deceased or unreachable') });

  // Staff resending it, or anything queued for the person later, does not reach them either.
  expect((await admin.post(`/liaison/outbox/${held.documentId}/resend`)).status).toBe(200);
  const queued = await outbox().enqueue([
    { to: classmate.email, subject: 'Term reminder', text: '…', kind: 'term-reminder', alumnusId: classmate.id },
    { to: classmate.email, subject: 'To the address only', text: '…', kind: 'appointment' },
  ]);
  expect(queued).toBe(0);
  await outbox().deliverDue();
  expect(received(classmate.email as string)).toEqual([]);
});
