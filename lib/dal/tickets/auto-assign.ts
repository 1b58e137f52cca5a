import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { recordAudit } from "@/lib/dal/audit";
import type { SessionUser } from "@/lib/dal/users";
import { queueTicketMails } from "@/lib/mail/outbox";
import { notifyTicketEvent } from "./recipients";

type Tx = Prisma.TransactionClient;
type Runner = Tx | ReturnType<typeof db>;

/**
 * The staff member a new ticket of this department goes to: active Staff of the department who are
 * not away, with the fewest open tickets (Open, In progress, Waiting — read from the trigger-kept
 * TicketOpenCount, not counted per ticket), then the one chosen longest ago (never chosen first),
 * then by id so the choice never depends on the plan.
 */
async function pickAssignee(tx: Tx, departmentId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`
    SELECT u."id"::text AS id
    FROM "User" u
    LEFT JOIN LATERAL (SELECT COALESCE(SUM(c."n"), 0) AS n FROM "TicketOpenCount" c WHERE c."dim" = 'assignee' AND c."key" = u."id") o ON TRUE
    WHERE u."role" = 'STAFF' AND u."active" AND NOT u."away" AND u."departmentId" = ${departmentId}::uuid
    ORDER BY o."n", u."lastAutoAssignedAt" ASC NULLS FIRST, u."id"
    LIMIT 1`;
  return row?.id ?? null;
}

/**
 * Runs the creation of a ticket, with the assignee chosen for it when its department assigns
 * automatically (`run` gets null otherwise, and runs as before, outside a transaction).
 *
 * Race-safe: creations in one department lock the department's row before they look at the staff's
 * loads, and hold it until the new ticket is committed; the next creation's
 * statements (each with a fresh snapshot) then see that ticket among the open ones. Creations in
 * other departments do not wait.
 */
export async function withAutoAssignment<T extends { id: string }>(
  at: { departmentId: string; clientId: string; actorId: string },
  run: (q: Runner, assigneeId: string | null) => Promise<T>,
): Promise<T> {
  const department = await db().department.findUnique({ where: { id: at.departmentId }, select: { autoAssign: true } });
  if (!department?.autoAssign) return run(db(), null);
  return db().$transaction(async (tx) => {
    // NO KEY UPDATE: it serialises the department's automatic assignments without blocking the
    // foreign-key checks of other inserts that name the department.
    await tx.$queryRaw`SELECT "id"::text AS id FROM "Department" WHERE "id" = ${at.departmentId}::uuid FOR NO KEY UPDATE`;
    const assigneeId = await pickAssignee(tx, at.departmentId);
    const ticket = await run(tx, assigneeId);
    if (!assigneeId) return ticket; // nobody present: the ticket waits in the department's queue, as without the option
    await tx.$executeRaw`UPDATE "User" SET "lastAutoAssignedAt" = clock_timestamp() WHERE "id" = ${assigneeId}::uuid`;
    // After the "created" line (stamped with the transaction's start), by the system.
    await tx.$executeRaw`
      INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "toValue", "createdAt")
      VALUES (gen_random_uuid(), ${ticket.id}::uuid, NULL, 'autoAssigned', ${assigneeId}, clock_timestamp())`;
    const ref = { id: ticket.id, clientId: at.clientId, departmentId: at.departmentId, assigneeId };
    await notifyTicketEvent(tx, "assigned", ref, null);
    await queueTicketMails(tx, "assigned", ref, null);
    return ticket;
  });
}

/** "Tugaskan otomatis" of the departments on one page of the Department list. */
export async function departmentsAutoAssign(actor: SessionUser, ids: string[]): Promise<Record<string, boolean>> {
  assertCan(actor, "catalog.manage");
  const rows = await db().department.findMany({ where: { id: { in: ids } }, select: { id: true, autoAssign: true } });
  return Object.fromEntries(rows.map((r) => [r.id, r.autoAssign]));
}

/** The Department form's "Tugaskan otomatis". */
export async function setDepartmentAutoAssign(actor: SessionUser, departmentId: string, autoAssign: boolean): Promise<void> {
  assertCan(actor, "catalog.manage");
  await db().$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id: departmentId }, select: { autoAssign: true } });
    if (!before) throw new UserFacingError("departments.errors.notFound");
    if (before.autoAssign === autoAssign) return;
    await tx.department.update({ where: { id: departmentId }, data: { autoAssign } });
    await recordAudit(tx, { actor, action: "department.autoAssign", target: `department:${departmentId}`, before: { autoAssign: before.autoAssign }, after: { autoAssign } });
  });
}

/**
 * "Sedang tidak bertugas": a Staff member marks themselves away (or back) in their profile, or an
 * Admin does it for them in Staff edit. Only Staff are ever assigned automatically, so only Staff have it.
 */
export async function setStaffAway(actor: SessionUser, input: { userId: string; away: boolean }): Promise<void> {
  if (input.userId === actor.id) assertCan(actor, "staff.away");
  else assertCan(actor, "users.manage");
  await db().$transaction(async (tx) => {
    const target = await tx.user.findFirst({ where: { id: input.userId, role: "STAFF" }, select: { away: true } });
    if (!target) throw new UserFacingError("users.errors.notFound");
    if (target.away === input.away) return;
    await tx.user.update({ where: { id: input.userId }, data: { away: input.away } });
    await recordAudit(tx, { actor, action: "staff.away", target: `user:${input.userId}`, before: { away: target.away }, after: { away: input.away } });
  });
}

/** Whether a Staff member is marked away (profile and Staff edit). */
export async function isStaffAway(userId: string): Promise<boolean> {
  const row = await db().user.findUnique({ where: { id: userId }, select: { away: true } });
  return !!row?.away;
}
