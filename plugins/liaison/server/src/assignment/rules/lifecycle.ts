import { END_REASONS, ROLES, type EndReason, type PostStatus } from '../../vocabulary';
import { fieldError, type FieldError } from '../../rules/field-error';
import { isDay } from '../../rules/inputs';

/** The university keeps its calendar in China: "today" and the daily job use this time zone. */
export const TIME_ZONE = 'Asia/Shanghai';

/** A day as YYYY-MM-DD in the network's time zone. */
export const dayOf = (date: Date = new Date(), timeZone = TIME_ZONE) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);

export const today = () => dayOf(new Date());

/** YYYY-MM-DD plus n days. */
export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export { ROLES, END_REASONS, type EndReason, type PostStatus };

/** Statuses in which a post still counts for its holder (a second overlapping one in the scope is refused). */
export const LIVE_STATUSES: PostStatus[] = ['nominated', 'approved', 'active'];

/** The lifecycle actions and the statuses each may start from. */
export const ALLOWED_FROM: Record<'approve' | 'reject' | 'renew' | 'end', PostStatus[]> = {
  approve: ['nominated'],
  reject: ['nominated'],
  renew: ['approved', 'active'],
  end: ['approved', 'active'],
};

export const canDo = (action: keyof typeof ALLOWED_FROM, status: string | null | undefined) =>
  ALLOWED_FROM[action].includes(status as PostStatus);

/** An approved post is active from its term start on; before that it is 'approved' (and already takes a post). */
export const statusOnApproval = (termStart: string, day: string): 'active' | 'approved' =>
  termStart <= day ? 'active' : 'approved';

/** Two terms [start, end] (end empty = open) overlap when each starts before the other ends. */
export const termsOverlap = (
  a: { termStart: string; termEnd?: string | null },
  b: { termStart: string; termEnd?: string | null }
) => (!a.termEnd || b.termStart <= a.termEnd) && (!b.termEnd || a.termStart <= b.termEnd);

/** A scope is full when its occupied posts reach its number of posts. */
export const isFull = (occupied: number, posts: number) => occupied >= posts;

/** The term end recorded when a post ends on `day`: today, unless the term already ended earlier; always after the term start. */
export const termEndOnEnding = (termStart: string, termEnd: string | null | undefined, day: string) => {
  const end = termEnd && termEnd < day ? termEnd : day;
  return end > termStart ? end : addDays(termStart, 1);
};

export { isDay };

/**
 * A renewal moves the term end later than the current one (that the new end is a day is
 * the request's schema's to say, assignment/inputs.ts; that it stays after the term start
 * is the post's own rule, checkLiaisonPost).
 */
export const checkRenewal = (termEnd: string, post: { termEnd: string | null }): FieldError[] =>
  post.termEnd && termEnd <= post.termEnd ? [fieldError('termEnd', 'assignment.renewLater', { date: post.termEnd })] : [];

/** What the daily job does to one post on `day`. */
export type ExpiryStep = { kind: 'end' } | { kind: 'activate' } | { kind: 'remind'; days: 30 | 7 };

export const REMINDER_DAYS = [30, 7] as const;

/**
 * The reminder due for a term ending on `termEnd`: the 30-day one while 8 to 30 days
 * are left, the 7-day one in the last week (a missed run catches up the next day;
 * the outbox's dedupe key sends each once, ever).
 */
export const reminderDue = (termEnd: string | null | undefined, day: string): 30 | 7 | null => {
  if (!termEnd) return null;
  const left = daysBetween(day, termEnd);
  if (left < 0) return null;
  if (left <= 7) return 7;
  if (left <= 30) return 30;
  return null;
};

export const expirySteps = (
  post: { postStatus: string; termStart: string; termEnd: string | null },
  day: string
): ExpiryStep[] => {
  const steps: ExpiryStep[] = [];
  if (post.postStatus !== 'active' && post.postStatus !== 'approved') return steps;
  if (post.termEnd && post.termEnd < day) return [{ kind: 'end' }];
  if (post.postStatus === 'approved' && post.termStart <= day) steps.push({ kind: 'activate' });
  const due = reminderDue(post.termEnd, day);
  if (due) steps.push({ kind: 'remind', days: due });
  return steps;
};

export const reminderKey = (postDocumentId: string, termEnd: string, days: number, recipient: string) =>
  `term-reminder:${postDocumentId}:${termEnd}:${days}:${recipient.toLowerCase()}`;
