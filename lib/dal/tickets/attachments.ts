import "server-only";
import { db, Prisma } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import { attachmentStorage, storageFor } from "@/lib/storage";
import { detectContentType, RASTER_IMAGE_EXTENSIONS } from "@/lib/storage/file-check";
import { fileExtension } from "@/lib/validation/tickets";
import { isUuid, scopeOf, ticketScopeSql, TicketNotFoundError } from "./scope";

type Tx = Prisma.TransactionClient;

export type PreparedFile = { fileName: string; contentType: string; size: number; data: Buffer };
export type StoredFile = PreparedFile & { driver: string; key: string };

/** File names are shown and used in Content-Disposition: no paths, control characters or quotes. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(-150);
  return cleaned || "lampiran";
}

/** Raster images of a matching type may be shown inline; everything else is a download. */
export function isPreviewable(a: { fileName: string; contentType: string }): boolean {
  return RASTER_IMAGE_EXTENSIONS.has(fileExtension(a.fileName)) && a.contentType.startsWith("image/");
}

/** Reads and checks every file before anything is stored: one refused file refuses them all. */
export async function prepareFiles(files: File[]): Promise<PreparedFile[]> {
  const settings = await getSettings("ticket");
  if (files.length > settings.maxFilesPerMessage) {
    throw new UserFacingError("validation.attachmentsTooMany", { field: "attachments", values: { max: settings.maxFilesPerMessage } });
  }
  const prepared: PreparedFile[] = [];
  for (const file of files) {
    const fileName = cleanFileName(file.name);
    const ext = fileExtension(fileName);
    if (!settings.allowedExtensions.includes(ext) || /\.(php\d?|phtml|phar|html?|svgz?|js|exe|sh)\./i.test(fileName)) {
      throw new UserFacingError("validation.attachmentType", { field: "attachments", values: { name: fileName } });
    }
    if (file.size > settings.maxFileSizeMb * 1024 * 1024) {
      throw new UserFacingError("validation.attachmentTooLarge", { field: "attachments", values: { name: fileName, max: settings.maxFileSizeMb } });
    }
    const data = Buffer.from(await file.arrayBuffer());
    const contentType = detectContentType(ext, data);
    if (!contentType) throw new UserFacingError("attachments.errors.contentMismatch", { field: "attachments", values: { name: fileName } });
    prepared.push({ fileName, contentType, size: data.length, data });
  }
  return prepared;
}

/**
 * Stores the files, then runs `work` (the database transaction). If the transaction fails, the
 * stored files are deleted again, so no orphan stays behind.
 */
export async function withStoredFiles<T>(files: PreparedFile[], work: (stored: StoredFile[]) => Promise<T>): Promise<T> {
  const storage = attachmentStorage();
  const stored: StoredFile[] = [];
  try {
    for (const f of files) stored.push({ ...f, driver: storage.driver, key: await storage.put(f.data, f) });
    return await work(stored);
  } catch (error) {
    await Promise.allSettled(stored.map((s) => storage.delete(s.key)));
    throw error;
  }
}

/** The attachment rows of stored files, on the ticket itself (messageId null) or on one message. */
export async function insertAttachments(tx: Tx, at: { ticketId: string; messageId: string | null; uploaderId: string }, stored: StoredFile[]) {
  if (!stored.length) return;
  await tx.attachment.createMany({
    data: stored.map((s) => ({ ...at, fileName: s.fileName, contentType: s.contentType, size: s.size, driver: s.driver, storageKey: s.key })),
  });
}

export type AttachmentView = { id: string; fileName: string; size: number; contentType: string; previewable: boolean };

export function attachmentView(a: { id: string; fileName: string; size: number; contentType: string }): AttachmentView {
  return { ...a, previewable: isPreviewable(a) };
}

/** An attachment of a ticket this user may see, never one on an internal note for a client. */
export async function openAttachment(user: SessionUser, attachmentId: string) {
  if (!isUuid(attachmentId)) throw new TicketNotFoundError();
  const scope = await scopeOf(user);
  const visible = can(user, "tickets.work") ? Prisma.sql`TRUE` : Prisma.sql`(a."messageId" IS NULL OR m."internal" = false)`;
  const [attachment] = await db().$queryRaw<{ fileName: string; contentType: string; size: number; driver: string; storageKey: string }[]>`
    SELECT a."fileName", a."contentType", a."size", a."driver", a."storageKey"
    FROM "Attachment" a JOIN "Ticket" s ON s."id" = a."ticketId" LEFT JOIN "TicketMessage" m ON m."id" = a."messageId"
    -- Through its own ticket, or the ticket that one was merged into (whose page shows it).
    JOIN "Ticket" t ON t."id" = s."id" OR t."id" = s."mergedIntoId"
    WHERE a."id" = ${attachmentId}::uuid AND ${ticketScopeSql(scope)} AND ${visible}
    LIMIT 1`;
  if (!attachment) throw new TicketNotFoundError();
  const stream = await storageFor(attachment.driver).get(attachment.storageKey);
  return { fileName: attachment.fileName, contentType: attachment.contentType, size: attachment.size, inline: isPreviewable(attachment), stream };
}
