import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketPriority } from "@/lib/validation/tickets";
import { insertAttachments, prepareFiles, withStoredFiles } from "./attachments";
import { notifyTicketEvent } from "./recipients";
import { startTicketClock } from "./sla";
import { loadWorkingCalendar } from "@/lib/dal/sla";

type Tx = Prisma.TransactionClient;

function jakartaYear(date: Date): string {
  return new Intl.DateTimeFormat("en", { timeZone: "Asia/Jakarta", year: "numeric" }).format(date);
}

/** Next number for prefix+year. The upsert holds the counter row's lock until commit: no duplicates. */
async function nextTicketNumber(tx: Tx, prefix: string): Promise<string> {
  const key = `${prefix}-${jakartaYear(new Date())}`;
  const rows = await tx.$queryRaw<{ value: number }[]>`
    INSERT INTO "TicketCounter" ("key", "value") VALUES (${key}, 1)
    ON CONFLICT ("key") DO UPDATE SET "value" = "TicketCounter"."value" + 1
    RETURNING "value"`;
  return `${key}-${String(rows[0]!.value).padStart(6, "0")}`;
}

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
  const cal = await loadWorkingCalendar();
  // Plain SQL inside the transaction: creation runs at a steady rate, and the ORM's per-query cost
  // dominated it (see docs/benchmarks.md).
  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const number = await nextTicketNumber(tx, settings.numberPrefix);
      const [ticket] = await tx.$queryRaw<{ id: string; number: string }[]>`
        INSERT INTO "Ticket" ("id", "number", "subject", "description", "priority", "suggestedPriority", "departmentId",
                              "clientId", "createdById", "agencyId", "updatedAt")
        VALUES (gen_random_uuid(), ${number}, ${input.subject}, ${input.description}, ${priority}::"TicketPriority",
                ${suggestedPriority}::"TicketPriority", ${department.id}::uuid, ${client.id}::uuid, ${user.id}::uuid,
                ${client.agencyId}::uuid, now())
        RETURNING "id"::text AS id, "number"`;
      await startTicketClock(tx, cal, ticket!.id);
      await insertAttachments(tx, { ticketId: ticket!.id, messageId: null, uploaderId: user.id }, stored);
      await tx.$executeRaw`
        INSERT INTO "TicketActivity" ("id", "ticketId", "actorId", "field", "toValue")
        VALUES (gen_random_uuid(), ${ticket!.id}::uuid, ${user.id}::uuid, 'created', 'OPEN')`;
      await notifyTicketEvent(tx, "created", { id: ticket!.id, clientId: client.id, departmentId: department.id, assigneeId: null }, user.id);
      return ticket!;
    }),
  );
}
