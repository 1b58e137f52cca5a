"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/tickets/page-view";
import { LoadFailed } from "@/components/dashboard/load-failed";
import { fetchDashboardData } from "@/lib/http/dashboard-data";
import { TicketConversation } from "./ticket-conversation";
import { TicketSidebar } from "./ticket-sidebar";
import type { ReplyAction } from "./reply-form";
import type { RateAction, UpdateAction } from "./ticket-controls";

export type TicketPageActions = { reply: ReplyAction; update: UpdateAction; rate: RateAction };
type State = { kind: "ready"; view: TicketPageView } | { kind: "loading" } | { kind: "notFound" } | { kind: "failed" };

/**
 * The ticket page, rendered in the browser from /api/tickets/detail: the page around it is the same
 * for every ticket and user, whether it is the static page or a navigation inside the dashboard.
 * With `onViewer` (the static page) the first fetch also asks for the header's viewer. After a reply,
 * a save or a rating the ticket is fetched again, and the form says "saved" once the new state is
 * on screen. `number` is null until the static page knows its address.
 */
export function TicketPageApp({
  number,
  actions,
  onViewer,
}: {
  number: string | null;
  actions: TicketPageActions;
  onViewer?: (viewer: NonNullable<TicketPageView["viewer"]>) => void;
}) {
  const t = useTranslations("tickets");
  const tCommon = useTranslations("common");
  const router = useRouter();
  const [state, setState] = useState<State>({ kind: "loading" });
  const needViewer = useRef(!!onViewer);
  // Only the newest fetch may show its answer (a reply and a save can overlap).
  const newest = useRef(0);

  /** Fetches the ticket and shows it; resolves once it is shown (a form's "saved" waits for it). */
  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (number === null) return;
      const mine = ++newest.current;
      const query = new URLSearchParams({ number });
      if (needViewer.current) query.set("options", "1");
      try {
        const answer = await fetchDashboardData<TicketPageView>(`/api/tickets/detail?${query}`, { backTo: `/dashboard/tickets/${encodeURIComponent(number)}`, router, signal });
        if (mine !== newest.current || answer === "signedOut") return;
        // Not there, or not this user's to see: the same answer.
        if (answer === "notFound") return setState({ kind: "notFound" });
        if (answer.data.viewer) {
          needViewer.current = false;
          onViewer?.(answer.data.viewer);
        }
        setState({ kind: "ready", view: answer.data });
      } catch {
        // A failed refresh after a change keeps the ticket on screen; a failed first load says so.
        if (!signal?.aborted && mine === newest.current) setState((s) => (s.kind === "ready" ? s : { kind: "failed" }));
      }
    },
    [number, router, onViewer],
  );

  useEffect(() => {
    const abort = new AbortController();
    // load sets state only after its fetch answers, never synchronously in this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(abort.signal);
    return () => abort.abort();
  }, [load]);

  const reload = useCallback(() => load(), [load]);

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
      <LoadFailed
        text={t("detail.loadFailed")}
        onRetry={() => {
          setState({ kind: "loading" });
          void load();
        }}
      />
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
