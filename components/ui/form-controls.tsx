// No "use client": the pieces below serve client forms and server-rendered filter forms alike.
import type { ReactNode } from "react";
import type { FieldError, FieldValues, Path, UseFormSetError } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import { formatValidationMessage } from "@/lib/validation/zod";

/**
 * Field errors come from two places: the shared zod schema in the browser (a message key) and the
 * server action (already translated, stored with type "server").
 */
export function useErrorText() {
  const tv = useTranslations("validation");
  return (error: FieldError | undefined) =>
    !error ? undefined : error.type === "server" ? error.message : formatValidationMessage(error.message, (k, v) => tv(k, v));
}

/** Puts an action's field errors next to their fields; returns the form-level message, if any. */
export function applyActionErrors<T extends FieldValues>(result: Extract<ActionResult<unknown>, { ok: false }>, setError: UseFormSetError<T>): string | null {
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) setError(field as Path<T>, { type: "server", message });
  return result.formError ?? null;
}

export function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria props linking an input to its hint and error paragraphs. */
export function describedBy(id: string, error?: string, hint?: string) {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return { id, "aria-invalid": !!error, ...(ids ? { "aria-describedby": ids } : {}) };
}

export type FormMessage = { text: string; tone: "error" | "success" } | null;

/** A form-level line: an error (role alert) or a success (role status). */
export function FormAlert({ message }: { message: FormMessage | string }) {
  if (!message) return null;
  const { text, tone } = typeof message === "string" ? { text: message, tone: "error" } : message;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={
        tone === "error"
          ? "rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
          : "rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800"
      }
    >
      {text}
    </p>
  );
}

export const inputClass = "mt-1 w-full rounded border border-slate-400 px-3 py-2";
export const buttonClass = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
