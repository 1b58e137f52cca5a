import "server-only";
import type { z } from "zod";
import { AuthorizationError, UserFacingError } from "@/lib/errors";
import { requireUser } from "@/lib/dal/session";
import type { SessionUser } from "@/lib/dal/users";
import { serverTranslator } from "@/lib/i18n/server";

/**
 * The JSON API's one shape (the twin of runAction for route handlers): JSON only (a cross-site form
 * cannot post it) → the session → zod → the DAL → `{ status, body }`. Known errors become 400/401/403
 * with the user's-language message; anything else is Next's 500.
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
    const parsed = (typeof schema === "function" ? await schema(user) : schema).safeParse(raw && typeof raw === "object" ? { attachments: [], ...raw } : raw);
    if (!parsed.success) {
      return Response.json({ error: "invalid", issues: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) }, { status: 400 });
    }
    const result = await body(parsed.data, user);
    return Response.json(result.json, { status: result.status });
  } catch (error) {
    if (error instanceof AuthorizationError) return Response.json({ error: error.reason }, { status: error.reason === "unauthenticated" ? 401 : 403 });
    if (error instanceof UserFacingError) {
      const t = await serverTranslator();
      return Response.json({ error: t(error.key, error.options.values), field: error.options.field }, { status: error.key === "tickets.errors.notFound" ? 404 : 400 });
    }
    throw error;
  }
}
