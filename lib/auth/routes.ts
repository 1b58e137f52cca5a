// Edge-safe: imported by middleware.ts, so no database or Node-only modules here.
import { rolesWith } from "./permissions";
import { ALL_ROLES, type Role } from "./roles";

export type DashboardMenu =
  | "dashboard"
  | "tickets"
  | "admins"
  | "staff"
  | "clients"
  | "faq"
  | "cannedReplies"
  | "departments"
  | "agencies"
  | "settings"
  | "inbox"
  | "audit"
  | "reports";

/**
 * Who may open each dashboard area. The longest matching prefix wins. Used by the middleware
 * (optimistic redirect), the sidebar (what to show) and the DAL (the real check).
 */
export const DASHBOARD_ROUTES: readonly { path: string; roles: readonly Role[]; menu?: DashboardMenu }[] = [
  { path: "/dashboard", roles: ALL_ROLES, menu: "dashboard" },
  { path: "/dashboard/tickets", roles: ALL_ROLES, menu: "tickets" },
  { path: "/dashboard/reports", roles: rolesWith("reports.read"), menu: "reports" },
  { path: "/dashboard/admins", roles: rolesWith("admins.manage"), menu: "admins" },
  { path: "/dashboard/staff", roles: rolesWith("users.manage"), menu: "staff" },
  { path: "/dashboard/clients", roles: rolesWith("users.manage"), menu: "clients" },
  { path: "/dashboard/faq", roles: ALL_ROLES, menu: "faq" },
  { path: "/dashboard/canned-replies", roles: rolesWith("cannedReplies.manage"), menu: "cannedReplies" },
  { path: "/dashboard/departments", roles: rolesWith("catalog.manage"), menu: "departments" },
  { path: "/dashboard/agencies", roles: rolesWith("catalog.manage"), menu: "agencies" },
  { path: "/dashboard/settings", roles: rolesWith("settings.manage"), menu: "settings" },
  { path: "/dashboard/settings/email", roles: rolesWith("email.manage") },
  { path: "/dashboard/inbox", roles: rolesWith("inbox.manage"), menu: "inbox" },
  { path: "/dashboard/audit", roles: rolesWith("audit.read"), menu: "audit" },
  { path: "/dashboard/profile", roles: ALL_ROLES },
  { path: "/dashboard/password", roles: ALL_ROLES },
  { path: "/dashboard/notifications", roles: ALL_ROLES },
];

export function routeFor(pathname: string) {
  let best: (typeof DASHBOARD_ROUTES)[number] | undefined;
  for (const route of DASHBOARD_ROUTES) {
    if (pathname === route.path || pathname.startsWith(route.path + "/")) {
      if (!best || route.path.length > best.path.length) best = route;
    }
  }
  return best;
}

export function canOpen(role: Role, pathname: string): boolean {
  const route = routeFor(pathname);
  return !!route && route.roles.includes(role);
}

export function menusFor(role: Role) {
  return DASHBOARD_ROUTES.filter((r) => r.menu && r.roles.includes(role)) as {
    path: string;
    roles: readonly Role[];
    menu: DashboardMenu;
  }[];
}
