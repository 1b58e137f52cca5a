import "server-only";
import { Prisma } from "@/lib/db";
import { roleCanSql } from "@/lib/auth/permission-sql";
import type { NotificationKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

/** Everything that tells somebody about a ticket. */
export type TicketEvent = "created" | "staffReply" | "clientReply" | "note" | "assigned" | "status" | "merged";

export const EVENT_KIND: Record<TicketEvent, NotificationKind> = {
  created: "TICKET_CREATED",
  staffReply: "TICKET_REPLY",
  clientReply: "TICKET_REPLY",
  note: "TICKET_NOTE",
  assigned: "TICKET_ASSIGNED",
  status: "TICKET_STATUS",
  merged: "TICKET_MERGED",
};

/** A ticket as SQL expressions: bound values for one ticket, or column references in a set-based job. */
export type TicketRef = { id: Prisma.Sql; clientId: Prisma.Sql; departmentId: Prisma.Sql; assigneeId: Prisma.Sql };

export function ticketRef(t: { id: string; clientId: string; departmentId: string; assigneeId: string | null }): TicketRef {
  return {
    id: Prisma.sql`${t.id}::uuid`,
    clientId: Prisma.sql`${t.clientId}::uuid`,
    departmentId: Prisma.sql`${t.departmentId}::uuid`,
    assigneeId: Prisma.sql`${t.assigneeId}::uuid`,
  };
}

/** Column references of a row source aliased `alias` (e.g. the rows an UPDATE … RETURNING gave). */
export function ticketColumns(alias: string): TicketRef {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return { id: col("id"), clientId: col("clientId"), departmentId: col("departmentId"), assigneeId: col("assigneeId") };
}

const ROLE = Prisma.sql`u."role"`;

/** The staff who handle a ticket: its assignee, or while unassigned every active Staff of its department. */
const handlers = (t: TicketRef) =>
  Prisma.sql`(CASE WHEN ${t.assigneeId} IS NULL THEN u."role" = 'STAFF' AND u."departmentId" = ${t.departmentId} ELSE u."id" = ${t.assigneeId} END)`;

/**
 * Who may follow a ticket (the user `u`): the staff side within the ticket's scope, or a client of
 * the ticket's OPD. Checked when a follower is added and again for every event, so a staff follower
 * of a ticket since moved to another department, or a client who moved OPD, hears no more.
 */
export const mayFollowSql = (t: TicketRef) =>
  Prisma.sql`(${roleCanSql(ROLE, "tickets.seeAll")}
      OR (u."role" = 'STAFF' AND (u."departmentId" = ${t.departmentId} OR u."id" IS NOT DISTINCT FROM ${t.assigneeId}))
      OR (u."role" = 'CLIENT' AND u."agencyId" = (SELECT ft."agencyId" FROM "Ticket" ft WHERE ft."id" = ${t.id})))`;

const followers = (t: TicketRef) =>
  Prisma.sql`(EXISTS (SELECT 1 FROM "TicketFollower" f WHERE f."ticketId" = ${t.id} AND f."userId" = u."id") AND ${mayFollowSql(t)})`;

/**
 * Who hears about an event: the one rule for the bell, and for e-mail and service-level warnings.
 * Followers hear replies and status changes (internal notes only those on the staff side); the
 * assignment and the new ticket stay with those they concern.
 * Internal notes go to the staff side only. Never the actor; never a deactivated account.
 */
export function recipientsWhere(event: TicketEvent, t: TicketRef, actorId: string | null): Prisma.Sql {
  const who = {
    // Those who see every ticket (Admins), the department's staff and (when filed on their behalf) the client.
    created: Prisma.sql`(${roleCanSql(ROLE, "tickets.seeAll")} OR (u."role" = 'STAFF' AND u."departmentId" = ${t.departmentId}) OR u."id" = ${t.clientId})`,
    staffReply: Prisma.sql`(u."id" = ${t.clientId} OR ${followers(t)})`,
    status: Prisma.sql`(u."id" = ${t.clientId} OR ${followers(t)})`,
    clientReply: Prisma.sql`(${handlers(t)} OR ${followers(t)})`,
    note: Prisma.sql`((${handlers(t)} OR ${followers(t)}) AND ${roleCanSql(ROLE, "tickets.work")})`,
    assigned: Prisma.sql`u."id" = ${t.assigneeId}`,
    // A merge is told to the ticket's own client (lib/dal/tickets/relations.ts).
    merged: Prisma.sql`u."id" = ${t.clientId}`,
  }[event];
  return Prisma.sql`u."active" AND ${who} AND u."id" IS DISTINCT FROM ${actorId}::uuid`;
}

/**
 * Who hears a service-level warning or breach: the ticket's handlers (its assignee, or its
 * department's staff while unassigned) and those who see every ticket (the Admins).
 */
export function slaRecipientsWhere(t: TicketRef): Prisma.Sql {
  return Prisma.sql`u."active" AND (${handlers(t)} OR ${roleCanSql(ROLE, "tickets.seeAll")})`;
}

/**
 * Writes the bell notifications of one event, in the caller's transaction: `messageId` is the reply or
 * note it is about (the list opens the ticket there), `detail` what changed (a status's new value).
 */
export async function notifyTicketEvent(
  tx: Tx,
  event: TicketEvent,
  ticket: Parameters<typeof ticketRef>[0],
  actorId: string | null,
  about: { messageId?: string | null; detail?: string | null } = {},
): Promise<void> {
  const t = ticketRef(ticket);
  await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "ticketId", "kind", "messageId", "detail")
    SELECT gen_random_uuid(), u."id", ${t.id}, ${EVENT_KIND[event]}::"NotificationKind", ${about.messageId ?? null}::uuid, ${about.detail ?? null}
    FROM "User" u WHERE ${recipientsWhere(event, t, actorId)}`;
}
