import "server-only";
import { db, Prisma } from "@/lib/db";
import { assertCan, can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import { getDateTimeFormatter } from "@/lib/format";
import { log } from "@/lib/log";
import { storageFor } from "@/lib/storage";
import { fillVariables } from "@/lib/canned-replies/variables";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";
import { prepareFiles, withStoredFiles, type PreparedFile, type StoredFile } from "./tickets/attachments";
import { findScopedTicket } from "./tickets/scope";

type Tx = Prisma.TransactionClient;

export const CANNED_REPLY_PAGE_SIZE = 20;
/** The reply box's menu shows at most this many matches (typing narrows them). */
export const CANNED_MENU_LIMIT = 8;

const editSelect = {
  id: true,
  title: true,
  body: true,
  departmentId: true,
  updatedAt: true,
  department: { select: { name: true } },
  attachments: { select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } },
} as const;

// ------------------------------------------------------------------ managing (Admin, Super Admin)

/** The admin list: one page, by title, searched in title and text. */
export async function listCannedReplies(actor: SessionUser, query: { q?: string; page: number }) {
  assertCan(actor, "cannedReplies.manage");
  const q = query.q?.trim();
  const where: Prisma.CannedReplyWhereInput = q
    ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { body: { contains: q, mode: "insensitive" } }] }
    : {};
  const [total, rows] = await Promise.all([
    db().cannedReply.count({ where }),
    db().cannedReply.findMany({
      where,
      select: { id: true, title: true, departmentId: true, department: { select: { name: true } }, _count: { select: { attachments: true } } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * CANNED_REPLY_PAGE_SIZE,
      take: CANNED_REPLY_PAGE_SIZE,
    }),
  ]);
  return { total, rows };
}

export async function getCannedReplyForEdit(actor: SessionUser, id: string) {
  assertCan(actor, "cannedReplies.manage");
  return db().cannedReply.findUnique({ where: { id }, select: editSelect });
}

export type CannedReplyData = { title: string; body: string; departmentId: string; attachments: File[] };

/** A department chosen for a canned reply must exist and be active (the one it already has may stay). */
async function departmentOf(tx: Tx, departmentId: string, keep?: string | null): Promise<string | null> {
  if (!departmentId) return null;
  const dept = await tx.department.findUnique({ where: { id: departmentId }, select: { active: true } });
  if (!dept || (!dept.active && departmentId !== keep)) throw new UserFacingError("cannedReplies.errors.department", { field: "departmentId" });
  return departmentId;
}

const attachmentRows = (cannedReplyId: string, stored: StoredFile[]) =>
  stored.map((s) => ({ cannedReplyId, fileName: s.fileName, contentType: s.contentType, size: s.size, driver: s.driver, storageKey: s.key }));

/** Files are checked against the ticket settings (a canned reply's files end up on a reply), stored, then the rows written; a failed save deletes them again. */
export async function createCannedReply(actor: SessionUser, input: CannedReplyData) {
  assertCan(actor, "cannedReplies.manage");
  const files = await prepareFiles(input.attachments);
  return withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const departmentId = await departmentOf(tx, input.departmentId);
      const created = await tx.cannedReply.create({ data: { title: input.title, body: input.body, departmentId }, select: { id: true } });
      if (stored.length) await tx.cannedReplyAttachment.createMany({ data: attachmentRows(created.id, stored) });
      await recordAudit(tx, { actor, action: "cannedReply.create", target: `cannedReply:${created.id}`, after: { title: input.title, departmentId, files: files.map((f) => f.fileName) } });
      return { id: created.id };
    }),
  );
}

export async function updateCannedReply(actor: SessionUser, input: CannedReplyData & { id: string; removeAttachmentIds: string[] }) {
  assertCan(actor, "cannedReplies.manage");
  const [before, settings] = await Promise.all([db().cannedReply.findUnique({ where: { id: input.id }, select: editSelect }), getSettings("ticket")]);
  if (!before) throw new UserFacingError("cannedReplies.errors.notFound");
  const kept = before.attachments.filter((a) => !input.removeAttachmentIds.includes(a.id));
  if (kept.length + input.attachments.length > settings.maxFilesPerMessage) {
    throw new UserFacingError("validation.attachmentsTooMany", { field: "attachments", values: { max: settings.maxFilesPerMessage } });
  }
  const files = await prepareFiles(input.attachments);
  const removed = await withStoredFiles(files, (stored) =>
    db().$transaction(async (tx) => {
      const departmentId = await departmentOf(tx, input.departmentId, before.departmentId);
      await tx.cannedReply.update({ where: { id: input.id }, data: { title: input.title, body: input.body, departmentId } });
      const gone = await tx.cannedReplyAttachment.findMany({
        where: { cannedReplyId: input.id, id: { in: input.removeAttachmentIds } },
        select: { id: true, driver: true, storageKey: true },
      });
      await tx.cannedReplyAttachment.deleteMany({ where: { id: { in: gone.map((g) => g.id) } } });
      if (stored.length) await tx.cannedReplyAttachment.createMany({ data: attachmentRows(input.id, stored) });
      await recordAudit(tx, {
        actor,
        action: "cannedReply.update",
        target: `cannedReply:${input.id}`,
        before: { title: before.title, departmentId: before.departmentId, files: before.attachments.map((a) => a.fileName) },
        after: { title: input.title, departmentId, files: [...kept.map((a) => a.fileName), ...files.map((f) => f.fileName)] },
      });
      return gone;
    }),
  );
  await deleteStored(removed);
  return { id: input.id };
}

