// The mails the helpdesk sends. Edge-safe (no imports): used by the profile form and the DAL.

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
export type MailKind = OptionalMailKind | AccountMailKind;

/** Which of the optional mails a role can receive at all (the profile shows only these). */
export function mailKindsForRole(role: string): OptionalMailKind[] {
  if (role === "CLIENT") return ["ticketReceived", "staffReply", "statusChanged"];
  if (role === "STAFF") return ["assigned", "clientReply", "newTicket"];
  return ["assigned", "clientReply", "newTicket", "contactMessage"];
}

/** Status changes a client is mailed about. */
export const MAILED_STATUSES = ["WAITING", "RESOLVED", "CLOSED"] as const;
