import type { Core } from '@strapi/strapi';
import { columnOf, isPostgres, tableOf } from '../utils/db';
import { addWorkingDays, beijingDay, endOfBeijingDay } from './working-days';
import { readSettings } from './settings';
import { escalationMail, reminderMail, type Locale } from './mails';
import { scopeNameOf } from './routing';

const UID = 'plugin::liaison.feedback';
const SUPER_ADMIN = 'strapi-super-admin';

/** The office's addresses for escalations: FEEDBACK_OFFICE_EMAIL (comma-separated), else the super admins. */
const officeRecipients = async (strapi: Core.Strapi): Promise<{ name: string; address: string; locale: Locale }[]> => {
  const configured = String(process.env.FEEDBACK_OFFICE_EMAIL ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.includes('@'));
  if (configured.length) return configured.map((address) => ({ name: address, address, locale: 'zh-Hans' as Locale }));
  const admins: any[] = await strapi.db.query('admin::user').findMany({
    where: { isActive: true, roles: { code: SUPER_ADMIN } },
    select: ['email', 'firstname', 'lastname', 'preferedLanguage'],
  });
  return admins.filter((u) => u.email).map(staffRecipient);
};

const staffRecipient = (u: any) => ({
  name: [u.firstname, u.lastname].filter(Boolean).join(' ') || u.email,
  address: u.email as string,
  locale: (u.preferedLanguage === 'en' ? 'en' : 'zh-Hans') as Locale,
});

/**
 * The daily work on unanswered feedback for `day` (Beijing): on its due day (or the first run
 * after) the responsible liaison gets a reminder; `escalateAfterDays` working days after it
 * the staff of the alumnus's college, or without them the office, get an escalation. Each
 * once per item: the marker is claimed with a conditional UPDATE in the same transaction as
 * the mails, whose dedupe keys also keep a second run (another instance) from queuing them again.
 */
export const sweep = async (strapi: Core.Strapi, day: string = beijingDay()) => {
  const settings = await readSettings(strapi);
  const col = (a: string) => columnOf(strapi, UID, a);
  return strapi.db.transaction(async ({ trx }) => {
    if (isPostgres(strapi)) await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', ['liaison:feedback-sweep']);
    const rows: any[] = await strapi.db.query(UID as any).findMany({
      where: { answeredAt: { $null: true }, dueAt: { $lte: endOfBeijingDay(day) }, $or: [{ remindedAt: { $null: true } }, { escalatedAt: { $null: true } }] },
      populate: {
        liaison: { select: ['id', 'documentId', 'dimension', 'label'], populate: { alumnus: { select: ['id', 'name', 'email', 'language', 'alumnusStatus'] }, cohort: { select: ['className'] }, college: { select: ['name'] }, chapter: { select: ['name'] }, industry: { select: ['name'] } } },
        alumnus: { select: ['id'], populate: { cohort: { select: ['id'], populate: { college: { select: ['id', 'name'], populate: { staff: { select: ['email', 'firstname', 'lastname', 'preferedLanguage', 'isActive'] } } } } } } },
      },
      orderBy: [{ id: 'asc' }],
    });
    const office = await officeRecipients(strapi);
    const now = new Date();
    const mails: any[] = [];
    let reminded = 0;
    let escalated = 0;
    const claim = async (id: number, marker: 'remindedAt' | 'escalatedAt') =>
      (await trx(tableOf(strapi, UID)).where({ id }).whereNull(col(marker)).update({ [col(marker)]: now })) > 0;
    for (const row of rows) {
      const dueDay = beijingDay(row.dueAt);
      const item = { documentId: row.documentId, kind: row.category, content: row.content ?? '', receivedAt: row.receivedAt, dueAt: row.dueAt };
      const post = row.liaison;
      if (post && !row.remindedAt && dueDay <= day && (await claim(row.id, 'remindedAt'))) {
        reminded++;
        const holder = post.alumnus;
        if (holder?.email && holder.alumnusStatus !== 'deceased') {
          const locale: Locale = holder.language === 'en' ? 'en' : 'zh-Hans';
          const mail = reminderMail(locale, { name: holder.name }, item, scopeNameOf(post) || post.label || '');
          mails.push({ to: holder.email, ...mail, dedupeKey: `${mail.dedupeKey}:${post.documentId}`, alumnusId: holder.id });
        }
      }
      if (!row.escalatedAt && addWorkingDays(dueDay, settings.escalateAfterDays, settings) <= day && (await claim(row.id, 'escalatedAt'))) {
        escalated++;
        // A liaison's own question to the office goes back to the office, not to their college.
        const college = row.origin === 'to_office' ? null : row.alumnus?.cohort?.college;
        const staff = (college?.staff ?? []).filter((u: any) => u.email && u.isActive !== false).map(staffRecipient);
        const recipients = staff.length ? staff : office;
        const responsible = post ? `${post.alumnus?.name ?? ''} (${scopeNameOf(post) || post.label || ''})` : null;
        for (const r of recipients) {
          mails.push({ to: r.address, ...escalationMail(r.locale, r, item, responsible ?? (r.locale === 'en' ? 'the alumni office' : '校友办')) });
        }
      }
    }
    const queued = mails.length ? await strapi.plugin('liaison').service('outbox').enqueue(mails) : 0;
    return { day, reminded, escalated, queued };
  });
};
