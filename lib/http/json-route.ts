import "server-only";
import type { z } from "zod";
import { AuthorizationError, UserFacingError } from "@/lib/errors";
import { findNul } from "@/lib/validation/nul";
import { recordSecurityEvent } from "@/lib/dal/security-log";
import { requireUser } from "@/lib/dal/session";
import type { SessionUser } from "@/lib/dal/users";
import { serverTranslator } from "@/lib/i18n/server";
import { handleRouteError } from "./index";

/**
 * The JSON API's one shape (the twin of runAction for route handlers): JSON only (a cross-site form
 * cannot post it) → the session → zod → the DAL → `{ status, body }`. Known errors become 400/401/403
 * with the user's-language message, an unreachable database 503; anything else is Next's 500 (logged).
 */
export async function jsonRoute<S extends z.ZodType>(
  request: Request,
  schema: S | ((user: SessionUser) => Promise<S>),
  body: (input: z.infer<S>, user: SessionUser) => Promise<{ status: number; json: unknown }>,
): Promise<Response> {
  if (!request.headers.get("content-type")?.toLowerCase().startsWith("application/json")) {
    return Response.json({ error: "unsupported media type" }, { status: 415 });
  }
  try {
    const user = await requireUser();
    const raw: unknown = await request.json().catch(() => null);
    const nulAt = findNul(raw);
    if (nulAt !== null) {
      const t = await serverTranslator();
      return Response.json({ error: "invalid", issues: [{ path: nulAt, message: t("validation.nul") }] }, { status: 400 });
    }
    const parsed = (typeof schema === "function" ? await schema(user) : schema).safeParse(raw && typeof raw === "object" ? { attachments: [], ...raw } : raw);
    if (!parsed.success) {
      return Response.json({ error: "invalid", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
    }
    const result = await body(parsed.data, user);
    return Response.json(result.json, { status: result.status });
  } catch (error) {
    return jsonError(error, request);
  }
}

/**
 * A JSON read (GET): the session → `body` → 200, with jsonRoute's errors. Never cached by the browser
 * or a proxy: the answer is one user's view and must follow revocation at once.
 */
export async function jsonReadRoute(request: Request, body: (user: SessionUser) => Promise<unknown>): Promise<Response> {
  try {
    const user = await requireUser();
    return Response.json(await body(user), { headers: { "Cache-Control": "private, no-store" } });
  } catch (error) {
    return jsonError(error, request);
  }
}

/** Known errors → 400/401/403/404 with the user's-language message, an unreachable database 503; anything else rethrown (Next's 500, logged). */
async function jsonError(error: unknown, request: Request): Promise<Response> {
  if (error instanceof AuthorizationError) {
    await recordSecurityEvent("authz.denied", { outcome: "denied", reason: error.reason, route: new URL(request.url).pathname });
    return Response.json({ error: error.reason }, { status: error.reason === "unauthenticated" ? 401 : 403 });
  }
  if (error instanceof UserFacingError) {
    const t = await serverTranslator();
    return Response.json({ error: t(error.key, error.options.values), field: error.options.field }, { status: error.key === "tickets.errors.notFound" ? 404 : 400 });
  }
  return handleRouteError(error, new URL(request.url).pathname);
}
