import { getSettings } from "@/lib/dal/settings";
import { replyToTicket } from "@/lib/dal/tickets";
import { jsonRoute } from "@/lib/http/json-route";
import { replySchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * JSON twin of replyToTicketAction without attachments (integrations, and the benchmark's writes
 * while it reads): a reply or (staff side) an internal note on the ticket with this id.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return jsonRoute(
    request,
    async () => replySchema(await getSettings("ticket")).omit({ ticketId: true }),
    async (input, user) => {
      const message = await replyToTicket(user, { ...input, ticketId: id, attachments: [] });
      return { status: 201, json: { id: message.id } };
    },
  );
}
