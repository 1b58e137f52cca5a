import "server-only";
import { db, Prisma } from "@/lib/db";
import { can, rolesWith } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import type { TicketStatus, UpdateTicketInput } from "@/lib/validation/tickets";
import { insertAttachments, prepareFiles, withStoredFiles } from "./attachments";
import { notifyTicketEvent } from "./recipients";
import { queueTicketMails } from "@/lib/mail/outbox";
import { canRate, canReply, canTake, statusChoices } from "./rules";
import { findScopedTicket } from "./scope";
import { assertNotMerged } from "./relations";
import { moveTicketClock, recordTicketFirstResponse } from "./sla";
import { loadWorkingCalendar } from "@/lib/dal/sla";
import { cannedFilesForReply } from "@/lib/dal/canned-replies";

// ------------------------------------------------------------------ reply / internal note

/**
 * A reply or an internal note, and (for a reply) the status it decides, in one transaction: the
 * message, its files, the status move with its history line and clock, and one notification and one
 * mail per recipient — the reply's, which names the new status — instead of a second pair for the
 * status. An internal note never moves the status: it is a separate action on the page.
 */
export async function replyToTicket(
  user: SessionUser,
  input: { ticketId: string; body: string; internal?: boolean; status?: TicketStatus; attachments: File[]; cannedAttachmentIds?: string[] },
) {
  const staffSide = can(user, "tickets.work");
  const internal = !!input.internal;
  if (internal && !staffSide) throw new UserFacingError("errors.forbidden");
  if (internal && input.status !== undefined) throw new UserFacingError("tickets.reply.errors.noteWithStatus", { field: "status" });
  const ticket = await findScopedTicket(user, input.ticketId);
  await assertNotMerged(ticket);
  // A client following a colleague's ticket reads it but does not answer in the owner's name.
  if (!canReply(user, ticket)) throw new UserFacingError(ticket.status === "CLOSED" ? "tickets.errors.closed" : "errors.forbidden");
  const status = input.status !== undefined && input.status !== ticket.status ? input.status : undefined;
  if (status && !statusChoices(user, ticket, await getSettings("ticket")).includes(status)) throw new UserFacingError("errors.forbidden");
  const uploaded = await prepareFiles(input.attachments);
  // The files of inserted canned replies come along as the reply's own copies, within the same limit.
  const canned = await cannedFilesForReply(user, ticket, input.cannedAttachmentIds ?? []);
  const { maxFilesPerMessage } = await getSettings("ticket");
  if (uploaded.length + canned.length > maxFilesPerMessage) {
    throw new UserFacingError("validation.attachmentsTooMany", { field: "attachments", values: { max: maxFilesPerMessage } });
  }
  const files = [...canned, ...uploaded];
  const cal = await loadWorkingCalendar();

  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const message = await tx.ticketMessage.create({
        data: { ticketId: ticket.id, authorId: user.id, body: input.body, internal },
        select: { id: true },
      });
      await insertAttachments(tx, { ticketId: ticket.id, messageId: message.id, uploaderId: user.id }, stored);
      // The first answer the client can see settles the first-response target, before a status that would stop the clock.
      if (staffSide && !internal) await recordTicketFirstResponse(tx, cal, ticket.id);
      // A client's answer to "waiting on client" hands the ticket back to staff (unless the reply itself decides the status).
      const to = status ?? (!staffSide && ticket.status === "WAITING" ? "OPEN" : undefined);
      if (to) {
        // Guard against a concurrent status change: only move the status this user saw.
        const moved = await tx.ticket.updateMany({ where: { id: ticket.id, status: ticket.status }, data: { status: to, ...statusStamps(to) } });
        if (moved.count !== 1) throw new UserFacingError("tickets.errors.changedMeanwhile");
        await tx.ticketActivity.create({ data: { ticketId: ticket.id, actorId: user.id, field: "status", fromValue: ticket.status, toValue: to } });
        await moveTicketClock(tx, cal, ticket.id, { fromStatus: ticket.status, retarget: false });
      } else {
        await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date() } });
      }
      const event = internal ? "note" : staffSide ? "staffReply" : "clientReply";
      await notifyTicketEvent(tx, event, ticket, user.id, { messageId: message.id, detail: status ?? null });
      await queueTicketMails(tx, event, ticket, user.id, { messageId: message.id, status: status ?? null });
      return { id: message.id };
    }),
  );
}

/** The time stamps a status move sets or clears. */
function statusStamps(status: TicketStatus): Prisma.TicketUncheckedUpdateInput {
  if (status === "RESOLVED") return { resolvedAt: new Date() };
  if (status === "CLOSED") return { closedAt: new Date() };
  if (status === "OPEN") return { resolvedAt: null, closedAt: null };
  return {};
}

// ------------------------------------------------------------------ Ambil (assign to me)

/**
 * "Ambil": the acting user becomes the assignee — one history line, the same checks as assigning in
 * the staff panel (Staff only on their department's tickets; a manager on any). A ticket already
 * theirs or closed is refused with a message, not silently kept.
 */
export async function takeTicket(user: SessionUser, ticketId: string) {
  const ticket = await findScopedTicket(user, ticketId);
  if (!canTake(user, ticket)) throw new UserFacingError(ticket.assigneeId === user.id ? "tickets.take.errors.alreadyYours" : "errors.forbidden");
  return updateTicket(user, { ticketId, assigneeId: user.id });
}

