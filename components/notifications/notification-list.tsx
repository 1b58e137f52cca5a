import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/actions/action";
import type { listNotifications } from "@/lib/dal/notifications";
import { ActionButton } from "@/components/ui/action-button";

type Row = Awaited<ReturnType<typeof listNotifications>>["rows"][number];

/** "Detail Notifikasi Tiket": newest first, unread ones highlighted, each with its mark-read button. */
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
  if (rows.length === 0) return <p className="text-slate-600">{t("empty")}</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
      {rows.map((n) => (
        <li key={n.id} className={`flex flex-wrap items-center justify-between gap-2 p-3 ${n.readAt ? "" : "bg-brand-50"}`} data-testid="notification">
          <div>
            <Link href={`/dashboard/tickets/${encodeURIComponent(n.ticket.number)}`} className={`text-brand-700 underline ${n.readAt ? "" : "font-semibold"}`}>
              {t(`kind.${n.kind}`, { number: n.ticket.number, subject: n.ticket.subject })}
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
