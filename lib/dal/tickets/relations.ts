import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getServiceTimeZone, getSettings } from "@/lib/dal/settings";
import { loadWorkingCalendar } from "@/lib/dal/sla";
import { yearIn } from "@/lib/time-zone";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketStatus } from "@/lib/validation/tickets";
import { queueTicketMails, wakeMailWorker } from "@/lib/mail/outbox";
import { insertAttachments, prepareFiles, withStoredFiles } from "./attachments";
import { notifyTicketEvent, recipientsWhere, ticketRef } from "./recipients";
import { findScopedTicket, isUuid, scopeOf, scopeSql, TicketNotFoundError } from "./scope";
import { moveTicketClock } from "./sla";

type Tx = Prisma.TransactionClient;

/** Linked tickets shown on a ticket page; a ticket with more is unusual, and the page says how many there are. */
export const LINKS_SHOWN = 50;

type PairTicket = {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
  clientId: string;
  agencyId: string | null;
  departmentId: string;
  assigneeId: string | null;
  mergedIntoId: string | null;
};

const PAIR_COLUMNS = Prisma.sql`t."id"::text AS id, t."number", t."subject", t."status"::text AS status, t."clientId"::text AS "clientId",
  t."agencyId"::text AS "agencyId", t."departmentId"::text AS "departmentId", t."assigneeId"::text AS "assigneeId", t."mergedIntoId"::text AS "mergedIntoId"`;

/**
 * The ticket numbers a typed reference may mean: the full number (`HD-2026-000007`), or its running
 * number alone (`7`, `000007`) in this or last year of the service calendar (numbers restart each year).
 */
async function numbersFor(typed: string): Promise<string[]> {
  const text = typed.trim().toUpperCase();
  if (/^\d{1,9}$/.test(text)) {
    const [{ numberPrefix }, zone] = await Promise.all([getSettings("ticket"), getServiceTimeZone()]);
    const year = yearIn(zone);
    const serial = text.replace(/^0+(?=\d)/, "").padStart(6, "0");
    return [`${numberPrefix}-${year}-${serial}`, `${numberPrefix}-${year - 1}-${serial}`];
  }
  return text && text.length <= 64 && !text.includes("\0") ? [text] : [];
}

/** A ticket by typed number within the user's scope; another's ticket is "not found" at the field, like a missing one. */
async function findTypedTicket(user: SessionUser, typed: string, field: string): Promise<PairTicket> {
  const numbers = await numbersFor(typed);
  if (!numbers.length) throw new UserFacingError("ticketRelations.errors.targetNotFound", { field });
  const scope = await scopeOf(user);
  const [ticket] = await db().$queryRaw<PairTicket[]>`
    SELECT ${PAIR_COLUMNS} FROM "Ticket" t
    WHERE t."number" = ANY (${numbers}::text[]) AND ${scopeSql(scope)}
    ORDER BY t."createdAt" DESC LIMIT 1`;
  if (!ticket) throw new UserFacingError("ticketRelations.errors.targetNotFound", { field });
  return ticket;
}

async function findPairTicket(user: SessionUser, ticketId: string): Promise<PairTicket> {
  if (!isUuid(ticketId)) throw new TicketNotFoundError();
  const scope = await scopeOf(user);
  const [ticket] = await db().$queryRaw<PairTicket[]>`SELECT ${PAIR_COLUMNS} FROM "Ticket" t WHERE t."id" = ${ticketId}::uuid AND ${scopeSql(scope)}`;
  if (!ticket) throw new TicketNotFoundError();
  return ticket;
}

async function numberOf(ticketId: string): Promise<string> {
  const row = await db().ticket.findUnique({ where: { id: ticketId }, select: { number: true } });
  return row?.number ?? "";
}

// ------------------------------------------------------------------ merge

/**
 * Why these two may not be merged, as a message at the dialog's field; null when they may.
 * Across departments: yes, for whoever sees both (row scope already decided that). Across clients:
 * only within one OPD, because the target's client then reads the source's conversation.
 */
