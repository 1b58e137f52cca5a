import fc from "fast-check";
import {
  addWorkingDays,
  addWorkingMinutes,
  dueAfter,
  isWorkingTime,
  workingMinutesBetween,
  type WeekSchedule,
  type WorkingCalendar,
} from "@/lib/sla/calendar";
import { applyPolicy, newClock, onStatusChange, recordFirstResponse, type SlaPolicy } from "@/lib/sla/clock";
import { DEFAULT_POLICIES, DEFAULT_WEEK } from "@/lib/sla/defaults";

/** Wall-clock time in Jakarta (UTC+7, no daylight saving). */
const j = (s: string) => new Date(`${s.replace(" ", "T")}:00+07:00`);
const iso = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

// 2026-12-25 Natal (Fri), 2027-01-01 New Year (Fri), 2027-01-05 Isra Mi'raj (Tue).
const cal: WorkingCalendar = { timeZone: "Asia/Jakarta", week: DEFAULT_WEEK, holidays: new Set(["2026-12-25", "2027-01-01", "2027-01-05"]) };

describe("working time on the default government calendar", () => {
  it("skips the weekend: Friday 15:00 + 4 working hours is Monday 10:00", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-12-04 15:00"), 240))).toBe("2026-12-07 10:00");
  });

  it("skips a holiday and the weekend after it", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-12-24 15:00"), 120))).toBe("2026-12-28 08:30");
  });

  it("a ticket filed on a holiday evening starts its clock at the next working morning", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-12-25 19:00"), 240))).toBe("2026-12-28 11:30");
    expect(iso(addWorkingDays(cal, j("2026-12-25 19:00"), 1))).toBe("2026-12-28 16:00");
    expect(workingMinutesBetween(cal, j("2026-12-25 19:00"), j("2026-12-28 07:30"))).toBe(0);
  });

  it("counts working days across a weekend and the year end (New Year, Isra Mi'raj)", () => {
    expect(iso(addWorkingDays(cal, j("2026-12-31 10:00"), 3))).toBe("2027-01-07 10:00");
    expect(iso(addWorkingDays(cal, j("2026-12-24 09:00"), 1))).toBe("2026-12-28 09:00");
  });

  it("uses Friday's own hours: open until 16:30, prayer break 11:30–13:00", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-12-04 16:00"), 60))).toBe("2026-12-07 08:00");
    expect(iso(addWorkingMinutes(cal, j("2026-12-03 15:30"), 60))).toBe("2026-12-04 08:00");
    expect(iso(addWorkingMinutes(cal, j("2026-12-04 11:00"), 60))).toBe("2026-12-04 13:30");
    // Same point of the working day: 4¼ h into Thursday → 4¼ h into Friday, after the longer break.
    expect(iso(addWorkingDays(cal, j("2026-12-03 11:45"), 1))).toBe("2026-12-04 13:15");
  });

  it("does not count the lunch break", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-11-30 11:30"), 60))).toBe("2026-11-30 13:30");
    expect(workingMinutesBetween(cal, j("2026-11-30 11:00"), j("2026-11-30 14:00"))).toBe(120);
  });

  it("a due time that uses up a day lands on its close, not on the next morning", () => {
    expect(iso(addWorkingMinutes(cal, j("2026-11-30 07:30"), 450))).toBe("2026-11-30 16:00");
    expect(iso(addWorkingDays(cal, j("2026-11-30 07:30"), 5))).toBe("2026-12-04 16:30");
  });

  it("measures lateness as negative working time", () => {
    expect(workingMinutesBetween(cal, j("2026-12-07 10:00"), j("2026-12-04 15:00"))).toBe(-240);
  });

  it("computes in the calendar's zone: the same rules in Makassar (UTC+8) give instants an hour earlier", () => {
    const wita: WorkingCalendar = { ...cal, timeZone: "Asia/Makassar" };
    expect(addWorkingMinutes(wita, j("2026-11-30 06:00"), 60).toISOString()).toBe("2026-11-30T00:30:00.000Z");
  });
});

