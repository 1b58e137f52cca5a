// The mails the helpdesk sends. Edge-safe (no database): used by the profile form and the DAL.
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";

/** Ticket and inbox mails a user may turn off in their profile (all on by default). */
export const OPTIONAL_MAIL_KINDS = [
  "ticketReceived", // client: their ticket was received
  "staffReply", // client: staff answered
  "statusChanged", // client: Waiting / Resolved / Closed
  "assigned", // staff: a ticket was assigned to them
  "clientReply", // assignee (or the department while unassigned): the client answered
  "newTicket", // staff and admins: a new ticket in their department (admins: all)
  "contactMessage", // admins: a new Kontak message
] as const;
export type OptionalMailKind = (typeof OPTIONAL_MAIL_KINDS)[number];

/** Account mails: always sent. */
export type AccountMailKind = "passwordReset" | "invitation" | "test" | "replyRefused" | "inboundRefused";
/** Ticket notices always sent: a merge tells the client where their conversation went. */
export type TicketNoticeMailKind = "ticketMerged";
/**
 * One bulk change on the list: one mail per person listing their tickets. Each follows the opt-out of
 * the one-ticket mail it stands for (BULK_MAIL_OPT_OUT).
 */
export type BulkTicketMailKind = "ticketsAssigned" | "ticketsStatusChanged";
export const BULK_MAIL_OPT_OUT = { ticketsAssigned: "assigned", ticketsStatusChanged: "statusChanged" } as const satisfies Record<BulkTicketMailKind, OptionalMailKind>;
export type MailKind = OptionalMailKind | AccountMailKind | TicketNoticeMailKind | BulkTicketMailKind;

/**
 * Which of the optional mails a role can receive at all (the profile shows only these): the client
 * side is told about its own tickets, the staff side about the tickets it works, and whoever manages
 * the Kontak inbox about new messages.
 */
export function mailKindsForRole(role: Role): OptionalMailKind[] {
  if (!can({ role }, "tickets.work")) return ["ticketReceived", "staffReply", "statusChanged"];
  return can({ role }, "inbox.manage") ? ["assigned", "clientReply", "newTicket", "contactMessage"] : ["assigned", "clientReply", "newTicket"];
}

/** Status changes a client is mailed about. */
export const MAILED_STATUSES = ["WAITING", "RESOLVED", "CLOSED"] as const;
