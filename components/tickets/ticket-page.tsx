"use client";
import { notFound } from "next/navigation";
import { useEffect } from "react";
import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { useHydrated, useView, type InitialView } from "@/components/dashboard/use-view";
import { LoadFailed } from "@/components/dashboard/load-failed";
import { TicketConversation } from "./ticket-conversation";
import { TicketSidebar } from "./ticket-sidebar";
import type { ReviewPriorityAction } from "./priority-review";
import type { FollowerActions } from "./ticket-followers";
import type { RelationActions } from "./ticket-relations";
import { publishUnreadCount } from "@/components/notifications/unread-count";
import type { ReplyAction } from "./reply-form";
import type { RateAction, TakeAction, UpdateAction } from "./ticket-controls";
import { TicketSurvey } from "@/components/skm/ticket-survey";
import type { SkmSubmit } from "@/components/skm/skm-questionnaire";

export type TicketPageActions = { reviewPriority?: ReviewPriorityAction; reply: ReplyAction; update: UpdateAction; rate: RateAction; take: TakeAction; followers?: FollowerActions; skm?: SkmSubmit; relations?: RelationActions };

/**
 * The ticket page: the server renders the first view into the page; after a reply, a save or a rating
 * the ticket is fetched again, and the form says "saved" once the new state is on screen.
 */
export function TicketPage({ initial, actions }: { initial: InitialView<TicketPageView>; actions: TicketPageActions }) {
  const t = useTranslations("tickets");
  const { view, status, retry, refresh } = useView(initial.url, initial);
  const hydrated = useHydrated();
  // Opening the ticket read its notifications: the header's bell shows the number the view brought.
  const unread = view?.unread;
  useEffect(() => {
    if (unread !== undefined) publishUnreadCount(unread);
  }, [unread, view?.at]);

  // Gone or moved out of this user's sight since the page was rendered: the page's "not found".
  if (status === "notFound") notFound();
  if (!view) {
    return status === "failed" ? (
      <LoadFailed text={t("detail.loadFailed")} onRetry={retry} />
    ) : (
      <p role="status" aria-busy="true" className="text-sm text-slate-600">
        {t("detail.loading")}
      </p>
    );
  }
  // The page arrives as HTML before React runs: until then its forms are disabled, or a click would
  // submit them natively (a GET to this address with the reply's text in the URL).
  return (
    <fieldset
      role="presentation"
      disabled={!hydrated}
      className="m-0 grid min-w-0 gap-6 border-0 p-0 lg:grid-cols-[1fr_18rem]"
      data-testid="ticket-page"
      data-number={view.ticket.number}
      data-hydrated={hydrated || undefined}
    >
      <TicketConversation view={view} replyAction={actions.reply} takeAction={actions.take} onChanged={refresh} />
      <TicketSidebar view={view} actions={actions} onChanged={refresh} />
      {actions.skm && <TicketSurvey ticketId={view.ticket.id} status={view.ticket.status} offered={view.ticket.can.rate} submit={actions.skm} />}
    </fieldset>
  );
}
