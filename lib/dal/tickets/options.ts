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

type Named = { id: string; name: string };
const namesJson = (rows: Prisma.Sql) => Prisma.sql`(SELECT COALESCE(json_agg(json_build_object('id', r."id", 'name', r."name") ORDER BY r."name"), '[]') FROM (${rows}) r)`;

/**
 * The ticket list's filter choices in one statement (each round trip costs more CPU than these
 * queries): active departments, every OPD, and the assignees — every active staff member
 * (managers) or the own department's (staff). A client gets none.
 */
export async function listTicketFilterOptions(user: SessionUser): Promise<{ departments: Named[]; agencies: Named[]; assignees: Named[] }> {
  if (!can(user, "tickets.work")) return { departments: [], agencies: [], assignees: [] };
  const scope = await scopeOf(user);
  const dept = scope.kind === "staff" ? Prisma.sql`AND "departmentId" IS NOT DISTINCT FROM ${scope.departmentId}::uuid` : Prisma.empty;
  const [row] = await db().$queryRaw<{ departments: Named[]; agencies: Named[]; assignees: Named[] }[]>`
    SELECT ${namesJson(Prisma.sql`SELECT "id"::text AS id, "name" FROM "Department" WHERE "active"`)} AS departments,
           ${namesJson(Prisma.sql`SELECT "id"::text AS id, "name" FROM "Agency"`)} AS agencies,
           ${namesJson(Prisma.sql`SELECT "id"::text AS id, "name" FROM "User" WHERE "role" = 'STAFF' AND "active" ${dept} ORDER BY "name" LIMIT 500`)} AS assignees`;
  return row!;
}
