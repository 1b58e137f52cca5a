import { jsonReadRoute } from "@/lib/http/json-route";
import { ticketPageView } from "@/lib/views/ticket-page";

export const dynamic = "force-dynamic";

/**
 * One ticket as its page shows it (`?number=HD-…`): what the ticket page fetches again after a change.
 * 404 when it does not exist or is not this user's to see.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return jsonReadRoute(request, (user) => ticketPageView(user, (params.get("number") ?? "").slice(0, 64)));
}
