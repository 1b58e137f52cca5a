import { AuthorizationError, UserFacingError } from "@/lib/errors";
import { requireUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";
import { createTicket } from "@/lib/dal/tickets";
import { serverTranslator } from "@/lib/i18n/server";
import { createTicketSchema } from "@/lib/validation/tickets";

export const dynamic = "force-dynamic";

/**
 * JSON twin of createTicketAction without attachments (integrations, and the benchmark's
 * creation run): same schema, same DAL, same session. JSON only, so a cross-site form cannot post.
 */
export async function POST(request: Request) {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return Response.json({ error: "unsupported media type" }, { status: 415 });
  }
  try {
    const user = await requireUser();
    const s = await getSettings("ticket");
    const body: unknown = await request.json().catch(() => null);
    const parsed = createTicketSchema(s).safeParse(body && typeof body === "object" ? { attachments: [], ...body } : body);
    if (!parsed.success) {
      return Response.json({ error: "invalid", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
    }
    const { clientId, ...input } = parsed.data;
    const ticket = await createTicket(user, { ...input, clientId: clientId || undefined, attachments: [] });
    return Response.json({ number: ticket.number }, { status: 201 });
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: error.reason }, { status: error.reason === "unauthenticated" ? 401 : 403 });
    if (error instanceof UserFacingError) {
      const t = await serverTranslator();
      return Response.json({ error: t(error.key, error.options.values), field: error.options.field }, { status: 400 });
    }
    throw error;
  }
}
