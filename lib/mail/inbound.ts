import "server-only";
import { createHash } from "node:crypto";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { clean, log as logger } from "@/lib/log";
import { UserFacingError } from "@/lib/errors";
import { getSettings } from "@/lib/dal/settings";
import type { SessionUser } from "@/lib/dal/users";
import { createTicket, replyToTicket, updateTicket } from "@/lib/dal/tickets";
import { prepareFiles } from "@/lib/dal/tickets/attachments";
import { findScopedTicket } from "@/lib/dal/tickets/scope";
import { mergeTargetOf, replyToMergedTicket } from "@/lib/dal/tickets/relations";
import { canReply, clientStatusChoices } from "@/lib/dal/tickets/rules";
import { BODY_MAX, SUBJECT_MAX } from "@/lib/validation/tickets";
import { mailFromAddress, replyAddress } from "./config";
import { parseReplyAddress, referencedOutboxIds, replyTagMatches } from "./reply-token";
import { queueContactMails, queueMail } from "./outbox";
import { REPLY_MARKER } from "./templates/layout";

export type InboundResult = { outcome: string; ticketId?: string | null };

/** At most this many refusal mails to one address per hour: two auto-responders cannot loop through us. */
const REFUSALS_PER_HOUR = 3;

const log = (outcome: string, info: Record<string, unknown>) => logger.info({ kind: "mail-in", outcome, ...info }, `mail-in ${outcome}`);

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((a) => a.value.map((v) => (v.address ?? "").toLowerCase())).filter(Boolean);
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.join(" ");
  if (typeof value === "object" && "value" in value) return String((value as { value: unknown }).value);
  return String(value);
}

/** Mails no one typed: auto-replies, list and bulk mail, bounces. They never create anything. */
function automatedReason(mail: ParsedMail, from: string): string | null {
  const autoSubmitted = headerText(mail, "auto-submitted").trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== "no") return "autoReply";
  if (/^(bulk|junk|list|auto_reply)$/i.test(headerText(mail, "precedence").trim())) return "autoReply";
  if (mail.headers.has("x-autoreply") || mail.headers.has("x-autorespond") || mail.headers.has("list-id")) return "autoReply";
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return "bounce";
  const contentType = headerText(mail, "content-type").toLowerCase();
  if (contentType.includes("multipart/report") || contentType.includes("delivery-status")) return "bounce";
  return null;
}

/** The new text of a reply: everything above our marker line or the mail client's quote header. */
export function stripQuotedHistory(text: string): string {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    const l = line.trim();
    if (l.includes(REPLY_MARKER) || l.includes("##- ketik balasan")) break;
    if (/^(on\b.{0,200}\bwrote:|pada\b.{0,200}\bmenulis:)$/i.test(l)) break;
    if (/^-{2,}\s*(original message|pesan asli|forwarded message)\s*-{2,}$/i.test(l)) break;
    if (/^(from|dari):\s.+/i.test(l) && out.length > 0 && out[out.length - 1]!.trim() === "") break;
    out.push(line);
  }
  // Drop trailing ">" quotes and blank lines the client left below the answer.
  while (out.length && (/^\s*>/.test(out[out.length - 1]!) || !out[out.length - 1]!.trim())) out.pop();
  return out.filter((line) => !/^\s*>/.test(line)).join("\n").trim();
}

async function sessionUserByEmail(email: string): Promise<SessionUser | null> {
  const user = await db().user.findFirst({
    where: { email, active: true },
    select: { id: true, name: true, username: true, email: true, role: true, avatar: true, sessionVersion: true },
  });
  return user;
}

/** Attachments one by one through the web form's checks: the good ones kept, the rest named. */
async function screenAttachments(mail: ParsedMail): Promise<{ files: File[]; refused: string[] }> {
  const settings = await getSettings("ticket");
  const files: File[] = [];
  const refused: string[] = [];
  for (const a of mail.attachments ?? []) {
    if (a.related && a.contentDisposition === "inline") continue; // inline images of a signature
    const name = a.filename || "lampiran";
    const file = new File([new Uint8Array(a.content)], name, { type: a.contentType });
    try {
      await prepareFiles([file]);
      if (files.length >= settings.maxFilesPerMessage) throw new UserFacingError("validation.attachmentsTooMany");
      files.push(file);
    } catch (error) {
      if (!(error instanceof UserFacingError)) throw error;
      refused.push(name);
    }
  }
  return { files, refused };
}