const policy = (fr: number, res: number): SlaPolicy => ({ firstResponse: { value: fr, unit: "HOURS" }, resolution: { value: res, unit: "HOURS" } });

describe("the clock of a ticket", () => {
  it("is due from creation under the priority's targets", () => {
    const c = applyPolicy(cal, newClock(j("2026-11-30 09:00")), DEFAULT_POLICIES.URGENT);
    expect(iso(c.firstResponseDueAt!)).toBe("2026-11-30 14:00"); // 3 h before the break, 1 h after
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 09:00");
    // The warning at 75 % of 4 working hours: 3 h after 09:00, at the start of the break.
    expect(iso(c.firstResponseWarnAt!)).toBe("2026-11-30 12:00");
  });

  it("pauses while waiting on the client and resumes with the working time that was left", () => {
    let c = applyPolicy(cal, newClock(j("2026-11-30 09:00")), policy(2, 8));
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 09:30");
    c = recordFirstResponse(cal, c, j("2026-11-30 10:00"));
    expect(c.firstResponseMet).toBe(true);
    expect(c.firstResponseMinutes).toBe(60);
    c = onStatusChange(cal, c, "OPEN", "WAITING", j("2026-11-30 10:00"));
    c = onStatusChange(cal, c, "WAITING", "OPEN", j("2026-11-30 14:00")); // 3 working hours paused
    expect(c.pausedMinutes).toBe(180);
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 13:30");
    expect(iso(c.firstResponseDueAt!)).toBe("2026-11-30 11:00"); // already met: unchanged
    // A second pause: Monday 15:00 → Tuesday 08:30 is 2 working hours.
    c = onStatusChange(cal, c, "OPEN", "WAITING", j("2026-11-30 15:00"));
    c = onStatusChange(cal, c, "WAITING", "IN_PROGRESS", j("2026-12-01 08:30"));
    expect(c.pausedMinutes).toBe(300);
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 15:30");
    c = onStatusChange(cal, c, "IN_PROGRESS", "RESOLVED", j("2026-12-01 14:00"));
    expect(c.resolutionMet).toBe(true);
    // Working time from Monday 09:00 to Tuesday 14:00 (11½ h) less 5 h paused.
    expect(c.resolutionMinutes).toBe(390);
  });

  it("a pause spanning a holiday and a weekend moves the due time by working time only", () => {
    let c = applyPolicy(cal, newClock(j("2026-12-24 08:00")), policy(4, 16));
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-29 09:00");
    c = onStatusChange(cal, c, "OPEN", "WAITING", j("2026-12-24 15:00"));
    c = onStatusChange(cal, c, "WAITING", "OPEN", j("2026-12-28 09:00")); // 1 h Thursday + 1½ h Monday
    expect(c.pausedMinutes).toBe(150);
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-29 11:30");
  });

  it("stops at Resolved and resumes with the time left when reopened", () => {
    let c = applyPolicy(cal, newClock(j("2026-11-30 08:00")), policy(2, 4));
    c = onStatusChange(cal, c, "OPEN", "RESOLVED", j("2026-11-30 09:00"));
    expect(c.resolutionMet).toBe(true);
    expect(c.resolutionMinutes).toBe(60);
    c = onStatusChange(cal, c, "RESOLVED", "OPEN", j("2026-12-01 08:00"));
    expect(c.resolutionMet).toBeNull();
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 11:00");
  });

  it("raising the priority midway counts the new target from creation", () => {
    let c = applyPolicy(cal, newClock(j("2026-11-30 09:00")), DEFAULT_POLICIES.NORMAL);
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-07 09:00");
    c = applyPolicy(cal, c, DEFAULT_POLICIES.URGENT);
    expect(iso(c.resolutionDueAt!)).toBe("2026-12-01 09:00");
    expect(iso(c.firstResponseDueAt!)).toBe("2026-11-30 14:00");
  });

  it("a breach is a breach: a pause after the due time does not move it", () => {
    let c = applyPolicy(cal, newClock(j("2026-11-30 09:00")), policy(1, 2));
    c = onStatusChange(cal, c, "OPEN", "WAITING", j("2026-11-30 15:00"));
    c = onStatusChange(cal, c, "WAITING", "OPEN", j("2026-12-01 09:00"));
    expect(iso(c.resolutionDueAt!)).toBe("2026-11-30 11:00");
    c = recordFirstResponse(cal, c, j("2026-12-01 09:30"));
    expect(c.firstResponseMet).toBe(false);
  });
});

