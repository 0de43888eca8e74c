import type { Core } from '@strapi/strapi';
import { IMPORT } from './job';
import { cleanText, normaliseEmail, normalisePhone } from './normalise';
import { jsonColumn } from '../utils/db';

/** What identifies a person in a registrar's row: their student number, phone or e-mail as stored. */
export interface PersonKeys {
  studentNo?: string | null;
  phone?: string | null;
  email?: string | null;
}

/** Whether a row's cells name the person: a cell that is their student number, or their phone or e-mail however written. */
export const rowNamesPerson = (cells: unknown[], person: PersonKeys) => {
  const studentNo = cleanText(person.studentNo)?.toUpperCase() ?? null;
  return cells.some((cell) => {
    const text = cleanText(cell);
    if (text === null) return false;
    if (studentNo && text.toUpperCase() === studentNo) return true;
    if (person.phone && normalisePhone(text).value === person.phone) return true;
    return !!person.email && normaliseEmail(text).value === person.email.toLowerCase();
  });
};

/**
 * An erasure's part: the rows of earlier imports that were rejected (kept with each import, and
 * downloadable as its rejected-rows file) and name the person go, with whatever else they held.
 * The import's counts stay as they were. Returns the rows removed.
 */
export const dropRejectedRowsOf = async (strapi: Core.Strapi, person: PersonKeys): Promise<number> => {
  if (!person.studentNo && !person.phone && !person.email) return 0;
  // One import's rejected rows in memory at a time (each holds up to the stored maximum).
  const imports: { id: number }[] = await strapi.db.query(IMPORT as any).findMany({ select: ['id'] });
  let removed = 0;
  for (const { id } of imports) {
    const row: any = await strapi.db.query(IMPORT as any).findOne({ where: { id }, select: ['id', 'rejected'] });
    const rejected: any[] = jsonColumn(row.rejected) ?? [];
    const kept = rejected.filter((r) => !rowNamesPerson(r?.cells ?? [], person));
    if (kept.length === rejected.length) continue;
    removed += rejected.length - kept.length;
    await strapi.db.query(IMPORT as any).update({ where: { id: row.id }, data: { rejected: kept } });
  }
  return removed;
};
