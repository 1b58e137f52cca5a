import "server-only";
import type { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { requireUser } from "@/lib/dal/session";
import { AuthorizationError, UserFacingError } from "@/lib/errors";
import type { Permission } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/dal/users";
import { formatValidationMessage } from "@/lib/validation/zod";
import { findNul } from "@/lib/validation/nul";
import { serverTranslator } from "@/lib/i18n/server";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { log } from "@/lib/log";
import { recordSecurityEvent } from "@/lib/dal/security-log";

/** The one result shape of every server action. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | { ok: false; formError?: string; fieldErrors?: Record<string, string> };

/** FormData → plain object; a name sent several times (files, checkboxes) becomes an array. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key);
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/**
 * Every action has this shape: require the user (and the permission) → parse with zod → run →
 * typed result. The session is checked first, so an anonymous caller learns nothing about
 * validation. The permission here is only the early gate: the DAL function the body calls asserts
 * it again and is the authority (lib/auth/permissions.ts).
 */
export function runAction<S extends z.ZodType, T>(
  options: { schema: S; input: unknown; permission?: Permission },
  body: (input: z.infer<S>, user: SessionUser) => Promise<T>,
): Promise<ActionResult<T>> {
  return execute(options.schema, options.input, () => requireUser(options.permission), body);
}

/** The same shape for the few actions a visitor may call (the Kontak form). */
export function runPublicAction<S extends z.ZodType, T>(
  options: { schema: S; input: unknown },
  body: (input: z.infer<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  return execute(options.schema, options.input, async () => null, (input) => body(input));
}

async function execute<S extends z.ZodType, U, T>(
  schema: S,
  input: unknown,
  authorize: () => Promise<U>,
  body: (input: z.infer<S>, user: U) => Promise<T>,
): Promise<ActionResult<T>> {
  const t = await serverTranslator();
  try {
    const user = await authorize();
    const raw = input instanceof FormData ? formDataToObject(input) : input;
    // PostgreSQL refuses NUL in text: say so at the field instead of failing in the database.
    const nulAt = findNul(raw);
    if (nulAt !== null) {
      const text = t("validation.nul");
      return nulAt ? { ok: false, fieldErrors: { [nulAt]: text }, formError: t("errors.checkFields") } : { ok: false, formError: text };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      let formError: string | undefined;
      for (const issue of parsed.error.issues) {
        const text = formatValidationMessage(issue.message, (k, v) => t(`validation.${k}`, v)) ?? t("validation.invalid");
        const field = issue.path.join(".");
        if (!field || issue.code === "unrecognized_keys") formError ??= text;
        else fieldErrors[field] ??= text;
      }
      return { ok: false, fieldErrors, formError: formError ?? t("errors.checkFields") };
    }
    return { ok: true, data: await body(parsed.data, user) };
  } catch (error) {
    unstable_rethrow(error); // redirect() and notFound() are Next's control flow, not failures
    if (error instanceof AuthorizationError) {
      await recordSecurityEvent("authz.denied", { outcome: "denied", reason: error.reason, route: "server-action" }).catch(() => undefined);
      return { ok: false, formError: t(error.reason === "unauthenticated" ? "errors.unauthenticated" : "errors.forbidden") };
    }
    if (error instanceof UserFacingError) {
      const text = t(error.key, error.options.values);
      return error.options.field
        ? { ok: false, fieldErrors: { [error.options.field]: text } }
        : { ok: false, formError: text };
    }
    if (isDatabaseUnavailable(error)) {
      log.error({ kind: "database-unavailable", err: error }, "database unavailable in server action");
      return { ok: false, formError: t("errors.databaseUnavailable") };
    }
    log.error({ kind: "action-error", err: error }, "unexpected error in server action");
    return { ok: false, formError: t("errors.generic") };
  }
}
