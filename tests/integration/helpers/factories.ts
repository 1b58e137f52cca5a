import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { hashPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";
import { findLiveSessionUser } from "@/lib/dal/user-sessions";
import type { SessionUser } from "@/lib/dal/users";
import { requestContext } from "./request-context";
import { testDb } from "./test-db";

export const TEST_PASSWORD = "Rahasia-Uji-123";
let cachedHash: Promise<string> | undefined;

export async function createUser(overrides: { role?: Role; username?: string; email?: string; active?: boolean; name?: string; password?: string; departmentId?: string; agencyId?: string } = {}) {
  const suffix = randomBytes(4).toString("hex");
  const passwordHash = overrides.password
    ? await hashPassword(overrides.password)
    : await (cachedHash ??= hashPassword(TEST_PASSWORD));
  return testDb().user.create({
    data: {
      name: overrides.name ?? `Pengguna ${suffix}`,
      username: overrides.username ?? `user-${suffix}`,
      email: overrides.email ?? `user-${suffix}@example.go.id`,
      role: overrides.role ?? "CLIENT",
      active: overrides.active ?? true,
      passwordHash,
      departmentId: overrides.departmentId ?? null,
      agencyId: overrides.agencyId ?? null,
    },
  });
}

/** A server-side session row, as a login creates it; returns the token claims that name it. */
export async function sessionClaimsFor(user: { id: string; sessionVersion: number }, ip = "203.0.113.10") {
  const row = await testDb().userSession.create({
    data: { userId: user.id, ip, expiresAt: new Date(Date.now() + 8 * 3600_000) },
  });
  return { sub: user.id, sv: user.sessionVersion, sid: row.id };
}

/**
 * The signed-in user as the DAL receives it, for tests that call the DAL directly: a session row as
 * a login creates it, read back by the same check every request goes through.
 */
export async function sessionUserOf(user: { id: string; sessionVersion: number }): Promise<SessionUser> {
  const { sub, sv, sid } = await sessionClaimsFor(user);
  const found = await findLiveSessionUser(sub, sv, sid);
  if (!found) throw new Error(`sessionUserOf: ${user.id} is inactive or its sessionVersion is stale`);
  return found;
}

/** A signed next-auth session cookie for the user, exactly as the login route would issue it. */
export async function sessionTokenFor(user: { id: string; name: string; role: Role; sessionVersion: number }) {
  return encode({
    token: { name: user.name, role: user.role, ...(await sessionClaimsFor(user)) },
    secret: process.env.NEXTAUTH_SECRET!,
  });
}

/** Makes the following action/page calls run as this user (or as a visitor with null). */
export async function actAs(user: { id: string; name: string; role: Role; sessionVersion: number } | null) {
  requestContext.cookies.clear();
  if (user) requestContext.cookies.set("next-auth.session-token", await sessionTokenFor(user));
}
