// Edge-safe: imported by middleware.ts, so no database or Node-only modules here.

export const ROLES = ["SUPER_ADMIN", "ADMIN", "STAFF", "CLIENT"] as const;
export type Role = (typeof ROLES)[number];

export const ALL_ROLES: readonly Role[] = ROLES;
export const MANAGERS: readonly Role[] = ["SUPER_ADMIN", "ADMIN"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export type DashboardMenu =
  | "dashboard"
  | "tickets"
  | "admins"
  | "staff"
  | "clients"
  | "faq"
  | "departments"
  | "agencies"
  | "settings"
  | "inbox"
  | "audit";

/**
 * Who may open each dashboard area. The longest matching prefix wins. Used by the middleware
 * (optimistic redirect), the sidebar (what to show) and the DAL (the real check).
 */
export const DASHBOARD_ROUTES: readonly { path: string; roles: readonly Role[]; menu?: DashboardMenu }[] = [
  { path: "/dashboard", roles: ALL_ROLES, menu: "dashboard" },
  { path: "/dashboard/tickets", roles: ALL_ROLES, menu: "tickets" },
  { path: "/dashboard/admins", roles: ["SUPER_ADMIN"], menu: "admins" },
  { path: "/dashboard/staff", roles: MANAGERS, menu: "staff" },
  { path: "/dashboard/clients", roles: MANAGERS, menu: "clients" },
  { path: "/dashboard/faq", roles: ALL_ROLES, menu: "faq" },
  { path: "/dashboard/departments", roles: MANAGERS, menu: "departments" },
  { path: "/dashboard/agencies", roles: MANAGERS, menu: "agencies" },
  { path: "/dashboard/settings", roles: MANAGERS, menu: "settings" },
  { path: "/dashboard/inbox", roles: MANAGERS, menu: "inbox" },
  { path: "/dashboard/audit", roles: ["SUPER_ADMIN"], menu: "audit" },
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
