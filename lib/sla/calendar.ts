import { TZDate } from "@date-fns/tz";

/**
 * Working time on a calendar: the office's weekly hours in its time zone, minus holidays.
 * Instants are stored and passed around in UTC (`Date`); wall-clock rules apply in `timeZone`.
 * Pure code, no database: the SLA clock and its tests run on it directly.
 */

/** "HH:MM" wall-clock range [start, end) on one day. */
export type TimeRange = { start: string; end: string };

/** ISO weekday 1 = Monday … 7 = Sunday → the day's working ranges (sorted, not overlapping). */
export type WeekSchedule = Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", TimeRange[]>;

export type WorkingCalendar = {
  timeZone: string;
  week: WeekSchedule;
  /** Local dates ("YYYY-MM-DD") with no working time. */
  holidays: ReadonlySet<string>;
};

const MINUTE = 60_000;
/** Ten years of days without working time end the search (a calendar with none at all) instead of looping. */
const MAX_DAYS = 3660;

export function minutesOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h! * 60 + m!;
}

type LocalDate = { y: number; m: number; d: number };

const isoDate = ({ y, m, d }: LocalDate) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;

function localDateOf(cal: WorkingCalendar, instant: number): LocalDate {
  const z = new TZDate(instant, cal.timeZone);
  return { y: z.getFullYear(), m: z.getMonth() + 1, d: z.getDate() };
}

function addDays(date: LocalDate, n: number): LocalDate {
  const u = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: u.getUTCFullYear(), m: u.getUTCMonth() + 1, d: u.getUTCDate() };
}

function isoWeekday(date: LocalDate): keyof WeekSchedule {
  const dow = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return String(dow === 0 ? 7 : dow) as keyof WeekSchedule;
}

/** The wall-clock minute `minute` of a local date as a UTC instant (ms). */
function instantAt(cal: WorkingCalendar, date: LocalDate, minute: number): number {
  return new TZDate(date.y, date.m - 1, date.d, Math.floor(minute / 60), minute % 60, cal.timeZone).getTime();
}

/**
 * Per calendar object, the intervals of each local date already worked out. Turning wall-clock times
 * into instants in the calendar's zone (TZDate) was a tenth of a list page's CPU when every row's
 * "time left" walked the days again; a calendar is immutable and kept for a few seconds
 * (lib/dal/sla.ts), so each date is worked out once.
 */
const daysOf = new WeakMap<WorkingCalendar, Map<number, [number, number][]>>();

/** The working intervals [start, end] (ms) of one local date; none on a holiday. */
export function workingIntervalsOn(cal: WorkingCalendar, date: LocalDate): [number, number][] {
  let days = daysOf.get(cal);
  if (!days) daysOf.set(cal, (days = new Map()));
  const key = date.y * 10_000 + date.m * 100 + date.d;
  let intervals = days.get(key);
  if (!intervals) {
    intervals = cal.holidays.has(isoDate(date))
      ? []
      : cal.week[isoWeekday(date)].map((r) => [instantAt(cal, date, minutesOfDay(r.start)), instantAt(cal, date, minutesOfDay(r.end))]);
    days.set(key, intervals);
  }
  return intervals;
}

/** Working intervals that end after `from`, clipped to start no earlier than it, in order. */
function* intervalsFrom(cal: WorkingCalendar, from: number): Generator<[number, number]> {
  let date = addDays(localDateOf(cal, from), -1); // a range may begin on the previous local date's wall clock
  // Days in a row without working time; any working range starts the count again.
  for (let idle = 0; idle < MAX_DAYS; idle++, date = addDays(date, 1)) {
    for (const [s, e] of workingIntervalsOn(cal, date)) {
      if (e > from) {
        idle = 0;
        yield [Math.max(s, from), e];
      }
    }
  }
  throw new Error("working calendar: no working time in ten years");
}

/**
 * The instant `minutes` of working time after `start`. A due time that uses up a range exactly
 * lands on its end (16:00), not on the next morning. Adding nothing to a time outside working hours
 * gives the next working moment.
 */
export function addWorkingMinutes(cal: WorkingCalendar, start: Date, minutes: number): Date {
  if (minutes <= 0) return isWorkingTime(cal, start) ? start : nextWorkingMoment(cal, start);
  let remaining = minutes * MINUTE;
  for (const [s, e] of intervalsFrom(cal, start.getTime())) {
    if (remaining <= e - s) return new Date(s + remaining);
    remaining -= e - s;
  }
  throw new Error("unreachable");
}

/** The first instant from `at` on at which working time runs (the close of a range is not one). */
export function nextWorkingMoment(cal: WorkingCalendar, at: Date): Date {
  for (const [s] of intervalsFrom(cal, at.getTime())) return new Date(s);
  throw new Error("unreachable");
}

/** Working minutes between two instants; negative when `to` is before `from`. */
export function workingMinutesBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingMinutesBetween(cal, to, from);
  let total = 0;
  for (const [s, e] of intervalsFrom(cal, a)) {
    if (s >= b) break;
    total += Math.min(e, b) - s;
  }
  return total / MINUTE;
}

/** Whether an instant lies within working time (the end of a range counts: a due time may sit there). */
export function isWorkingTime(cal: WorkingCalendar, instant: Date): boolean {
  const t = instant.getTime();
  const date = localDateOf(cal, t);
  return [addDays(date, -1), date].some((d) => workingIntervalsOn(cal, d).some(([s, e]) => s <= t && t <= e));
}

/**
 * `days` working days after `start`: the same point of working time on the `days`-th working day
 * after the one the clock starts on (09:00 Monday + 1 day → 09:00 Tuesday). A clock that starts
 * at the opening of a day (a ticket filed in the evening or on a holiday) is due at the close of
 * the `days`-th working day counting that one. Days of different length (Friday) clip to their close.
 */
export function addWorkingDays(cal: WorkingCalendar, start: Date, days: number): Date {
  const begin = nextWorkingMoment(cal, start).getTime();
  let date = localDateOf(cal, begin);
  let ranges = workingIntervalsOn(cal, date);
  if (!ranges.length || ranges[0]![0] > begin) {
    // Started in a range that began on the previous local date's clock (a night shift).
    date = addDays(date, -1);
    ranges = workingIntervalsOn(cal, date);
  }
  const elapsed = workingMinutesBetween(cal, new Date(ranges[0]![0]), new Date(begin));
  if (days <= 0) return new Date(begin);
  let target = date;
  let targetRanges = ranges;
  for (let left = elapsed > 0 ? days : days - 1; left > 0; ) {
    target = addDays(target, 1);
    targetRanges = workingIntervalsOn(cal, target);
    if (targetRanges.length) left--;
  }
  if (elapsed === 0) return new Date(targetRanges.at(-1)![1]);
  const dayLength = targetRanges.reduce((sum, [s, e]) => sum + (e - s), 0) / MINUTE;
  return addWorkingMinutes(cal, new Date(targetRanges[0]![0]), Math.min(elapsed, dayLength));
}

export type TargetUnit = "HOURS" | "DAYS";
export type Target = { value: number; unit: TargetUnit };

/** When a target that starts at `start` falls due. */
export function dueAfter(cal: WorkingCalendar, start: Date, target: Target): Date {
  return target.unit === "DAYS" ? addWorkingDays(cal, start, target.value) : addWorkingMinutes(cal, start, target.value * 60);
}
