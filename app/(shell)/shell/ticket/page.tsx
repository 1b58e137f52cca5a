import type { Metadata } from "next";
import { TicketPageShell } from "@/components/tickets/ticket-page-shell";
import { ticketPageShellMessages } from "@/lib/tickets/shell-messages";
import { rateTicketAction, replyToTicketAction, updateTicketAction } from "@/app/(site)/(dashboard)/dashboard/tickets/actions";
import id from "@/messages/id.json";
import en from "@/messages/en.json";

export const dynamic = "force-static";
export const metadata: Metadata = { title: id.tickets.title };

/**
 * /dashboard/tickets/<number> opened directly (middleware rewrites the document request here, after
 * its login check): one prerendered page for every ticket, user and language. The ticket, the header
 * and the language come from /api/tickets/detail, so no server render runs per visit. The forms are
 * the same server actions as on the server-rendered variant.
 */
export default function TicketShellPage() {
  return (
    <TicketPageShell
      catalogues={{ id: ticketPageShellMessages(id), en: ticketPageShellMessages(en) }}
      actions={{ reply: replyToTicketAction, update: updateTicketAction, rate: rateTicketAction }}
    />
  );
}
