import "server-only";
import { loginSchema } from "@/lib/validation/auth";
import { findLoginCandidate, markLoggedIn, type SessionUser } from "@/lib/dal/users";
import { isKnownAddress } from "@/lib/dal/user-sessions";
import { recordSecurityEvent } from "@/lib/dal/security-log";
import { verifyPassword } from "./password";
import { normalizeIdentifier } from "./identity";
import { accountKey, clearAccountFailures, loginLock, recordLoginFailure, unknownAccountKey } from "./login-rate-limit";

/** Thrown message travels to the login form as next-auth's `error`; the form maps it to copy. */
export const LOGIN_ERROR = { invalid: "CredentialsSignin", lockedPrefix: "LOCKED:", unavailable: "Unavailable" } as const;

export class LoginLockedError extends Error {
  constructor(public readonly minutes: number) {
    super(`${LOGIN_ERROR.lockedPrefix}${minutes}`);
  }
}

/**
 * Checks a username-or-e-mail and password. Unknown user, wrong password and deactivated account
 * all answer null (the same message); a lock-out throws LoginLockedError. Limits count per account
 * (username and e-mail together); from an address the account logged in from before, only the
 * per-account-and-address limit applies, so strangers cannot keep the owner out.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  ip: string,
): Promise<SessionUser | null> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const typed = normalizeIdentifier(parsed.data.identifier);

  const candidate = await findLoginCandidate(typed);
  const key = candidate ? accountKey(candidate.id) : unknownAccountKey(typed);
  const knownAddress = candidate ? await isKnownAddress(candidate.id, ip) : false;
  const userId = candidate?.id ?? null;

  const lock = await loginLock(key, ip, { knownAddress });
  if (lock) {
    await recordSecurityEvent("login.locked", { outcome: "limited", userId, ip, target: typed, limit: lock.limit, route: "/api/auth/callback/credentials" });
    throw new LoginLockedError(Math.max(1, Math.ceil(lock.ms / 60000)));
  }

  const passwordOk = await verifyPassword(candidate?.passwordHash, parsed.data.password);
  if (!candidate || !passwordOk || !candidate.active) {
    await recordLoginFailure(key, ip);
    const reason = !candidate ? "unknown-account" : !passwordOk ? "wrong-password" : "inactive";
    await recordSecurityEvent("login.failure", { outcome: "failure", userId, ip, target: typed, reason, route: "/api/auth/callback/credentials" });
    const nowLocked = await loginLock(key, ip, { knownAddress });
    if (nowLocked) {
      await recordSecurityEvent("ratelimit.hit", { outcome: "limited", userId, ip, target: typed, limit: nowLocked.limit, route: "/api/auth/callback/credentials" });
    }
    return null;
  }

  await Promise.all([clearAccountFailures(key, ip), markLoggedIn(candidate.id)]);
  await recordSecurityEvent("login.success", { outcome: "success", userId: candidate.id, ip, target: typed, knownAddress, route: "/api/auth/callback/credentials" });
  const { passwordHash: _hash, active: _active, ...user } = candidate;
  return user;
}
