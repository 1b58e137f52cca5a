import "server-only";
import { loginSchema } from "@/lib/validation/auth";
import { findLoginCandidate, markLoggedIn, type SessionUser } from "@/lib/dal/users";
import { verifyPassword } from "./password";
import { normalizeIdentifier } from "./identity";
import { clearAccountFailures, loginLockedFor, recordLoginFailure } from "./login-rate-limit";

/** Thrown message travels to the login form as next-auth's `error`; the form maps it to copy. */
export const LOGIN_ERROR = { invalid: "CredentialsSignin", lockedPrefix: "LOCKED:" } as const;

export class LoginLockedError extends Error {
  constructor(public readonly minutes: number) {
    super(`${LOGIN_ERROR.lockedPrefix}${minutes}`);
  }
}

/**
 * Checks a username-or-e-mail and password. Unknown user, wrong password and deactivated account
 * all answer null (the same message); a lock-out throws LoginLockedError.
 */
export async function authorizeCredentials(
  credentials: Record<string, unknown> | undefined,
  ip: string,
): Promise<SessionUser | null> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const account = normalizeIdentifier(parsed.data.identifier);

  const lockedMs = await loginLockedFor(account, ip);
  if (lockedMs > 0) throw new LoginLockedError(Math.max(1, Math.ceil(lockedMs / 60000)));

  const candidate = await findLoginCandidate(account);
  const passwordOk = await verifyPassword(candidate?.passwordHash, parsed.data.password);
  if (!candidate || !passwordOk || !candidate.active) {
    await recordLoginFailure(account, ip);
    return null;
  }

  await Promise.all([clearAccountFailures(account, ip), markLoggedIn(candidate.id)]);
  const { passwordHash: _hash, active: _active, ...user } = candidate;
  return user;
}
