import { DIMENSIONS, END_REASONS, ROLES, type Dimension, type EndReason, type PostStatus } from '../../vocabulary';
import { fieldError, type FieldError } from '../../rules/field-error';

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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const isDay = (value: unknown): value is string => {
  if (typeof value !== 'string' || !DATE_ONLY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
};

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isRef = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);

/** A term in a request body: start required, end optional and after the start. */
export const checkTerm = (body: { termStart?: unknown; termEnd?: unknown }, prefix = ''): FieldError[] => {
  const errors: FieldError[] = [];
  if (!isDay(body.termStart)) errors.push(fieldError(`${prefix}termStart`, 'is required, written yyyy-MM-dd'));
  if (body.termEnd !== undefined && body.termEnd !== null && body.termEnd !== '') {
    if (!isDay(body.termEnd)) errors.push(fieldError(`${prefix}termEnd`, 'must be a date written yyyy-MM-dd'));
    else if (isDay(body.termStart) && body.termEnd <= body.termStart) errors.push(fieldError(`${prefix}termEnd`, 'must be after termStart'));
  }
  return errors;
};

export interface NominationInput {
  alumnus?: unknown;
  dimension?: unknown;
  scope?: unknown;
  role?: unknown;
  termStart?: unknown;
  termEnd?: unknown;
  reason?: unknown;
  nominator?: unknown;
}

/** The shape of a nomination; industry posts enter only with a nominator and a stated reason (举荐). */
export const checkNomination = (body: NominationInput): FieldError[] => {
  const errors: FieldError[] = [];
  if (!isRef(body.alumnus)) errors.push(fieldError('alumnus', 'is required (the documentId of an alumnus)'));
  if (!DIMENSIONS.includes(body.dimension as Dimension)) errors.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
  if (!isRef(body.scope)) errors.push(fieldError('scope', 'is required (the documentId of the cohort, college, chapter or industry group)'));
  if (!ROLES.includes(body.role as any)) errors.push(fieldError('role', `must be one of ${ROLES.join(', ')}`));
  errors.push(...checkTerm(body));
  if (body.nominator !== undefined && body.nominator !== null && body.nominator !== '' && !isRef(body.nominator)) {
    errors.push(fieldError('nominator', 'must be the documentId of an alumnus'));
  }
  if (body.dimension === 'industry') {
    if (!isRef(body.nominator)) errors.push(fieldError('nominator', 'industry liaisons enter by nomination: name the nominator'));
    if (!isText(body.reason)) errors.push(fieldError('reason', 'industry liaisons enter by nomination with a stated reason'));
  }
  if (body.reason !== undefined && body.reason !== null && typeof body.reason !== 'string') errors.push(fieldError('reason', 'must be text'));
  return errors;
};

export const checkRejection = (body: { reason?: unknown }): FieldError[] =>
  isText(body.reason) ? [] : [fieldError('reason', 'a rejection needs its reason')];

/** A renewal moves the term end later; that it stays after the term start is the post's own rule (checkLiaisonPost). */
export const checkRenewal = (body: { termEnd?: unknown }, post: { termStart: string; termEnd: string | null }): FieldError[] => {
  if (!isDay(body.termEnd)) return [fieldError('termEnd', 'is required, written yyyy-MM-dd')];
  if (post.termEnd && body.termEnd <= post.termEnd) return [fieldError('termEnd', `must be later than the current term end (${post.termEnd})`)];
  return [];
};

export const checkEnding = (body: { reason?: unknown; note?: unknown; successor?: unknown }): FieldError[] => {
  const errors: FieldError[] = [];
  if (!END_REASONS.includes(body.reason as EndReason)) errors.push(fieldError('reason', `must be one of ${END_REASONS.join(', ')}`));
  if (body.note !== undefined && body.note !== null && typeof body.note !== 'string') errors.push(fieldError('note', 'must be text'));
  if (body.successor !== undefined && body.successor !== null && body.successor !== '' && !isRef(body.successor)) {
    errors.push(fieldError('successor', 'must be the documentId of another post'));
  }
  return errors;
};

export const checkQuota = (body: { dimension?: unknown; scope?: unknown; posts?: unknown }): FieldError[] => {
  const errors: FieldError[] = [];
  if (!DIMENSIONS.includes(body.dimension as Dimension)) errors.push(fieldError('dimension', `must be one of ${DIMENSIONS.join(', ')}`));
  if (body.scope !== undefined && body.scope !== null && body.scope !== '' && !isRef(body.scope)) errors.push(fieldError('scope', 'must be a documentId'));
  if (!Number.isInteger(body.posts) || (body.posts as number) < 0 || (body.posts as number) > 1000) {
    errors.push(fieldError('posts', 'must be a whole number from 0 to 1000'));
  }
  return errors;
};

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
