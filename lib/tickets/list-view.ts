import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { listTicketFilterOptions, listTicketsForUser, type TicketList, type TicketListRow } from "@/lib/dal/tickets";
import { getWorkingCalendar } from "@/lib/dal/sla";
import { workingMinutesBetween } from "@/lib/sla/calendar";
import { getDateTimeFormatter } from "@/lib/format";
import { currentLocale, serverTranslator } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { dashboardViewer } from "@/lib/dal/viewer";
import type { ChromeViewer } from "@/components/dashboard/dashboard-chrome";
import { slaWords } from "@/lib/sla/words";
import type { SlaTone } from "@/components/sla/sla-badge";
import type { TicketListFilters } from "@/lib/validation/tickets";

type Option = { id: string; name: string };

/** One row as the browser shows it: dates and the service-level state already in the user's words. */
export type TicketListViewRow = Pick<TicketListRow, "id" | "number" | "subject" | "status" | "priority" | "department" | "client" | "agency" | "assignee"> & {
  created: string;
  sla: { text: string; tone: SlaTone } | null;
};

/** What /api/tickets/list answers: everything the ticket list shows, and nothing it does not. */
export type TicketListView = {
  filters: TicketListFilters;
  staffSide: boolean;
  canExport: boolean;
  list: Omit<TicketList, "rows"> & { rows: TicketListViewRow[] };
  /** The filter bar's choices; only when asked for (the first load), they rarely change. */
  options: { departments: Option[]; agencies: Option[]; assignees: Option[] } | null;
  /** With the options: the header's user, bell and overdue count, and the language of every text here. */
  viewer: (ChromeViewer & { locale: Locale }) | null;
  sla: { column: string; tabs: { overdue: string; dueSoon: string; dueSoonHint: string } | null };
};

/**
 * The ticket list of one user and one set of filters, in the shape the browser renders (the page
 * itself is a fixed shell; see docs/architecture.md "Ticket list"). Scope and permissions are the
 * DAL's: listTicketsForUser never returns a row the user may not see.
 */
export async function ticketListView(user: SessionUser, filters: TicketListFilters, withOptions: boolean): Promise<TicketListView> {
  const staffSide = user.role !== "CLIENT";
  const locale = await currentLocale();
  const [list, when, cal, t, options, viewer] = await Promise.all([
    listTicketsForUser(user, filters),
    getDateTimeFormatter(),
    getWorkingCalendar(),
    serverTranslator(locale),
    withOptions ? listTicketFilterOptions(user) : null,
    withOptions ? dashboardViewer(user) : null,
  ]);
  const sla = slaWords((key, values) => t(`sla.${key}`, values));
  const now = new Date();
  const slaOf = (r: TicketListRow): TicketListViewRow["sla"] => {
    if (r.slaNextDueAt) return sla.left(workingMinutesBetween(cal, now, r.slaNextDueAt), r.slaNextDueAt < now);
    if (r.slaPaused && r.resolutionMet === null) return { text: sla.t("paused"), tone: "idle" };
    if (r.resolutionMet !== null) return { text: sla.t(r.resolutionMet ? "metShort" : "missedShort"), tone: r.resolutionMet ? "ok" : "late" };
    return null;
  };
  const rows = list.rows.map((r) => ({
    id: r.id,
    number: r.number,
    subject: r.subject,
    status: r.status,
    priority: r.priority,
    department: r.department,
    client: r.client,
    agency: r.agency,
    assignee: r.assignee,
    created: when(r.createdAt),
    sla: slaOf(r),
  }));
  return {
    filters,
    staffSide,
    canExport: can(user, "tickets.export"),
    list: { ...list, rows },
    options,
    viewer: viewer && { ...viewer, locale },
    sla: {
      column: sla.t("column"),
      tabs: staffSide ? { overdue: sla.t("overdueTab"), dueSoon: sla.t("dueSoonTab"), dueSoonHint: sla.t("dueSoonHint") } : null,
    },
  };
}