// ------------------------------------------------------------------ status / priority / department / assignee

type Change = { field: string; from: string | null; to: string | null };

export async function updateTicket(user: SessionUser, input: UpdateTicketInput) {
  const settings = await getSettings("ticket");
  const ticket = await findScopedTicket(user, input.ticketId);

  if (!can(user, "tickets.work")) {
    // Clients: no priority, department or assignee; status only as rules.ts allows.
    if (input.priority !== undefined || input.departmentId !== undefined || input.assigneeId !== undefined) {
      throw new UserFacingError("errors.forbidden");
    }
  }
  if (input.status !== undefined && input.status !== ticket.status && !statusChoices(user, ticket, settings).includes(input.status)) {
    throw new UserFacingError("errors.forbidden");
  }

  const departmentId = await targetDepartment(ticket.departmentId, input.departmentId);
  const assigneeId = await targetAssignee(ticket, departmentId, input.assigneeId);

  const changes: Change[] = [];
  const data: Prisma.TicketUncheckedUpdateInput = {};
  if (input.status !== undefined && input.status !== ticket.status) {
    changes.push({ field: "status", from: ticket.status, to: input.status });
    Object.assign(data, { status: input.status, ...statusStamps(input.status) });
  }
  if (input.priority !== undefined && input.priority !== ticket.priority) {
    changes.push({ field: "priority", from: ticket.priority, to: input.priority });
    data.priority = input.priority;
    // Choosing a priority settles the client's suggestion, if one waits.
    data.priorityReviewedAt = new Date();
  }
  if (departmentId !== ticket.departmentId) {
    changes.push({ field: "department", from: ticket.departmentId, to: departmentId });
    data.departmentId = departmentId;
  }
  if (assigneeId !== ticket.assigneeId) {
    changes.push({ field: "assignee", from: ticket.assigneeId, to: assigneeId });
    data.assigneeId = assigneeId;
  }
  if (!changes.length) return { changed: 0 };
  const cal = await loadWorkingCalendar();

  await db().$transaction(async (tx) => {
    // Guard against a concurrent change: only update the row we read.
    const updated = await tx.ticket.updateMany({ where: { id: ticket.id, updatedAt: ticket.updatedAt }, data });
    if (updated.count !== 1) throw new UserFacingError("tickets.errors.changedMeanwhile");
    if (data.status || data.priority || data.departmentId) {
      await moveTicketClock(tx, cal, ticket.id, { fromStatus: ticket.status, retarget: !!(data.priority || data.departmentId) });
    }
    // One millisecond apart, so the history keeps the order of the changes.
    const now = Date.now();
    await tx.ticketActivity.createMany({
      data: changes.map((c, i) => ({ ticketId: ticket.id, actorId: user.id, field: c.field, fromValue: c.from, toValue: c.to, createdAt: new Date(now + i) })),
    });
    const after = { ...ticket, departmentId, assigneeId };
    if (data.assigneeId) {
      await notifyTicketEvent(tx, "assigned", after, user.id);
      await queueTicketMails(tx, "assigned", after, user.id);
    }
    if (data.status) {
      await notifyTicketEvent(tx, "status", after, user.id, { detail: String(data.status) });
      await queueTicketMails(tx, "status", after, user.id, { status: String(data.status) });
    }
  });
  return { changed: changes.length };
}

async function targetDepartment(current: string, requested: string | undefined): Promise<string> {
  if (requested === undefined || requested === current) return current;
  const dept = await db().department.findFirst({ where: { id: requested, active: true }, select: { id: true } });
  if (!dept) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });
  return dept.id;
}

/**
 * "" unassigns; an assignee must be active Staff of the (new) department, or an active manager (who
 * sees every ticket, and may take one with "Ambil").
 */
async function targetAssignee(ticket: { assigneeId: string | null; departmentId: string }, departmentId: string, requested: string | undefined) {
  const assigneeId = requested === undefined ? ticket.assigneeId : requested || null;
  if (!assigneeId || (assigneeId === ticket.assigneeId && departmentId === ticket.departmentId)) return assigneeId;
  const staff = await db().user.findFirst({
    where: { id: assigneeId, active: true, OR: [{ role: "STAFF", departmentId }, { role: { in: [...rolesWith("tickets.seeAll")] } }] },
    select: { id: true },
  });
  if (staff) return assigneeId;
  // Moving a ticket to another department drops an assignee who does not work there.
  if (requested === undefined) return null;
  throw new UserFacingError("tickets.errors.assigneeNotInDepartment", { field: "assigneeId" });
}

// ------------------------------------------------------------------ rating

export async function rateTicket(user: SessionUser, input: { ticketId: string; rating: number; comment?: string }) {
  const ticket = await findScopedTicket(user, input.ticketId);
  if (ticket.clientId !== user.id) throw new UserFacingError("errors.forbidden");
  if (!canRate(user, ticket)) throw new UserFacingError("tickets.errors.notResolved");
  await db().$transaction(async (tx) => {
    await tx.ticket.update({
      where: { id: ticket.id },
      data: { rating: input.rating, ratingComment: input.comment || null, ratedAt: new Date() },
    });
    await tx.ticketActivity.create({
      data: { ticketId: ticket.id, actorId: user.id, field: "rating", fromValue: ticket.rating?.toString() ?? null, toValue: String(input.rating) },
    });
  });
}
