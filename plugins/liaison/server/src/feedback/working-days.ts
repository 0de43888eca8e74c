/**
 * Working days as the mainland office counts them: Monday to Friday, except the public
 * holidays the office lists, plus the make-up working days (调休) it lists, which fall on a
 * weekend. Days are written yyyy-MM-dd and belong to Beijing time, whatever the server's zone.
 */
export interface WorkCalendar {
  holidays: readonly string[];
  workdays: readonly string[];
}

const DAY_MS = 86_400_000;
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing day of an instant. */
export const beijingDay = (at: Date | string | number = new Date()): string =>
  new Date(new Date(at).getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);

/** The last millisecond of a Beijing day, as an instant. */
export const endOfBeijingDay = (day: string): Date => new Date(Date.parse(`${day}T00:00:00.000Z`) - BEIJING_OFFSET_MS + DAY_MS - 1);

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

export const isWorkingDay = (day: string, calendar: WorkCalendar): boolean => {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The `n`th working day after `day` (`day` itself not counted; n = 0: `day`). */
export const addWorkingDays = (day: string, n: number, calendar: WorkCalendar): string => {
  let current = day;
  // A listed year of holidays never holds more than a few weeks off in a row: the bound keeps a
  // wrong list (every day a holiday) from looping for ever.
  for (let counted = 0, steps = 0; counted < n && steps < 3660; steps++) {
    current = nextDay(current);
    if (isWorkingDay(current, calendar)) counted++;
  }
  return current;
};

/** When an item received at `receivedAt` must be answered: the end of its `days`th working day after (Beijing). */
export const dueAtOf = (receivedAt: Date, days: number, calendar: WorkCalendar): Date =>
  endOfBeijingDay(addWorkingDays(beijingDay(receivedAt), days, calendar));
