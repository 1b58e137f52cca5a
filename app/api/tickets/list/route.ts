import { jsonReadRoute } from "@/lib/http/json-route";
import { ticketListView } from "@/lib/tickets/list-view";
import { ticketListFiltersSchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * The ticket list of /dashboard/tickets as JSON, for the page's shell to render: same filters (the
 * page's query string), same scope, same counts. `options=1` adds the filter bar's choices.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const { options, ...query } = Object.fromEntries(params);
  return jsonReadRoute(request, (user) => ticketListView(user, ticketListFiltersSchema.parse(query), options === "1"));
}
