import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageUser } from "@/lib/dal/session";
import { TicketNotFoundError } from "@/lib/dal/tickets";
import { ticketPageView } from "@/lib/tickets/page-view";
import { TicketPageApp } from "@/components/tickets/ticket-page-app";
import { ClientIntl } from "@/components/layout/client-intl";
import { ticketPageMessages } from "@/lib/tickets/shell-messages";
import { rateTicketAction, replyToTicketAction, updateTicketAction } from "../actions";

type Params = Promise<{ number: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: decodeURIComponent((await params).number).slice(0, 40) };
}

/**
 * A ticket reached by a navigation inside the dashboard (opened as a document, middleware serves the
 * static shell instead): the same browser component, started with the view the server has.
 */
export default async function TicketPage({ params }: { params: Params }) {
  const number = decodeURIComponent((await params).number);
  const user = await requirePageUser("/dashboard/tickets");
  const view = await ticketPageView(user, number, false).catch((error: unknown) => {
    if (error instanceof TicketNotFoundError) notFound();
    throw error;
  });
  return (
    <ClientIntl extra={ticketPageMessages}>
      <TicketPageApp key={number} number={number} initial={view} actions={{ reply: replyToTicketAction, update: updateTicketAction, rate: rateTicketAction }} />
    </ClientIntl>
  );
}