async function mergeRefusal(source: PairTicket, target: PairTicket): Promise<UserFacingError | null> {
  const field = "target";
  if (source.mergedIntoId) return new UserFacingError("ticketRelations.errors.sourceMerged", { field, values: { number: await numberOf(source.mergedIntoId) } });
  if (source.id === target.id) return new UserFacingError("ticketRelations.errors.mergeSelf", { field });
  if (target.mergedIntoId) {
    return new UserFacingError("ticketRelations.errors.targetMerged", { field, values: { number: target.number, into: await numberOf(target.mergedIntoId) } });
  }
  if (source.clientId !== target.clientId && (!source.agencyId || source.agencyId !== target.agencyId)) {
    return new UserFacingError("ticketRelations.errors.otherAgency", { field });
  }
  return null;
}

export type MergeCandidate = { id: string; number: string; subject: string; source: { number: string; subject: string } };

/** The dialog's first step: the typed target, checked as the merge itself will check it, with both subjects to confirm. */
export async function findMergeTarget(user: SessionUser, input: { sourceId: string; target: string }): Promise<MergeCandidate> {
  assertCan(user, "tickets.merge");
  const source = await findPairTicket(user, input.sourceId);
  const target = await findTypedTicket(user, input.target, "target");
  const refusal = await mergeRefusal(source, target);
  if (refusal) throw refusal;
  return { id: target.id, number: target.number, subject: target.subject, source: { number: source.number, subject: source.subject } };
}

/**
 * Merges a duplicate (source) into the ticket that stays (target), in one transaction: the source is
 * closed and points at the target, tickets merged into the source earlier now point at the target too,
 * and both clients are told. Nothing is copied or moved: the target's page reads the thread and files
 * of every ticket merged into it (detail.ts), and each attachment is still downloaded through a
 * ticket the user may see (attachments.ts).
 */
export async function mergeTicket(user: SessionUser, input: { sourceId: string; targetId: string }): Promise<{ number: string }> {
  assertCan(user, "tickets.merge");
  const source = await findPairTicket(user, input.sourceId);
  let target: PairTicket;
  try {
    target = await findPairTicket(user, input.targetId);
  } catch (error) {
    if (error instanceof TicketNotFoundError) throw new UserFacingError("ticketRelations.errors.targetNotFound", { field: "target" });
    throw error;
  }
  const refusal = await mergeRefusal(source, target);
  if (refusal) throw refusal;
  const cal = await loadWorkingCalendar();

  await db().$transaction(async (tx) => {
    // Both rows locked in id order: two merges of the same pair, either way round, run one after the other.
    const locked = await tx.$queryRaw<{ id: string; mergedIntoId: string | null; status: TicketStatus }[]>`
      SELECT "id"::text AS id, "mergedIntoId"::text AS "mergedIntoId", "status"::text AS status FROM "Ticket"
      WHERE "id" IN (${source.id}::uuid, ${target.id}::uuid) ORDER BY "id" FOR UPDATE`;
    if (locked.length !== 2 || locked.some((t) => t.mergedIntoId)) throw new UserFacingError("tickets.errors.changedMeanwhile", { field: "target" });
    const fromStatus = locked.find((t) => t.id === source.id)!.status;
    const now = new Date();
    await tx.$executeRaw`UPDATE "Ticket" SET "mergedIntoId" = ${target.id}::uuid WHERE "mergedIntoId" = ${source.id}::uuid`;
    await tx.ticket.update({
      where: { id: source.id },
      data: { mergedIntoId: target.id, mergedAt: now, status: "CLOSED", ...(fromStatus === "CLOSED" ? {} : { closedAt: now }) },
    });
    if (fromStatus !== "CLOSED") await moveTicketClock(tx, cal, source.id, { fromStatus, retarget: false }, now);
    await tx.ticket.update({ where: { id: target.id }, data: { updatedAt: now } });
    const at = now.getTime();
    await tx.ticketActivity.createMany({
      data: [
        ...(fromStatus === "CLOSED" ? [] : [{ ticketId: source.id, actorId: user.id, field: "status", fromValue: fromStatus, toValue: "CLOSED", createdAt: new Date(at) }]),
        { ticketId: source.id, actorId: user.id, field: "mergedInto", toValue: target.number, createdAt: new Date(at + 1) },
        { ticketId: target.id, actorId: user.id, field: "mergedFrom", toValue: source.number, createdAt: new Date(at + 1) },
      ],
    });
    // Each client hears it on the ticket they can open: the source's client on the source, the
    // target's on the target (once, when both tickets are one client's).
    const told = source.clientId === target.clientId ? [target] : [source, target];
    for (const ticket of told) {
      await notifyTicketEvent(tx, "merged", ticket, user.id);
      await queueMergeMail(tx, ticket, user.id, { from: source.number, into: target.number });
    }
  });
  wakeMailWorker();
  return { number: target.number };
}

