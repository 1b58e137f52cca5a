import { getSettings } from "@/lib/dal/settings";
import { createTicket } from "@/lib/dal/tickets";
import { jsonRoute } from "@/lib/http/json-route";
import { createTicketSchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * JSON twin of createTicketAction without attachments (integrations, and the benchmark's
 * creation run): same schema, same DAL, same session.
 */
export async function POST(request: Request) {
  return jsonRoute(
    request,
    async () => createTicketSchema(await getSettings("ticket")),
    async ({ clientId, ...input }, user) => {
      const ticket = await createTicket(user, { ...input, clientId: clientId || undefined, attachments: [] });
      return { status: 201, json: { number: ticket.number } };
    },
  );
}
