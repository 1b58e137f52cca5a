import { authorizeCredentials, LoginLockedError } from "@/lib/auth/authorize";
import { LOGIN_LIMITS } from "@/lib/auth/login-rate-limit";
import { createUser, TEST_PASSWORD, sessionUserOf } from "./helpers/factories";
import { testDb } from "./helpers/test-db";

const IP = "198.51.100.7";

describe("login with username or e-mail", () => {
  it("accepts the username, in any case, and returns no password hash", async () => {
    const user = await createUser({ username: "budi.opd", role: "CLIENT" });
    const result = await authorizeCredentials({ identifier: "BUDI.opd", password: TEST_PASSWORD }, IP);
    expect(result).toMatchObject({ id: user.id, role: "CLIENT", username: "budi.opd" });
    expect(result).not.toHaveProperty("passwordHash");
  });

  it("accepts the e-mail address", async () => {
    const user = await createUser({ email: "siti@dinkes.bantenprov.go.id" });
    const result = await authorizeCredentials({ identifier: " Siti@Dinkes.BantenProv.go.id ", password: TEST_PASSWORD }, IP);
    expect(result?.id).toBe(user.id);
  });

  it("accepts a full-width look-alike of the username, since both normalise the same way", async () => {
    const user = await createUser({ username: "admin2" });
    const result = await authorizeCredentials({ identifier: "ａｄｍｉｎ２", password: TEST_PASSWORD }, IP);
    expect(result?.id).toBe(user.id);
  });

  it("records the time of the last login", async () => {
    const user = await createUser();
    await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, IP);
    const after = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.lastLoginAt).not.toBeNull();
  });
});

describe("a failed login reveals nothing", () => {
  it("answers the same for a wrong password, an unknown user and a deactivated account", async () => {
    const active = await createUser();
    const inactive = await createUser({ active: false });
    const answers = await Promise.all([
      authorizeCredentials({ identifier: active.username, password: "salah-password" }, IP),
      authorizeCredentials({ identifier: "tidak-ada", password: TEST_PASSWORD }, IP),
      authorizeCredentials({ identifier: inactive.username, password: TEST_PASSWORD }, IP),
    ]);
    expect(answers).toEqual([null, null, null]);
  });

  it("rejects empty and oversized input without touching the database", async () => {
    expect(await authorizeCredentials({ identifier: "", password: "x" }, IP)).toBeNull();
    expect(await authorizeCredentials({ identifier: "a", password: "x".repeat(129) }, IP)).toBeNull();
    expect(await authorizeCredentials(undefined, IP)).toBeNull();
  });
});

describe("login rate limit", () => {
  const fail = (username: string, ip: string) => authorizeCredentials({ identifier: username, password: "salah" }, ip);

  it(`locks an account from one address after ${LOGIN_LIMITS.perAccountIp} failures, even with the right password, and says for how long`, async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccountIp; i++) expect(await fail(user.username, "192.0.2.10")).toBeNull();
    const locked = authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.10");
    await expect(locked).rejects.toBeInstanceOf(LoginLockedError);
    await expect(locked).rejects.toMatchObject({ minutes: LOGIN_LIMITS.windowSeconds / 60 });
  });

  it("a stranger failing on purpose does not lock the owner out from the owner's own address", async () => {
    const owner = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccountIp; i++) await fail(owner.username, "192.0.2.66");
    const result = await authorizeCredentials({ identifier: owner.username, password: TEST_PASSWORD }, "192.0.2.20");
    expect(result?.id).toBe(owner.id);
  });

  it(`locks an account everywhere after ${LOGIN_LIMITS.perAccount} failures spread over many addresses`, async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await fail(user.username, `198.51.${Math.floor(i / 200)}.${i % 200}`);
    await expect(authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.99")).rejects.toBeInstanceOf(
      LoginLockedError,
    );
  });

  it("does not lock other accounts when one account is locked", async () => {
    const victim = await createUser();
    const other = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccountIp; i++) await fail(victim.username, "192.0.2.50");
    const result = await authorizeCredentials({ identifier: other.username, password: TEST_PASSWORD }, "192.0.2.50");
    expect(result?.id).toBe(other.id);
  });

  it(`locks an IP address after ${LOGIN_LIMITS.perIp} failures across many accounts, but not other addresses`, async () => {
    const attacker = "203.0.113.99";
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await fail(`tebakan-${i}`, attacker);
    const user = await createUser();
    await expect(authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, attacker)).rejects.toBeInstanceOf(
      LoginLockedError,
    );
    const fromElsewhere = await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "203.0.113.100");
    expect(fromElsewhere?.id).toBe(user.id);
  });

  it("keeps its counters in the database, where several app instances share them", async () => {
    const user = await createUser();
    await fail(user.username, "192.0.2.77");
    const rows = await testDb().rateLimiterFlexible.findMany({ where: { key: { contains: user.id } } });
    expect(rows.map((r) => r.points)).toEqual([1, 1]); // account+address and account
  });

  it("a successful login clears that address's failures for the account", async () => {
    const user = await createUser();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < LOGIN_LIMITS.perAccountIp - 1; i++) await fail(user.username, "192.0.2.80");
      expect(await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.80")).not.toBeNull();
    }
  });
});

