"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/actions/action";

/**
 * A one-button form bound to a server action (mark handled, publish, …): works without
 * JavaScript, shows the action's error or success line next to the button.
 */
export function ActionButtonForm({
  action,
  fields,
  label,
  pendingLabel,
  successText,
  variant = "primary",
}: {
  action: (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;
  fields: Record<string, string>;
  label: string;
  pendingLabel?: string;
  successText?: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        disabled={pending}
        className={
          variant === "primary"
            ? "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
            : "rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 disabled:opacity-60"
        }
      >
        {pending && pendingLabel ? pendingLabel : label}
      </button>
      {state && !state.ok && (
        <span role="alert" className="text-sm text-red-700">
          {state.formError}
        </span>
      )}
      {state?.ok && successText && (
        <span role="status" className="text-sm text-green-800">
          {successText}
        </span>
      )}
    </form>
  );
}
