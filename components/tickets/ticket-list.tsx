"use client";
import { useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import type { TicketListView } from "@/lib/views/ticket-list";
import { ticketListDataUrl, ticketListFiltersOf, ticketListQuery } from "@/lib/validation/tickets";
import { useHydrated, useView, type InitialView } from "@/components/dashboard/use-view";
import { LoadFailed } from "@/components/dashboard/load-failed";
import { TicketFilters, TicketStatusTabs } from "./ticket-filters";
import { TicketTable } from "./ticket-table";
import { ExportLinks } from "./export-links";
import { TicketShortcuts } from "@/components/shortcuts/ticket-shortcuts";
import { SavedFilterPanel, type SavedFilterActions } from "@/components/saved-filters/saved-filter-panel";
import { BulkToolbar, useBulkSelection, type TicketListActions } from "./ticket-bulk";

type Options = NonNullable<TicketListView["options"]>;

/**
 * The ticket list: the server renders the first view into the page; tabs, filters and pages change
 * the address (pushState: links stay real links) and fetch only that view's data. The filter choices
 * come with the page.
 */
export function TicketList({
  initial,
  options,
  savedFilterActions,
  actions,
}: {
  initial: InitialView<TicketListView>;
  options: Options;
  savedFilterActions?: SavedFilterActions;
  /** Bulk changes and "Ambil" (staff side). */
  actions?: TicketListActions;
}) {
  const t = useTranslations("tickets");
  const tReports = useTranslations("reports");
  const filters = ticketListFiltersOf(useSearchParams());
  const query = ticketListQuery(filters);
  const { view, status, retry, refresh } = useView(ticketListDataUrl(filters), initial);
  // A new filter, tab or page starts with nothing ticked.
  const selection = useBulkSelection();
  const [selectedFor, setSelectedFor] = useState(query);
  if (selectedFor !== query) {
    setSelectedFor(query);
    selection.clear();
  }
  const bulk = view?.staffSide && actions ? { selection, take: actions.take, refresh } : undefined;
  const hydrated = useHydrated();
  const loading = status === "loading";
  return (
    <section className="space-y-4" aria-busy={loading} data-testid="ticket-list" data-query={status === "ready" ? query : undefined} data-hydrated={hydrated || undefined}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{view ? (view.staffSide ? t("listTitle") : t("myTickets")) : t("title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {view?.canExport ? <ExportLinks filters={filters} labels={{ csv: tReports("downloadCsv"), xlsx: tReports("downloadXlsx") }} /> : null}
          <Link href="/dashboard/tickets/new" prefetch={false} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        </div>
      </div>
      {status === "failed" || status === "notFound" ? <LoadFailed text={t("loadFailed")} onRetry={retry} /> : null}
      {view ? (
        <>
          <TicketStatusTabs filters={filters} list={view.list} slaTabs={view.sla.tabs} />
          <TicketFilters key={query} filters={filters} staffSide={view.staffSide} {...options} />
          {savedFilterActions && <SavedFilterPanel query={ticketListQuery({ ...filters, page: undefined })} actions={savedFilterActions} />}
          {bulk && actions && (
            <BulkToolbar selection={selection} filters={filters} list={view.list} options={options} action={actions.bulk} onDone={refresh} />
          )}
          <TicketTable filters={filters} list={view.list} staffSide={view.staffSide} slaColumn={view.sla.column} bulk={bulk} />
        </>
      ) : null}
      <TicketShortcuts where="list" />
      <p role="status" className={loading ? "text-sm text-slate-600" : "sr-only"}>
        {loading ? t("loading") : ""}
      </p>
    </section>
  );
}