// ---------------------------------------------------------------- properties

const minuteGrid = fc.integer({ min: 0, max: 96 }).map((q) => q * 15);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const daySchedule = fc.uniqueArray(minuteGrid, { maxLength: 4 }).map((points) => {
  const sorted = [...points].sort((a, b) => a - b);
  const ranges = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) ranges.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
  return ranges;
});
const week = fc
  .tuple(daySchedule, daySchedule, daySchedule, daySchedule, daySchedule, daySchedule, daySchedule)
  .filter((days) => days.some((d) => d.length > 0))
  .map((days) => Object.fromEntries(days.map((d, i) => [String(i + 1), d])) as WeekSchedule);
const calendar = fc.record({
  timeZone: fc.constantFrom("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"),
  week: fc.oneof(fc.constant(DEFAULT_WEEK), week),
  holidays: fc.uniqueArray(fc.integer({ min: 0, max: 730 }), { maxLength: 40 }).map(
    (days) => new Set(days.map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10))),
  ),
});
const instant = fc.integer({ min: Date.UTC(2026, 10, 1), max: Date.UTC(2027, 11, 31) }).map((t) => new Date(t));

describe("properties (fast-check)", () => {
  it("a sparse calendar (a quarter-hour a week) still counts long targets (found by fast-check)", () => {
    const sparse: WorkingCalendar = { timeZone: "Asia/Jakarta", week: { ...DEFAULT_WEEK, "1": [{ start: "04:30", end: "04:45" }], "2": [], "3": [], "4": [], "5": [] }, holidays: new Set() };
    const start = new Date("2026-11-01T00:00:00.000Z");
    expect(workingMinutesBetween(sparse, start, addWorkingMinutes(sparse, start, 7831))).toBeCloseTo(7831, 6);
  });

  it("adding working time and measuring it back gives the same amount", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 20_000 }), (c, start, minutes) => {
        const due = addWorkingMinutes(c, start, minutes);
        expect(workingMinutesBetween(c, start, due)).toBeCloseTo(minutes, 6);
      }),
      { numRuns: 300 },
    );
  });

  it("due times never fall outside working hours (hours and days)", () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 1, max: 60 }), fc.constantFrom("HOURS" as const, "DAYS" as const), (c, start, value, unit) => {
        const due = dueAfter(c, start, { value, unit });
        expect(isWorkingTime(c, due)).toBe(true);
        expect(due.getTime()).toBeGreaterThan(start.getTime());
      }),
      { numRuns: 300 },
    );
  });

  it("a pause moves the due time by exactly the working time paused", () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 60, max: 5000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 10_000 }), (created, target, pauseAfter, pauseLength) => {
        let c = applyPolicy(cal, newClock(created), policy(target / 60, target / 60));
        const pausedAt = new Date(created.getTime() + pauseAfter * 60_000);
        if (pausedAt >= c.resolutionDueAt!) return;
        const resumedAt = new Date(pausedAt.getTime() + pauseLength * 60_000);
        c = onStatusChange(cal, c, "OPEN", "WAITING", pausedAt);
        c = onStatusChange(cal, c, "WAITING", "OPEN", resumedAt);
        const left = workingMinutesBetween(cal, created, c.resolutionDueAt!) - c.pausedMinutes;
        expect(left).toBeCloseTo(target, 6);
      }),
      { numRuns: 200 },
    );
  });
});
