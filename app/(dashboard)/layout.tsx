import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Sidebar } from "@/components/dashboard/sidebar";
import { LogoutButton } from "@/components/auth/logout-button";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Avatar } from "@/components/ui/avatar";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ClientIntl } from "@/components/layout/client-intl";
import { getSessionUser } from "@/lib/dal/session";
import { getSettings } from "@/lib/dal/settings";
import { countUnreadNotifications } from "@/lib/dal/notifications";
import { countMyOverdueTickets } from "@/lib/dal/tickets";

/** Shell only. Each page checks its own access through requirePageUser (a layout is no gate). */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [user, t, general, tRoles, tCommon] = await Promise.all([
    getSessionUser(),
    getTranslations("nav"),
    getSettings("general"),
    getTranslations("roles"),
    getTranslations("common"),
  ]);
  if (!user) redirect("/login");
  // Staff also see how many of their own tickets are past a due time.
  const [unread, overdue, tSla] = await Promise.all([
    countUnreadNotifications(user),
    user.role === "STAFF" ? countMyOverdueTickets(user) : 0,
    getTranslations("sla"),
  ]);

  return (
    <ClientIntl>
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        {tCommon("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/dashboard" className="font-bold text-brand-800">
            {general.appName}
          </Link>
          <div className="flex flex-wrap items-center gap-3" aria-label={t("userMenu")}>
            <LanguageSwitch />
            {user.role === "STAFF" && (
              <Link
                href={`/dashboard/tickets?sla=overdue&assignee=${user.id}`}
                aria-label={tSla("overdueHeaderLabel", { count: overdue })}
                data-testid="overdue-count"
                className={`rounded border px-2 py-1 text-xs font-semibold ${overdue ? "border-red-300 bg-red-50 text-red-900" : "border-slate-300 text-slate-700"}`}
              >
                {overdue ? "✖ " : ""}
                {tSla("overdueHeader", { count: overdue })}
              </Link>
            )}
            <NotificationBell unread={unread} />
            <Link href="/dashboard/profile" className="flex items-center gap-2 text-sm" data-testid="current-user">
              <Avatar name={user.name} src={user.avatar ? `/api/avatars/${user.id}` : null} />
              <span>
                <span className="font-medium">{user.name}</span>
                <span className="block text-xs text-slate-600">{tRoles(user.role)}</span>
              </span>
            </Link>
            <Link href="/dashboard/password" className="text-sm text-brand-800 underline" data-testid="change-password-link">
              {t("password")}
            </Link>
            <LogoutButton label={t("logout")} />
          </div>
        </div>
      </header>
      <div className="flex flex-col gap-6 p-4 md:flex-row print:block print:p-0">
        <div className="print:hidden">
          <Sidebar role={user.role} />
        </div>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </div>
    </ClientIntl>
  );
}
