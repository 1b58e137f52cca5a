"use client";

import { useEffect, useState } from "react";
import { cannedRepliesUrl } from "@/lib/validation/canned-replies";

/** One canned reply as the menu gets it: its text already filled from the ticket. */
export type CannedChoice = { id: string; title: string; body: string; global: boolean; attachments: { id: string; fileName: string; size: number }[] };
export type CannedMenuCopy = { button: string; search: string; hint: string; empty: string; loading: string; failed: string; global: string; results: string; attached: string; remove: string };

/**
 * The matches for what was typed, fetched from the menu's data route while the menu is open (a short
 * pause after typing; an older answer never replaces a newer one).
 */
export function useCannedChoices(ticketId: string, open: boolean, query: string) {
  const [state, setState] = useState<{ for: string | null; choices: CannedChoice[]; status: "loading" | "ready" | "failed" }>({ for: null, choices: [], status: "loading" });
  useEffect(() => {
    if (!open) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(cannedRepliesUrl(ticketId, query), { signal: controller.signal, headers: { accept: "application/json" } });
        if (!res.ok) throw new Error(String(res.status));
        setState({ for: query, choices: (await res.json()) as CannedChoice[], status: "ready" });
      } catch {
        if (!controller.signal.aborted) setState({ for: query, choices: [], status: "failed" });
      }
    }, 120);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [ticketId, open, query]);
  // Until the answer for what is typed now arrives, nothing may be picked from an older one.
  if (!open || state.for !== query) return { for: query, choices: [], status: "loading" as const };
  return state;
}

/** The listbox of matches; the caller owns the focus (the textarea or the search box) and the active option. */
export function CannedList({
  id,
  choices,
  status,
  active,
  copy,
  onPick,
}: {
  id: string;
  choices: CannedChoice[];
  status: "loading" | "ready" | "failed";
  active: number;
  copy: CannedMenuCopy;
  onPick: (choice: CannedChoice) => void;
}) {
  return (
    <div className="mt-1 rounded border border-slate-300 bg-white shadow-lg" data-testid="canned-menu">
      <p role="status" className="sr-only">
        {status === "ready" ? (choices.length ? copy.results.replace("{count}", String(choices.length)) : copy.empty) : ""}
      </p>
      {status !== "ready" || choices.length === 0 ? (
        <p className="px-3 py-2 text-sm text-slate-600">{status === "loading" ? copy.loading : status === "failed" ? copy.failed : copy.empty}</p>
      ) : (
        <ul id={id} role="listbox" aria-label={copy.button} className="max-h-64 overflow-y-auto py-1">
          {choices.map((c, i) => (
            <li
              key={c.id}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              // Keep the focus where typing happens: a click picks without blurring it.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(c)}
              className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-brand-50 text-brand-900" : "text-slate-800"}`}
            >
              <span className="font-medium">{c.title}</span>
              {c.global && <span className="ml-2 rounded bg-slate-100 px-1 text-xs text-slate-600">{copy.global}</span>}
              <span className="block truncate text-xs text-slate-600">{c.body.split("\n")[0]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
