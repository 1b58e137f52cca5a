import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/dal/session";
import { getAdminDashboard, getClientDashboard, getStaffDashboard } from "@/lib/dal/dashboards";
import { getSetupChecklist } from "@/lib/dal/setup";
import { holidayYearToConfirm } from "@/lib/dal/sla";
import { AdminDashboardView, ClientDashboardView, StaffDashboardView } from "@/components/dashboard/role-dashboards";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

/** The landing page after login: what each role should do next (docs/reports.md). */
export default async function DashboardPage() {
  const user = await requirePageUser("/dashboard");
  const [t, tRoles] = await Promise.all([getTranslations("dashboard"), getTranslations("roles")]);
  let view: React.ReactNode;
  if (can(user, "tickets.seeAll")) {
    const [d, steps, holidayYear] = await Promise.all([
      getAdminDashboard(user),
      can(user, "admins.manage") ? getSetupChecklist(user) : Promise.resolve(null),
      holidayYearToConfirm(user),
    ]);
    view = <AdminDashboardView d={d} steps={steps} holidayYear={holidayYear} />;
  } else if (user.role === "STAFF") {
    view = <StaffDashboardView d={await getStaffDashboard(user)} userId={user.id} />;
  } else {
    view = <ClientDashboardView d={await getClientDashboard(user)} />;
  }
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold">{t("welcome", { name: user.name })}</h1>
        <p className="mt-1 text-slate-700">{t("roleLine", { role: tRoles(user.role) })}</p>
      </header>
      {view}
    </div>
  );
}
