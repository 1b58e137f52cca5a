import "server-only";
import { db, Prisma } from "@/lib/db";
import { roleCanSql } from "@/lib/auth/permission-sql";
import { recipientsWhere, ticketColumns, ticketRef, type TicketEvent, type TicketRef } from "@/lib/dal/tickets/recipients";
import { BULK_MAIL_OPT_OUT, MAILED_STATUSES, type BulkTicketMailKind, type MailKind } from "./kinds";

type Tx = Prisma.TransactionClient;

/**
 * The outbox: every mail is a row written by the transaction (often the very statement) of the event
 * that causes it, and lib/mail/worker.ts sends it later. Rows hold a kind, references and a small
 * payload; the worker renders them, so one set-based statement can queue the mails of many tickets.
 */

/** The mail kind of a ticket event for each recipient, as SQL; null = this event sends no mail. */
function ticketMailKind(event: TicketEvent, t: TicketRef, status?: string | null): Prisma.Sql | null {
  switch (event) {
    case "created":
      return Prisma.sql`(CASE WHEN u."id" = ${t.clientId} THEN 'ticketReceived' ELSE 'newTicket' END)`;
    case "staffReply":
      return Prisma.sql`'staffReply'`;
    case "clientReply":
      return Prisma.sql`'clientReply'`;
    case "assigned":
      return Prisma.sql`'assigned'`;
    case "status":
      return status && (MAILED_STATUSES as readonly string[]).includes(status) ? Prisma.sql`'statusChanged'` : null;
    case "note":
      // Internal notes are never mailed to anyone: a mail cannot be un-sent to the wrong person.
      return null;
    case "merged":
      // Queued by lib/dal/tickets/relations.ts, with both ticket numbers in its payload.
      return null;
  }
}

/**
 * `INSERT INTO "EmailOutbox" … SELECT` for one ticket event: the recipients are exactly the bell's
 * (recipientsWhere), minus those who turned this mail off or have no address. `from` is the row
 * source the ticket expressions refer to (a CTE in a set-based job); null when nothing is mailed.
 */
export function ticketMailInsertSql(
  event: TicketEvent,
  t: TicketRef,
  actorId: string | null,
  options: { from?: Prisma.Sql; messageId?: string | null; status?: string | null } = {},
): Prisma.Sql | null {
  const kind = ticketMailKind(event, t, options.status);
  if (!kind) return null;
  const from = options.from ?? Prisma.sql`(SELECT 1) AS one`;
  const payload = JSON.stringify(options.status ? { status: options.status } : {});
  return Prisma.sql`
    INSERT INTO "EmailOutbox" ("id", "kind", "userId", "toAddress", "locale", "ticketId", "ticketMessageId", "payload")
    SELECT gen_random_uuid(), k."kind", u."id", u."email", u."locale", ${t.id}, ${options.messageId ?? null}::uuid, ${payload}::jsonb
    FROM ${from} JOIN "User" u ON ${recipientsWhere(event, t, actorId)}
    CROSS JOIN LATERAL (SELECT ${kind}::text AS "kind") k
    WHERE u."email" <> '' AND NOT (k."kind" = ANY (u."emailOptOut"))`;
}

/** Queues the mails of one ticket event in the caller's transaction. */
export async function queueTicketMails(
  tx: Tx,
  event: TicketEvent,
  ticket: Parameters<typeof ticketRef>[0],
  actorId: string | null,
  options: { messageId?: string | null; status?: string | null } = {},
): Promise<void> {
  const sql = ticketMailInsertSql(event, ticketRef(ticket), actorId, options);
  if (sql) await tx.$executeRaw(sql);
  wakeMailWorker();
}

/**
 * The mails of one bulk change: one per recipient, listing their tickets, instead of one per ticket.
 * `changed` is the row source of the changed tickets, aliased `c` (with "number"). The recipients are
 * the bell's (recipientsWhere) minus those who turned the one-ticket mail off; whoever has only one of
 * the tickets gets that ticket's usual mail. Null when the event mails nobody (a status not mailed).
 */
export function bulkTicketMailInsertSql(event: "assigned" | "status", changed: Prisma.Sql, actorId: string, status?: string): Prisma.Sql | null {
  const c = ticketColumns("c");
  if (!ticketMailKind(event, c, status)) return null;
  const many: BulkTicketMailKind = event === "assigned" ? "ticketsAssigned" : "ticketsStatusChanged";
  const single = BULK_MAIL_OPT_OUT[many];
  const payload = JSON.stringify(status ? { status } : {});
  return Prisma.sql`
    INSERT INTO "EmailOutbox" ("id", "kind", "userId", "toAddress", "locale", "ticketId", "payload")
    SELECT gen_random_uuid(), CASE WHEN count(*) = 1 THEN ${single} ELSE ${many} END, u."id", u."email", u."locale",
           CASE WHEN count(*) = 1 THEN (array_agg(c."id"))[1] END,
           CASE WHEN count(*) = 1 THEN ${payload}::jsonb
                ELSE ${payload}::jsonb || jsonb_build_object('ticketIds', to_jsonb(array_agg(c."id" ORDER BY c."number"))) END
    FROM ${changed} JOIN "User" u ON ${recipientsWhere(event, c, actorId)}
    WHERE u."email" <> '' AND NOT (${single} = ANY (u."emailOptOut"))
    GROUP BY u."id", u."email", u."locale"`;
}

/** A new Kontak message: everyone active who manages the inbox and has not turned it off. */
export async function queueContactMails(tx: Tx | ReturnType<typeof db>, contactMessageId: string): Promise<void> {
  const payload = JSON.stringify({ contactMessageId });
  await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "kind", "userId", "toAddress", "locale", "payload")
    SELECT gen_random_uuid(), 'contactMessage', u."id", u."email", u."locale", ${payload}::jsonb
    FROM "User" u
    WHERE u."active" AND ${roleCanSql(Prisma.sql`u."role"`, "inbox.manage")} AND u."email" <> ''
      AND NOT ('contactMessage' = ANY (u."emailOptOut"))`;
  wakeMailWorker();
}

/** One mail to one address (account mails, test mail, refusals). */
export async function queueMail(
  tx: Tx | ReturnType<typeof db>,
  mail: { kind: MailKind; to: string; locale?: string; userId?: string | null; ticketId?: string | null; payload?: Record<string, unknown> },
): Promise<string> {
  const row = await tx.emailOutbox.create({
    data: {
      kind: mail.kind,
      toAddress: mail.to,
      locale: mail.locale ?? "id",
      userId: mail.userId ?? null,
      ticketId: mail.ticketId ?? null,
      payload: (mail.payload ?? {}) as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  wakeMailWorker();
  return row.id;
}

// ------------------------------------------------------------------ waking the worker of this process

const g = globalThis as unknown as { __helpdeskMailWake?: () => void };

/** Lets this process's worker look at the outbox soon rather than at its next tick. */
export function wakeMailWorker(): void {
  g.__helpdeskMailWake?.();
}

export function onMailWake(listener: (() => void) | undefined): void {
  g.__helpdeskMailWake = listener;
}
