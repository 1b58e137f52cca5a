"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/tickets/page-view";
import { TicketConversation } from "./ticket-conversation";
import { TicketSidebar } from "./ticket-sidebar";
import type { ReplyAction } from "./reply-form";
import type { RateAction, UpdateAction } from "./ticket-controls";

export type TicketPageActions = { reply: ReplyAction; update: UpdateAction; rate: RateAction };
type State = { kind: "ready"; view: TicketPageView } | { kind: "loading" } | { kind: "notFound" } | { kind: "failed" };

/**
 * The ticket page, rendered in the browser from /api/tickets/detail (the page around it is the same
 * for every ticket and user). `initial`: the view the server already has (a navigation inside the
 * dashboard); without it the first fetch also asks for the header's viewer. After a reply, a save or
 * a rating the ticket is fetched again, and the form says "saved" once the new state is on screen.
 */
export function TicketPageApp({
  number,
  initial,
  actions,
  onViewer,
}: {
  number: string;
  initial?: TicketPageView;
  actions: TicketPageActions;
  onViewer?: (viewer: NonNullable<TicketPageView["viewer"]>) => void;
}) {
  const t = useTranslations("tickets");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [state, setState] = useState<State>(initial ? { kind: "ready", view: initial } : { kind: "loading" });
  // The header's viewer is asked for once, with the first answer (a page load of the static shell).
  const needViewer = useRef(!initial && !!onViewer);

  /** Fetches the ticket and shows it; resolves once it is shown (a form's "saved" waits for it). */
  const load = useCallback(
    async (signal?: AbortSignal) => {
      const query = new URLSearchParams({ number });
      if (needViewer.current) query.set("options", "1");
      try {
        const res = await fetch(`/api/tickets/detail?${query}`, { signal, headers: { accept: "application/json" } });
        // The session ended (sign-out elsewhere, revoked, timed out): to the login, back here after.
        if (res.status === 401) return router.replace(`/login?callbackUrl=${encodeURIComponent(`/dashboard/tickets/${encodeURIComponent(number)}`)}`);
        // Not there, or not this user's to see: the same answer.
        if (res.status === 404) return setState({ kind: "notFound" });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const view = (await res.json()) as TicketPageView;
        if (view.viewer) {
          needViewer.current = false;
          onViewer?.(view.viewer);
        }
        setState({ kind: "ready", view });
      } catch {
        // A failed refresh after a change keeps the ticket on screen; a failed first load says so.
        if (!signal?.aborted) setState((s) => (s.kind === "ready" ? s : { kind: "failed" }));
      }
    },
    [number, router, onViewer],
  );

  useEffect(() => {
    if (initial) return;
    const abort = new AbortController();
    // load sets state only after its fetch answers, never synchronously in this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(abort.signal);
    return () => abort.abort();
  }, [initial, load]);

  const reload = useCallback(() => load(), [load]);
  const retry = () => {
    setState({ kind: "loading" });
    void load();
  };

  if (state.kind === "notFound") {
    return (
      <div className="py-12 text-center">
        <h1 className="text-2xl font-bold">{tCommon("notFoundTitle")}</h1>
        <p className="mt-3 text-slate-700">{t("errors.notFound")}</p>
        <Link href="/dashboard/tickets" prefetch={false} className="mt-6 inline-block text-brand-700 underline">
          {t("title")}
        </Link>
      </div>
    );
  }
  if (state.kind === "failed") {
    return (
      <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        {t("detail.loadFailed")}{" "}
        <button type="button" onClick={retry} className="font-semibold underline">
          {tCommon("tryAgain")}
        </button>
      </div>
    );
  }
  if (state.kind === "loading") {
    return (
      <p role="status" aria-busy="true" className="text-sm text-slate-600">
        {t("detail.loading")}
      </p>
    );
  }
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]" data-testid="ticket-page" data-number={state.view.ticket.number}>
      <TicketConversation view={state.view} replyAction={actions.reply} onChanged={reload} />
      <TicketSidebar view={state.view} actions={actions} onChanged={reload} />
    </div>
  );
}
