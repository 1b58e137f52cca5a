import { addWorkingMinutes, dueAfter, workingMinutesBetween, type Target, type WorkingCalendar } from "./calendar";

/**
 * The service-level clock of one ticket, as stored on it. Two targets run from the ticket's
 * creation: the first response and the resolution. The clock stops while the ticket waits on the
 * client and while it is resolved or closed (`pausedAt`); when it starts again, each target that
 * was not yet due moves later by the working time the clock stood still.
 */
export type SlaClock = {
  createdAt: Date;
  firstResponseDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseMinutes: number | null;
  firstResponseMet: boolean | null;
  resolvedAt: Date | null;
  resolutionMinutes: number | null;
  resolutionMet: boolean | null;
  pausedAt: Date | null;
  /** Working minutes the clock has stood still so far (not counting a pause still under way). */
  pausedMinutes: number;
};

export type SlaPolicy = { firstResponse: Target; resolution: Target };

/** Share of a target after which the warning goes out. */
export const WARN_AT = 0.75;

function warnPoint(cal: WorkingCalendar, start: Date, due: Date): Date {
  return addWorkingMinutes(cal, start, WARN_AT * workingMinutesBetween(cal, start, due));
}

export function newClock(createdAt: Date): SlaClock {
  return {
    createdAt,
    firstResponseDueAt: null,
    firstResponseWarnAt: null,
    resolutionDueAt: null,
    resolutionWarnAt: null,
    firstResponseAt: null,
    firstResponseMinutes: null,
    firstResponseMet: null,
    resolvedAt: null,
    resolutionMinutes: null,
    resolutionMet: null,
    pausedAt: null,
    pausedMinutes: 0,
  };
}

/**
 * Due times from the ticket's creation under `policy`, later by the working time already paused.
 * Used at creation and when priority or department changes (the new target counts from creation).
 * A first response already given keeps its result; a pause under way shifts them again on resume.
 */
export function applyPolicy(cal: WorkingCalendar, clock: SlaClock, policy: SlaPolicy): SlaClock {
  const plan = (target: Target) => {
    const base = dueAfter(cal, clock.createdAt, target);
    const later = (at: Date) => (clock.pausedMinutes > 0 ? addWorkingMinutes(cal, at, clock.pausedMinutes) : at);
    return { due: later(base), warn: later(warnPoint(cal, clock.createdAt, base)) };
  };
  const next = { ...clock };
  if (!clock.firstResponseAt) {
    const fr = plan(policy.firstResponse);
    next.firstResponseDueAt = fr.due;
    next.firstResponseWarnAt = fr.warn;
  }
  if (!clock.resolvedAt) {
    const res = plan(policy.resolution);
    next.resolutionDueAt = res.due;
    next.resolutionWarnAt = res.warn;
  }
  return next;
}

/** Stops the clock (waiting on the client, resolved, closed). Idempotent. */
export function pause(clock: SlaClock, now: Date): SlaClock {
  return clock.pausedAt ? clock : { ...clock, pausedAt: now };
}

/** Starts the clock again: targets not yet due when it stopped keep the working time they had left. */
export function resume(cal: WorkingCalendar, clock: SlaClock, now: Date): SlaClock {
  const pausedAt = clock.pausedAt;
  if (!pausedAt) return clock;
  const shift = (at: Date | null) => (at && at > pausedAt ? addWorkingMinutes(cal, now, workingMinutesBetween(cal, pausedAt, at)) : at);
  const responded = !!clock.firstResponseAt;
  return {
    ...clock,
    firstResponseDueAt: responded ? clock.firstResponseDueAt : shift(clock.firstResponseDueAt),
    firstResponseWarnAt: responded ? clock.firstResponseWarnAt : shift(clock.firstResponseWarnAt),
    resolutionDueAt: shift(clock.resolutionDueAt),
    resolutionWarnAt: shift(clock.resolutionWarnAt),
    pausedAt: null,
    pausedMinutes: clock.pausedMinutes + Math.max(0, workingMinutesBetween(cal, pausedAt, now)),
  };
}

