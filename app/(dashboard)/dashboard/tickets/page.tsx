import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { ClientIntl } from "@/components/layout/client-intl";
import { TicketListApp } from "@/components/tickets/ticket-list-app";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

/** The list's copy the browser renders with (not the ticket page's long texts). */
const LIST_KEYS = ["title", "myTickets", "listTitle", "new", "fields", "status", "priority", "sort", "columns", "filter", "reset", "empty", "countMore", "pagination", "loading", "loadFailed"];

/**
 * The ticket list. The page is the same for everyone; the rows, counts and filter choices come from
 * /api/tickets/list (one user's scope) and are rendered in the browser.
 */
export default async function TicketsPage() {
  await requirePageUser("/dashboard/tickets");
  return (
    <ClientIntl
      extra={(m) => ({
        tickets: Object.fromEntries(LIST_KEYS.map((k) => [k, (m.tickets as Record<string, unknown>)[k]])),
        reports: { downloadCsv: (m.reports as Record<string, string>).downloadCsv, downloadXlsx: (m.reports as Record<string, string>).downloadXlsx },
      })}
    >
      <Suspense>
        <TicketListApp />
      </Suspense>
    </ClientIntl>
  );
}
