import "server-only";
import { Prisma } from "@/lib/db";
import { applyPolicy, newClock, onStatusChange, recordFirstResponse, schedule, type SlaClock, type SlaPolicy } from "@/lib/sla/clock";
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

export type ClockRow = {
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

/** The clock's columns as ClockRow names them, of the ticket alias `t`. */
export const CLOCK_COLUMNS = Prisma.sql`t."status"::text AS status, t."priority"::text AS priority, t."departmentId"::text AS "departmentId", t."createdAt", t."resolvedAt", t."closedAt",
           t."firstResponseDueAt", t."firstResponseWarnAt", t."resolutionDueAt", t."resolutionWarnAt", t."firstResponseAt", t."firstResponseMinutes",
           t."firstResponseMet", t."resolutionMinutes", t."resolutionMet", t."slaPausedAt", t."slaPausedMinutes", t."slaNotified"`;

async function readClock(tx: Tx, ticketId: string): Promise<{ row: ClockRow; clock: SlaClock }> {
  const [row] = await tx.$queryRaw<ClockRow[]>`SELECT ${CLOCK_COLUMNS} FROM "Ticket" t WHERE t."id" = ${ticketId}::uuid FOR UPDATE`;
  if (!row) throw new Error(`ticket ${ticketId} vanished inside its transaction`);
  return { row, clock: clockOf(row) };
}

/** The stored columns as the model's clock. */
function clockOf(row: ClockRow): SlaClock {
  const stopped = clockStateOf(row.status) === "stopped";
  return {
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
  const { row } = await readClock(tx, ticketId);
  const policy = change.retarget ? await policyFor(row.departmentId, row.priority, tx) : null;
  const clock = movedClock(cal, row, change, policy, now);
  if (clock) await writeClock(tx, ticketId, clock, row.slaNotified);
}

/**
 * The clock after a move, for a row that already carries the new status, priority and department
 * (`policy`: its targets, when the move re-targets); null when it does not move. Shared by the
 * one-ticket path above and the bulk change, which reads and writes a thousand clocks in one statement each.
 */
export function movedClock(cal: WorkingCalendar, row: ClockRow, change: { fromStatus: TicketStatus; retarget: boolean }, policy: SlaPolicy | null, now: Date): SlaClock | null {
  const stored = clockOf(row);
  // The row already carries the new status: read the clock as it was before the move.
  const before: SlaClock = { ...stored, resolvedAt: clockStateOf(change.fromStatus) === "stopped" ? (stored.resolvedAt ?? stored.pausedAt) : null };
  if (!before.firstResponseDueAt && !before.resolutionDueAt && !change.retarget) return null; // filed before service levels existed
  let clock = before;
  if (change.fromStatus !== row.status) clock = onStatusChange(cal, clock, change.fromStatus, row.status, now);
  if (change.retarget && policy) clock = applyPolicy(cal, clock, policy);
  return clock;
}

/** The stored columns of a clock (what writeClock sets), for a set-based write. */
export function clockColumns(clock: SlaClock, notified: number) {
  const { nextDueAt, checkAt } = schedule(clock, notified);
  return {
    firstResponseDueAt: clock.firstResponseDueAt, firstResponseWarnAt: clock.firstResponseWarnAt,
    resolutionDueAt: clock.resolutionDueAt, resolutionWarnAt: clock.resolutionWarnAt,
    firstResponseAt: clock.firstResponseAt, firstResponseMinutes: clock.firstResponseMinutes, firstResponseMet: clock.firstResponseMet,
    resolutionMinutes: clock.resolutionMinutes, resolutionMet: clock.resolutionMet,
    slaPausedAt: clock.pausedAt, slaPausedMinutes: Math.round(clock.pausedMinutes),
    slaNextDueAt: nextDueAt, slaCheckAt: checkAt,
  };
}

/** A reply the client can see, from staff: the first one settles the first-response target. */
export async function recordTicketFirstResponse(tx: Tx, cal: WorkingCalendar, ticketId: string, now: Date = new Date()): Promise<void> {
  const { row, clock } = await readClock(tx, ticketId);
  if (clock.firstResponseMinutes !== null || !clock.firstResponseDueAt) return;
  await writeClock(tx, ticketId, recordFirstResponse(cal, clock, now), row.slaNotified);
}
