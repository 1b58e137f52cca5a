import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { normalizeIdentifier } from "@/lib/auth/identity";
import { hashPassword } from "@/lib/auth/password";
import { queueMail } from "@/lib/mail/outbox";
import { assertPasswordStrong } from "./accounts";
import { recordAudit } from "./audit";
import { revokeAllSessions } from "./user-sessions";
import { securityEvent } from "@/lib/log";

/** "Lupa password?" links last 30 minutes; invitations a week. Both work once. */
export const RESET_TTL_MS = 30 * 60_000;
export const INVITE_TTL_MS = 7 * 24 * 3600_000;
/** Requests per address and per IP per hour. */
export const RESET_LIMITS = { perAddress: 3, perIp: 10, windowSeconds: 3600 } as const;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

const cache = new WeakMap<object, { perAddress: RateLimiterPrisma; perIp: RateLimiterPrisma }>();
function limiters() {
  const client = db();
  let found = cache.get(client);
  if (!found) {
    const common = { storeClient: client, tableName: "rateLimiterFlexible", duration: RESET_LIMITS.windowSeconds };
    found = {
      perAddress: new RateLimiterPrisma({ ...common, keyPrefix: "reset-address", points: RESET_LIMITS.perAddress }),
      perIp: new RateLimiterPrisma({ ...common, keyPrefix: "reset-ip", points: RESET_LIMITS.perIp }),
    };
    cache.set(client, found);
  }
  return found;
}

async function take(limiter: RateLimiterPrisma, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (error) {
    if (error instanceof Error) throw error;
    return false;
  }
}

/** A new single-use token for the user; only its hash is stored. Earlier unused links stop working. */
async function issueToken(tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0], userId: string, purpose: "reset" | "invite") {
  const token = randomBytes(32).toString("base64url");
  await tx.passwordToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
  await tx.passwordToken.create({
    data: { userId, purpose, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + (purpose === "reset" ? RESET_TTL_MS : INVITE_TTL_MS)) },
  });
  return token;
}

/**
 * "Lupa password?": mails a link when the address belongs to an active account. The caller shows the
 * same answer whatever happened here (known address or not, limited or not), so nobody learns which
 * addresses have accounts. Returns what happened, for tests and the log only.
 */
export async function requestPasswordReset(emailInput: string, ip: string): Promise<"sent" | "unknown" | "limited"> {
  const email = normalizeIdentifier(emailInput);
  const { perAddress, perIp } = limiters();
  if (!(await take(perIp, ip)) || !(await take(perAddress, hashToken(email)))) return "limited";
  const user = await db().user.findFirst({ where: { email, active: true }, select: { id: true, name: true, email: true, locale: true } });
  if (!user) return "unknown";
  await db().$transaction(async (tx) => {
    const token = await issueToken(tx, user.id, "reset");
    await queueMail(tx, { kind: "passwordReset", to: user.email, locale: user.locale, userId: user.id, payload: { token, name: user.name } });
    await recordAudit(tx, { actor: { id: user.id }, action: "password.resetRequested", target: `user:${user.id}`, after: { ip } });
  });
  return "sent";
}

/** An invitation for a new account: a link to choose a password (called in the creating transaction). */
export async function queueInvitation(
  tx: Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0],
  user: { id: string; name: string; email: string; locale?: string },
): Promise<void> {
  const token = await issueToken(tx, user.id, "invite");
  await queueMail(tx, { kind: "invitation", to: user.email, locale: user.locale ?? "id", userId: user.id, payload: { token, name: user.name } });
}

/** Whether a link is still good (the reset page asks before showing the form). */
export async function isPasswordTokenValid(token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const row = await db().passwordToken.findUnique({ where: { tokenHash: hashToken(token) }, select: { usedAt: true, expiresAt: true, user: { select: { active: true } } } });
  return !!row && !row.usedAt && row.expiresAt > new Date() && row.user.active;
}

/**
 * Sets a new password with a link: single use, not expired, account active, the usual password
 * policy. Changing the hash ends every session of the user (database trigger).
 */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<void> {
  if (!token || token.length > 200) throw new UserFacingError("passwordReset.errors.invalidLink");
  const tokenHash = hashToken(token);
  const row = await db().passwordToken.findUnique({
    where: { tokenHash },
    select: { id: true, usedAt: true, expiresAt: true, user: { select: { id: true, username: true, email: true, name: true, active: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date() || !row.user.active) throw new UserFacingError("passwordReset.errors.invalidLink");
  assertPasswordStrong(newPassword, row.user, "password");
  const passwordHash = await hashPassword(newPassword);
  await db().$transaction(async (tx) => {
    // Claim the token in the same statement that checks it: two tabs cannot both use one link.
    const used = await tx.passwordToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (used.count !== 1) throw new UserFacingError("passwordReset.errors.invalidLink");
    await tx.user.update({ where: { id: row.user.id }, data: { passwordHash } });
    await recordAudit(tx, { actor: { id: row.user.id }, action: "password.reset", target: `user:${row.user.id}` });
  });
  // The new hash already made every session token stale (trigger); end the server-side sessions too.
  await revokeAllSessions(row.user.id);
  securityEvent("password.reset", { outcome: "success", userId: row.user.id });
}
