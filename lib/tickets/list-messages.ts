type Catalogue = Record<string, unknown>;
const pick = (from: unknown, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (from as Catalogue)[k]]));

/** The list's copy the browser renders with (not the ticket page's long texts). */
export function ticketListMessages(m: Catalogue): Catalogue {
  return {
    tickets: pick(m.tickets, ["title", "myTickets", "listTitle", "new", "fields", "status", "priority", "sort", "columns", "filter", "reset", "empty", "countMore", "pagination", "loading", "loadFailed"]),
    reports: pick(m.reports, ["downloadCsv", "downloadXlsx"]),
  };
}

/** The static list shell's copy: the list's, and the dashboard header's and menu's. */
export function ticketShellMessages(m: Catalogue): Catalogue {
  return {
    ...ticketListMessages(m),
    common: m.common,
    nav: m.nav,
    roles: m.roles,
    sla: pick(m.sla, ["overdueHeader", "overdueHeaderLabel"]),
    notifications: pick(m.notifications, ["bell", "bellUnread"]),
  };
}