/** The merge notice mail, to whom the bell tells (recipients.ts), with both numbers for its text. */
async function queueMergeMail(tx: Tx, ticket: PairTicket, actorId: string, payload: { from: string; into: string }) {
  const t = ticketRef(ticket);
  await tx.$executeRaw`
    INSERT INTO "EmailOutbox" ("id", "kind", "userId", "toAddress", "locale", "ticketId", "payload")
    SELECT gen_random_uuid(), 'ticketMerged', u."id", u."email", u."locale", ${t.id}, ${JSON.stringify(payload)}::jsonb
    FROM "User" u WHERE ${recipientsWhere("merged", t, actorId)} AND u."email" <> ''`;
}

/** For the reply paths: a merged ticket takes no more replies, and says where the conversation went. */
export async function assertNotMerged(ticket: { mergedIntoId?: string | null }): Promise<void> {
  if (!ticket.mergedIntoId) return;
  throw new UserFacingError("ticketRelations.errors.replyToMerged", { values: { number: await numberOf(ticket.mergedIntoId) } });
}

/** The ticket a merged ticket now lives in (merges are flattened, so one step), or null. */
export async function mergeTargetOf(ticketId: string): Promise<string | null> {
  const row = await db().ticket.findUnique({ where: { id: ticketId }, select: { mergedIntoId: true } });
  return row?.mergedIntoId ?? null;
}

/**
 * A mail reply from the client of a merged ticket who cannot open the ticket it went into (another
 * client of the same OPD): it is added to that ticket as theirs, as a reply to their own ticket would
 * have been. They are not shown the target's conversation by this.
 */
export async function replyToMergedTicket(user: SessionUser, sourceId: string, input: { body: string; attachments: File[] }): Promise<{ ticketId: string }> {
  const source = await findScopedTicket(user, sourceId);
  const targetId = await mergeTargetOf(source.id);
  if (!targetId || source.clientId !== user.id || can(user, "tickets.work")) throw new TicketNotFoundError();
  const [target] = await db().$queryRaw<PairTicket[]>`SELECT ${PAIR_COLUMNS} FROM "Ticket" t WHERE t."id" = ${targetId}::uuid`;
  if (!target || target.status === "CLOSED") throw new UserFacingError("tickets.errors.closed");
  const files = await prepareFiles(input.attachments);
  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const message = await tx.ticketMessage.create({ data: { ticketId: target.id, authorId: user.id, body: input.body }, select: { id: true } });
      await insertAttachments(tx, { ticketId: target.id, messageId: message.id, uploaderId: user.id }, stored);
      await tx.ticket.update({ where: { id: target.id }, data: { updatedAt: new Date() } });
      await notifyTicketEvent(tx, "clientReply", target, user.id);
      await queueTicketMails(tx, "clientReply", target, user.id, { messageId: message.id });
      return { ticketId: target.id };
    }),
  );
}

// ------------------------------------------------------------------ link

const pair = (a: string, b: string) => (a < b ? [a, b] : [b, a]) as [string, string];

