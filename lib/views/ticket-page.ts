import "server-only";
import type { SessionUser } from "@/lib/dal/users";
import { getSettings } from "@/lib/dal/settings";
import { getTicketOrThrow, ticketFollowers, type TicketDetail, type SlaTargetView } from "@/lib/dal/tickets";
import { markTicketNotificationsRead } from "@/lib/dal/notifications";
import { getTicketRelations, type TicketRelations } from "@/lib/dal/tickets/relations";
import { getDateTimeFormatter } from "@/lib/format";
import { serverTranslator } from "@/lib/i18n/server";
import { slaWords, type SlaText } from "@/lib/sla/words";
import { attachmentLimitsOf, type AttachmentLimits } from "@/lib/validation/tickets";

type Option = { value: string; label: string };
type Worded<T> = Omit<T, "createdAt"> & { when: string };

/** One service-level target as the panel shows it: due time and state, already in the user's words. */
export type SlaTargetText = { due: string; dueIso: string; status: SlaText };

/** Everything the ticket page shows: the page's first view and /api/tickets/detail's answer. */
export type TicketPageView = {
  at: number;
  ticket: Omit<TicketDetail, "createdAt" | "updatedAt" | "ratedAt" | "priorityReviewedAt" | "sla" | "choices" | "messages" | "activities"> & {
    created: string;
    /** The client suggested a priority and no one on the staff side has confirmed or changed it yet. */
    suggestionPending: boolean;
    messages: Worded<TicketDetail["messages"][number]>[];
    activities: Worded<TicketDetail["activities"][number]>[];
  };
  sla: { firstResponse: SlaTargetText | null; resolution: SlaTargetText | null; pausedTotal: string | null } | null;
  /** The staff panel's choices (staff side only). */
  manage: { departments: Option[]; assignees: Option[] } | null;
  limits: AttachmentLimits;
  /** Where this ticket was merged, and its linked tickets the user can see. */
  relations: TicketRelations;
  /** The bell's number once this ticket's notifications are read (opening the ticket reads them). */
  unread: number;
  /** Followers with their role in words; who may still be added (staff side). */
  followers: {
    list: { id: string; name: string; role: string }[];
    /** The viewer's id ("Ikuti tiket ini" adds them). */
    me: string;
    following: boolean;
    canManage: boolean;
    candidates: Option[];
  };
};

/**
 * The ticket page of one user, dates and service-level states in the user's language and zone. Scope
 * and permissions are the DAL's: getTicketOrThrow answers "not found" for a ticket the user may not
 * see, and hides internal notes from clients.
 */
export async function ticketPageView(user: SessionUser, number: string): Promise<TicketPageView> {
  const [detail, when, t, settings, relations] = await Promise.all([
    getTicketOrThrow(user, number),
    getDateTimeFormatter(),
    serverTranslator(),
    getSettings("ticket"),
    getTicketRelations(user, number),
  ]);
  const [unread, followers] = await Promise.all([markTicketNotificationsRead(user, detail.id), ticketFollowers(user, detail.id)]);
  const roleOf = (role: string) => t(`roles.${role}`);
  const words = slaWords((key, values) => t(`sla.${key}`, values));
  const target = (v: SlaTargetView | null): SlaTargetText | null => {
    if (!v) return null;
    let status: SlaText;
    if (v.state === "met") status = { text: words.t("met", { when: when(v.doneAt ?? v.dueAt) }), tone: "ok" };
    else if (v.state === "missed") status = { text: words.t("missed", { when: when(v.doneAt ?? v.dueAt) }), tone: "late" };
    else if (v.state === "running") status = words.left(v.minutesLeft, v.pastDue);
    else status = { text: `${words.t(v.state === "paused" ? "paused" : "stopped")} · ${words.left(v.minutesLeft, v.pastDue).text}`, tone: "idle" };
    return { due: words.t("dueAt", { when: when(v.dueAt) }), dueIso: v.dueAt.toISOString(), status };
  };
  const { createdAt, updatedAt: _updated, ratedAt: _rated, priorityReviewedAt, sla, choices, messages, activities, ...ticket } = detail;
  return {
    at: Date.now(),
    ticket: {
      ...ticket,
      created: when(createdAt),
      // A client who left the form's default suggests the priority the ticket has: nothing to decide.
      suggestionPending: !!ticket.suggestedPriority && !priorityReviewedAt && ticket.suggestedPriority !== ticket.priority,
      messages: messages.map(({ createdAt: at, ...m }) => ({ ...m, when: when(at) })),
      activities: activities.map(({ createdAt: at, ...a }) => ({ ...a, when: when(at) })),
    },
    sla: sla && {
      firstResponse: target(sla.firstResponse),
      resolution: target(sla.resolution),
      pausedTotal: sla.pausedMinutes > 0 ? words.t("pausedTotal", { time: words.duration(sla.pausedMinutes) }) : null,
    },
    manage: ticket.can.work
      ? {
          departments: choices.departments.map((d) => ({ value: d.id, label: d.name })),
          assignees: choices.assignable.map((a) => ({ value: a.id, label: a.name })),
        }
      : null,
    limits: attachmentLimitsOf(settings),
    relations,
    unread,
    followers: {
      list: followers.followers.map((f) => ({ id: f.id, name: f.name, role: roleOf(f.role) })),
      me: user.id,
      following: followers.following,
      canManage: followers.canManage,
      candidates: followers.candidates.map((c) => ({ value: c.id, label: `${c.name} (${roleOf(c.role)})` })),
    },
  };
}
