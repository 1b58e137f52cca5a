import "server-only";
import { db, Prisma } from "@/lib/db";
import { ticketMailInsertSql, wakeMailWorker } from "@/lib/mail/outbox";
import { getSettings } from "./settings";
import { SLA_BITS } from "@/lib/sla/clock";
import { EVENT_KIND, recipientsWhere, slaRecipientsWhere, ticketColumns } from "./tickets/recipients";

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
        INSERT INTO "Notification" ("id", "userId", "ticketId", "kind", "detail")
        SELECT gen_random_uuid(), u."id", c."id", ${EVENT_KIND.status}::"NotificationKind", 'CLOSED'
        FROM closed c JOIN "User" u ON ${recipientsWhere("status", ticketColumns("c"), null)}
      ), mailed AS (${mails})
      SELECT count(*)::int AS n FROM closed`;
    const n = closed[0]?.n ?? 0;
    total += n;
    if (n) wakeMailWorker();
    if (n < BATCH) return total;
  }
}

const SLA_BATCH = 500;

/**
 * Service-level warnings: at 75 % of a target and at its breach, once each. Reads only tickets
 * whose `slaCheckAt` has come (a partial index holds just those with one), never the table.
 * One statement per batch claims the rows (FOR UPDATE SKIP LOCKED: another instance takes other
 * rows), marks the warnings sent, moves `slaCheckAt` on and writes the notifications; it commits
 * whole or not at all, so a crash or restart loses or repeats nothing. A breach found before its
 * warning went out (the job was down) sends only the breach. Returns how many warnings were sent
 * (one per ticket and kind, however many people received it).
 */
export async function runSlaWarnings(now: Date = new Date()): Promise<number> {
  const B = SLA_BITS;
  // Literals, not parameters: bitwise operators on untyped parameters are ambiguous to PostgreSQL.
  const bit = (n: number) => Prisma.raw(String(n));
  let total = 0;
  for (;;) {
    const sent = await db().$queryRaw<{ n: number; tickets: number }[]>`
      WITH picked AS (
        SELECT "id" FROM "Ticket"
        WHERE "slaCheckAt" <= ${now} AND "slaPausedAt" IS NULL
        ORDER BY "slaCheckAt" LIMIT ${SLA_BATCH} FOR UPDATE SKIP LOCKED
      ), due AS (
        SELECT t."id", t."clientId", t."departmentId", t."assigneeId", t."slaNotified" AS before,
          (CASE WHEN t."firstResponseAt" IS NULL AND t."firstResponseDueAt" <= ${now} THEN ${bit(B.responseBreach)} | ${bit(B.responseWarning)}
                WHEN t."firstResponseAt" IS NULL AND t."firstResponseWarnAt" <= ${now} THEN ${bit(B.responseWarning)} ELSE 0 END)
          | (CASE WHEN t."resolutionMet" IS NULL AND t."resolutionDueAt" <= ${now} THEN ${bit(B.resolutionBreach)} | ${bit(B.resolutionWarning)}
                  WHEN t."resolutionMet" IS NULL AND t."resolutionWarnAt" <= ${now} THEN ${bit(B.resolutionWarning)} ELSE 0 END) AS reached,
          t."firstResponseAt", t."resolutionMet", t."firstResponseWarnAt", t."firstResponseDueAt", t."resolutionWarnAt", t."resolutionDueAt"
        FROM "Ticket" t JOIN picked p ON p."id" = t."id"
      ), marked AS (
        UPDATE "Ticket" t SET
          "slaNotified" = d.before | d.reached,
          "slaCheckAt" = LEAST(
            CASE WHEN d."firstResponseAt" IS NULL AND (d.before | d.reached) & ${bit(B.responseWarning)} = 0 THEN d."firstResponseWarnAt" END,
            CASE WHEN d."firstResponseAt" IS NULL AND (d.before | d.reached) & ${bit(B.responseBreach)} = 0 THEN d."firstResponseDueAt" END,
            CASE WHEN d."resolutionMet" IS NULL AND (d.before | d.reached) & ${bit(B.resolutionWarning)} = 0 THEN d."resolutionWarnAt" END,
            CASE WHEN d."resolutionMet" IS NULL AND (d.before | d.reached) & ${bit(B.resolutionBreach)} = 0 THEN d."resolutionDueAt" END)
        FROM due d WHERE t."id" = d."id"
        RETURNING t."id", t."clientId", t."departmentId", t."assigneeId", d.before, d.reached
      ), kinds AS (
        -- A warning and the breach of the same target reached together: only the breach goes out.
        SELECT m.*, k.kind FROM marked m
        JOIN (VALUES (${bit(B.responseWarning)}, ${bit(B.responseBreach)}, 'SLA_RESPONSE_WARNING'), (${bit(B.responseBreach)}, 0, 'SLA_RESPONSE_BREACH'),
                     (${bit(B.resolutionWarning)}, ${bit(B.resolutionBreach)}, 'SLA_RESOLUTION_WARNING'), (${bit(B.resolutionBreach)}, 0, 'SLA_RESOLUTION_BREACH'))
             AS k(bit, supersededBy, kind)
          ON m.reached & k.bit <> 0 AND m.before & k.bit = 0 AND (k.supersededBy = 0 OR (m.reached & k.supersededBy = 0 OR m.before & k.supersededBy <> 0))
      ), notified AS (
        INSERT INTO "Notification" ("id", "userId", "ticketId", "kind")
        SELECT gen_random_uuid(), u."id", k."id", k.kind::"NotificationKind"
        FROM kinds k JOIN "User" u ON ${slaRecipientsWhere(ticketColumns("k"))}
      )
      SELECT (SELECT count(*)::int FROM kinds) AS n, (SELECT count(*)::int FROM marked) AS tickets`;
    total += sent[0]?.n ?? 0;
    if ((sent[0]?.tickets ?? 0) < SLA_BATCH) return total;
  }
}
