import id from "@/messages/id.json";
import en from "@/messages/en.json";
import { isDatabaseUnavailable } from "../db-errors";
import { log } from "../log";

/**
 * 503 for a route handler whose database is gone: a clear "try again" (both languages — the
 * language setting lives in the database too) instead of a 500 or a hang.
 */
export function databaseUnavailableResponse(): Response {
  return Response.json(
    { error: "database-unavailable", message: id.errors.databaseUnavailable, messageEn: en.errors.databaseUnavailable },
    { status: 503, headers: { "Retry-After": "5", "Cache-Control": "no-store" } },
  );
}

/** The route handlers' last catch: 503 when the database is unreachable; anything else is rethrown (→ 500, logged with its digest). */
export function handleRouteError(error: unknown, route: string): Response {
  if (isDatabaseUnavailable(error)) {
    log.error({ kind: "database-unavailable", route, err: error }, "database unavailable");
    return databaseUnavailableResponse();
  }
  throw error;
}
