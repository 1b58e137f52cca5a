import { useTranslations } from "next-intl";
import type { TicketPageView } from "@/lib/views/ticket-page";
import { TICKET_PRIORITIES, type TicketStatus } from "@/lib/validation/tickets";
import { RatingForm, TicketManageForm, TicketStatusButtons, type RateAction, type UpdateAction } from "./ticket-controls";
import { TicketSlaPanel } from "@/components/sla/ticket-sla-panel";
import { TicketShortcuts } from "@/components/shortcuts/ticket-shortcuts";
import { PriorityReview, type ReviewPriorityAction } from "./priority-review";
import { TicketFollowers, type FollowerActions } from "./ticket-followers";
import { TicketRelationsPanel, type RelationActions } from "./ticket-relations";

/** The label of a client's status button: what the move means to them. */
const CLIENT_BUTTON: Partial<Record<TicketStatus, "detail.markResolved" | "detail.close" | "detail.reopen">> = {
  RESOLVED: "detail.markResolved",
  CLOSED: "detail.close",
  OPEN: "detail.reopen",
};

/** Staff panel or the client's buttons, the rating and the history. */
export function TicketSidebar({ view, actions, onChanged }: { view: TicketPageView; actions: { reviewPriority?: ReviewPriorityAction; update: UpdateAction; rate: RateAction; followers?: FollowerActions; relations?: RelationActions }; onChanged: () => Promise<void> }) {
  const t = useTranslations("tickets");
  const tRel = useTranslations("ticketRelations");
  const { ticket } = view;
  const activityText = (a: TicketPageView["ticket"]["activities"][number]) => {
    const label = (value: string | null, text: string | null) => {
      if (!value) return "—";
      if (a.field === "status") return t(`status.${value}` as "status.OPEN");
      if (a.field === "priority" || a.field === "prioritySuggestion") return t(`priority.${value}` as "priority.LOW");
      return text ?? "—";
    };
    if (a.field === "assignee" && !a.toValue) return t("activity.unassigned");
    if (a.field === "autoAssigned") return tRel("activity.autoAssigned", { to: a.toLabel ?? "—" });
    if (a.field === "mergedInto" || a.field === "mergedFrom") return tRel(`activity.${a.field}`, { number: a.toValue ?? "—" });
    if (a.field === "follower") {
      // Oneself: "mulai/berhenti mengikuti"; someone else: who was added or removed.
      if (a.toValue) return a.toLabel === a.actor ? t("activity.followed") : t("activity.followerAdded", { to: a.toLabel ?? "—" });
      return a.fromLabel === a.actor ? t("activity.unfollowed") : t("activity.followerRemoved", { from: a.fromLabel ?? "—" });
    }
    if (a.field === "prioritySuggestion") {
      const values = { from: label(a.fromValue, null), to: label(a.toValue, null) };
      return a.fromValue === a.toValue ? t("activity.prioritySuggestionConfirmed", values) : t("activity.prioritySuggestionChanged", values);
    }
    if (["created", "status", "priority", "department", "assignee", "rating"].includes(a.field)) {
      return t(`activity.${a.field}` as "activity.status", { from: label(a.fromValue, a.fromLabel), to: label(a.toValue, a.toLabel) });
    }
    return a.field;
  };
  const clientButtons = ticket.can.work
    ? []
    : ticket.can.statuses.flatMap((s) => (CLIENT_BUTTON[s] ? [{ status: s, label: t(CLIENT_BUTTON[s]) }] : []));

  return (
    <aside className="space-y-4">
      {ticket.can.work && ticket.suggestionPending && ticket.suggestedPriority && actions.reviewPriority && (
        <PriorityReview ticketId={ticket.id} current={ticket.priority} suggested={ticket.suggestedPriority} action={actions.reviewPriority} onSaved={onChanged} />
      )}
      <TicketSlaPanel sla={view.sla} />
      {/* A merged ticket is read-only: no status, priority, department or assignee to manage. */}
      {view.manage && !view.relations.mergedInto && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <TicketManageForm
            ticketId={ticket.id}
            current={{ status: ticket.status, priority: ticket.priority, departmentId: ticket.departmentId, assigneeId: ticket.assigneeId ?? "" }}
            statuses={ticket.can.statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            priorities={TICKET_PRIORITIES.map((p) => ({ value: p, label: t(`priority.${p}`) }))}
            departments={view.manage.departments}
            assignees={view.manage.assignees}
            action={actions.update}
            onSaved={onChanged}
            copy={{ title: t("detail.manage"), status: t("fields.status"), priority: t("fields.priority"), department: t("fields.department"), assignee: t("fields.assignee"), unassigned: t("fields.unassigned"), save: t("detail.save"), saving: t("detail.saving"), saved: t("detail.saved") }}
          />
        </div>
      )}
      {clientButtons.length > 0 && (
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <TicketStatusButtons ticketId={ticket.id} buttons={clientButtons} action={actions.update} onSaved={onChanged} />
        </div>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("detail.rating")}</h2>
        {ticket.rating ? (
          <div className="mt-1 text-sm" data-testid="ticket-rating">
            <p>{t("detail.ratedWith", { rating: ticket.rating })} {"★".repeat(ticket.rating)}</p>
            {ticket.ratingComment && <p className="mt-1 whitespace-pre-wrap">{ticket.ratingComment}</p>}
          </div>
        ) : ticket.can.rate ? (
          <RatingForm
            ticketId={ticket.id}
            action={actions.rate}
            onSaved={onChanged}
            copy={{ title: t("detail.rating"), comment: t("detail.ratingComment"), submit: t("detail.rate"), stars: [1, 2, 3, 4, 5].map((n) => t("detail.ratingStars", { rating: n })) }}
          />
        ) : (
          <p className="text-sm text-slate-600">—</p>
        )}
      </div>
      {actions.relations && <TicketRelationsPanel ticket={ticket} relations={view.relations} actions={actions.relations} onChanged={onChanged} />}
      {actions.followers && <TicketFollowers ticketId={ticket.id} followers={view.followers} actions={actions.followers} onChanged={onChanged} />}
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">{t("detail.history")}</h2>
        <ol className="mt-2 space-y-2 text-sm" data-testid="ticket-history">
          {ticket.activities.map((a) => (
            <li key={a.id}>
              <span className="font-medium">{a.actor ?? t("activity.system")}</span> {activityText(a)}
              <span className="block text-xs text-slate-600">{a.when}</span>
            </li>
          ))}
        </ol>
      </div>
      <TicketShortcuts where="ticket" />
    </aside>
  );
}
