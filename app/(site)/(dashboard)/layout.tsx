import { redirect } from "next/navigation";
import { DashboardChrome } from "@/components/dashboard/dashboard-chrome";
import { ClientIntl } from "@/components/layout/client-intl";
import { getSessionUser } from "@/lib/dal/session";
import { dashboardViewer } from "@/lib/dal/viewer";

/** Shell only. Each page checks its own access through requirePageUser (a layout is no gate). */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser();
  if (!user) redirect("/login");
  return (
    <ClientIntl namespaces={["savedFilters"]}>
      <DashboardChrome viewer={await dashboardViewer(user)}>{children}</DashboardChrome>
    </ClientIntl>
  );
}
