import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { currentLocale } from "@/lib/i18n/server";
import { ClientIntl } from "@/components/layout/client-intl";
import { TicketListApp } from "@/components/tickets/ticket-list-app";
import { ticketListMessages } from "@/lib/tickets/shell-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

/**
 * The ticket list inside the dashboard layout: what a click from another dashboard page gets (a
 * client-side navigation). Opening the address directly gets the static shell instead (middleware
 * rewrite to app/(shell)/shell/tickets). Either way the rows, counts and filter choices come from
 * /api/tickets/list (one user's scope) and are rendered in the browser.
 */
export default async function TicketsPage() {
  await requirePageUser("/dashboard/tickets");
  return (
    <ClientIntl extra={ticketListMessages}>
      <Suspense>
        {/* Keyed by the language: the rows' dates and service-level words are worded by the server. */}
        <TicketListApp key={await currentLocale()} />
      </Suspense>
    </ClientIntl>
  );
}
