import { authorizeCredentials, LoginLockedError } from "@/lib/auth/authorize";
import { LOGIN_LIMITS } from "@/lib/auth/login-rate-limit";
import { createUser, TEST_PASSWORD } from "./helpers/factories";
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
  it(`locks an account after ${LOGIN_LIMITS.perAccount} failures, even with the right password, and says for how long`, async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      // Each attempt from another address: the account limit must not depend on the IP.
      expect(await authorizeCredentials({ identifier: user.username, password: "salah" }, `192.0.2.${i + 1}`)).toBeNull();
    }
    const locked = authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.200");
    await expect(locked).rejects.toBeInstanceOf(LoginLockedError);
    await expect(locked).rejects.toMatchObject({ minutes: LOGIN_LIMITS.windowSeconds / 60 });
  });

  it("does not lock other accounts when one account is locked", async () => {
    const victim = await createUser();
    const other = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      await authorizeCredentials({ identifier: victim.username, password: "salah" }, "192.0.2.50");
    }
    const result = await authorizeCredentials({ identifier: other.username, password: TEST_PASSWORD }, "192.0.2.51");
    expect(result?.id).toBe(other.id);
  });

  it(`locks an IP address after ${LOGIN_LIMITS.perIp} failures across many accounts, but not other addresses`, async () => {
    const attacker = "203.0.113.99";
    for (let i = 0; i < LOGIN_LIMITS.perIp; i++) {
      await authorizeCredentials({ identifier: `tebakan-${i}`, password: "salah" }, attacker);
    }
    const user = await createUser();
    await expect(authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, attacker)).rejects.toBeInstanceOf(
      LoginLockedError,
    );
    const fromElsewhere = await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "203.0.113.100");
    expect(fromElsewhere?.id).toBe(user.id);
  });

  it("keeps its counters in the database, where several app instances share them", async () => {
    const user = await createUser();
    await authorizeCredentials({ identifier: user.username, password: "salah" }, "192.0.2.77");
    const rows = await testDb().rateLimiterFlexible.findMany({ where: { key: { contains: user.username } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.points).toBe(1);
  });

  it("a successful login clears the account's failures", async () => {
    const user = await createUser();
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      await authorizeCredentials({ identifier: user.username, password: "salah" }, "192.0.2.80");
    }
    expect(await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.80")).not.toBeNull();
    for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) {
      await authorizeCredentials({ identifier: user.username, password: "salah" }, "192.0.2.80");
    }
    expect(await authorizeCredentials({ identifier: user.username, password: TEST_PASSWORD }, "192.0.2.80")).not.toBeNull();
  });
});
