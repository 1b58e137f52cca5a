import { jsonReadRoute } from "@/lib/http/json-route";
import { ticketListView } from "@/lib/views/ticket-list";
import { ticketListFiltersOf } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * The ticket list's data for one set of filters (the page's query string), as the page shows it: what a
 * tab, filter or page change inside /dashboard/tickets fetches. `options=1` adds the filter bar's choices.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return jsonReadRoute(request, (user) => ticketListView(user, ticketListFiltersOf(params), params.get("options") === "1"));
}