/** Links two related tickets (shown on both); both must be tickets the user sees. */
export async function linkTickets(user: SessionUser, input: { ticketId: string; target: string }): Promise<{ number: string }> {
  assertCan(user, "tickets.link");
  const ticket = await findPairTicket(user, input.ticketId);
  const other = await findTypedTicket(user, input.target, "target");
  if (other.id === ticket.id) throw new UserFacingError("ticketRelations.errors.linkSelf", { field: "target" });
  const [a, b] = pair(ticket.id, other.id);
  const created = await db().$executeRaw`
    INSERT INTO "TicketLink" ("ticketAId", "ticketBId", "createdById") VALUES (${a}::uuid, ${b}::uuid, ${user.id}::uuid)
    ON CONFLICT DO NOTHING`;
  if (created === 0) throw new UserFacingError("ticketRelations.errors.alreadyLinked", { field: "target", values: { number: other.number } });
  return { number: other.number };
}

/** Removes a link; the other ticket must be one the user sees (it is the only way they could name it). */
export async function unlinkTickets(user: SessionUser, input: { ticketId: string; otherId: string }): Promise<void> {
  assertCan(user, "tickets.link");
  const ticket = await findPairTicket(user, input.ticketId);
  const other = await findPairTicket(user, input.otherId);
  const [a, b] = pair(ticket.id, other.id);
  const removed = await db().$executeRaw`DELETE FROM "TicketLink" WHERE "ticketAId" = ${a}::uuid AND "ticketBId" = ${b}::uuid`;
  if (removed === 0) throw new UserFacingError("ticketRelations.errors.notLinked");
}

// ------------------------------------------------------------------ what the ticket page shows

export type TicketRelations = {
  /** Where this ticket was merged; `visible` false when the user cannot open that ticket (no link then). */
  mergedInto: { number: string; visible: boolean } | null;
  /** Linked tickets the user can see, by number. */
  links: { id: string; number: string; subject: string; status: TicketStatus }[];
  /** Linked tickets the user can see, in all (the page shows LINKS_SHOWN of them). */
  linkCount: number;
  can: { merge: boolean; link: boolean };
};

/**
 * The merge pointer and the links of the ticket with this number, as this user may see them: a
 * linked ticket outside the user's scope is left out, and counted nowhere.
 */
export async function getTicketRelations(user: SessionUser, number: string): Promise<TicketRelations> {
  const none: TicketRelations = { mergedInto: null, links: [], linkCount: 0, can: { merge: false, link: false } };
  // No ticket number holds a NUL (PostgreSQL refuses one in text): the page answers "not found" for it.
  if (number.includes("\0")) return none;
  const scope = await scopeOf(user);
  const [row] = await db().$queryRaw<{ id: string; mergedInto: string | null; mergedVisible: boolean; links: TicketRelations["links"]; linkCount: number }[]>`
    WITH self AS (SELECT t."id", t."mergedIntoId" FROM "Ticket" t WHERE t."number" = ${number} AND ${scopeSql(scope)}),
    linked AS (
      SELECT t."id", t."number", t."subject", t."status" FROM self
      JOIN "TicketLink" l ON l."ticketAId" = self."id" OR l."ticketBId" = self."id"
      JOIN "Ticket" t ON t."id" = CASE WHEN l."ticketAId" = self."id" THEN l."ticketBId" ELSE l."ticketAId" END
      WHERE ${scopeSql(scope)}
    )
    SELECT self."id"::text AS id,
           (SELECT m."number" FROM "Ticket" m WHERE m."id" = self."mergedIntoId") AS "mergedInto",
           EXISTS (SELECT 1 FROM "Ticket" t WHERE t."id" = self."mergedIntoId" AND ${scopeSql(scope)}) AS "mergedVisible",
           (SELECT COALESCE(json_agg(json_build_object('id', x."id"::text, 'number', x."number", 'subject', x."subject", 'status', x."status"::text)
                                     ORDER BY x."number"), '[]')
              FROM (SELECT * FROM linked ORDER BY "number" LIMIT ${LINKS_SHOWN}) x) AS links,
           (SELECT count(*)::int FROM linked) AS "linkCount"
    FROM self`;
  const works = can(user, "tickets.work");
  if (!row) return none;
  return {
    mergedInto: row.mergedInto ? { number: row.mergedInto, visible: row.mergedVisible } : null,
    links: row.links,
    linkCount: row.linkCount,
    can: { merge: works && can(user, "tickets.merge") && !row.mergedInto, link: works && can(user, "tickets.link") },
  };
}
