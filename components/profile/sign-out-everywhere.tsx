"use client";

import { useState } from "react";
import { signOut } from "next-auth/react";
import type { ActionResult } from "@/lib/actions/action";
import { FormAlert } from "@/components/ui/form-controls";

/** Ends every session of the user (all devices), then this browser's cookie, and goes to login. */
export function SignOutEverywhere({ copy, action }: { copy: { title: string; body: string; button: string; busy: string }; action: (input: Record<string, unknown>) => Promise<ActionResult<unknown>> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <h2 className="text-lg font-semibold">{copy.title}</h2>
      <p className="text-sm text-slate-700">{copy.body}</p>
      <FormAlert message={error ?? ""} />
      <button
        type="button"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await action({});
          if (result.ok) {
            await signOut({ callbackUrl: "/login?notice=signed-out-everywhere" });
            return;
          }
          setError(result.formError ?? null);
          setBusy(false);
        }}
        className="rounded border border-red-700 px-3 py-1.5 text-sm font-medium text-red-800 hover:bg-red-50 disabled:opacity-60"
      >
        {busy ? copy.busy : copy.button}
      </button>
    </div>
  );
}
