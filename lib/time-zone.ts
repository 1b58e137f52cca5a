import { TZDate } from "@date-fns/tz";

// Calendar days and wall-clock times in one IANA time zone: the service calendar's (Settings → Jam
// Layanan; read it with getServiceTimeZone in lib/dal/settings.ts). Instants are UTC `Date`s, days
// "YYYY-MM-DD". Pure: the zone is always passed in, so tests can move it.

const pad = (n: number) => String(n).padStart(2, "0");

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of `instant` in `timeZone`. */
export function dayIn(timeZone: string, instant: Date = new Date()): string {
  const z = new TZDate(instant.getTime(), timeZone);
  return `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`;
}

/** The calendar year of `instant` in `timeZone`. */
export function yearIn(timeZone: string, instant: Date = new Date()): number {
  return new TZDate(instant.getTime(), timeZone).getFullYear();
}

/** The first instant of `day` in `timeZone` (its midnight there), `plusDays` later; null for anything but a real YYYY-MM-DD. */
export function dayStartIn(timeZone: string, day: string, plusDays = 0): Date | null {
  const m = DAY.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(new TZDate(y, mo - 1, d + plusDays, timeZone).getTime());
}

/**
 * The wall-clock time of `instant` in `timeZone` as a Date whose UTC fields carry it: for
 * spreadsheets, which have no time zones and show a date's UTC fields.
 */
export function wallClockAsUtc(timeZone: string, instant: Date): Date {
  const z = new TZDate(instant.getTime(), timeZone);
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds(), z.getMilliseconds()));
}

/** "2026-11-28 17:05": the wall-clock time of `instant` in `timeZone`. */
export function wallClockText(timeZone: string, instant: Date): string {
  return wallClockAsUtc(timeZone, instant).toISOString().slice(0, 16).replace("T", " ");
}
