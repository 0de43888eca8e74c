import type { Core } from '@strapi/strapi';

const ALUMNUS = 'plugin::liaison.alumnus';
/** An alumnus recorded as deceased or unreachable gets no more mail (proposals/ records it, once approved). */
export const STOPPED_STATUSES = ['deceased', 'unreachable'];
const CHUNK = 500;

/** A mail's recipient: the alumnus it goes to (when known), and the address. */
export interface Recipient {
  alumnusId?: number | null;
  to: string;
}

/**
 * Which of these recipients get no mail: a mail for an alumnus recorded as deceased or
 * unreachable, or one without an alumnus to an address that such an alumnus has on file
 * (mails to liaisons and staff name no alumnus). One indexed query per 500 recipients, in the
 * caller's transaction.
 */
export const stoppedRecipients = async (strapi: Core.Strapi, recipients: Recipient[]): Promise<(r: Recipient) => boolean> => {
  const ids = [...new Set(recipients.map((r) => r.alumnusId).filter((id): id is number => Number.isSafeInteger(id)))];
  const addresses = [...new Set(recipients.filter((r) => !r.alumnusId).flatMap((r) => [r.to, r.to.toLowerCase()]))];
  const stoppedIds = new Set<number>();
  const stoppedAddresses = new Set<string>();
  for (let i = 0; i < Math.max(ids.length, addresses.length); i += CHUNK) {
    const or: Record<string, unknown>[] = [];
    if (ids.length > i) or.push({ id: { $in: ids.slice(i, i + CHUNK) } });
    if (addresses.length > i) or.push({ email: { $in: addresses.slice(i, i + CHUNK) } });
    const rows: any[] = await strapi.db.query(ALUMNUS as any).findMany({
      where: { alumnusStatus: { $in: STOPPED_STATUSES }, $or: or },
      select: ['id', 'email'],
    });
    for (const row of rows) {
      stoppedIds.add(Number(row.id));
      if (row.email) stoppedAddresses.add(String(row.email).toLowerCase());
    }
  }
  return (r) => (r.alumnusId ? stoppedIds.has(Number(r.alumnusId)) : stoppedAddresses.has(r.to.toLowerCase()));
};
