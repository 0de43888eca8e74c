import type { Core } from '@strapi/strapi';
import type { OutgoingMail } from './types';

const UID = 'plugin::liaison.notification';

/**
 * The outbox: every e-mail is a notification row written in the same transaction as
 * the change that causes it; a worker delivers them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Queues mails in the caller's transaction (nested transactions join it). Returns how many were queued. */
  async enqueue(mails: OutgoingMail[]): Promise<number> {
    if (!mails.length) return 0;
    return strapi.db.transaction(async () => {
      let queued = 0;
      for (const mail of mails) {
        if (mail.dedupeKey && (await strapi.db.query(UID).count({ where: { dedupeKey: mail.dedupeKey } }))) continue;
        await strapi.documents(UID).create({
          data: {
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
            kind: mail.kind,
            dedupeKey: mail.dedupeKey,
            recipientLocale: mail.locale ?? 'zh-Hans',
            alumnus: mail.alumnusId,
            deliveryStatus: 'pending',
            attempts: 0,
            nextAttemptAt: new Date(),
          } as any,
        });
        queued++;
      }
      return queued;
    });
  },
});
