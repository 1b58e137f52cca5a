// The ticket rules a user is subject to, as pure functions: the DAL enforces them on every write
// and returns them to the page (TicketDetail.can), so no page repeats them.
import { can } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { TICKET_STATUSES, type TicketStatus } from "@/lib/validation/tickets";

export type TicketRuleSettings = { clientsMayClose: boolean; clientsMayReopen: boolean };
type Actor = { id: string; role: Role };
/** `mergedIntoId`: a ticket merged into another is read-only (no replies, no status moves). */
type TicketFacts = { status: TicketStatus; clientId: string; mergedIntoId?: string | null };
/** The facts "Ambil" needs besides status: who holds the ticket now. */
type TakeFacts = Pick<TicketFacts, "status"> & { assigneeId: string | null };

const ACTIVE: readonly TicketStatus[] = ["OPEN", "IN_PROGRESS", "WAITING"];
const DONE: readonly TicketStatus[] = ["RESOLVED", "CLOSED"];

/** Where a client may move their own ticket: resolve an active one, close (setting), reopen a done one (setting). */
export function clientStatusChoices(ticket: Pick<TicketFacts, "status">, settings: TicketRuleSettings): TicketStatus[] {
  const choices: TicketStatus[] = [];
  if (ACTIVE.includes(ticket.status)) choices.push("RESOLVED");
  if (settings.clientsMayClose && ticket.status !== "CLOSED") choices.push("CLOSED");
  if (settings.clientsMayReopen && DONE.includes(ticket.status)) choices.push("OPEN");
  return choices;
}

/** Every status for the staff side; for the ticket's client, the moves above. */
export function statusChoices(actor: Actor, ticket: TicketFacts, settings: TicketRuleSettings): TicketStatus[] {
  if (ticket.mergedIntoId) return [];
  if (can(actor, "tickets.work")) return [...TICKET_STATUSES];
  return ticket.clientId === actor.id ? clientStatusChoices(ticket, settings) : [];
}

/** Staff may always answer; a client not on a closed ticket. */
export function canReply(actor: Actor, ticket: TicketFacts): boolean {
  if (ticket.mergedIntoId) return false;
  return can(actor, "tickets.work") || (ticket.clientId === actor.id && ticket.status !== "CLOSED");
}

/** Only the ticket's client, and only once it is resolved or closed. */
export function canRate(actor: Actor, ticket: TicketFacts): boolean {
  return ticket.clientId === actor.id && DONE.includes(ticket.status);
}

/**
 * "Ambil" (assign to me): the staff side, on a ticket not closed and not already theirs. Row scope
 * already limits Staff to their department's tickets (and their own); the DAL checks that the taker
 * may hold the ticket (Staff of its department, or a manager).
 */
export function canTake(actor: Actor, ticket: TakeFacts): boolean {
  return can(actor, "tickets.work") && ticket.status !== "CLOSED" && ticket.assigneeId !== actor.id;
}

export type TicketAbilities = {
  reply: boolean;
  /** Internal notes, priority, department, assignee: the staff side. */
  work: boolean;
  rate: boolean;
  /** Statuses the user may move the ticket to (for a client: the buttons they see). */
  statuses: TicketStatus[];
  /** "Ambil": assign the ticket to oneself. */
  take: boolean;
};

export function ticketAbilities(actor: Actor, ticket: TicketFacts & { assigneeId: string | null }, settings: TicketRuleSettings): TicketAbilities {
  return {
    reply: canReply(actor, ticket),
    work: can(actor, "tickets.work"),
    rate: canRate(actor, ticket),
    statuses: statusChoices(actor, ticket, settings),
    take: canTake(actor, ticket),
  };
}