export async function deleteCannedReply(actor: SessionUser, id: string) {
  assertCan(actor, "cannedReplies.manage");
  const gone = await db().$transaction(async (tx) => {
    const before = await tx.cannedReply.findUnique({ where: { id }, select: { title: true, departmentId: true, attachments: { select: { driver: true, storageKey: true } } } });
    if (!before) throw new UserFacingError("cannedReplies.errors.notFound");
    await tx.cannedReply.delete({ where: { id } });
    await recordAudit(tx, { actor, action: "cannedReply.delete", target: `cannedReply:${id}`, before: { title: before.title, departmentId: before.departmentId } });
    return before.attachments;
  });
  await deleteStored(gone);
  return { id };
}

/** Files whose rows are gone (committed): removed from storage; a failure is logged, never undoes the save. */
async function deleteStored(files: { driver: string; storageKey: string }[]) {
  const results = await Promise.allSettled(files.map((f) => storageFor(f.driver).delete(f.storageKey)));
  for (const r of results) if (r.status === "rejected") log.warn({ kind: "canned-reply-file", err: r.reason }, "a canned reply's file could not be deleted");
}

// ------------------------------------------------------------------ using them (the staff side, in the reply box)

/**
 * Which canned replies a user may insert on a ticket: the global ones, and one department's — Staff
 * their own department's, a manager (who belongs to none) the ticket's.
 */
async function visibleDepartment(user: SessionUser, ticket: { departmentId: string }): Promise<string | null> {
  if (can(user, "tickets.seeAll")) return ticket.departmentId;
  const me = await db().user.findUnique({ where: { id: user.id }, select: { departmentId: true } });
  return me?.departmentId ?? null;
}

const visibleWhere = (departmentId: string | null): Prisma.CannedReplyWhereInput =>
  departmentId ? { OR: [{ departmentId: null }, { departmentId }] } : { departmentId: null };

export type CannedReplyChoice = { id: string; title: string; body: string; global: boolean; attachments: { id: string; fileName: string; size: number }[] };

/**
 * The reply box's menu for one ticket: the first matches by title (or text), each with its text
 * already filled from the ticket. An unknown {{…}} stays as typed. Not found for a ticket the user
 * may not see.
 */
export async function searchCannedRepliesForTicket(user: SessionUser, input: { ticketId: string; q: string }): Promise<CannedReplyChoice[]> {
  assertCan(user, "tickets.work");
  const ticket = await findScopedTicket(user, input.ticketId);
  const departmentId = await visibleDepartment(user, ticket);
  const q = input.q.trim();
  const [rows, facts, when] = await Promise.all([
    db().cannedReply.findMany({
      where: { AND: [visibleWhere(departmentId), q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { body: { contains: q, mode: "insensitive" } }] } : {}] },
      select: { id: true, title: true, body: true, departmentId: true, attachments: { select: { id: true, fileName: true, size: true }, orderBy: { createdAt: "asc" } } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: CANNED_MENU_LIMIT,
    }),
    db().ticket.findUniqueOrThrow({
      where: { id: ticket.id },
      select: { number: true, resolutionDueAt: true, client: { select: { name: true } }, department: { select: { name: true } } },
    }),
    getDateTimeFormatter(),
  ]);
  const values = {
    nama_klien: facts.client.name,
    nomor_tiket: facts.number,
    nama_petugas: user.name,
    departemen: facts.department.name,
    batas_waktu: facts.resolutionDueAt ? when(facts.resolutionDueAt) : "-",
  };
  return rows.map((r) => ({ id: r.id, title: r.title, body: fillVariables(r.body, values), global: r.departmentId === null, attachments: r.attachments }));
}

/**
 * The files of inserted canned replies, read for a reply to this ticket: only those the user may
 * insert here. Each becomes the reply's own copy (stored again with the reply), so editing or
 * deleting the canned reply never touches a sent reply.
 */
export async function cannedFilesForReply(user: SessionUser, ticket: { departmentId: string }, ids: string[]): Promise<PreparedFile[]> {
  if (!ids.length) return [];
  assertCan(user, "tickets.work");
  const unique = [...new Set(ids)];
  const rows = await db().cannedReplyAttachment.findMany({
    where: { id: { in: unique }, cannedReply: visibleWhere(await visibleDepartment(user, ticket)) },
    select: { fileName: true, contentType: true, size: true, driver: true, storageKey: true },
  });
  if (rows.length !== unique.length) throw new UserFacingError("tickets.canned.errors.attachmentGone", { field: "attachments" });
  return Promise.all(
    rows.map(async (r) => {
      const chunks: Buffer[] = [];
      for await (const chunk of await storageFor(r.driver).get(r.storageKey)) chunks.push(Buffer.from(chunk));
      const data = Buffer.concat(chunks);
      return { fileName: r.fileName, contentType: r.contentType, size: data.length, data };
    }),
  );
}
