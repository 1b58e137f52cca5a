import type { Metadata } from "next";
import { TicketListShell } from "@/components/tickets/ticket-list-shell";
import { ticketShellMessages } from "@/lib/tickets/shell-messages";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

export const dynamic = "force-static";
export const metadata: Metadata = { title: id.tickets.title };

/**
 * /dashboard/tickets opened directly (middleware rewrites the document request here, after its login
 * check): one prerendered page for every user, view and language. The list, the header and the
 * language come from /api/tickets/list, so no server render runs per visit.
 */
export default function TicketListShellPage() {
  return <TicketListShell catalogues={{ id: ticketShellMessages(id), en: ticketShellMessages(en) }} />;
}
