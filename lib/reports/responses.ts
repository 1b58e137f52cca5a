import { AuthorizationError, UserFacingError } from "@/lib/errors";
import type { Translate } from "@/lib/i18n/server";
import { CONTENT_TYPES } from "./export";
import type { ExportFormat } from "@/lib/validation/reports";

/** A streamed download: attachment, never cached, never sniffed. */
export function downloadResponse(body: ReadableStream<Uint8Array>, fileName: string, format: ExportFormat): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * Errors of an export route: no session → 401; a role without the permission → 404 (a Client learns
 * nothing, as with a foreign ticket); what the user can fix → 400 with the message in their language.
 */
export function exportErrorResponse(error: unknown, t: Translate): Response {
  if (error instanceof AuthorizationError) return new Response(null, { status: error.reason === "unauthenticated" ? 401 : 404 });
  if (error instanceof UserFacingError) return Response.json({ error: t(error.key, error.options.values) }, { status: 400 });
  throw error;
}
