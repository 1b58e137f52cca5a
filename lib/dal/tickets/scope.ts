import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketPriority, TicketStatus } from "@/lib/validation/tickets";

type Tx = Prisma.TransactionClient;

export class TicketNotFoundError extends UserFacingError {
  constructor() {
    super("tickets.errors.notFound");
  }
}

/** Which tickets a user may see. The one declaration of row scope: every read and write goes through scopeSql. */
export type Scope = { kind: "all" } | { kind: "client"; userId: string } | { kind: "staff"; userId: string; departmentId: string | null };

/** Managers see every ticket; Staff their department's and those assigned to them; Clients their own. */
export async function scopeOf(user: SessionUser): Promise<Scope> {
  if (can(user, "tickets.seeAll")) return { kind: "all" };
  if (user.role === "CLIENT") return { kind: "client", userId: user.id };
  if (user.role === "STAFF") {
    const [row] = await db().$queryRaw<{ departmentId: string | null }[]>`
      SELECT "departmentId"::text AS "departmentId" FROM "User" WHERE "id" = ${user.id}::uuid`;
    return { kind: "staff", userId: user.id, departmentId: row?.departmentId ?? null };
  }
  throw new Error("ticket scope: unknown role");
}

/** The scope as a condition on the ticket alias `t`. */
export function scopeSql(scope: Scope): Prisma.Sql {
  switch (scope.kind) {
    case "all":
      return Prisma.sql`TRUE`;
    case "client":
      return Prisma.sql`t."clientId" = ${scope.userId}::uuid`;
    case "staff":
      return scope.departmentId
        ? Prisma.sql`(t."departmentId" = ${scope.departmentId}::uuid OR t."assigneeId" = ${scope.userId}::uuid)`
        : Prisma.sql`t."assigneeId" = ${scope.userId}::uuid`;
  }
}

/**
 * One ticket's scope: the list's, plus for a client the tickets of their own OPD that they follow
 * (staff added them). For the ticket page, its attachments and the write paths only, which keep
 * replying, status and rating with the ticket's own client (rules.ts) and internal notes with the
 * staff side; lists and their counts stay on scopeSql. A client follower who moved to another OPD
 * reads no more.
 */
export function ticketScopeSql(scope: Scope): Prisma.Sql {
  if (scope.kind !== "client") return scopeSql(scope);
  return Prisma.sql`(${scopeSql(scope)} OR EXISTS (
    SELECT 1 FROM "TicketFollower" f JOIN "User" fu ON fu."id" = f."userId"
    WHERE f."ticketId" = t."id" AND f."userId" = ${scope.userId}::uuid AND fu."agencyId" = t."agencyId"))`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/** What the write paths need of a ticket. */
export type ScopedTicket = {
  id: string;
  status: TicketStatus;
  priority: TicketPriority;
  departmentId: string;
  assigneeId: string | null;
  clientId: string;
  rating: number | null;
  updatedAt: Date;
  /** Set once merged into another ticket: read-only from then on (rules.ts). */
  mergedIntoId: string | null;
};

/**
 * The ticket (by id) if this user may see it; otherwise "not found", never a hint that it exists.
 * The route parameter of the ticket page is the number; every mutation carries the id the page got.
 */
export async function findScopedTicket(user: SessionUser, ticketId: string, tx: Tx | ReturnType<typeof db> = db()): Promise<ScopedTicket> {
  if (!isUuid(ticketId)) throw new TicketNotFoundError();
  const scope = await scopeOf(user);
  const [ticket] = await tx.$queryRaw<ScopedTicket[]>`
    SELECT t."id"::text AS id, t."status"::text AS status, t."priority"::text AS priority, t."departmentId"::text AS "departmentId",
           t."assigneeId"::text AS "assigneeId", t."clientId"::text AS "clientId", t."rating", t."updatedAt",
           t."mergedIntoId"::text AS "mergedIntoId"
    FROM "Ticket" t WHERE t."id" = ${ticketId}::uuid AND ${ticketScopeSql(scope)}`;
  if (!ticket) throw new TicketNotFoundError();
  return ticket;
}
