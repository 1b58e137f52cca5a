import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { listNotifications } from "@/lib/dal/notifications";
import { ActionButton } from "@/components/ui/action-button";
import { messageAnchor } from "@/lib/notifications/anchor";

type Row = Awaited<ReturnType<typeof listNotifications>>["rows"][number];

/** The notifications page: newest first, unread ones highlighted, each with its mark-read button. */
export function NotificationList({
  rows,
  when,
  markReadAction,
}: {
  rows: Row[];
  when: (date: Date) => string;
  markReadAction: (input: unknown) => Promise<ActionResult<unknown>>;
}) {
  const t = useTranslations("notifications");
  const tTickets = useTranslations("tickets");
  if (rows.length === 0) return <p className="text-slate-600">{t("empty")}</p>;

  // What changed, in words: the new status, who answered; rows written before these were kept say less.
  const title = (n: Row) => {
    const values = { number: n.ticket.number, subject: n.ticket.subject };
    if (n.kind === "TICKET_STATUS" && n.detail) return t("statusTo", { ...values, status: tTickets(`status.${n.detail}` as "status.OPEN") });
    if (n.kind === "TICKET_REPLY" && n.message) return t("replyBy", { ...values, author: n.message.author.name });
    if (n.kind === "TICKET_NOTE" && n.message) return t("noteBy", { ...values, author: n.message.author.name });
    // A bulk change: one notification for the person's tickets, the first of them linked.
    return t(`kind.${n.kind}`, { ...values, count: n.ticketIds.length });
  };
  // The ticket page, scrolled to the message the notification is about (a merged ticket's message lives elsewhere).
  const href = (n: Row) =>
    `/dashboard/tickets/${encodeURIComponent(n.ticket.number)}${n.message && n.message.ticketId === n.ticketId ? `#${messageAnchor(n.message.id)}` : ""}`;

  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
      {rows.map((n) => (
        <li key={n.id} className={`flex flex-wrap items-center justify-between gap-2 p-3 ${n.readAt ? "" : "bg-brand-50"}`} data-testid="notification" data-unread={n.readAt ? undefined : true}>
          <div>
            <Link href={href(n)} className={`text-brand-700 underline ${n.readAt ? "" : "font-semibold"}`}>
              {title(n)}
            </Link>
            <span className="block text-xs text-slate-600">
              {when(n.createdAt)}
              {!n.readAt && <> · {t("unread")}</>}
            </span>
          </div>
          {!n.readAt && <ActionButton action={markReadAction} input={{ id: n.id }} label={t("markRead")} />}
        </li>
      ))}
    </ul>
  );
}