/** Working minutes the clock ran from creation until `at` (pauses excluded). */
export function runningMinutes(cal: WorkingCalendar, clock: SlaClock, at: Date): number {
  const current = clock.pausedAt && clock.pausedAt < at ? workingMinutesBetween(cal, clock.pausedAt, at) : 0;
  return Math.max(0, Math.round(workingMinutesBetween(cal, clock.createdAt, at) - clock.pausedMinutes - current));
}

/** The first reply the client can see. Later replies change nothing. */
export function recordFirstResponse(cal: WorkingCalendar, clock: SlaClock, now: Date): SlaClock {
  // Keyed on the minutes, not firstResponseAt: a database trigger (migration report_stats) stamps
  // firstResponseAt on the same reply for the reports; the clock still records its working minutes.
  if (clock.firstResponseMinutes !== null) return clock;
  return {
    ...clock,
    firstResponseAt: now,
    firstResponseMinutes: runningMinutes(cal, clock, now),
    firstResponseMet: clock.firstResponseDueAt ? now <= clock.firstResponseDueAt : null,
  };
}

/** Resolved: the resolution result is recorded and the clock stops. */
export function recordResolution(cal: WorkingCalendar, clock: SlaClock, now: Date): SlaClock {
  const stopped = pause(clock, now);
  return {
    ...stopped,
    resolvedAt: now,
    resolutionMinutes: runningMinutes(cal, clock, now),
    resolutionMet: clock.resolutionDueAt ? now <= clock.resolutionDueAt : null,
  };
}

/** Reopened: the resolution clock runs again with the time it had left. */
export function reopen(cal: WorkingCalendar, clock: SlaClock, now: Date): SlaClock {
  return { ...resume(cal, clock, now), resolvedAt: null, resolutionMinutes: null, resolutionMet: null };
}

export type ClockState = "running" | "paused" | "stopped";

/** Which clock state a ticket status means. */
export function clockStateOf(status: string): ClockState {
  if (status === "WAITING") return "paused";
  if (status === "RESOLVED" || status === "CLOSED") return "stopped";
  return "running";
}

/**
 * Moves the clock through a status change: pause on Waiting, record and stop on Resolved,
 * resume when the ticket is worked on again (client answered, reopened).
 */
export function onStatusChange(cal: WorkingCalendar, clock: SlaClock, from: string, to: string, now: Date): SlaClock {
  const a = clockStateOf(from);
  const b = clockStateOf(to);
  // Resolved, or closed without being resolved first: the resolution result is recorded once.
  if (b === "stopped" && a !== "stopped") return recordResolution(cal, clock, now);
  if (b === "running" && a === "stopped") return reopen(cal, clock, now);
  if (b === "running" && a === "paused") return resume(cal, clock, now);
  if (b !== "running") return pause(clock, now);
  return clock;
}

/** Bits of `slaNotified`: which warnings went out. */
export const SLA_BITS = { responseWarning: 1, responseBreach: 2, resolutionWarning: 4, resolutionBreach: 8 } as const;

const earliest = (dates: (Date | null | false)[]) =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);

/**
 * What the lists and the warning job read: the next due time while the clock runs (null when it
 * stands still), and when a warning not yet sent falls due. The job's SQL applies the same rule.
 */
export function schedule(clock: SlaClock, notified: number): { nextDueAt: Date | null; checkAt: Date | null } {
  if (clock.pausedAt) return { nextDueAt: null, checkAt: null };
  const fr = !clock.firstResponseAt;
  const res = !clock.resolvedAt;
  const unsent = (bit: number) => (notified & bit) === 0;
  return {
    nextDueAt: earliest([fr && clock.firstResponseDueAt, res && clock.resolutionDueAt]),
    checkAt: earliest([
      fr && unsent(SLA_BITS.responseWarning) && clock.firstResponseWarnAt,
      fr && unsent(SLA_BITS.responseBreach) && clock.firstResponseDueAt,
      res && unsent(SLA_BITS.resolutionWarning) && clock.resolutionWarnAt,
      res && unsent(SLA_BITS.resolutionBreach) && clock.resolutionDueAt,
    ]),
  };
}
