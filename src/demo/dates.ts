import type { Random } from './random';

/** Days as whole numbers since 1970-01-01 (UTC), and the demo's few date helpers. */
export const DAY_MS = 86_400_000;
export const dayOf = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00.000Z`) / DAY_MS);
export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** A datetime on `day` at `minutes` past midnight UTC. */
export const datetimeOf = (day: number, minutes: number): string => new Date(day * DAY_MS + minutes * 60_000).toISOString();
export const yearOf = (day: number) => Number(dateOf(day).slice(0, 4));
/** Working hours in China (UTC+8), as minutes past midnight UTC: 08:30–17:30 local. */
export const officeMinutes = (random: Random) => 30 + random.int(0, 540);
