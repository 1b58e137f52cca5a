// The ticket data access layer, one file per use case. Callers import from "@/lib/dal/tickets".
export { TicketNotFoundError } from "./scope";
export { cleanFileName, openAttachment, type AttachmentView } from "./attachments";
export { createTicket, type CreateTicketData } from "./create";
export { listTicketsForUser, type TicketList, type TicketListRow } from "./list";
export { COUNT_CAP, countMyOverdueTickets } from "./counts";
export { listClientsForFiling, listTicketFilterOptions } from "./options";
export { getTicketOrThrow, type SlaTargetView, type TicketDetail } from "./detail";
export { addTicketFollower, removeTicketFollower, ticketFollowers, type TicketFollowers } from "./followers";
export { rateTicket, replyToTicket, takeTicket, updateTicket } from "./update";
export { reviewSuggestedPriority } from "./triage";
export { canTake, clientStatusChoices, ticketAbilities, type TicketAbilities } from "./rules";
