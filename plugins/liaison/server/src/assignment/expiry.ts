import type { Core } from '@strapi/strapi';
import { isPostgres } from '../utils/db';
import { addDays, expirySteps, isDay, reminderKey, today } from './rules/lifecycle';
import { SYSTEM } from './history';
import { SCOPE_UID } from './scope';
import { reminderMail, type Locale } from './templates';
import { languageOf, named, person, scopeOfRow, type PostStore } from './posts';

const STAFF_ROLE = 'Alumni Office Staff';
const STAFF = { select: ['id', 'email', 'firstname', 'lastname', 'isActive', 'preferedLanguage'] };

/** The daily work on terms: ends, activations and the reminders before a term ends. */
export const expiry = (strapi: Core.Strapi, { posts, update }: PostStore) => ({
  /**
   * The daily work on terms, for `day` (YYYY-MM-DD, the network's date): ends active
   * posts past their term end, activates approved posts whose term has begun, and
   * queues the 30- and 7-day reminders (once each, ever, by their dedupe key).
   */
  async runExpiry(day: string = today()) {
    if (!isDay(day)) throw new Error(`runExpiry needs a day written yyyy-MM-dd, not ${day}`);
    return strapi.db.transaction(async ({ trx }) => {
      // Two runs at once (two instances, or a run beside the scheduled one) take turns,
      // so the second finds the first's work done and its mails queued.
      if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:post-expiry']);
      const candidates: any[] = await posts().findMany({
        where: {
          postStatus: { $in: ['active', 'approved'] },
          $or: [{ termEnd: { $lte: addDays(day, 30) } }, { postStatus: 'approved', termStart: { $lte: day } }],
        },
        populate: {
          alumnus: person,
          cohort: {
            ...named(SCOPE_UID.cohort),
            populate: { college: { select: ['id'], populate: { staff: STAFF } } },
          },
          college: { ...named(SCOPE_UID.college), populate: { staff: STAFF } },
          chapter: named(SCOPE_UID.region),
          industry: named(SCOPE_UID.industry),
        },
        orderBy: [{ id: 'asc' }],
      });
      const office: any[] = await strapi.db.query('admin::user').findMany({
        where: { isActive: true, roles: { name: STAFF_ROLE } },
        select: ['id', 'email', 'firstname', 'lastname', 'preferedLanguage'],
      });
      let ended = 0;
      let activated = 0;
      const mails: any[] = [];
      for (const post of candidates) {
        for (const step of expirySteps(post, day)) {
          if (step.kind === 'end') {
            await update({ action: 'expire', reason: 'term_over', by: SYSTEM }, post.documentId, {
              postStatus: 'ended',
              endReason: 'term_over',
            });
            ended++;
          } else if (step.kind === 'activate') {
            await update({ action: 'activate', reason: 'term started', by: SYSTEM }, post.documentId, { postStatus: 'active' });
            activated++;
          } else {
            mails.push(...this.reminders(post, step.days, office));
          }
        }
      }
      const reminders = mails.length ? await strapi.plugin('liaison').service('outbox').enqueue(mails) : 0;
      return { day, ended, activated, reminders };
    });
  },

  reminders(post: any, days: number, office: any[]) {
    const scope = scopeOfRow(post);
    const holder = post.alumnus?.name ?? '';
    const collegeStaff: any[] = post.dimension === 'cohort' ? (post.cohort?.college?.staff ?? []) : post.dimension === 'college' ? (post.college?.staff ?? []) : [];
    const staff = [...office, ...collegeStaff.filter((u) => u.isActive !== false)];
    const seen = new Set<string>();
    const mails: any[] = [];
    const common = { holder, role: post.role, dimension: post.dimension, scope: scope?.name ?? '', termEnd: post.termEnd, days };
    if (post.alumnus?.email && post.alumnus.alumnusStatus !== 'deceased') {
      seen.add(post.alumnus.email.toLowerCase());
      mails.push({
        to: post.alumnus.email,
        ...reminderMail(languageOf(post.alumnus, 'zh-Hans'), { ...common, toLiaison: true, recipient: holder }),
        kind: 'term-reminder',
        dedupeKey: reminderKey(post.documentId, post.termEnd, days, post.alumnus.email),
        alumnusId: post.alumnus.id,
        locale: languageOf(post.alumnus, 'zh-Hans'),
      });
    }
    for (const u of staff) {
      if (!u?.email || seen.has(u.email.toLowerCase())) continue;
      seen.add(u.email.toLowerCase());
      const locale: Locale = u.preferedLanguage === 'en' ? 'en' : 'zh-Hans';
      const recipient = [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email;
      mails.push({
        to: u.email,
        ...reminderMail(locale, { ...common, toLiaison: false, recipient }),
        kind: 'term-reminder',
        dedupeKey: reminderKey(post.documentId, post.termEnd, days, u.email),
        locale,
      });
    }
    return mails;
  },
});
