import { http, strapiApp, unique } from '../helpers/strapi';
import { makeAlumnus, makeCohort, makeCollege, makePost } from '../helpers/fixtures';
import { signedInAlumnus } from '../helpers/alumni';

export const PROPOSAL = 'plugin::liaison.change-proposal';
export const FIELD_CHANGE = 'plugin::liaison.field-change';

/** A day written yyyy-MM-dd, n days from today (UTC, as the liaison's rights are checked). */
export const dayFromToday = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Today in the network's time zone (what lastVerifiedAt and term ends record). */
export const networkToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * A college, a class of it, a signed-in class liaison serving it, and a classmate the liaison
 * looks after (with an e-mail address, a phone number, a city, an employer).
 */
export async function classWithLiaison(post: Record<string, unknown> = {}) {
  const college = await makeCollege();
  const cohort = await makeCohort({ college: college.documentId, className: unique('2016级计算机1班') });
  const liaison = await signedInAlumnus({ name: '陈静', cohort: cohort.documentId });
  const livePost = await makePost({ alumnus: liaison.alumnus.documentId, cohort: cohort.documentId, ...post });
  const classmate = await makeAlumnus({
    name: '王磊',
    cohort: cohort.documentId,
    email: `${unique('wl').toLowerCase()}@example.edu.cn`,
    phone: '13912345678',
    city: '北京',
    employer: '某某研究所',
    contactConsent: true,
  });
  return { college, cohort, liaison, post: livePost, classmate };
}

export const propose = (auth: Record<string, string>, body: Record<string, unknown>, lang = 'en') =>
  http().post('/api/liaison/proposals').set(auth).set('Accept-Language', lang).send(body);

export const proposalCount = () => strapiApp().db.query(PROPOSAL as any).count({});

/** The message ids of an error answer, by path: { 'changes.phone': 'liaison.error.accounts.phone' }. */
export const problems = (res: any) =>
  Object.fromEntries(((res.body?.error?.details?.errors ?? []) as any[]).map((e) => [e.path.join('.'), e.messageId]));

export const alumnusRow = (documentId: string) =>
  strapiApp().db.query('plugin::liaison.alumnus').findOne({ where: { documentId }, populate: { verifiedBy: { select: ['id', 'documentId'] } } }) as Promise<any>;