/** Tells the sender something could not be done, unless they were told too often lately. */
async function refuse(to: string, locale: string, kind: "replyRefused" | "inboundRefused", ticketId: string | null, payload: Record<string, unknown>) {
  const recent = await db().emailOutbox.count({
    where: { toAddress: to, kind: { in: ["replyRefused", "inboundRefused"] }, createdAt: { gte: new Date(Date.now() - 3600_000) } },
  });
  if (recent >= REFUSALS_PER_HOUR) return;
  await queueMail(db(), { kind, to, locale, ticketId, payload });
}

/** The ticket a mail answers: a valid reply token first, then In-Reply-To / References. */
async function matchTicket(mail: ParsedMail, recipients: string[]): Promise<{ ticketId: string | null; forged: boolean }> {
  let forged = false;
  for (const address of recipients) {
    const parsed = parseReplyAddress(address);
    if (!parsed) continue;
    const ticket = await db().ticket.findUnique({ where: { number: parsed.number }, select: { id: true } });
    if (ticket && replyTagMatches(ticket.id, parsed.tag)) return { ticketId: ticket.id, forged: false };
    forged = true;
  }
  const ids = referencedOutboxIds([headerText(mail, "in-reply-to"), headerText(mail, "references")]);
  if (ids.length) {
    const sent = await db().emailOutbox.findFirst({ where: { id: { in: ids }, ticketId: { not: null } }, select: { ticketId: true } });
    if (sent?.ticketId) return { ticketId: sent.ticketId, forged: false };
  }
  return { ticketId: null, forged };
}

/**
 * One mail from the helpdesk's mailbox: a reply to a ticket, a new ticket from a known client, a
 * Kontak message from an unknown sender, or nothing (logged). Claimed by its Message-ID first, so the
 * same mail fetched twice — or by two instances — is handled once.
 */
export async function processInboundMail(raw: Buffer | string): Promise<InboundResult> {
  const mail = await simpleParser(raw, { skipHtmlToText: false });
  const from = (addresses(mail.from)[0] ?? "").replace(/\u0000/g, "");
  const messageId = (mail.messageId?.replace(/\u0000/g, "") || `<${createHash("sha256").update(raw).digest("hex")}@no-message-id>`).slice(0, 500);
  // PostgreSQL text cannot hold NUL; a mail carrying one must not fail (and be retried) forever.
  const subject = (mail.subject ?? "").replace(/\u0000/g, "").trim();

  const claimed = await db().inboundEmail.createMany({
    data: [{ messageId, fromAddress: from || null, subject: subject.slice(0, 500) || null, outcome: "processing" }],
    skipDuplicates: true,
  });
  if (claimed.count === 0) return { outcome: "duplicate" };

  let result: InboundResult;
  try {
    result = await handle(mail, from, subject);
  } catch (error) {
    // Let the next poll try again: nothing was written for this mail.
    await db().inboundEmail.delete({ where: { messageId } }).catch(() => undefined);
    throw error;
  }
  await db().inboundEmail.update({ where: { messageId }, data: { outcome: result.outcome, ticketId: result.ticketId ?? null } });
  log(result.outcome, { messageId: clean(messageId, 200), from: clean(from, 254), ticketId: result.ticketId ?? null });
  return result;
}

async function handle(mail: ParsedMail, from: string, subject: string): Promise<InboundResult> {
  if (!from) return { outcome: "skipped:noSender" };
  const own = [mailFromAddress(), replyAddress()];
  const [ownLocal, ownDomain] = replyAddress().split("@");
  if (own.includes(from) || (from.startsWith(`${ownLocal}+`) && from.endsWith(`@${ownDomain}`))) return { outcome: "skipped:ownAddress" };
  const automated = automatedReason(mail, from);
  if (automated) return { outcome: `skipped:${automated}` };

  const recipients = [
    ...addresses(mail.to),
    ...addresses(mail.cc),
    ...["delivered-to", "x-original-to"].map((h) => headerText(mail, h).toLowerCase().replace(/[<>]/g, "").trim()),
  ].filter(Boolean);
  const { ticketId, forged } = await matchTicket(mail, recipients);
  if (forged && !ticketId) return { outcome: "refused:forgedToken" };

  const text = stripQuotedHistory((mail.text ?? "").replace(/\u0000/g, "")).slice(0, BODY_MAX);
  const user = await sessionUserByEmail(from);
  const locale = user ? ((await db().user.findUnique({ where: { id: user.id }, select: { locale: true } }))?.locale ?? "id") : "id";

  if (ticketId) {
    if (!user) return toContactInbox(mail, from, subject, text);
    // A reply to a ticket merged into another belongs to the other. Its client may not see that one
    // (another client of the same OPD): their reply is still added there, as theirs.
    const target = await mergeTargetOf(ticketId);
    if (target && !(await mayOpen(user, target))) return replyThroughMerge(user, locale, mail, ticketId, text);
    return replyByMail(user, locale, mail, target ?? ticketId, text);
  }

  // Only the client side files tickets by mail; staff answer through a ticket's reply address.
  if (user && !can(user, "tickets.work")) return newTicketByMail(user, locale, mail, subject, text);
  if (user) return { outcome: "skipped:staffWithoutTicket" };
  return toContactInbox(mail, from, subject, text);
}

