"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/action";

/** A button that runs one server action with fixed input (deactivate, publish…), with an optional confirm. */
export function ActionButton<I>({
  action,
  input,
  label,
  confirm,
  tone = "neutral",
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  confirm?: string;
  tone?: "neutral" | "danger";
}) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col">
      <button
        type="button"
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          start(async () => {
            const result = await action(input);
            if (result.ok) {
              setError(null);
              router.refresh();
            } else setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? null);
          });
        }}
        className={`rounded border px-2 py-1 text-xs font-medium disabled:opacity-60 ${
          tone === "danger" ? "border-red-300 text-red-800 hover:bg-red-50" : "border-slate-300 text-slate-800 hover:bg-slate-100"
        }`}
      >
        {label}
      </button>
      {error && (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
