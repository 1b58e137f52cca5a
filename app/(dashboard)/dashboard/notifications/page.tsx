import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { listNotifications } from "@/lib/dal/notifications";
import { MarkReadButton } from "@/components/tickets/ticket-controls";
import { markAllNotificationsReadAction, markNotificationReadAction } from "../tickets/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/dashboard/notifications");
  const page = Math.max(1, Math.min(100, Number((await searchParams).page) || 1));
  const [t, when, list] = await Promise.all([getTranslations("notifications"), getDateTimeFormatter(), listNotifications(user, page)]);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        {list.rows.some((n) => !n.readAt) && <MarkReadButton label={t("markAllRead")} run={markAllNotificationsReadAction} />}
      </div>
      {list.rows.length === 0 && <p className="text-slate-600">{t("empty")}</p>}
      <ul className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {list.rows.map((n) => (
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
            {!n.readAt && <MarkReadButton label={t("markRead")} run={markNotificationReadAction.bind(null, { id: n.id })} />}
          </li>
        ))}
      </ul>
      <nav className="flex gap-3 text-sm" aria-label={t("title")}>
        {page > 1 && <Link href={`/dashboard/notifications?page=${page - 1}`} className="text-brand-700 underline">{t("newer")}</Link>}
        {list.hasNext && <Link href={`/dashboard/notifications?page=${page + 1}`} className="text-brand-700 underline">{t("older")}</Link>}
      </nav>
    </section>
  );
}
