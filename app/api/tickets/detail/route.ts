import { jsonReadRoute } from "@/lib/http/json-route";
import { ticketPageView } from "@/lib/tickets/page-view";

export const dynamic = "force-dynamic";

/**
 * One ticket as its page shows it, as JSON, for the page's shell to render (`?number=HD-…`): 404 when
 * it does not exist or is not this user's to see. `options=1` adds the header's viewer (a page load).
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return jsonReadRoute(request, (user) => ticketPageView(user, (params.get("number") ?? "").slice(0, 64), params.get("options") === "1"));
}
