import { wholeNumberEnv } from '../utils/env';
/** Training as plain rules: a course's result, and the deadline of a provisional liaison. */
export type Result = 'pending' | 'passed' | 'failed';

/** Passed when attended and assessed at or above the course's pass mark; failed when below; pending otherwise. */
export const resultOf = (
  attended: boolean | null | undefined,
  score: number | null | undefined,
  passMark: number | null | undefined,
): Result => {
  if (!attended || score === null || score === undefined) return 'pending';
  return score >= (passMark ?? 60) ? 'passed' : 'failed';
};

/** The day N months after `day` (YYYY-MM-DD), clamped to the month's last day (31 Aug + 6 months = 28/29 Feb). */
export const addMonths = (day: string, months: number): string => {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
};

/** Months a newly approved liaison has to complete the required courses: TRAINING_DEADLINE_MONTHS, default 6. */
export const deadlineMonths = () => wholeNumberEnv('TRAINING_DEADLINE_MONTHS', 6, { min: 1, max: 60, unit: 'months' });

/** Days before the deadline a provisional liaison is reminded, once each. */
export const REMINDER_DAYS = [30, 7] as const;
