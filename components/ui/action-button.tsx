"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action";

const LOOK = {
  neutral: "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100",
  danger: "rounded border border-red-300 px-2 py-1 text-xs font-medium text-red-800 hover:bg-red-50",
  primary: "rounded bg-brand-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-800",
  secondary: "rounded border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100",
} as const;

/**
 * One button that runs one server action with fixed input (deactivate, publish, mark handled,
 * mark read…), with an optional confirm; the action's error, or a success line, shows beside it.
 * Small looks (table rows) put the line below the button, large ones after it.
 */
export function ActionButton({
  action,
  input,
  label,
  pendingLabel,
  successText,
  confirm,
  look = "neutral",
}: {
  action: (input: unknown) => Promise<ActionResult<unknown>>;
  input: Record<string, unknown>;
  label: string;
  pendingLabel?: string;
  successText?: string;
  confirm?: string;
  look?: keyof typeof LOOK;
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const small = look === "neutral" || look === "danger";
  const line = small ? "mt-1 text-xs" : "text-sm";
  return (
    <span className={small ? "inline-flex flex-col" : "inline-flex flex-wrap items-center gap-2"}>
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const result = await action(input);
            if (result.ok) {
              setMessage(successText ? { ok: true, text: successText } : null);
              router.refresh();
            } else setMessage({ ok: false, text: result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "" });
          });
        }}
        className={`${LOOK[look]} disabled:opacity-60`}
      >
        {pending && pendingLabel ? pendingLabel : label}
      </button>
      {message && (
        <span role={message.ok ? "status" : "alert"} className={`${line} ${message.ok ? "text-green-800" : "text-red-700"}`}>
          {message.text}
        </span>
      )}
    </span>
  );
}
