import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ChromeViewer } from "@/lib/dal/viewer";
import { Sidebar } from "@/components/dashboard/sidebar";
import { LogoutButton } from "@/components/auth/logout-button";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { Avatar } from "@/components/ui/avatar";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ClientIntl } from "@/components/layout/client-intl";

/**
 * The dashboard's header (name, bell, language, sign-out), menu and main area, rendered once per
 * document by the dashboard layout: moving between dashboard pages keeps it.
 */
export function DashboardChrome({
  viewer: user,
  children,
}: {
  viewer: ChromeViewer;
  children: React.ReactNode;
}) {
  const t = useTranslations("nav");
  const tRoles = useTranslations("roles");
  const tCommon = useTranslations("common");
  const tSla = useTranslations("sla");
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:p-2"
      >
        {tCommon("skipToContent")}
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 max-md:gap-2 max-md:py-2">
          <Link href="/dashboard" className="font-bold text-brand-800 max-md:basis-full max-md:truncate">
            {user.appName}
          </Link>
          <div
            className="flex flex-wrap items-center gap-3 max-md:w-full max-md:flex-nowrap max-md:gap-2"
            aria-label={t("userMenu")}
          >
            <LanguageSwitch />
            {user.role === "STAFF" && (
              <Link
                href={`/dashboard/tickets?sla=overdue&assignee=${user.id}`}
                aria-label={tSla("overdueHeaderLabel", {
                  count: user.overdue,
                })}
                data-testid="overdue-count"
                className={`rounded border px-2 py-1 text-xs font-semibold ${user.overdue ? "border-red-300 bg-red-50 text-red-900" : "border-slate-300 text-slate-700"}`}
              >
                {user.overdue ? "✖ " : ""}
                {tSla("overdueHeader", { count: user.overdue })}
              </Link>
            )}
            <ClientIntl namespaces={["notifications"]}>
              <NotificationBell unread={user.unread} />
            </ClientIntl>
            <Link
              href="/dashboard/profile"
              className="flex items-center gap-2 text-sm"
              data-testid="current-user"
            >
              <Avatar
                name={user.name}
                src={user.hasAvatar ? `/api/avatars/${user.id}` : null}
              />
              <span className="max-sm:sr-only">
                <span className="font-medium">{user.name}</span>
                <span className="block text-xs text-slate-600">
                  {tRoles(user.role)}
                </span>
              </span>
            </Link>
            <Link
              href="/dashboard/password"
              className="text-sm text-brand-800 underline max-md:hidden"
              data-testid="change-password-link"
            >
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
  );
}
