import { z } from 'zod';
import { AppError } from '~/server/errors';

/**
 * ISO weeks in a time zone (SPEC J3: the weekly report runs Monday 08:00 Europe/London for the
 * week that just ended). A week starts on Monday 00:00 local time and ends at the next Monday
 * 00:00 local time, so around a daylight-saving change it lasts 167 or 169 hours; `start` and
 * `end` are the exact UTC instants. Only `Intl` is used: no time-zone library.
 */
export const REPORT_TIME_ZONE = 'Europe/London';

export type IsoWeek = {
  /** "2026-W47" */
  label: string;
  /** ISO week-numbering year (2021-01-03 belongs to 2020-W53). */
  year: number;
  week: number;
  /** Monday 00:00 local time, as a UTC instant (inclusive). */
  start: Date;
  /** The next Monday 00:00 local time, as a UTC instant (exclusive). */
  end: Date;
  /** Local calendar dates of the Monday and the Sunday, YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
  timeZone: string;
};

const DAY_MS = 86_400_000;
const LABEL = /^(\d{4})-W(\d{2})$/;

export const isoWeekLabelSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(LABEL, 'Expected an ISO week such as 2026-W47');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function zonedFields(instant: number, timeZone: string) {
  const out = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type in out) out[p.type as keyof typeof out] = Number(p.value);
  }
  return out;
}

/** Offset of the zone from UTC at an instant, in ms (London: 0 in winter, +3 600 000 in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const f = zonedFields(instant, timeZone);
  const wall = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  return wall - (instant - (((instant % 1000) + 1000) % 1000));
}

/**
 * The UTC instant of local midnight on a calendar day (given as a UTC-midnight timestamp).
 * Two passes settle the offset on either side of a change; London changes at 01:00 UTC, so
 * its midnight always exists.
 */
function zonedMidnight(calendarDayUtc: number, timeZone: string): Date {
  const first = calendarDayUtc - offsetAt(calendarDayUtc, timeZone);
  return new Date(calendarDayUtc - offsetAt(first, timeZone));
}

const isoDate = (calendarDayUtc: number) => new Date(calendarDayUtc).toISOString().slice(0, 10);

/** Builds the week whose Monday is the given calendar day (UTC-midnight timestamp). */
function weekFromMonday(mondayUtc: number, timeZone: string): IsoWeek {
  const thursday = new Date(mondayUtc + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return {
    label: `${year}-W${String(week).padStart(2, '0')}`,
    year,
    week,
    start: zonedMidnight(mondayUtc, timeZone),
    end: zonedMidnight(mondayUtc + 7 * DAY_MS, timeZone),
    firstDay: isoDate(mondayUtc),
    lastDay: isoDate(mondayUtc + 6 * DAY_MS),
    timeZone,
  };
}

/** The ISO week that contains an instant, by the calendar of the given zone. */
export function isoWeekOf(date: Date, timeZone: string = REPORT_TIME_ZONE): IsoWeek {
  const f = zonedFields(date.getTime(), timeZone);
  const day = Date.UTC(f.year, f.month - 1, f.day);
  const mondayOffset = (new Date(day).getUTCDay() + 6) % 7;
  return weekFromMonday(day - mondayOffset * DAY_MS, timeZone);
}

/** The week before. */
export function previousWeek(week: IsoWeek): IsoWeek {
  return isoWeekOf(new Date(week.start.getTime() - 1), week.timeZone);
}

/** The last week that had fully ended at `now` (on Monday 08:00, the week that just ended). */
export function lastCompleteWeek(now: Date, timeZone: string = REPORT_TIME_ZONE): IsoWeek {
  return previousWeek(isoWeekOf(now, timeZone));
}

/** Parses "2026-W47" (week 53 only in years that have one); BAD_REQUEST otherwise. */
export function parseIsoWeek(label: string, timeZone: string = REPORT_TIME_ZONE): IsoWeek {
  const parsed = isoWeekLabelSchema.safeParse(label);
  const match = parsed.success ? LABEL.exec(parsed.data) : null;
  if (!match) throw new AppError('BAD_REQUEST', `Invalid week "${label}": expected an ISO week such as 2026-W47`);
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (year < 1970) throw new AppError('BAD_REQUEST', `Invalid week "${label}": the year must be 1970 or later`);
  const jan4 = Date.UTC(year, 0, 4);
  const mondayOfWeek1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const result = weekFromMonday(mondayOfWeek1 + (week - 1) * 7 * DAY_MS, timeZone);
  if (week < 1 || result.label !== parsed.data) {
    throw new AppError('BAD_REQUEST', `Invalid week "${label}": ${year} has no week ${week}`);
  }
  return result;
}
