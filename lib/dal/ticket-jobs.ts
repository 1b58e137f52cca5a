import "server-only";
import { db, Prisma } from "@/lib/db";
import { ticketMailInsertSql, wakeMailWorker } from "@/lib/mail/outbox";
import { getSettings } from "./settings";
import { EVENT_KIND, recipientsWhere, ticketColumns } from "./tickets/recipients";

const BATCH = 1_000;

/**
 * Closes tickets that have stayed Resolved longer than the Ticket setting "auto-close after N days"
 * (0 = never), recording "Sistem" in each ticket's history and telling its client (bell and e-mail). Safe to run
 * from several app instances at once: a ticket leaves RESOLVED in one atomic statement.
 * Returns how many tickets were closed.
 */
export async function closeStaleResolvedTickets(now: Date = new Date()): Promise<number> {
  const { autoCloseResolvedAfterDays: days } = await getSettings("ticket");
  if (days <= 0) return 0;
  const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  let total = 0;
  const mails = ticketMailInsertSql("status", ticketColumns("c"), null, { from: Prisma.sql`closed c`, status: "CLOSED" })!;
  for (;;) {
    const closed = await db().$queryRaw<{ n: number }[]>`
      WITH closed AS (
        UPDATE "Ticket" SET "status" = 'CLOSED', "closedAt" = ${now}, "updatedAt" = ${now}
        WHERE "id" IN (
          SELECT "id" FROM "Ticket" WHERE "status" = 'RESOLVED' AND "resolvedAt" < ${cutoff}
          ORDER BY "resolvedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
        AND "status" = 'RESOLVED'
        RETURNING "id", "clientId", "departmentId", "assigneeId"
      ), history AS (
        INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "fromValue", "toValue", "createdAt")
        SELECT gen_random_uuid(), "id", NULL, 'status', 'RESOLVED', 'CLOSED', ${now} FROM closed
      ), notified AS (
        INSERT INTO "Notification" ("id", "userId", "ticketId", "kind")
        SELECT gen_random_uuid(), u."id", c."id", ${EVENT_KIND.status}::"NotificationKind"
        FROM closed c JOIN "User" u ON ${recipientsWhere("status", ticketColumns("c"), null)}
      ), mailed AS (${mails})
      SELECT count(*)::int AS n FROM closed`;
    const n = closed[0]?.n ?? 0;
    total += n;
    if (n) wakeMailWorker();
    if (n < BATCH) return total;
  }
}
