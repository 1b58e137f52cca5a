import type { WeekSchedule } from "./calendar";
import type { SlaPolicy } from "./clock";

/**
 * Government office hours (Monday–Thursday 07:30–16:00 with a break 12:00–13:00; Friday
 * 07:30–16:30 with the Friday-prayer break 11:30–13:00): 7½ working hours every day.
 */
export const DEFAULT_WEEK: WeekSchedule = {
  "1": [{ start: "07:30", end: "12:00" }, { start: "13:00", end: "16:00" }],
  "2": [{ start: "07:30", end: "12:00" }, { start: "13:00", end: "16:00" }],
  "3": [{ start: "07:30", end: "12:00" }, { start: "13:00", end: "16:00" }],
  "4": [{ start: "07:30", end: "12:00" }, { start: "13:00", end: "16:00" }],
  "5": [{ start: "07:30", end: "11:30" }, { start: "13:00", end: "16:30" }],
  "6": [],
  "7": [],
};

export const DEFAULT_TIME_ZONE = "Asia/Jakarta";

/** A running clock this many working minutes or fewer before its due time is "due soon" (list view, badge tone, staff dashboard). */
export const DUE_SOON_MINUTES = 120;

/** LAPOR!-style tiers: first response / resolution per priority. */
export const DEFAULT_POLICIES: Record<"URGENT" | "HIGH" | "NORMAL" | "LOW", SlaPolicy> = {
  URGENT: { firstResponse: { value: 4, unit: "HOURS" }, resolution: { value: 1, unit: "DAYS" } },
  HIGH: { firstResponse: { value: 1, unit: "DAYS" }, resolution: { value: 3, unit: "DAYS" } },
  NORMAL: { firstResponse: { value: 3, unit: "DAYS" }, resolution: { value: 5, unit: "DAYS" } },
  LOW: { firstResponse: { value: 3, unit: "DAYS" }, resolution: { value: 14, unit: "DAYS" } },
};
