import { z } from '@strapi/utils';
import { oneOf, optional, paging, says, text, withDefault } from '../rules/inputs';

export const STATUSES = ['registered', 'waiting', 'cancelled'] as const;

/** POST /events/:documentId/check-in: the code the QR code carries (or the door typed). */
export const checkInInput = z
  .object({
    code: z
      .string({ error: (issue) => (issue.input === undefined || issue.input === null ? says('required') : says('checkIn.code')) })
      .transform((s) => s.trim())
      .pipe(z.string().min(1, says('required')).max(64, says('checkIn.code')).regex(/^[A-Za-z0-9_-]+$/, says('checkIn.code'))),
  })
  .strict();

/** GET /events/:documentId/registrations: one status or all, a page, a name to look for. */
export const registrationsQuery = z
  .object({
    ...paging(100_000, 500, 50),
    status: optional(oneOf(STATUSES)),
    q: optional(text(100)),
  })
  .strict();

/** GET /events/:documentId/registrations/export?format=csv|xlsx&status= */
export const exportQuery = z
  .object({
    format: withDefault(oneOf(['csv', 'xlsx'] as const), 'csv'),
    status: optional(oneOf(STATUSES)),
  })
  .strict();

/** GET /registrations/events: the events to come (soonest first) or past (latest first), a page of them. */
export const eventsQuery = z
  .object({
    when: withDefault(oneOf(['upcoming', 'past'] as const), 'upcoming'),
    ...paging(10_000, 100, 20),
  })
  .strict();