async function replyByMail(user: SessionUser, locale: string, mail: ParsedMail, ticketId: string, text: string): Promise<InboundResult> {
  let ticket;
  try {
    ticket = await findScopedTicket(user, ticketId);
  } catch (error) {
    if (error instanceof UserFacingError) return { outcome: "refused:notAllowed", ticketId };
    throw error;
  }
  if (!canReply(user, ticket)) {
    const settings = await getSettings("ticket");
    const reopen = ticket.clientId === user.id && clientStatusChoices(ticket, settings).includes("OPEN");
    if (!reopen) {
      await refuse(user.email, locale, "replyRefused", ticketId, { reason: "closed" });
      return { outcome: "refused:closed", ticketId };
    }
    await updateTicket(user, { ticketId, status: "OPEN" });
  }
  if (!text) return { outcome: "skipped:empty", ticketId };
  const { files, refused } = await screenAttachments(mail);
  await replyToTicket(user, { ticketId, body: text, attachments: files });
  if (refused.length) await refuse(user.email, locale, "replyRefused", ticketId, { reason: "attachments", files: refused.join(", ") });
  return { outcome: "reply", ticketId };
}

async function mayOpen(user: SessionUser, ticketId: string): Promise<boolean> {
  try {
    await findScopedTicket(user, ticketId);
    return true;
  } catch (error) {
    if (error instanceof UserFacingError) return false;
    throw error;
  }
}

async function replyThroughMerge(user: SessionUser, locale: string, mail: ParsedMail, sourceId: string, text: string): Promise<InboundResult> {
  if (!text) return { outcome: "skipped:empty", ticketId: sourceId };
  const { files, refused } = await screenAttachments(mail);
  let ticketId: string;
  try {
    ({ ticketId } = await replyToMergedTicket(user, sourceId, { body: text, attachments: files }));
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    return { outcome: "refused:notAllowed", ticketId: sourceId };
  }
  if (refused.length) await refuse(user.email, locale, "replyRefused", ticketId, { reason: "attachments", files: refused.join(", ") });
  return { outcome: "reply", ticketId };
}

async function newTicketByMail(user: SessionUser, locale: string, mail: ParsedMail, subject: string, text: string): Promise<InboundResult> {
  const { emailDepartmentId } = await getSettings("ticket");
  const department = emailDepartmentId
    ? await db().department.findFirst({ where: { id: emailDepartmentId, active: true }, select: { id: true } })
    : null;
  if (!department) return toContactInbox(mail, user.email, subject, text);
  const { files, refused } = await screenAttachments(mail);
  const ticket = await createTicket(user, {
    departmentId: department.id,
    subject: (subject || text.split("\n")[0] || "(tanpa subjek)").slice(0, SUBJECT_MAX),
    description: text || subject || "(kosong)",
    attachments: files,
  });
  // The receipt carries the number and the reply address: the client's only answer to a mail.
  await queueMail(db(), { kind: "ticketReceived", to: user.email, locale, userId: user.id, ticketId: ticket.id });
  if (refused.length) await refuse(user.email, locale, "inboundRefused", ticket.id, { reason: "attachments", files: refused.join(", ") });
  return { outcome: "ticket", ticketId: ticket.id };
}

async function toContactInbox(mail: ParsedMail, from: string, subject: string, text: string): Promise<InboundResult> {
  const name = (Array.isArray(mail.from) ? mail.from[0] : mail.from)?.value[0]?.name?.replace(/\u0000/g, "").trim() || from;
  const saved = await db().$transaction(async (tx) => {
    const row = await tx.contactMessage.create({
      data: { name: name.slice(0, 100), email: from.slice(0, 254), subject: (subject || "(tanpa subjek)").slice(0, 200), message: (text || "(kosong)").slice(0, 5000), ip: null },
      select: { id: true },
    });
    await queueContactMails(tx, row.id);
    return row;
  });
  log("contact", { contactMessageId: saved.id });
  return { outcome: "contact" };
}
