import { http, strapiApp, unique } from '../helpers/strapi';
import { signedInAlumnus } from '../helpers/alumni';

export const EVENT = 'plugin::liaison.event';
export const REGISTRATION = 'plugin::liaison.event-registration';
const HOUR = 3_600_000;
export const fromNow = (hours: number) => new Date(Date.now() + hours * HOUR).toISOString();

/**
 * A published event in zh-Hans (and en, when `titleEn` is given), taking sign-ups now
 * unless the window says otherwise: it starts in a week.
 */
export async function makeEvent(data: Record<string, unknown> = {}, options: { titleEn?: string; draft?: boolean } = {}) {
  const documents = strapiApp().documents(EVENT as any);
  const event = await documents.create({
    data: { title: unique('校友活动'), slug: unique('ev'), type: 'reunion', startsAt: fromNow(7 * 24), venue: '校友之家', ...data } as any,
    locale: 'zh-Hans',
    ...(options.draft ? {} : { status: 'published' }),
  } as any);
  if (options.titleEn) {
    await documents.update({
      documentId: event.documentId,
      locale: 'en',
      data: { title: options.titleEn, slug: unique('ev-en'), venue: 'Alumni House' } as any,
      ...(options.draft ? {} : { status: 'published' }),
    } as any);
  }
  return event;
}

/** Many signed-in alumni (each their own account), made one after another. */
export async function alumni(n: number, options: { withMail?: boolean } = {}) {
  const people = [];
  for (let i = 0; i < n; i++) {
    const email = options.withMail ? { email: `${unique('w').toLowerCase()}@example.edu.cn` } : {};
    people.push(await signedInAlumnus({ name: `校友${i}`, ...email }));
  }
  return people;
}

/**
 * The app's server listening on a port of its own: supertest otherwise makes every request
 * listen anew, which many requests in parallel do not survive (ECONNRESET).
 */
export async function listening() {
  const server = strapiApp().server.httpServer;
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
}

export const signUp = (eventDocumentId: string, auth: Record<string, string>, body: Record<string, unknown> = {}) =>
  http().post(`/api/liaison/events/${eventDocumentId}/registrations`).set(auth).set('Accept-Language', 'en').send(body);

export const cancel = (documentId: string, auth: Record<string, string>) =>
  http().delete(`/api/liaison/registrations/${documentId}`).set(auth).set('Accept-Language', 'en');

export const mine = async (auth: Record<string, string>) => {
  const res = await http().get('/api/liaison/me/registrations').set(auth);
  if (res.status !== 200) throw new Error(`me/registrations: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as any[];
};

/** The mails queued in the outbox to this address, of these kinds. */
export const mailsTo = (to: string, kinds = ['event-registration', 'event-waiting']) =>
  strapiApp().db.query('plugin::liaison.notification').findMany({ where: { to, kind: { $in: kinds } }, orderBy: { id: 'asc' } }) as Promise<any[]>;

/** The error's fields, as Strapi's error body names them. */
export const fieldsOf = (res: any) => (res.body.error?.details?.errors ?? []).map((e: any) => e.path.join('.'));
