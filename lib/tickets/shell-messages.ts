type Catalogue = Record<string, unknown>;
const pick = (from: unknown, keys: string[]) => Object.fromEntries(keys.map((k) => [k, (from as Catalogue)[k]]));

/** The list's copy the browser renders with (not the ticket page's long texts). */
export function ticketListMessages(m: Catalogue): Catalogue {
  return {
    tickets: pick(m.tickets, ["title", "myTickets", "listTitle", "new", "fields", "status", "priority", "sort", "columns", "filter", "reset", "empty", "countMore", "pagination", "loading", "loadFailed"]),
    reports: pick(m.reports, ["downloadCsv", "downloadXlsx"]),
  };
}

/** The dashboard header's and menu's copy (every static dashboard page has them). */
function chromeMessages(m: Catalogue): Catalogue {
  return {
    common: m.common,
    nav: m.nav,
    roles: m.roles,
    notifications: pick(m.notifications, ["bell", "bellUnread"]),
  };
}
const chromeSla = ["overdueHeader", "overdueHeaderLabel"];

/** The static list shell's copy: the list's, and the dashboard header's and menu's. */
export function ticketShellMessages(m: Catalogue): Catalogue {
  return { ...ticketListMessages(m), ...chromeMessages(m), sla: pick(m.sla, chromeSla) };
}

/** The ticket page's copy the browser renders with: labels, forms, the service-level panel's headings (its states come worded in the data). */
export function ticketPageMessages(m: Catalogue): Catalogue {
  return {
    tickets: pick(m.tickets, ["title", "fields", "status", "priority", "detail", "activity", "errors"]),
    attachments: m.attachments,
    sla: pick(m.sla, ["panelTitle", "firstResponse", "resolution", "none"]),
  };
}

/** The static ticket page's copy: the ticket page's, the forms' validation messages, and the header's and menu's. */
export function ticketPageShellMessages(m: Catalogue): Catalogue {
  const page = ticketPageMessages(m);
  return { ...chromeMessages(m), ...page, validation: m.validation, sla: { ...(page.sla as Catalogue), ...pick(m.sla, chromeSla) } };
}