describe("login limits keyed by the account, with the owner's known addresses (issue 13)", () => {
  const fail = (identifier: string, ip: string) => authorizeCredentials({ identifier, password: "salah" }, ip);

  it("username and e-mail of the same person count together", async () => {
    const user = await createUser();
    for (let i = 0; i < 3; i++) await fail(user.username, "192.0.2.130");
    for (let i = 0; i < LOGIN_LIMITS.perAccountIp - 3; i++) await fail(user.email, "192.0.2.130");
    await expect(authorizeCredentials({ identifier: user.email, password: TEST_PASSWORD }, "192.0.2.130")).rejects.toBeInstanceOf(LoginLockedError);
    await expect(authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.130")).rejects.toBeInstanceOf(LoginLockedError);
  });

  it(`${LOGIN_LIMITS.perAccount} failures from ${LOGIN_LIMITS.perAccount} addresses do not keep the owner out of an address they logged in from before; strangers stay locked`, async () => {
    const { sessionClaimsFor } = await import("./helpers/factories");
    const owner = await createUser();
    await sessionClaimsFor(owner, "192.0.2.140"); // the owner's office: a successful login before
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await fail(i % 2 ? owner.username : owner.email, `198.18.${Math.floor(i / 200)}.${i % 200}`);
    expect((await authorizeCredentials({ identifier: owner.username, password: TEST_PASSWORD }, "192.0.2.140"))?.id).toBe(owner.id);
    // …by e-mail too, and a stranger at a new address — even with the right password — is still refused.
    expect((await authorizeCredentials({ identifier: owner.email, password: TEST_PASSWORD }, "192.0.2.140"))?.id).toBe(owner.id);
    await expect(authorizeCredentials({ identifier: owner.username, password: TEST_PASSWORD }, "198.18.9.9")).rejects.toBeInstanceOf(LoginLockedError);
  }, 240_000);

  it("one sprayer behind an office NAT does not lock out staff who logged in from that address before", async () => {
    const { sessionClaimsFor } = await import("./helpers/factories");
    const nat = "203.0.113.150";
    const regular = await createUser();
    await sessionClaimsFor(regular, nat);
    const newcomer = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) await fail(`semprot-${i}`, nat);
    expect((await authorizeCredentials({ identifier: regular.username, password: TEST_PASSWORD }, nat))?.id).toBe(regular.id);
    await expect(authorizeCredentials({ identifier: newcomer.username, password: TEST_PASSWORD }, nat)).rejects.toBeInstanceOf(LoginLockedError);
  }, 240_000);

  it("the per-address limit leaves room for an office NAT (many people mistyping)", () => {
    expect(LOGIN_LIMITS.perIp).toBeGreaterThanOrEqual(100);
    expect(LOGIN_LIMITS.perAccountIp).toBeLessThanOrEqual(5);
  });

  it("logins, failures and lock-outs reach the audit log the Super Admin reads, with address and typed name", async () => {
    const { listAuditLog } = await import("@/lib/dal/audit");
    const sa = await createUser({ role: "SUPER_ADMIN" });
    const user = await createUser();
    await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.160");
    for (let i = 0; i < LOGIN_LIMITS.perAccountIp; i++) await fail(user.username, "192.0.2.161");
    await fail(user.username, "192.0.2.161").catch(() => null);
    await fail("tidak-ada\r\nlogin.success", "192.0.2.162");
    const viewer = await sessionUserOf(sa);
    const page = async (action: string) => (await listAuditLog(viewer, { action, page: 1 })).rows;
    expect((await page("login.success")).find((r) => r.actor?.username === user.username)).toMatchObject({ ip: "192.0.2.160", target: user.username });
    expect((await page("login.failure")).filter((r) => r.actor?.username === user.username)).toHaveLength(LOGIN_LIMITS.perAccountIp);
    expect((await page("login.locked")).find((r) => r.actor?.username === user.username)).toMatchObject({ ip: "192.0.2.161" });
    const unknown = (await page("login.failure")).find((r) => r.ip === "192.0.2.162");
    expect(unknown).toMatchObject({ actor: null });
    expect(unknown!.target).not.toMatch(/[\r\n]/);
  });
});
