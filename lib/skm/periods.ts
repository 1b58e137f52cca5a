// Survey periods: a semester by default (most units report twice a year), or a quarter or a year,
// as calendar periods in the service's time zone. A key names one: "2026-S2", "2026-Q4", "2026".
import { TZDate } from "@date-fns/tz";

export const SKM_PERIOD_KINDS = ["semester", "quarter", "year"] as const;
export type SkmPeriodKind = (typeof SKM_PERIOD_KINDS)[number];
export type SkmPeriod = { key: string; kind: SkmPeriodKind; year: number; index: number; start: Date; end: Date };

const MONTHS: Record<SkmPeriodKind, number> = { semester: 6, quarter: 3, year: 12 };
const KEY = /^(\d{4})(?:-(S[12]|Q[1-4]))?$/;

function build(kind: SkmPeriodKind, year: number, index: number, timeZone: string): SkmPeriod {
  const months = MONTHS[kind];
  const start = new Date(new TZDate(year, (index - 1) * months, 1, timeZone).getTime());
  const end = new Date(new TZDate(year, index * months, 1, timeZone).getTime());
  const key = kind === "year" ? String(year) : `${year}-${kind === "semester" ? "S" : "Q"}${index}`;
  return { key, kind, year, index, start, end };
}

/** The period of `kind` holding `instant`. */
export function periodOf(kind: SkmPeriodKind, instant: Date, timeZone: string): SkmPeriod {
  const z = new TZDate(instant.getTime(), timeZone);
  return build(kind, z.getFullYear(), Math.floor(z.getMonth() / MONTHS[kind]) + 1, timeZone);
}

/** The period a key names, or null for anything else. */
export function periodFromKey(key: string, timeZone: string): SkmPeriod | null {
  const m = KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2200) return null;
  if (!m[2]) return build("year", year, 1, timeZone);
  return build(m[2][0] === "S" ? "semester" : "quarter", year, Number(m[2][1]), timeZone);
}

/** `count` periods ending with `period` (oldest first). */
export function periodsUpTo(period: SkmPeriod, count: number, timeZone: string): SkmPeriod[] {
  const perYear = 12 / MONTHS[period.kind];
  const out: SkmPeriod[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const ordinal = period.year * perYear + (period.index - 1) - i;
    out.push(build(period.kind, Math.floor(ordinal / perYear), (ordinal % perYear) + 1, timeZone));
  }
  return out;
}

/** The period after `period`. */
export function nextPeriod(period: SkmPeriod, timeZone: string): SkmPeriod {
  return periodOf(period.kind, period.end, timeZone);
}
