"use client";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TicketListView } from "@/lib/tickets/list-view";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";
import { TicketFilters, TicketStatusTabs } from "./ticket-filters";
import { TicketTable } from "./ticket-table";
import { ExportLinks } from "./export-links";
import { LoadFailed } from "@/components/dashboard/load-failed";
import { fetchDashboardData } from "@/lib/http/dashboard-data";

/**
 * The ticket list, rendered in the browser from /api/tickets/list: the page around it is the same
 * for every user and every view, so the server only answers the data. Tabs, filters and pages change
 * the address (pushState) and fetch that view; the filter choices are fetched once.
 */
export function TicketListApp({ onViewer }: { onViewer?: (viewer: NonNullable<TicketListView["viewer"]>) => void } = {}) {
  const search = useSearchParams().toString();
  const t = useTranslations("tickets");
  const tReports = useTranslations("reports");
  // The last view answered, and the address it answers (a newer one may be loading).
  const [loaded, setLoaded] = useState<{ search: string; view: TicketListView; options: NonNullable<TicketListView["options"]> } | null>(null);
  const [attempt, setAttempt] = useState(0);
  // The address and attempt whose fetch failed ("Coba lagi" makes a new attempt).
  const [failedAt, setFailedAt] = useState<string | null>(null);
  const router = useRouter();
  const haveOptions = useRef(false);

  useEffect(() => {
    const abort = new AbortController();
    const query = new URLSearchParams(search);
    if (!haveOptions.current) query.set("options", "1");
    fetchDashboardData<TicketListView>(`/api/tickets/list?${query}`, { backTo: `/dashboard/tickets${search ? `?${search}` : ""}`, router, signal: abort.signal })
      .then((answer) => {
        if (answer === "signedOut") return;
        // The list route never answers 404; a proxy or a half-deployed server might: say so, with "Coba lagi".
        if (answer === "notFound") throw new Error("HTTP 404");
        const next = answer.data;
        if (next.options) haveOptions.current = true;
        if (next.viewer) onViewer?.(next.viewer);
        setLoaded((prev) => ({ search, view: next, options: next.options ?? prev?.options ?? { departments: [], agencies: [], assignees: [] } }));
      })
      .catch(() => {
        if (!abort.signal.aborted) setFailedAt(`${search}#${attempt}`);
      });
    return () => abort.abort();
  }, [search, attempt, router, onViewer]);

  const view = loaded?.view;
  const filters = view?.filters ?? ticketListFiltersSchema.parse(Object.fromEntries(new URLSearchParams(search)));
  const failed = failedAt === `${search}#${attempt}`;
  const loading = !failed && loaded?.search !== search;
  const opts = loaded?.options;
  return (
    <section className="space-y-4" aria-busy={loading} data-testid="ticket-list" data-search={loaded?.search}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{view ? (view.staffSide ? t("listTitle") : t("myTickets")) : t("title")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {view?.canExport ? <ExportLinks filters={filters} labels={{ csv: tReports("downloadCsv"), xlsx: tReports("downloadXlsx") }} /> : null}
          <Link href="/dashboard/tickets/new" prefetch={false} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        </div>
      </div>
      {failed ? <LoadFailed text={t("loadFailed")} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {view ? (
        <>
          <TicketStatusTabs filters={filters} list={view.list} slaTabs={view.sla.tabs} />
          <TicketFilters key={search} filters={filters} staffSide={view.staffSide} departments={opts!.departments} agencies={opts!.agencies} assignees={opts!.assignees} />
          <TicketTable filters={filters} list={view.list} staffSide={view.staffSide} slaColumn={view.sla.column} />
        </>
      ) : null}
      <p role="status" className={loading ? "text-sm text-slate-600" : "sr-only"}>
        {loading ? t("loading") : ""}
      </p>
    </section>
  );
}
