import { canOpen, menusFor, routeFor } from "@/lib/auth/routes";

describe("dashboard menus per role (manual screen 3)", () => {
  it("a Super Admin sees every menu, the audit log included", () => {
    expect(menusFor("SUPER_ADMIN").map((m) => m.menu)).toEqual([
      "dashboard", "tickets", "reports", "admins", "staff", "clients", "faq", "cannedReplies", "departments", "agencies", "settings", "inbox", "audit",
    ]);
  });

  it("an Admin sees everything but Admin management and the audit log", () => {
    expect(menusFor("ADMIN").map((m) => m.menu)).toEqual([
      "dashboard", "tickets", "reports", "staff", "clients", "faq", "cannedReplies", "departments", "agencies", "settings", "inbox",
    ]);
  });

  it("Staff see Tiket, Laporan (their department's) and FAQ; Clients only Tiket and FAQ besides the dashboard", () => {
    expect(menusFor("STAFF").map((m) => m.menu)).toEqual(["dashboard", "tickets", "reports", "faq"]);
    expect(menusFor("CLIENT").map((m) => m.menu)).toEqual(["dashboard", "tickets", "faq"]);
  });
});

describe("route matching", () => {
  it("uses the longest matching prefix and not a look-alike path", () => {
    expect(routeFor("/dashboard/admins/123/edit")?.path).toBe("/dashboard/admins");
    expect(routeFor("/dashboard/adminsx")?.path).toBe("/dashboard");
    expect(routeFor("/login")).toBeUndefined();
  });

  it("refuses a Client on nested admin pages", () => {
    expect(canOpen("CLIENT", "/dashboard/settings/ticket")).toBe(false);
    expect(canOpen("CLIENT", "/dashboard/tickets/HD-2026-000001")).toBe(true);
    expect(canOpen("CLIENT", "/dashboard/reports")).toBe(false);
    expect(canOpen("STAFF", "/dashboard/reports")).toBe(true);
  });
});
