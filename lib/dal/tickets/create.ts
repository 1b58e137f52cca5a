import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getServiceTimeZone, getSettings } from "@/lib/dal/settings";
import { yearIn } from "@/lib/time-zone";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketPriority } from "@/lib/validation/tickets";
import { prepareFiles, withStoredFiles } from "./attachments";
import { EVENT_KIND, recipientsWhere } from "./recipients";
import { ticketMailInsertSql, wakeMailWorker } from "@/lib/mail/outbox";
import { initialClock } from "./sla";
import { withAutoAssignment } from "./auto-assign";

export type CreateTicketData = {
  departmentId: string;
  subject: string;
  description: string;
  priority?: TicketPriority;
  clientId?: string;
  attachments: File[];
};

/** The client a ticket is for: the filer, or (staff side) the chosen active client; with their OPD. */
async function resolveClient(user: SessionUser, clientId: string | undefined): Promise<{ id: string; agencyId: string | null }> {
  const id = can(user, "tickets.work") ? clientId : user.id;
  if (!id) throw new UserFacingError("tickets.errors.clientRequired", { field: "clientId" });
  const [client] = await db().$queryRaw<{ id: string; agencyId: string | null }[]>`
    SELECT "id"::text AS id, "agencyId"::text AS "agencyId" FROM "User" WHERE "id" = ${id}::uuid AND "role" = 'CLIENT' AND "active"`;
  if (!client) throw new UserFacingError("tickets.errors.unknownClient", { field: "clientId" });
  return client;
}

export async function createTicket(user: SessionUser, input: CreateTicketData): Promise<{ id: string; number: string }> {
  const settings = await getSettings("ticket");
  const [department] = await db().$queryRaw<{ id: string }[]>`
    SELECT "id"::text AS id FROM "Department" WHERE "id" = ${input.departmentId}::uuid AND "active"`;
  if (!department) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });
  const client = await resolveClient(user, input.clientId);

  // Clients suggest a priority; staff decide it.
  const staffSide = can(user, "tickets.work");
  const priority: TicketPriority = staffSide ? (input.priority ?? settings.defaultPriority) : settings.defaultPriority;
  const suggestedPriority = staffSide ? null : (input.priority ?? null);

  const files = await prepareFiles(input.attachments);
  // The service-level clock starts with the ticket: its due times go in with the row.
  const createdAt = new Date();
  const [clock, timeZone] = await Promise.all([initialClock(department.id, priority, createdAt), getServiceTimeZone()]);
  // Numbers restart each year of the service calendar.
  const key = `${settings.numberPrefix}-${yearIn(timeZone, createdAt)}`;
  const ref = { id: Prisma.sql`t."id"`, clientId: Prisma.sql`${client.id}::uuid`, departmentId: Prisma.sql`${department.id}::uuid`, assigneeId: Prisma.sql`NULL::uuid` };
  const mails = ticketMailInsertSql("created", ref, user.id, { from: Prisma.sql`t` })!;
  // One statement: the number, the ticket, its files, history, notifications and mails. The counter row's
  // lock (which serialises creations) is held only while this statement runs, not across round trips.
  // In a department that assigns automatically, the assignee is chosen under a lock (auto-assign.ts).
  const at = { departmentId: department.id, clientId: client.id, actorId: user.id };
  return withStoredFiles(files, (stored) => withAutoAssignment(at, async (q, assigneeId) => {
    const [ticket] = await q.$queryRaw<{ id: string; number: string }[]>`
      WITH n AS (
        INSERT INTO "TicketCounter" ("key", "value") VALUES (${key}, 1)
        ON CONFLICT ("key") DO UPDATE SET "value" = "TicketCounter"."value" + 1
        RETURNING "value"
      ), t AS (
        INSERT INTO "Ticket" ("id", "number", "subject", "description", "priority", "suggestedPriority", "departmentId",
                              "clientId", "createdById", "assigneeId", "agencyId", "createdAt", "updatedAt", "firstResponseDueAt", "firstResponseWarnAt",
                              "resolutionDueAt", "resolutionWarnAt", "slaNextDueAt", "slaCheckAt")
        SELECT gen_random_uuid(), ${key} || '-' || lpad(n."value"::text, greatest(6, length(n."value"::text)), '0'),
               ${input.subject}, ${input.description}, ${priority}::"TicketPriority", ${suggestedPriority}::"TicketPriority",
               ${department.id}::uuid, ${client.id}::uuid, ${user.id}::uuid, ${assigneeId}::uuid, ${client.agencyId}::uuid, ${createdAt}, ${createdAt},
               ${clock.firstResponseDueAt}, ${clock.firstResponseWarnAt}, ${clock.resolutionDueAt}, ${clock.resolutionWarnAt},
               ${clock.nextDueAt}, ${clock.checkAt}
        FROM n
        RETURNING "id", "number"
      ), files AS (
        INSERT INTO "Attachment" ("id", "ticketId", "messageId", "uploaderId", "fileName", "contentType", "size", "driver", "storageKey")
        SELECT gen_random_uuid(), t."id", NULL, ${user.id}::uuid, f."fileName", f."contentType", f."size", f."driver", f."storageKey"
        FROM t CROSS JOIN unnest(${stored.map((s) => s.fileName)}::text[], ${stored.map((s) => s.contentType)}::text[],
                                 ${stored.map((s) => s.size)}::int[], ${stored.map((s) => s.driver)}::text[], ${stored.map((s) => s.key)}::text[])
             AS f("fileName", "contentType", "size", "driver", "storageKey")
      ), history AS (
        INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "toValue")
        SELECT gen_random_uuid(), t."id", ${user.id}::uuid, 'created', 'OPEN' FROM t
      ), notified AS (
        INSERT INTO "Notification" ("id", "userId", "ticketId", "kind")
        SELECT gen_random_uuid(), u."id", t."id", ${EVENT_KIND.created}::"NotificationKind"
        FROM t JOIN "User" u ON ${recipientsWhere("created", ref, user.id)}
      ), mailed AS (${mails})
      SELECT "id"::text AS id, "number" FROM t`;
    wakeMailWorker();
    return ticket!;
  }));
}
