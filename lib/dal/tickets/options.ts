import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { scopeOf } from "./scope";

// Choices for the ticket forms and filters. Staff side only: a client gets none.

/** Clients a staff member may file a ticket for. */
export async function listClientsForFiling(user: SessionUser) {
  if (!can(user, "tickets.work")) return [];
  return db().user.findMany({
    where: { role: "CLIENT", active: true },
    select: { id: true, name: true, agency: { select: { name: true } } },
    orderBy: { name: "asc" },
    take: 5000,
  });
}

/** The assignee filter: every active staff member (managers) or the own department's (staff). */
export async function listAssigneeFilterOptions(user: SessionUser) {
  if (!can(user, "tickets.work")) return [];
  const scope = await scopeOf(user);
  const dept = scope.kind === "staff" ? Prisma.sql`AND "departmentId" IS NOT DISTINCT FROM ${scope.departmentId}::uuid` : Prisma.empty;
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id"::text AS id, "name" FROM "User" WHERE "role" = 'STAFF' AND "active" ${dept} ORDER BY "name" LIMIT 500`;
}
