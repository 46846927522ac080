import { z } from 'zod';

/**
 * Calendar days of growth intelligence (SPEC G4), all in UTC: a day is 'YYYY-MM-DD' and covers
 * [00:00, next 00:00) UTC; a week is an ISO week, Monday 00:00 UTC to the next Monday.
 */
const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isDay(value: string): boolean {
  if (!DAY_RE.test(value)) return false;
  const d = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Accepted days: wide enough for any real business period, narrow enough for date arithmetic. */
export const FIRST_DAY = '1900-01-01';
export const LAST_DAY = '2999-12-31';

export const daySchema = z
  .string()
  .regex(DAY_RE, 'Expected a date such as 2026-11-21 (YYYY-MM-DD)')
  .refine(isDay, 'Not a calendar date')
  .refine((d) => d >= FIRST_DAY && d <= LAST_DAY, `Choose a date between ${FIRST_DAY} and ${LAST_DAY}`);

/** 00:00 UTC of a day. */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00.000Z`);
/** The UTC day of an instant. */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number): string => dayOf(new Date(dayStart(day).getTime() + n * DAY_MS));
/** Whole days from a to b (b - a). */
export const daysBetween = (a: string, b: string): number => Math.round((dayStart(b).getTime() - dayStart(a).getTime()) / DAY_MS);
/** Monday of the ISO week containing `day`. */
export function weekStartOf(day: string): string {
  const dow = (dayStart(day).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return addDays(day, -dow);
}

/** ISO week label (e.g. 2026-W47) of the week starting on the Monday `monday`. */
export function isoWeekLabel(monday: string): string {
  const thursday = dayStart(addDays(monday, 3));
  const year = thursday.getUTCFullYear();
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const week = Math.floor((thursday.getTime() - week1Monday) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Every day from `from` to `to`, both included. */
export function daysIn(from: string, to: string): string[] {
  const n = daysBetween(from, to);
  return Array.from({ length: Math.max(0, n + 1) }, (_, i) => addDays(from, i));
}

/**
 * Runs of consecutive days, as half-open UTC ranges [start, end): what a range predicate on
 * growth_events.occurred_at needs. `days` must be sorted ascending without duplicates.
 */
export function dayRanges(days: readonly string[]): { from: string; to: string }[] {
  const ranges: { from: string; to: string }[] = [];
  for (const day of days) {
    const last = ranges[ranges.length - 1];
    if (last && last.to === day) last.to = addDays(day, 1);
    else ranges.push({ from: day, to: addDays(day, 1) });
  }
  return ranges;
}
