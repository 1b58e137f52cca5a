import "server-only";
import type { Prisma } from "@/lib/db";
import { applyPolicy, newClock, onStatusChange, recordFirstResponse, schedule, type SlaClock } from "@/lib/sla/clock";
import { clockStateOf } from "@/lib/sla/clock";
import { loadWorkingCalendar, policyFor } from "@/lib/dal/sla";
import type { WorkingCalendar } from "@/lib/sla/calendar";
import type { TicketPriority, TicketStatus } from "@/lib/validation/tickets";

type Tx = Prisma.TransactionClient;

/**
 * The service-level clock as stored on a ticket (lib/sla/clock.ts is the model). Every write path
 * that moves it calls one of these inside its own transaction, after it has locked the row, with
 * the calendar read before the transaction began (PGlite has one connection: a read outside the
 * transaction would wait for it).
 */

type ClockRow = {
  status: TicketStatus;
  priority: TicketPriority;
  departmentId: string;
  createdAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  firstResponseDueAt: Date | null;
  firstResponseWarnAt: Date | null;
  resolutionDueAt: Date | null;
  resolutionWarnAt: Date | null;
  firstResponseAt: Date | null;
  firstResponseMinutes: number | null;
  firstResponseMet: boolean | null;
  resolutionMinutes: number | null;
  resolutionMet: boolean | null;
  slaPausedAt: Date | null;
  slaPausedMinutes: number;
  slaNotified: number;
};

async function readClock(tx: Tx, ticketId: string): Promise<{ row: ClockRow; clock: SlaClock }> {
  const [row] = await tx.$queryRaw<ClockRow[]>`
    SELECT "status"::text AS status, "priority"::text AS priority, "departmentId"::text AS "departmentId", "createdAt", "resolvedAt", "closedAt",
           "firstResponseDueAt", "firstResponseWarnAt", "resolutionDueAt", "resolutionWarnAt", "firstResponseAt", "firstResponseMinutes",
           "firstResponseMet", "resolutionMinutes", "resolutionMet", "slaPausedAt", "slaPausedMinutes", "slaNotified"
    FROM "Ticket" WHERE "id" = ${ticketId}::uuid FOR UPDATE`;
  if (!row) throw new Error(`ticket ${ticketId} vanished inside its transaction`);
  const stopped = clockStateOf(row.status) === "stopped";
  return {
    row,
    clock: {
      createdAt: row.createdAt,
      firstResponseDueAt: row.firstResponseDueAt,
      firstResponseWarnAt: row.firstResponseWarnAt,
      resolutionDueAt: row.resolutionDueAt,
      resolutionWarnAt: row.resolutionWarnAt,
      firstResponseAt: row.firstResponseAt,
      firstResponseMinutes: row.firstResponseMinutes,
      firstResponseMet: row.firstResponseMet,
      resolvedAt: stopped ? (row.resolvedAt ?? row.closedAt ?? row.slaPausedAt) : null,
      resolutionMinutes: row.resolutionMinutes,
      resolutionMet: row.resolutionMet,
      pausedAt: row.slaPausedAt,
      pausedMinutes: row.slaPausedMinutes,
    },
  };
}

async function writeClock(tx: Tx, ticketId: string, clock: SlaClock, notified: number): Promise<void> {
  const { nextDueAt, checkAt } = schedule(clock, notified);
  await tx.$executeRaw`
    UPDATE "Ticket" SET
      "firstResponseDueAt" = ${clock.firstResponseDueAt}, "firstResponseWarnAt" = ${clock.firstResponseWarnAt},
      "resolutionDueAt" = ${clock.resolutionDueAt}, "resolutionWarnAt" = ${clock.resolutionWarnAt},
      "firstResponseAt" = ${clock.firstResponseAt}, "firstResponseMinutes" = ${clock.firstResponseMinutes}, "firstResponseMet" = ${clock.firstResponseMet},
      "resolutionMinutes" = ${clock.resolutionMinutes}, "resolutionMet" = ${clock.resolutionMet},
      "slaPausedAt" = ${clock.pausedAt}, "slaPausedMinutes" = ${Math.round(clock.pausedMinutes)},
      "slaNextDueAt" = ${nextDueAt}, "slaCheckAt" = ${checkAt}
    WHERE "id" = ${ticketId}::uuid`;
}

/** A new ticket's clock: due times from `createdAt` under its department's and priority's targets. */
export async function initialClock(departmentId: string, priority: TicketPriority, createdAt: Date) {
  const [cal, policy] = await Promise.all([loadWorkingCalendar(createdAt), policyFor(departmentId, priority)]);
  const clock = applyPolicy(cal, newClock(createdAt), policy);
  return { ...clock, ...schedule(clock, 0) };
}

/**
 * After a status, priority or department change (the row already updated in this transaction):
 * a new priority or department re-targets from creation; a status change pauses, stops or resumes.
 */
export async function moveTicketClock(
  tx: Tx,
  cal: WorkingCalendar,
  ticketId: string,
  change: { fromStatus: TicketStatus; retarget: boolean },
  now: Date = new Date(),
): Promise<void> {
  const { row, clock: stored } = await readClock(tx, ticketId);
  // The row already carries the new status: read the clock as it was before the move.
  const before: SlaClock = { ...stored, resolvedAt: clockStateOf(change.fromStatus) === "stopped" ? (stored.resolvedAt ?? stored.pausedAt) : null };
  if (!before.firstResponseDueAt && !before.resolutionDueAt && !change.retarget) return; // filed before service levels existed
  let clock = before;
  if (change.fromStatus !== row.status) clock = onStatusChange(cal, clock, change.fromStatus, row.status, now);
  if (change.retarget) clock = applyPolicy(cal, clock, await policyFor(row.departmentId, row.priority, tx));
  await writeClock(tx, ticketId, clock, row.slaNotified);
}

/** A reply the client can see, from staff: the first one settles the first-response target. */
export async function recordTicketFirstResponse(tx: Tx, cal: WorkingCalendar, ticketId: string, now: Date = new Date()): Promise<void> {
  const { row, clock } = await readClock(tx, ticketId);
  if (clock.firstResponseMinutes !== null || !clock.firstResponseDueAt) return;
  await writeClock(tx, ticketId, recordFirstResponse(cal, clock, now), row.slaNotified);
}
