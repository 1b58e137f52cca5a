import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { listActiveDepartments, listAgencies } from "@/lib/dal/departments";
import { listAssigneeFilterOptions, listTicketsForUser } from "@/lib/dal/tickets";
import { getWorkingCalendar } from "@/lib/dal/sla";
import { workingMinutesBetween } from "@/lib/sla/calendar";
import { getSlaWords, type SlaTone } from "@/components/sla/sla-status";
import { firstValues } from "@/lib/validation/list-query";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";
import { TicketFilters, TicketStatusTabs } from "@/components/tickets/ticket-filters";
import { TicketTable } from "@/components/tickets/ticket-table";
import { ExportLinks } from "@/components/tickets/export-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("tickets"))("title") };
}

export default async function TicketsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/dashboard/tickets");
  const filters = ticketListFiltersSchema.parse(firstValues(await searchParams));
  const staffSide = user.role !== "CLIENT";
  const [t, tReports, when, list, departments, agencies, assignees, cal, slaWords] = await Promise.all([
    getTranslations("tickets"),
    getTranslations("reports"),
    getDateTimeFormatter(),
    listTicketsForUser(user, filters),
    staffSide ? listActiveDepartments() : Promise.resolve([]),
    staffSide ? listAgencies() : Promise.resolve([]),
    listAssigneeFilterOptions(user),
    getWorkingCalendar(),
    getSlaWords(),
  ]);
  // What the SLA column says of each row: time left or late in working time, paused, met or missed.
  const now = new Date();
  const sla = new Map<string, { text: string; tone: SlaTone }>();
  for (const r of list.rows) {
    if (r.slaNextDueAt) sla.set(r.id, slaWords.left(workingMinutesBetween(cal, now, r.slaNextDueAt), r.slaNextDueAt < now));
    else if (r.slaPaused && r.resolutionMet === null) sla.set(r.id, { text: slaWords.t("paused"), tone: "idle" });
    else if (r.resolutionMet !== null) sla.set(r.id, { text: slaWords.t(r.resolutionMet ? "metShort" : "missedShort"), tone: r.resolutionMet ? "ok" : "late" });
  }
  const slaTabs = staffSide
    ? { overdue: slaWords.t("overdueTab"), dueSoon: slaWords.t("dueSoonTab"), dueSoonHint: slaWords.t("dueSoonHint") }
    : null;
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{staffSide ? t("listTitle") : t("myTickets")}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {can(user, "tickets.export") ? <ExportLinks filters={filters} labels={{ csv: tReports("downloadCsv"), xlsx: tReports("downloadXlsx") }} /> : null}
          <Link href="/dashboard/tickets/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            {t("new")}
          </Link>
        </div>
      </div>
      <TicketStatusTabs filters={filters} list={list} slaTabs={slaTabs} />
      <TicketFilters filters={filters} staffSide={staffSide} departments={departments} agencies={agencies} assignees={assignees} />
      <TicketTable filters={filters} list={list} staffSide={staffSide} when={when} sla={sla} slaColumn={slaWords.t("column")} />
    </section>
  );
}
