import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan } from "@/lib/auth/permissions";
import type { TicketListFilters } from "@/lib/validation/tickets";
import { filterSql, slaWindowNow } from "./tickets/list";
import { scopeOf, scopeSql } from "./tickets/scope";
import type { SessionUser } from "./users";

export type ExportTicket = {
  number: string;
  subject: string;
  status: string;
  priority: string;
  department: string;
  agency: string | null;
  client: string;
  assignee: string | null;
  createdAt: Date;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  rating: number | null;
};

export const EXPORT_BATCH = 1000;

/**
 * The tickets this user may see that match the list's filters, newest first, in batches walked by a
 * keyset cursor on the (createdAt DESC, id) index: memory stays one batch whatever the table's size.
 * Checks the permission before the first row (Clients have no export).
 */
export async function* exportTicketsForUser(user: SessionUser, filters: TicketListFilters, batchSize = EXPORT_BATCH): AsyncGenerator<ExportTicket[]> {
  assertCan(user, "tickets.export");
  const scope = await scopeOf(user);
  // The service-level views (Terlambat, Segera jatuh tempo) export what they list, as of the download.
  const sla = await slaWindowNow();
  const where = Prisma.join([scopeSql(scope), ...filterSql(filters, { withStatus: true, narrowScope: scope.kind !== "all", sla })], " AND ");
  let cursor: { at: string; id: string } | null = null;
  for (;;) {
    const after: Prisma.Sql = cursor
      ? Prisma.sql`AND t."createdAt" <= ${cursor.at}::timestamp AND (t."createdAt" < ${cursor.at}::timestamp OR t."id" > ${cursor.id}::uuid)`
      : Prisma.empty;
    const rows: (ExportTicket & { cursorAt: string; id: string })[] = await db().$queryRaw`
      SELECT t."id"::text AS id, t."createdAt"::text AS "cursorAt", t."number", t."subject", t."status"::text AS status,
             t."priority"::text AS priority, d."name" AS department, ag."name" AS agency, c."name" AS client, asg."name" AS assignee,
             t."createdAt", t."firstResponseAt", t."resolvedAt", t."closedAt", t."rating"
      FROM (
        SELECT t."id" FROM "Ticket" t WHERE ${where} ${after}
        ORDER BY t."createdAt" DESC, t."id" ASC LIMIT ${batchSize}
      ) p
      JOIN "Ticket" t ON t."id" = p."id"
      JOIN "Department" d ON d."id" = t."departmentId"
      JOIN "User" c ON c."id" = t."clientId"
      LEFT JOIN "Agency" ag ON ag."id" = t."agencyId"
      LEFT JOIN "User" asg ON asg."id" = t."assigneeId"
      ORDER BY t."createdAt" DESC, t."id" ASC`;
    if (!rows.length) return;
    const last = rows[rows.length - 1]!;
    cursor = { at: last.cursorAt, id: last.id };
    yield rows.map(({ cursorAt: _c, id: _i, ...row }) => row);
    if (rows.length < batchSize) return;
  }
}
