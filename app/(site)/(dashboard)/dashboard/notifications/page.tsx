import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDateTimeFormatter } from "@/lib/format";
import { requirePageUser } from "@/lib/dal/session";
import { countUnreadNotifications, listNotifications, UNREAD_CAP } from "@/lib/dal/notifications";
import { ActionButton } from "@/components/ui/action-button";
import { NotificationList } from "@/components/notifications/notification-list";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePageUser("/dashboard/notifications");
  const page = Math.max(1, Math.min(100, Number((await searchParams).page) || 1));
  // The same count as the header's bell, so the two never disagree.
  const [t, when, list, unread] = await Promise.all([
    getTranslations("notifications"),
    getDateTimeFormatter(),
    listNotifications(user, page),
    countUnreadNotifications(user),
  ]);
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("title")}</h1>
          <p className="text-sm text-slate-600" data-testid="notifications-unread">
            {unread ? t("unreadCount", { count: unread > UNREAD_CAP ? `${UNREAD_CAP}+` : String(unread) }) : t("allRead")}
          </p>
        </div>
        {unread > 0 && <ActionButton action={markAllNotificationsReadAction} input={{}} label={t("markAllRead")} look="secondary" />}
      </div>
      <NotificationList rows={list.rows} when={when} markReadAction={markNotificationReadAction} />
      <nav className="flex gap-3 text-sm" aria-label={t("pages")}>
        {page > 1 && <Link href={`/dashboard/notifications?page=${page - 1}`} className="text-brand-700 underline">{t("newer")}</Link>}
        {list.hasNext && <Link href={`/dashboard/notifications?page=${page + 1}`} className="text-brand-700 underline">{t("older")}</Link>}
      </nav>
    </section>
  );
}
