import type { Metadata } from "next";
import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { requirePageUser } from "@/lib/dal/session";
import { ticketListView } from "@/lib/views/ticket-list";
import { ticketListDataUrl, ticketListFiltersOf } from "@/lib/validation/tickets";
import { ClientIntl } from "@/components/layout/client-intl";
import { TicketList } from "@/components/tickets/ticket-list";
import { deleteFilterAction, renameFilterAction, saveFilterAction } from "./finding-actions";
import { bulkUpdateTicketsAction } from "./bulk-actions";
import { takeTicketAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The ticket list, its first view rendered here; tab, filter and page changes fetch only the data. */
export default async function TicketsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser("/dashboard/tickets");
  const filters = ticketListFiltersOf(await searchParams);
  const { options, ...view } = await ticketListView(user, filters, true);
  return (
    <ClientIntl namespaces={["tickets", "reports", "triage", "savedFilters", "shortcuts", "ticketBulk"]}>
      <Suspense>
        <TicketList initial={{ url: ticketListDataUrl(filters), view: { ...view, options: null } }} options={options!} savedFilterActions={{ save: saveFilterAction, rename: renameFilterAction, remove: deleteFilterAction }}
          actions={{ bulk: bulkUpdateTicketsAction, take: takeTicketAction }}
        />
      </Suspense>
    </ClientIntl>
  );
}
