import { z } from "./zod";
import { minutesOfDay, type TimeRange, type WeekSchedule } from "@/lib/sla/calendar";
import { DEFAULT_TIME_ZONE, DEFAULT_WEEK } from "@/lib/sla/defaults";

export const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;
export const SLA_PRIORITIES = ["URGENT", "HIGH", "NORMAL", "LOW"] as const;
export const SLA_UNITS = ["HOURS", "DAYS"] as const;

const HHMM = /^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Each range starts before it ends and after the previous one ended. */
function ordered(ranges: TimeRange[]): boolean {
  let last = -1;
  for (const r of ranges) {
    const s = minutesOfDay(r.start);
    const e = minutesOfDay(r.end);
    if (s >= e || s < last) return false;
    last = e;
  }
  return true;
}

const dayRanges = z
  .array(z.object({ start: z.string().regex(HHMM, "timeRanges"), end: z.string().regex(HHMM, "timeRanges") }).strict())
  .max(4)
  .refine(ordered, "timeRanges");

/** The working calendar as stored (Setting "calendar"). */
export const calendarSettingsSchema = z
  .object({
    timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "timeZone"),
    week: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayRanges])) as Record<(typeof WEEKDAYS)[number], typeof dayRanges>).strict(),
  })
  .strict()
  .refine((c) => WEEKDAYS.some((d) => c.week[d].length > 0), { message: "noWorkingTime", path: ["week"] });

export type CalendarSettings = { timeZone: string; week: WeekSchedule };
export const DEFAULT_CALENDAR: CalendarSettings = { timeZone: DEFAULT_TIME_ZONE, week: DEFAULT_WEEK };

/** "07:30-12:00, 13:00-16:00" ↔ ranges. */
export function formatRanges(ranges: TimeRange[]): string {
  return ranges.map((r) => `${r.start}-${r.end}`).join(", ");
}

function parseRanges(text: string): TimeRange[] | null {
  if (!text.trim()) return [];
  const out: TimeRange[] = [];
  for (const part of text.split(",")) {
    const m = /^\s*(\d{1,2})[:.](\d{2})\s*[-–]\s*(\d{1,2})[:.](\d{2})\s*$/.exec(part);
    if (!m) return null;
    const pad = (h: string, mi: string) => `${h.padStart(2, "0")}:${mi}`;
    out.push({ start: pad(m[1]!, m[2]!), end: pad(m[3]!, m[4]!) });
  }
  return out;
}

const dayText = z
  .string()
  .max(100)
  .transform((text, ctx) => {
    const ranges = parseRanges(text);
    if (!ranges || !dayRanges.safeParse(ranges).success) {
      ctx.addIssue({ code: "custom", message: "timeRanges" });
      return z.NEVER;
    }
    return ranges;
  });

/** The Jam Layanan form: a time zone and one line of ranges per weekday. */
export const calendarFormSchema = z
  .object({
    timeZone: z.string().trim().min(1).max(64).refine(isTimeZone, "timeZone"),
    ...(Object.fromEntries(WEEKDAYS.map((d) => [`day${d}`, dayText])) as Record<`day${(typeof WEEKDAYS)[number]}`, typeof dayText>),
  })
  .strict()
  .transform((v, ctx) => {
    const week = Object.fromEntries(WEEKDAYS.map((d) => [d, v[`day${d}`]])) as WeekSchedule;
    if (!WEEKDAYS.some((d) => week[d].length > 0)) {
      ctx.addIssue({ code: "custom", message: "noWorkingTime", path: ["day1"] });
      return z.NEVER;
    }
    return { timeZone: v.timeZone, week } satisfies CalendarSettings;
  });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "date").refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "date");

export const addHolidaySchema = z.object({ date: isoDate, name: z.string().trim().min(1).max(200) }).strict();
export const removeHolidaySchema = z.object({ date: isoDate }).strict();
export const holidayYearSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) }).strict();

const targetValue = z.coerce.number().int().min(1).max(999);
const unit = z.enum(SLA_UNITS);

/** One department's (or the default) targets: four priorities × (first response, resolution). */
export const slaPolicyFormSchema = z
  .object({
    departmentId: z.union([z.literal(""), z.uuid()]),
    ...(Object.fromEntries(
      SLA_PRIORITIES.flatMap((p) => [
        [`${p}_frValue`, targetValue],
        [`${p}_frUnit`, unit],
        [`${p}_resValue`, targetValue],
        [`${p}_resUnit`, unit],
      ]),
    ) as Record<`${(typeof SLA_PRIORITIES)[number]}_${"frValue" | "resValue"}`, typeof targetValue> &
      Record<`${(typeof SLA_PRIORITIES)[number]}_${"frUnit" | "resUnit"}`, typeof unit>),
  })
  .strict();

export const clearSlaPolicySchema = z.object({ departmentId: z.uuid() }).strict();
