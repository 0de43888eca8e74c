import type { Core } from '@strapi/strapi';
import { fieldError } from '../rules';
import { validationError } from '../utils/errors';
import { requestAdminUser, scopeForRequest } from './request';
import type { DocumentMiddleware } from '../writes/types';
import { checkedInAttendance } from '../check-in/queries';

const EVENT = 'plugin::liaison.event';
const WRITES = new Set(['create', 'update', 'clone']);
/** Set by the server only: who last changed an event's attendance, and when. */
export const RECORDED = ['attendanceRecordedBy', 'attendanceRecordedAt'];

const numberOrNull = (v: unknown): number | null | undefined => {
  if (v === null || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
};

/**
 * An event's attendance counts in its organisers' appraisal (events organised, attendance
 * at them), so it is kept with who recorded it: every create, update or clone that changes
 * it stores the acting admin user (none for scripts and API tokens) and the time, and
 * whatever a client sends for those two fields is dropped. A scoped user (a chapter
 * editor) records attendance only up to the event's capacity, and only once the event
 * has one: without a capacity there is nothing to check a count against.
 */
export const attendanceRecord = (strapi: Core.Strapi): DocumentMiddleware => async (ctx, next) => {
  if (ctx.uid !== EVENT || !WRITES.has(ctx.action)) return next();
  const params = ctx.params as { documentId?: string; data?: Record<string, unknown> };
  const data = params?.data;
  if (!data || typeof data !== 'object') return next();
  for (const field of RECORDED) delete data[field];
  const attendance = numberOrNull(data.attendance);
  // Absent, or not a number (Strapi's validation answers that).
  if (attendance === undefined) return next();

  const stored = params.documentId
    ? await strapi.db.query(EVENT).findOne({ where: { documentId: params.documentId }, select: ['attendance', 'capacity'] })
    : null;
  if ((stored?.attendance ?? null) === attendance) return next();
  // An event people sign up for counts its attendance at the door (check-in/queries.ts).
  if (params.documentId) {
    const counted = await checkedInAttendance(strapi, params.documentId);
    if (counted !== null) throw validationError([fieldError('attendance', 'checkIn.attendanceCounted', { arrived: counted })]);
  }

  const user = await requestAdminUser(strapi);
  if (user && attendance !== null && !(await scopeForRequest(strapi, user)).all) {
    const capacity = numberOrNull('capacity' in data ? data.capacity : stored?.capacity);
    if (capacity === null || capacity === undefined) {
      throw validationError([fieldError('attendance', 'event.attendanceNoCapacity')]);
    }
    if (attendance > capacity) throw validationError([fieldError('attendance', 'event.attendanceOverCapacity', { capacity })]);
  }
  data.attendanceRecordedBy = user?.id ?? null;
  data.attendanceRecordedAt = new Date();
  return next();
};
