import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import type { UpdateTicketInput } from "@/lib/validation/tickets";
import { insertAttachments, prepareFiles, withStoredFiles } from "./attachments";
import { notifyTicketEvent } from "./recipients";
import { queueTicketMails } from "@/lib/mail/outbox";
import { canRate, canReply, statusChoices } from "./rules";
import { findScopedTicket } from "./scope";
import { moveTicketClock, recordTicketFirstResponse } from "./sla";
import { loadWorkingCalendar } from "@/lib/dal/sla";

// ------------------------------------------------------------------ reply / internal note

export async function replyToTicket(user: SessionUser, input: { ticketId: string; body: string; internal?: boolean; attachments: File[] }) {
  const staffSide = can(user, "tickets.work");
  const internal = !!input.internal;
  if (internal && !staffSide) throw new UserFacingError("errors.forbidden");
  const ticket = await findScopedTicket(user, input.ticketId);
  if (!canReply(user, ticket)) throw new UserFacingError("tickets.errors.closed");
  const files = await prepareFiles(input.attachments);
  const cal = await loadWorkingCalendar();

  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const message = await tx.ticketMessage.create({
        data: { ticketId: ticket.id, authorId: user.id, body: input.body, internal },
        select: { id: true },
      });
      await insertAttachments(tx, { ticketId: ticket.id, messageId: message.id, uploaderId: user.id }, stored);
      // A client's answer to "waiting on client" hands the ticket back to staff.
      if (!staffSide && ticket.status === "WAITING") {
        await tx.ticket.update({ where: { id: ticket.id }, data: { status: "OPEN" } });
        await tx.ticketActivity.create({ data: { ticketId: ticket.id, actorId: user.id, field: "status", fromValue: "WAITING", toValue: "OPEN" } });
        await moveTicketClock(tx, cal, ticket.id, { fromStatus: "WAITING", retarget: false });
      } else {
        await tx.ticket.update({ where: { id: ticket.id }, data: { updatedAt: new Date() } });
      }
      if (staffSide && !internal) await recordTicketFirstResponse(tx, cal, ticket.id);
      const event = internal ? "note" : staffSide ? "staffReply" : "clientReply";
      await notifyTicketEvent(tx, event, ticket, user.id);
      await queueTicketMails(tx, event, ticket, user.id, { messageId: message.id });
      return { id: message.id };
    }),
  );
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
    data.status = input.status;
    if (input.status === "RESOLVED") data.resolvedAt = new Date();
    if (input.status === "CLOSED") data.closedAt = new Date();
    if (input.status === "OPEN") {
      data.resolvedAt = null;
      data.closedAt = null;
    }
  }
  if (input.priority !== undefined && input.priority !== ticket.priority) {
    changes.push({ field: "priority", from: ticket.priority, to: input.priority });
    data.priority = input.priority;
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
      await notifyTicketEvent(tx, "status", after, user.id);
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

/** "" unassigns; an assignee must be active Staff of the (new) department. */
async function targetAssignee(ticket: { assigneeId: string | null; departmentId: string }, departmentId: string, requested: string | undefined) {
  const assigneeId = requested === undefined ? ticket.assigneeId : requested || null;
  if (!assigneeId || (assigneeId === ticket.assigneeId && departmentId === ticket.departmentId)) return assigneeId;
  const staff = await db().user.findFirst({ where: { id: assigneeId, role: "STAFF", active: true, departmentId }, select: { id: true } });
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
