import { AuthorizationError } from "@/lib/errors";
import { Readable } from "node:stream";
import { requireUser } from "@/lib/dal/session";
import { openAttachment, TicketNotFoundError } from "@/lib/dal/tickets";
import { contentDisposition } from "@/lib/storage/content-disposition";
import { recordSecurityEvent } from "@/lib/dal/security-log";
import { handleRouteError } from "@/lib/http";
import { FILE_CSP } from "@/lib/security-headers";

export const dynamic = "force-dynamic";

/** This route's own policy; next.config.ts leaves the site-wide CSP off /api/attachments and /api/avatars. */
const STRICT = { "X-Content-Type-Options": "nosniff", "Content-Security-Policy": FILE_CSP };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The only way to a stored file: the user must be allowed to see the ticket (and, for a client,
 * the file must not belong to an internal note). Foreign or unknown ids answer 404 alike.
 * Raster images may be shown inline with ?inline=1; everything else is always a download.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const user = await requireUser();
    if (!UUID.test(id)) return notFound();
    const file = await openAttachment(user, id);
    const inline = file.inline && new URL(request.url).searchParams.get("inline") === "1";
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      status: 200,
      headers: {
        "Content-Type": inline ? file.contentType : "application/octet-stream",
        "Content-Length": String(file.size),
        "Content-Disposition": contentDisposition(file.fileName, inline ? "inline" : "attachment"),
        ...STRICT,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof AuthorizationError) {
      await recordSecurityEvent("attachment.denied", { outcome: "denied", reason: error.reason, target: id, route: "/api/attachments/[id]" });
      return new Response(null, { status: error.reason === "unauthenticated" ? 401 : 404, headers: STRICT });
    }
    if (error instanceof TicketNotFoundError) {
      // Unknown id, a ticket the user may not see, or an internal note's file for a client: all alike.
      await recordSecurityEvent("attachment.denied", { outcome: "denied", reason: "not-visible", target: id, route: "/api/attachments/[id]" });
      return notFound();
    }
    return handleRouteError(error, "/api/attachments/[id]");
  }
}

function notFound() {
  return new Response(null, { status: 404, headers: STRICT });
}
