import type { Core } from '@strapi/strapi';

const EVENT = 'plugin::liaison.event';
const POST = 'plugin::liaison.liaison';

/** The demo alumnus' password: a development default, like the development admin's, never made in production. */
export const DEMO_ALUMNUS_PASSWORD = 'Alumni-Demo-2026';

/** What the demo liaison heard of two classmates: new jobs and cities, for the office to review. */
const HEARD = [
  { changes: { employer: '腾讯科技（深圳）有限公司', jobTitle: '高级工程师', city: '深圳' }, infoSource: 'said_so', note: '班级聚会上本人告知' },
  { changes: { employer: '阿里巴巴集团', city: '杭州' }, infoSource: 'call', note: null },
] as const;

/**
 * The alumni side of the demo: one serving liaison opens an account (as an invitation's link
 * does) and signs up for the next two events that take sign-ups; a few classmates sign up for
 * the first as well (a confirmation mail each, through the outbox); the liaison has proposed
 * two classmates' new jobs, waiting in the office's review queue. Returns the sign-in, or null
 * when there is nobody to give one to. Development only.
 */
export const seedDemoAlumnus = async (strapi: Core.Strapi) => {
  if ((process.env.NODE_ENV ?? 'development') === 'production') return null;
  const post: any = await strapi.db.query(POST as any).findOne({
    where: { postStatus: 'active', alumnus: { email: { $notNull: true } } },
    orderBy: { id: 'asc' },
    populate: { alumnus: { select: ['id', 'documentId', 'email', 'name'] }, cohort: { select: ['id'] } },
  });
  if (!post?.alumnus) return null;
  const [opened] = await strapi.plugin('liaison').service('accounts').openAccounts([post.alumnus.id], DEMO_ALUMNUS_PASSWORD);

  const now = new Date();
  const events: any[] = await strapi.db.query(EVENT as any).findMany({
    where: {
      publishedAt: { $notNull: true },
      locale: 'zh-Hans',
      startsAt: { $gt: now },
      $and: [
        { $or: [{ registrationOpensAt: { $null: true } }, { registrationOpensAt: { $lte: now } }] },
        { $or: [{ registrationClosesAt: { $null: true } }, { registrationClosesAt: { $gt: now } }] },
      ],
    },
    orderBy: { startsAt: 'asc' },
    limit: 2,
    select: ['documentId'],
  });
  const signUp = strapi.plugin('liaison').service('signUp');
  const me = await signUp.person(post.alumnus.documentId);
  const classmates: any[] = post.cohort
    ? await strapi.db.query('plugin::liaison.alumnus' as any).findMany({
        where: { cohort: { id: post.cohort.id }, id: { $ne: post.alumnus.id }, email: { $notNull: true } },
        orderBy: { id: 'asc' },
        limit: 6,
        select: ['documentId'],
      })
    : [];
  for (const [i, event] of events.entries()) {
    await signUp.signUp(event.documentId, me, i === 0 ? 1 : 0);
    if (i > 0) continue;
    for (const classmate of classmates) await signUp.signUp(event.documentId, await signUp.person(classmate.documentId), 0);
  }
  const proposals = strapi.plugin('liaison').service('proposals');
  let proposed = 0;
  for (const [i, classmate] of classmates.slice(0, HEARD.length).entries()) {
    const heard = HEARD[i];
    const person: any = await strapi.db.query('plugin::liaison.alumnus' as any).findOne({ where: { documentId: classmate.documentId } });
    await proposals.create({ alumnusId: person.id, before: person, changes: heard.changes, infoSource: heard.infoSource, note: heard.note, postId: post.id, proposerId: post.alumnus.id });
    proposed++;
  }
  return { email: post.alumnus.email as string, name: post.alumnus.name as string, password: DEMO_ALUMNUS_PASSWORD, signedUpFor: events.length, proposed, user: opened.user };
};
