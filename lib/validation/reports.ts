import { z } from "zod";
import { dayIn } from "@/lib/time-zone";

/** What a report may be grouped by: a fixed list, matched against the aggregate's `dim` column (never SQL text). */
export const REPORT_GROUPS = ["agency", "department", "assignee", "priority", "channel"] as const;
export type ReportGroup = (typeof REPORT_GROUPS)[number];

export const REPORT_PRESETS = ["thisMonth", "lastMonth", "thisYear", "custom"] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The oldest and newest day a report may cover, and its longest span (about ten years). */
export const REPORT_MIN_DAY = "2000-01-01";
export const REPORT_MAX_DAY = "2100-12-31";
export const REPORT_MAX_DAYS = 3660;

// The report form always sends both date fields; an empty one means "not given".
const isoDay = z.preprocess((v) => (v === "" ? undefined : v), z.iso.date({ message: "reports.errors.badDate" }).optional());

/**
 * The report's query string. Unknown keys are refused (strict), the group is one of REPORT_GROUPS and
 * dates are checked for shape, order and sense; the messages are keys under `reports.errors`.
 */
export const reportQuerySchema = z
  .object({
    preset: z.enum(REPORT_PRESETS, { message: "reports.errors.badPreset" }).default("thisMonth"),
    from: isoDay,
    to: isoDay,
    groupBy: z.enum(REPORT_GROUPS, { message: "reports.errors.badGroup" }).default("agency"),
    format: z.enum(EXPORT_FORMATS, { message: "reports.errors.badFormat" }).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.preset !== "custom") return;
    if (!q.from || !q.to) {
      ctx.addIssue({ code: "custom", path: [q.from ? "to" : "from"], message: "reports.errors.needDates" });
      return;
    }
    for (const key of ["from", "to"] as const) {
      if (q[key]! < REPORT_MIN_DAY || q[key]! > REPORT_MAX_DAY) ctx.addIssue({ code: "custom", path: [key], message: "reports.errors.outOfRange" });
    }
    if (q.from > q.to) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.reversed" });
    else if (daysBetween(q.from, q.to) > REPORT_MAX_DAYS) ctx.addIssue({ code: "custom", path: ["to"], message: "reports.errors.tooLong" });
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Today's date at UTC+7. Still read by the dashboards and the ticket export's file name; new code
 * takes today in the service calendar's zone (dayIn with getServiceTimeZone).
 */
export function todayWib(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The inclusive day range of a query: a preset (days of the service calendar's `timeZone`), or the checked custom dates. */
export function reportRange(q: Pick<ReportQuery, "preset" | "from" | "to">, timeZone: string, now = new Date()): { from: string; to: string } {
  const today = dayIn(timeZone, now);
  const [y, m] = today.split("-").map(Number) as [number, number];
  const pad = (n: number) => String(n).padStart(2, "0");
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (q.preset) {
    case "thisMonth":
      return { from: `${y}-${pad(m)}-01`, to: today };
    case "lastMonth": {
      const [ly, lm] = m === 1 ? [y - 1, 12] : [y, m - 1];
      return { from: `${ly}-${pad(lm)}-01`, to: `${ly}-${pad(lm)}-${pad(lastDay(ly, lm))}` };
    }
    case "thisYear":
      return { from: `${y}-01-01`, to: today };
    case "custom":
      return { from: q.from!, to: q.to! };
  }
}
