import "server-only";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { listTicketFilterOptions, listTicketsForUser, type TicketList, type TicketListRow } from "@/lib/dal/tickets";
import { getDateTimeFormatter } from "@/lib/format";
import { serverTranslator } from "@/lib/i18n/server";
import { slaWords, type SlaText } from "@/lib/sla/words";
import { slaRowWords } from "./sla-row";
import type { TicketListFilters } from "@/lib/validation/tickets";

type Option = { id: string; name: string };

/** One row as the table shows it: the DAL's row, with its date and service-level state in the user's words. */
export type TicketListViewRow = Omit<TicketListRow, "createdAt" | "updatedAt" | "slaNextDueAt" | "slaPaused" | "firstResponseMet" | "resolutionMet"> & {
  created: string;
  sla: SlaText | null;
};

/** Everything the ticket list shows, and nothing it does not: the page's first view and /api/tickets/list's answer. */
export type TicketListView = {
  at: number;
  filters: TicketListFilters;
  staffSide: boolean;
  canExport: boolean;
  list: Omit<TicketList, "rows"> & { rows: TicketListViewRow[] };
  /** The filter bar's choices: with the page (they rarely change), not with each tab or filter change. */
  options: { departments: Option[]; agencies: Option[]; assignees: Option[] } | null;
  sla: { column: string; tabs: { overdue: string; dueSoon: string; dueSoonHint: string } | null };
};

/**
 * The ticket list of one user and one set of filters. Scope and permissions are the DAL's:
 * listTicketsForUser never returns a row the user may not see.
 */
export async function ticketListView(user: SessionUser, filters: TicketListFilters, withOptions: boolean): Promise<TicketListView> {
  const staffSide = can(user, "tickets.work");
  const [list, when, slaRow, t, options] = await Promise.all([
    listTicketsForUser(user, filters),
    getDateTimeFormatter(),
    slaRowWords(),
    serverTranslator(),
    withOptions ? listTicketFilterOptions(user) : null,
  ]);
  const sla = slaWords((key, values) => t(`sla.${key}`, values));
  const rows = list.rows.map(({ createdAt, updatedAt: _updated, slaNextDueAt, slaPaused, firstResponseMet: _first, resolutionMet, ...row }) => ({
    ...row,
    created: when(createdAt),
    sla: slaRow({ slaNextDueAt, slaPaused, resolutionMet }),
  }));
  return {
    at: Date.now(),
    filters,
    staffSide,
    canExport: can(user, "tickets.export"),
    list: { ...list, rows },
    options,
    sla: {
      column: sla.t("column"),
      tabs: staffSide ? { overdue: sla.t("overdueTab"), dueSoon: sla.t("dueSoonTab"), dueSoonHint: sla.t("dueSoonHint") } : null,
    },
  };
}
