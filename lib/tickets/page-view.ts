import "server-only";
import type { SessionUser } from "@/lib/dal/users";
import { getSettings } from "@/lib/dal/settings";
import { getTicketOrThrow, type TicketDetail, type SlaTargetView } from "@/lib/dal/tickets";
import { getDateTimeFormatter } from "@/lib/format";
import { currentLocale, serverTranslator } from "@/lib/i18n/server";
import type { Locale } from "@/lib/i18n/locales";
import { dashboardViewer } from "@/lib/dal/viewer";
import type { ChromeViewer } from "@/components/dashboard/dashboard-chrome";
import { slaWords } from "@/lib/sla/words";
import type { SlaTone } from "@/components/sla/sla-badge";
import type { AttachmentLimits } from "@/lib/validation/tickets";

type Option = { value: string; label: string };
type Detail = TicketDetail;

/** One service-level target as the panel shows it: due time and state, already in the user's words. */
export type SlaTargetText = { due: string; dueIso: string; status: { text: string; tone: SlaTone } };

/** What /api/tickets/detail answers: everything the ticket page shows, dates already in the user's language and zone. */
export type TicketPageView = {
  ticket: Pick<Detail, "id" | "number" | "subject" | "description" | "status" | "priority" | "suggestedPriority" | "departmentId" | "assigneeId" | "rating" | "ratingComment" | "attachments" | "can"> & {
    department: string;
    assignee: string | null;
    client: string;
    createdBy: string;
    created: string;
    messages: (Pick<Detail["messages"][number], "id" | "body" | "internal" | "attachments"> & { author: string; authorRole: SessionUser["role"]; when: string })[];
    activities: (Pick<Detail["activities"][number], "id" | "field" | "fromValue" | "toValue" | "fromLabel" | "toLabel"> & { actor: string | null; when: string })[];
  };
  sla: { firstResponse: SlaTargetText | null; resolution: SlaTargetText | null; pausedTotal: string | null } | null;
  /** The staff panel's choices (staff side only). */
  manage: { departments: Option[]; assignees: Option[] } | null;
  limits: AttachmentLimits;
  /** On a page load: the header's user, bell and overdue count, and the language of every text here. */
  viewer: (ChromeViewer & { locale: Locale }) | null;
};

/**
 * The ticket page of one user, in the shape the browser renders (the page itself is a fixed shell;
 * see docs/architecture.md "Ticket page"). Scope and permissions are the DAL's: getTicketOrThrow
 * answers "not found" for a ticket the user may not see, and hides internal notes from clients.
 */
export async function ticketPageView(user: SessionUser, number: string, withViewer: boolean): Promise<TicketPageView> {
  const locale = await currentLocale();
  const [ticket, when, t, settings, viewer] = await Promise.all([
    getTicketOrThrow(user, number),
    getDateTimeFormatter(),
    serverTranslator(locale),
    getSettings("ticket"),
    withViewer ? dashboardViewer(user) : null,
  ]);
  const words = slaWords((key, values) => t(`sla.${key}`, values));
  const target = (v: SlaTargetView | null): SlaTargetText | null => {
    if (!v) return null;
    let status: SlaTargetText["status"];
    if (v.state === "met") status = { text: words.t("met", { when: when(v.doneAt ?? v.dueAt) }), tone: "ok" };
    else if (v.state === "missed") status = { text: words.t("missed", { when: when(v.doneAt ?? v.dueAt) }), tone: "late" };
    else if (v.state === "running") status = words.left(v.minutesLeft, v.pastDue);
    else status = { text: `${words.t(v.state === "paused" ? "paused" : "stopped")} · ${words.left(v.minutesLeft, v.pastDue).text}`, tone: "idle" };
    return { due: words.t("dueAt", { when: when(v.dueAt) }), dueIso: v.dueAt.toISOString(), status };
  };
  const { sla } = ticket;
  return {
    ticket: {
      id: ticket.id,
      number: ticket.number,
      subject: ticket.subject,
      description: ticket.description,
      status: ticket.status,
      priority: ticket.priority,
      suggestedPriority: ticket.suggestedPriority,
      departmentId: ticket.departmentId,
      assigneeId: ticket.assigneeId,
      rating: ticket.rating,
      ratingComment: ticket.ratingComment,
      attachments: ticket.attachments,
      can: ticket.can,
      department: ticket.department.name,
      assignee: ticket.assignee?.name ?? null,
      client: ticket.client.name,
      createdBy: ticket.createdBy.name,
      created: when(ticket.createdAt),
      messages: ticket.messages.map((m) => ({ id: m.id, body: m.body, internal: m.internal, attachments: m.attachments, author: m.author.name, authorRole: m.author.role, when: when(m.createdAt) })),
      activities: ticket.activities.map((a) => ({
        id: a.id,
        field: a.field,
        fromValue: a.fromValue,
        toValue: a.toValue,
        fromLabel: a.fromLabel,
        toLabel: a.toLabel,
        actor: a.actor.name,
        when: when(a.createdAt),
      })),
    },
    sla: sla && {
      firstResponse: target(sla.firstResponse),
      resolution: target(sla.resolution),
      pausedTotal: sla.pausedMinutes > 0 ? words.t("pausedTotal", { time: words.duration(sla.pausedMinutes) }) : null,
    },
    manage: ticket.can.work
      ? {
          departments: ticket.choices.departments.map((d) => ({ value: d.id, label: d.name })),
          assignees: ticket.choices.assignable.map((a) => ({ value: a.id, label: a.name })),
        }
      : null,
    limits: { allowedExtensions: settings.allowedExtensions, maxFileSizeMb: settings.maxFileSizeMb, maxFilesPerMessage: settings.maxFilesPerMessage },
    viewer: viewer && { ...viewer, locale },
  };
}
