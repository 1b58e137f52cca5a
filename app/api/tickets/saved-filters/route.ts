import { jsonReadRoute } from "@/lib/http/json-route";
import { listSavedFiltersWithCounts } from "@/lib/dal/saved-filters";

export const dynamic = "force-dynamic";

/** The signed-in user's own saved filters ("Filter saya") with their counts, for the dashboard menu. */
export async function GET(request: Request) {
  return jsonReadRoute(request, async (user) => ({ at: Date.now(), filters: await listSavedFiltersWithCounts(user) }));
}
