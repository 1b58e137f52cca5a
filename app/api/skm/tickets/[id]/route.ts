import { jsonReadRoute } from "@/lib/http/json-route";
import { skmOfferForTicket } from "@/lib/dal/skm";
import { currentLocale } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

/** The survey block of a ticket page: open, answered, or nothing (404 for a ticket the user cannot see). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return jsonReadRoute(request, async (user) => skmOfferForTicket(user, id, await currentLocale()));
}
