import { assertCan, can, PERMISSIONS, rolesWith } from "@/lib/auth/permissions";
import { ROLES } from "@/lib/auth/roles";
import { AuthorizationError } from "@/lib/errors";

describe("permission table", () => {
  it("gives each permission exactly the roles the role matrix in docs/roles.md names", () => {
    const table = Object.fromEntries(Object.keys(PERMISSIONS).map((p) => [p, [...rolesWith(p as keyof typeof PERMISSIONS)].sort()]));
    expect(table).toEqual({
      "tickets.file": ["ADMIN", "CLIENT", "STAFF", "SUPER_ADMIN"],
      "tickets.work": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "tickets.followers": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "tickets.seeAll": ["ADMIN", "SUPER_ADMIN"],
      "admins.manage": ["SUPER_ADMIN"],
      "users.manage": ["ADMIN", "SUPER_ADMIN"],
      "catalog.manage": ["ADMIN", "SUPER_ADMIN"],
      "faq.manage": ["ADMIN", "SUPER_ADMIN"],
      "cannedReplies.manage": ["ADMIN", "SUPER_ADMIN"],
      "settings.manage": ["ADMIN", "SUPER_ADMIN"],
      "inbox.manage": ["ADMIN", "SUPER_ADMIN"],
      "audit.read": ["SUPER_ADMIN"],
      "email.manage": ["SUPER_ADMIN"],
      "reports.read": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "tickets.export": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "tickets.merge": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "tickets.link": ["ADMIN", "STAFF", "SUPER_ADMIN"],
      "staff.away": ["STAFF"],
    });
  });

  it("refuses a visitor everything", () => {
    for (const p of Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]) expect(can(null, p)).toBe(false);
  });

  it("assertCan throws 'forbidden' for a role without the permission and passes for one with it", () => {
    expect(() => assertCan({ role: "ADMIN" }, "admins.manage")).toThrow(AuthorizationError);
    expect(() => assertCan({ role: "STAFF" }, "settings.manage")).toThrow(expect.objectContaining({ reason: "forbidden" }));
    expect(() => assertCan({ role: "SUPER_ADMIN" }, "admins.manage")).not.toThrow();
  });

  it("names only known roles", () => {
    for (const { roles } of Object.values(PERMISSIONS)) for (const r of roles) expect(ROLES).toContain(r);
  });
});
