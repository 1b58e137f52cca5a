import "server-only";
import { db } from "@/lib/db";
import { MANAGERS } from "@/lib/auth/roles";
import type { ContactInput } from "@/lib/validation/contact";
import { assertRole } from "./session";
import type { SessionUser } from "./users";

export const CONTACT_PAGE_SIZE = 20;

/** Anyone may leave a message; the action has checked captcha / honeypot and the rate limit. */
export async function saveContactMessage(input: ContactInput, ip: string) {
  return db().contactMessage.create({
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
}

export type ContactListFilter = { status?: "NEW" | "HANDLED"; q?: string; page: number };

export async function listContactMessages(actor: SessionUser, filter: ContactListFilter) {
  assertRole(actor, MANAGERS);
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
  assertRole(actor, MANAGERS);
  return db().contactMessage.count({ where: { status: "NEW" } });
}

/** The message, or null (→ 404) for an unknown id. */
export async function getContactMessage(actor: SessionUser, id: string) {
  assertRole(actor, MANAGERS);
  return db().contactMessage.findUnique({ where: { id } });
}

export async function setContactMessageStatus(actor: SessionUser, id: string, status: "NEW" | "HANDLED") {
  assertRole(actor, MANAGERS);
  const { count } = await db().contactMessage.updateMany({
    where: { id },
    data: status === "HANDLED" ? { status, handledAt: new Date(), handledById: actor.id } : { status, handledAt: null, handledById: null },
  });
  return count === 1;
}
