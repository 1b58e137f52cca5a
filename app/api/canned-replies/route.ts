import { assertCan } from "@/lib/auth/permissions";
import { searchCannedRepliesForTicket } from "@/lib/dal/canned-replies";
import { UserFacingError } from "@/lib/errors";
import { jsonReadRoute } from "@/lib/http/json-route";
import { cannedReplySearchSchema } from "@/lib/validation/canned-replies";

export const dynamic = "force-dynamic";

/**
 * The reply box's "Balasan cepat" menu: `?ticketId=…&q=…` → the first matching canned replies this
 * user may insert on that ticket, their variables filled from it. The staff side only; 404 for a
 * ticket the user may not see.
 */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  return jsonReadRoute(request, async (user) => {
    assertCan(user, "tickets.work");
    const raw = { ticketId: params.get("ticketId") ?? "", q: params.get("q") ?? "" };
    const parsed = cannedReplySearchSchema.safeParse(raw);
    // PostgreSQL refuses NUL in text: a bad question, not a failure.
    if (!parsed.success || raw.q.includes("\0")) throw new UserFacingError("validation.invalid");
    return searchCannedRepliesForTicket(user, parsed.data);
  });
}
