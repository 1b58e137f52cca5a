import type { Metadata } from "next";
import { requirePageUser } from "@/lib/dal/session";
import { currentLocale } from "@/lib/i18n/server";
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
 * static page instead): the same browser component inside the server-rendered layout. Either way the
 * ticket comes from /api/tickets/detail, which checks who may see it. Keyed by the language too: the
 * data's dates and service-level words are worded by the server, so a language switch fetches anew.
 */
export default async function TicketPage({ params }: { params: Params }) {
  const number = decodeURIComponent((await params).number);
  await requirePageUser("/dashboard/tickets");
  return (
    <ClientIntl extra={ticketPageMessages}>
      <TicketPageApp key={`${number}|${await currentLocale()}`} number={number} actions={{ reply: replyToTicketAction, update: updateTicketAction, rate: rateTicketAction }} />
    </ClientIntl>
  );
}
