import { getSessionUser } from "@/lib/dal/session";
import { hashPassword } from "@/lib/auth/password";
import { actAs, createUser } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

describe("an issued session stops working when the account changes", () => {
  it("accepts a fresh session token for an active user", async () => {
    const user = await createUser({ role: "STAFF" });
    await actAs(user);
    expect(await getSessionUser()).toMatchObject({ id: user.id, role: "STAFF" });
  });

  it("rejects the old token after a password change", async () => {
    const user = await createUser();
    await actAs(user);
    await testDb().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword("Baru-Sekali-456") } });
    expect(await getSessionUser()).toBeNull();
  });

  it("rejects the old token after a role change", async () => {
    const user = await createUser({ role: "ADMIN" });
    await actAs(user);
    await testDb().user.update({ where: { id: user.id }, data: { role: "CLIENT" } });
    expect(await getSessionUser()).toBeNull();
  });

  it("rejects the old token after deactivation, and after reactivation still needs a new login", async () => {
    const user = await createUser();
    await actAs(user);
    await testDb().user.update({ where: { id: user.id }, data: { active: false } });
    expect(await getSessionUser()).toBeNull();
    await testDb().user.update({ where: { id: user.id }, data: { active: true } });
    expect(await getSessionUser()).toBeNull();
  });

  it("keeps the session when only the name changes", async () => {
    const user = await createUser();
    await actAs(user);
    await testDb().user.update({ where: { id: user.id }, data: { name: "Nama Baru" } });
    expect(await getSessionUser()).toMatchObject({ id: user.id, name: "Nama Baru" });
  });

  it("rejects a token signed with another secret", async () => {
    const user = await createUser();
    const original = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "some-other-secret-entirely-000000";
    await actAs(user);
    process.env.NEXTAUTH_SECRET = original;
    expect(await getSessionUser()).toBeNull();
  });

  it("has no user for a visitor without a cookie", async () => {
    await actAs(null);
    expect(await getSessionUser()).toBeNull();
  });
});
