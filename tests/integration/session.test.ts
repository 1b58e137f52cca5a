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

describe("sessions end on the server (issue 13)", () => {
  const claims = async (user: { id: string; sessionVersion: number }) => {
    const { sessionClaimsFor } = await import("./helpers/factories");
    return sessionClaimsFor(user);
  };

  it("signing out ends that session — a copy of its token is refused — while the user's other sessions stay", async () => {
    const { userFromToken } = await import("@/lib/dal/session");
    const { authOptions } = await import("@/lib/auth/options");
    const user = await createUser();
    const [laptop, phone] = [await claims(user), await claims(user)];
    expect(await userFromToken(laptop)).toMatchObject({ id: user.id });
    await authOptions.events!.signOut!({ token: { ...laptop }, session: undefined as never });
    expect(await userFromToken(laptop)).toBeNull();
    expect(await userFromToken(phone)).toMatchObject({ id: user.id });
    const audit = await testDb().auditLog.findFirst({ where: { action: "session.signout", actorId: user.id } });
    expect(audit).not.toBeNull();
  });

  it("'sign out everywhere' in the profile ends every session of the user, and only theirs", async () => {
    const { userFromToken } = await import("@/lib/dal/session");
    const { signOutEverywhereAction } = await import("@/app/(site)/(dashboard)/dashboard/profile/actions");
    const user = await createUser();
    const other = await createUser();
    const phone = await claims(user);
    const otherSession = await claims(other);
    await actAs(user);
    expect(await signOutEverywhereAction({})).toEqual({ ok: true, data: { ended: 2 } });
    expect(await getSessionUser()).toBeNull();
    expect(await userFromToken(phone)).toBeNull();
    expect(await userFromToken(otherSession)).toMatchObject({ id: other.id });
  });

  it("refuses a token without a server-side session id, or naming another user's session", async () => {
    const { userFromToken } = await import("@/lib/dal/session");
    const user = await createUser();
    const other = await createUser();
    const theirs = await claims(other);
    expect(await userFromToken({ sub: user.id, sv: user.sessionVersion })).toBeNull();
    expect(await userFromToken({ sub: user.id, sv: user.sessionVersion, sid: theirs.sid })).toBeNull();
  });

  it("an expired session row is refused even with a valid token; the token lives as long as the session", async () => {
    const { userFromToken } = await import("@/lib/dal/session");
    const { authOptions, SESSION_MAX_AGE_SECONDS } = await import("@/lib/auth/options");
    expect(authOptions.jwt?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    expect(authOptions.session?.maxAge).toBe(SESSION_MAX_AGE_SECONDS);
    const user = await createUser();
    const c = await claims(user);
    await testDb().userSession.update({ where: { id: c.sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await userFromToken(c)).toBeNull();
  });

  it("with HELPDESK_IDLE_TIMEOUT_MINUTES a session idle longer than that ends", async () => {
    const { userFromToken } = await import("@/lib/dal/session");
    const user = await createUser();
    const c = await claims(user);
    await testDb().userSession.update({ where: { id: c.sid }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await userFromToken(c)).toMatchObject({ id: user.id }); // no idle timeout by default; this also refreshes lastSeenAt
    await testDb().userSession.update({ where: { id: c.sid }, data: { lastSeenAt: new Date(Date.now() - 31 * 60_000) } });
    process.env.HELPDESK_IDLE_TIMEOUT_MINUTES = "30";
    try {
      expect(await userFromToken(c)).toBeNull();
      const fresh = await claims(user);
      expect(await userFromToken(fresh)).toMatchObject({ id: user.id });
    } finally {
      delete process.env.HELPDESK_IDLE_TIMEOUT_MINUTES;
    }
  });

  it("a login through next-auth's authorize creates a session row carrying the address", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const { TEST_PASSWORD } = await import("./helpers/factories");
    const user = await createUser();
    const provider = authOptions.providers[0] as unknown as { options: { authorize: (c: unknown, r: unknown) => Promise<{ sid: string } | null> } };
    const result = await provider.options.authorize({ identifier: user.username, password: TEST_PASSWORD }, { headers: { "x-forwarded-for": "198.51.100.7", "user-agent": "Uji/1.0" } });
    const rows = await testDb().userSession.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(result).toMatchObject({ sid: row.id });
    expect(row).toMatchObject({ userId: user.id, ip: "198.51.100.7", userAgent: "Uji/1.0", revokedAt: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeGreaterThan(7.9 * 3600_000);
  });
});
