import "server-only";
import { UserFacingError } from "@/lib/errors";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { queueContactMails } from "@/lib/mail/outbox";
import { normalizeIdentifier } from "@/lib/auth/identity";
import { createManagedUser } from "./people";
import { createTicket } from "./tickets";
import { assertCan } from "@/lib/auth/permissions";
import type { ContactInput } from "@/lib/validation/contact";
import type { SessionUser } from "./users";

export const CONTACT_PAGE_SIZE = 20;

/** Anyone may leave a message; the action has checked captcha / honeypot and the rate limit. */
export async function saveContactMessage(input: ContactInput, ip: string) {
  return db().$transaction(async (tx) => {
    const saved = await tx.contactMessage.create({
      data: {
        name: input.name,
        email: input.email.toLowerCase(),
        phone: input.phone ?? null,
        agency: input.agency ?? null,
        subject: input.subject,
        message: input.message,
        ip,
      },
      select: { id: true },
    });
    await queueContactMails(tx, saved.id);
    return saved;
  });
}

export type ContactListFilter = { status?: "NEW" | "HANDLED"; q?: string; page: number };

export async function listContactMessages(actor: SessionUser, filter: ContactListFilter) {
  assertCan(actor, "inbox.manage");
  const q = filter.q?.trim();
  const where = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(q
      ? {
          OR: [
            { subject: { contains: q, mode: "insensitive" as const } },
            { name: { contains: q, mode: "insensitive" as const } },
            { email: { contains: q, mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  // One row more than a page tells whether there is a next page without counting the table.
  const rows = await db().contactMessage.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (filter.page - 1) * CONTACT_PAGE_SIZE,
    take: CONTACT_PAGE_SIZE + 1,
    select: { id: true, name: true, email: true, agency: true, subject: true, status: true, createdAt: true },
  });
  return { rows: rows.slice(0, CONTACT_PAGE_SIZE), hasNext: rows.length > CONTACT_PAGE_SIZE };
}

export async function countNewContactMessages(actor: SessionUser): Promise<number> {
  assertCan(actor, "inbox.manage");
  return db().contactMessage.count({ where: { status: "NEW" } });
}

/** The message, or null (→ 404) for an unknown id. */
export async function getContactMessage(actor: SessionUser, id: string) {
  assertCan(actor, "inbox.manage");
  return db().contactMessage.findUnique({ where: { id } });
}

export async function setContactMessageStatus(actor: SessionUser, id: string, status: "NEW" | "HANDLED") {
  assertCan(actor, "inbox.manage");
  const { count } = await db().contactMessage.updateMany({
    where: { id },
    data: status === "HANDLED" ? { status, handledAt: new Date(), handledById: actor.id } : { status, handledAt: null, handledById: null },
  });
  return count === 1;
}

/**
 * "Jadikan tiket": files the message as a ticket for the client with the sender's e-mail, creating
 * that client account (in the chosen OPD, random password an admin can reset) when there is none.
 */
export async function convertContactMessageToTicket(
  actor: SessionUser,
  input: { id: string; departmentId: string; agencyId?: string },
): Promise<{ number: string; newClient: boolean }> {
  assertCan(actor, "inbox.manage");
  const message = await db().contactMessage.findUnique({ where: { id: input.id } });
  if (!message) throw new UserFacingError("inbox.notFound");
  if (message.convertedTicketId) throw new UserFacingError("inbox.alreadyConverted");

  // Checked before any account is created, so a refused conversion leaves nothing behind.
  const department = await db().department.findFirst({ where: { id: input.departmentId, active: true }, select: { id: true } });
  if (!department) throw new UserFacingError("tickets.errors.unknownDepartment", { field: "departmentId" });

  const email = normalizeIdentifier(message.email);
  const existing = await db().user.findUnique({ where: { email }, select: { id: true, role: true, active: true } });
  if (existing && (existing.role !== "CLIENT" || !existing.active)) throw new UserFacingError("inbox.emailNotClient");

  let clientId = existing?.id;
  if (!clientId) {
    if (!input.agencyId) throw new UserFacingError("inbox.agencyRequired", { field: "agencyId" });
    const base = email.split("@")[0]!.replace(/[^a-z0-9._-]/g, "").slice(0, 40) || "client";
    const taken = await db().user.findUnique({ where: { username: base }, select: { id: true } });
    const created = await createManagedUser(
      actor,
      "client",
      {
        name: message.name,
        username: taken ? `${base}-${randomBytes(3).toString("hex")}` : base,
        email,
        password: randomBytes(18).toString("base64url"),
        agencyId: input.agencyId,
      },
    );
    clientId = created.id;
  }

  // Claim the message first, so two admins converting at once cannot file it twice.
  const claimed = await db().contactMessage.updateMany({
    where: { id: message.id, status: message.status, convertedTicketId: null, handledAt: message.handledAt },
    data: { status: "HANDLED", handledAt: new Date(), handledById: actor.id },
  });
  if (claimed.count !== 1) throw new UserFacingError("inbox.alreadyConverted");
  try {
    const ticket = await createTicket(actor, {
      departmentId: input.departmentId,
      subject: message.subject,
      description: message.message,
      clientId,
      attachments: [],
    });
    await db().contactMessage.update({ where: { id: message.id }, data: { convertedTicketId: ticket.id } });
    return { number: ticket.number, newClient: !existing };
  } catch (error) {
    await db().contactMessage.update({
      where: { id: message.id },
      data: { status: message.status, handledAt: message.handledAt, handledById: message.handledById },
    });
    throw error;
  }
}

/** The ticket number a converted message became, for the inbox page. */
export async function convertedTicketNumber(actor: SessionUser, ticketId: string | null): Promise<string | null> {
  assertCan(actor, "inbox.manage");
  if (!ticketId) return null;
  const ticket = await db().ticket.findUnique({ where: { id: ticketId }, select: { number: true } });
  return ticket?.number ?? null;
}
