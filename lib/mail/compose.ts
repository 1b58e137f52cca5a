import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import { getSettings } from "@/lib/dal/settings";
import { serverTranslator } from "@/lib/i18n/server";
import { resolveLocale } from "@/lib/i18n/locales";
import { publicBaseUrl } from "./config";
import { outgoingMessageId, replyAddressFor } from "./reply-token";
import { renderMail } from "./render";
import { composeSkmInvite } from "./templates/skm-invite";
import type { MailContent } from "./templates/layout";

/** A bulk change's mail names this many of its tickets, then "and N more". */
const BULK_MAIL_LINES = 50;

export type OutboxRow = {
  id: string;
  kind: string;
  userId: string | null;
  toAddress: string;
  locale: string;
  ticketId: string | null;
  ticketMessageId: string | null;
  payload: unknown;
};

export type ComposedMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
  replyTo?: string;
  inReplyTo?: string;
  references?: string;
};

/** A mail that must not be sent (its ticket is gone, an internal note to a client, …): marked failed. */
export class UnsendableMailError extends Error {}

const payloadOf = (row: OutboxRow) => (row.payload && typeof row.payload === "object" ? (row.payload as Record<string, unknown>) : {});

/** Renders one outbox row into a mail: recipient's language, app name and logo from Settings. */
export async function composeMail(row: OutboxRow): Promise<ComposedMail> {
  const locale = resolveLocale(row.locale);
  const t = await serverTranslator(locale);
  const general = await getSettings("general");
  const base = publicBaseUrl();
  const payload = payloadOf(row);
  const content: MailContent = {
    locale,
    appName: general.appName,
    logoUrl: general.logo ? `${base}/api/logo` : null,
    preview: "",
    heading: "",
    paragraphs: [],
    footer: t("email.footer", { appName: general.appName }),
  };
  const headers: Record<string, string> = { "Auto-Submitted": "auto-generated", "X-Auto-Response-Suppress": "All" };
  let subject = "";
  const threading: Partial<ComposedMail> = {};

  if (row.ticketId) {
    const ticket = await db().ticket.findUnique({
      where: { id: row.ticketId },
      select: {
        id: true, number: true, subject: true, description: true, status: true, clientId: true,
        client: { select: { name: true } }, department: { select: { name: true } },
      },
    });
    if (!ticket) throw new UnsendableMailError("ticket not found");
    const recipient = row.userId ? await db().user.findUnique({ where: { id: row.userId }, select: { role: true, active: true } }) : null;
    if (row.userId && (!recipient || !recipient.active)) throw new UnsendableMailError("recipient deactivated");
    const link = `${base}/dashboard/tickets/${encodeURIComponent(ticket.number)}`;
    const v = { number: ticket.number, subject: ticket.subject, department: ticket.department.name, client: ticket.client.name };
    content.action = { label: t("email.openTicket"), url: link };
    content.replyHint = t("email.replyHint");
    threading.replyTo = replyAddressFor(ticket);
    // Every mail of a ticket answers the same thread root, so mail clients group them.
    threading.inReplyTo = `<ticket-${ticket.id}@${threading.replyTo.split("@")[1]}>`;
    threading.references = threading.inReplyTo;

    if (row.ticketMessageId) {
      const message = await db().ticketMessage.findUnique({
        where: { id: row.ticketMessageId },
        select: { body: true, internal: true, ticketId: true, author: { select: { name: true } } },
      });
      // Internal notes never leave the staff side, by any path.
      if (!message || message.ticketId !== ticket.id || message.internal) throw new UnsendableMailError("message not mailable");
      content.quote = { author: message.author.name, body: message.body };
    }

    switch (row.kind) {
      case "ticketReceived":
        subject = t("email.ticketReceived.subject", v);
        content.heading = t("email.ticketReceived.heading", v);
        content.paragraphs = [t("email.ticketReceived.body", v)];
        content.quote = { author: ticket.subject, body: ticket.description };
        break;
      case "newTicket":
        subject = t("email.newTicket.subject", v);
        content.heading = t("email.newTicket.heading", v);
        content.paragraphs = [t("email.newTicket.body", v)];
        content.quote = { author: ticket.subject, body: ticket.description };
        break;
      case "staffReply":
      case "clientReply": {
        subject = t(`email.${row.kind}.subject`, v);
        content.heading = t(`email.${row.kind}.heading`, v);
        content.paragraphs = [t(`email.${row.kind}.body`, { ...v, author: content.quote?.author ?? "" })];
        // A reply sent with a status ("Kirim & Selesaikan") is one mail that says both.
        if (typeof payload.status === "string") {
          const statusLabel = t(`tickets.status.${payload.status}`);
          subject = t("email.replyWithStatus.subject", { ...v, status: statusLabel });
          content.paragraphs.push(t("email.replyWithStatus.body", { status: statusLabel }));
          if (payload.status === "RESOLVED" && row.kind === "staffReply") content.action = { label: t("email.statusChanged.rate"), url: `${link}#rating` };
        }
        break;
      }
      case "assigned":
        subject = t("email.assigned.subject", v);
        content.heading = t("email.assigned.heading", v);
        content.paragraphs = [t("email.assigned.body", v)];
        break;
      case "statusChanged": {
        const status = String(payload.status ?? ticket.status);
        const statusLabel = t(`tickets.status.${status}`);
        subject = t("email.statusChanged.subject", { ...v, status: statusLabel });
        content.heading = t("email.statusChanged.heading", { ...v, status: statusLabel });
        content.paragraphs = [t(`email.statusChanged.body${status}`, v)];
        if (status === "RESOLVED") content.action = { label: t("email.statusChanged.rate"), url: `${link}#rating` };
        break;
      }
      case "ticketMerged": {
        const numbers = { ...v, from: String(payload.from ?? ""), into: String(payload.into ?? "") };
        subject = t("email.ticketMerged.subject", numbers);
        content.heading = t("email.ticketMerged.heading", numbers);
        content.paragraphs = [t("email.ticketMerged.body", numbers)];
        break;
      }
      case "skmInvite": {
        const skmSubject = await composeSkmInvite(t, content, v, payload, base);
        if (!skmSubject) throw new UnsendableMailError("survey already answered or link expired");
        subject = skmSubject;
        break;
      }
      case "replyRefused":
        subject = t("email.replyRefused.subject", v);
        content.heading = t("email.replyRefused.heading", v);
        content.paragraphs = [t(`email.replyRefused.${String(payload.reason ?? "generic")}`, v)];
        break;
      default:
        throw new UnsendableMailError(`unknown ticket mail kind ${row.kind}`);
    }
    // A follower hears of someone else's ticket: not "your ticket", and only the ticket's client rates it.
    if (row.userId && row.userId !== ticket.clientId && (row.kind === "staffReply" || row.kind === "statusChanged")) {
      content.paragraphs[0] = t(`email.follower.${row.kind}`, { ...v, author: content.quote?.author ?? "" });
      if (content.action?.url.endsWith("#rating")) content.action = { label: t("email.openTicket"), url: link };
    }
    if (recipient && !can(recipient, "tickets.work") && content.quote && row.kind !== "ticketReceived" && row.kind !== "staffReply") {
      content.quote = null; // a client only ever sees its own ticket's public text
    }
  } else {
    switch (row.kind) {
      case "contactMessage": {
        const id = String(payload.contactMessageId ?? "");
        const message = await db().contactMessage.findUnique({ where: { id } });
        if (!message) throw new UnsendableMailError("contact message not found");
        const v = { name: message.name, email: message.email, subject: message.subject };
        subject = t("email.contactMessage.subject", v);
        content.heading = t("email.contactMessage.heading", v);
        content.paragraphs = [t("email.contactMessage.body", v)];
        content.quote = { author: `${message.name} <${message.email}>`, body: message.message };
        content.action = { label: t("email.contactMessage.open"), url: `${base}/dashboard/inbox/${message.id}` };
        break;
      }
      case "passwordReset":
      case "invitation": {
        const token = String(payload.token ?? "");
        if (!token) throw new UnsendableMailError("link already used or withdrawn");
        const v = { appName: general.appName, name: String(payload.name ?? "") };
        subject = t(`email.${row.kind}.subject`, v);
        content.heading = t(`email.${row.kind}.heading`, v);
        content.paragraphs = [t(`email.${row.kind}.body`, v), t(`email.${row.kind}.ignore`, v)];
        content.action = { label: t(`email.${row.kind}.action`), url: `${base}/reset-password?token=${encodeURIComponent(token)}` };
        break;
      }
      case "ticketsAssigned":
      case "ticketsStatusChanged": {
        // One bulk change: the recipient's tickets (the outbox row was written for this person only).
        const recipient = row.userId ? await db().user.findUnique({ where: { id: row.userId }, select: { active: true } }) : null;
        if (!recipient?.active) throw new UnsendableMailError("recipient deactivated");
        const ids = Array.isArray(payload.ticketIds) ? payload.ticketIds.map(String) : [];
        const shown = await db().ticket.findMany({ where: { id: { in: ids.slice(0, BULK_MAIL_LINES) } }, select: { number: true, subject: true }, orderBy: { number: "asc" } });
        if (!shown.length) throw new UnsendableMailError("tickets not found");
        const v = { count: ids.length, status: payload.status ? t(`tickets.status.${String(payload.status)}`) : "" };
        const key = row.kind === "ticketsAssigned" ? "assigned" : "status";
        subject = t(`ticketBulk.email.${key}Subject`, v);
        content.heading = t(`ticketBulk.email.${key}Heading`, v);
        content.paragraphs = [
          t(`ticketBulk.email.${key}Body`, v),
          ...shown.map((x) => t("ticketBulk.email.line", x)),
          ...(ids.length > shown.length ? [t("ticketBulk.email.more", { count: ids.length - shown.length })] : []),
        ];
        content.action = { label: t("ticketBulk.email.open"), url: `${base}/dashboard/tickets` };
        break;
      }
      case "test":
        subject = t("email.test.subject", { appName: general.appName });
        content.heading = t("email.test.heading");
        content.paragraphs = [t("email.test.body", { appName: general.appName })];
        break;
      case "inboundRefused":
        subject = t("email.inboundRefused.subject");
        content.heading = t("email.inboundRefused.heading");
        content.paragraphs = [t(`email.inboundRefused.${String(payload.reason ?? "generic")}`, { files: String(payload.files ?? "") })];
        break;
      default:
        throw new UnsendableMailError(`unknown mail kind ${row.kind}`);
    }
  }
  content.preview = content.heading;
  const { html, text } = await renderMail(content);
  return { to: row.toAddress, subject, html, text, messageId: outgoingMessageId(row.id), headers, ...threading };
}
