import { ensureFirstSuperAdmin } from "@/lib/bootstrap";
import { authorizeCredentials } from "@/lib/auth/authorize";
import { testDb } from "./helpers/test-db";

describe("first Super Admin", () => {
  it("is created once with a random password that works for login, never a fixed one", async () => {
    const first = await ensureFirstSuperAdmin(testDb(), {});
    expect(first).toMatchObject({ created: true, username: "superadmin" });
    const password = first.created ? first.generatedPassword! : "";
    expect(password.length).toBeGreaterThanOrEqual(16);

    const user = await authorizeCredentials({ identifier: "superadmin", password }, "192.0.2.1");
    expect(user?.role).toBe("SUPER_ADMIN");

    expect(await ensureFirstSuperAdmin(testDb(), {})).toEqual({ created: false });
    expect(await testDb().user.count({ where: { role: "SUPER_ADMIN" } })).toBe(1);
  });
});

describe("first Super Admin from the environment", () => {
  beforeEach(async () => {
    await testDb().user.deleteMany({});
  });

  it("uses HELPDESK_ADMIN_* and prints no password", async () => {
    const result = await ensureFirstSuperAdmin(testDb(), {
      HELPDESK_ADMIN_USERNAME: "Kepala.TI",
      HELPDESK_ADMIN_EMAIL: "TI@BantenProv.go.id",
      HELPDESK_ADMIN_PASSWORD: "Sangat-Rahasia-2026",
    });
    expect(result).toEqual({ created: true, username: "kepala.ti", email: "ti@bantenprov.go.id", generatedPassword: undefined });
    expect(await authorizeCredentials({ identifier: "ti@bantenprov.go.id", password: "Sangat-Rahasia-2026" }, "192.0.2.2")).not.toBeNull();
  });

  it("refuses a too-short HELPDESK_ADMIN_PASSWORD and creates nobody", async () => {
    await expect(ensureFirstSuperAdmin(testDb(), { HELPDESK_ADMIN_PASSWORD: "pendek" })).rejects.toThrow(/8 to 128/);
    expect(await testDb().user.count()).toBe(0);
  });
});
