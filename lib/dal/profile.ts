import "server-only";
import { UserFacingError } from "@/lib/errors";
import { accountKey, loginLockedFor, recordLoginFailure } from "@/lib/auth/login-rate-limit";
import { recordSecurityEvent } from "./security-log";
import { revokeAllSessions } from "./user-sessions";
import { securityEvent } from "@/lib/log";
import { db } from "@/lib/db";
import { normalizeIdentifier } from "@/lib/auth/identity";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { requestIp } from "@/lib/auth/client-ip";
import { removeImage } from "@/lib/storage/images";
import { assertIdentityFree, assertPasswordStrong, auditView, mapUniqueViolation, withNewAvatar } from "./accounts";
import { recordAudit } from "./audit";
import type { SessionUser } from "./users";
import { mailKindsForRole } from "@/lib/mail/kinds";

// Every user's own profile and password.

export type ProfileUpdate = { name: string; username: string; email: string; avatar?: File };

/** Everyone edits their own Name, Username, E-mail and Avatar. */
export async function updateOwnProfile(actor: SessionUser, input: ProfileUpdate) {
  const username = normalizeIdentifier(input.username);
  const email = normalizeIdentifier(input.email);
  return withNewAvatar(input.avatar, async (avatar) => {
    const { previousAvatar } = await db()
      .$transaction(async (tx) => {
        const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
        await assertIdentityFree(tx, username, email, actor.id);
        const after = await tx.user.update({
          where: { id: actor.id },
          data: { name: input.name, username, email, ...(avatar ? { avatar } : {}) },
        });
        await recordAudit(tx, { actor, action: "profile.update", target: `user:${actor.id}`, before: auditView(before), after: auditView(after) });
        return { previousAvatar: avatar ? before.avatar : null };
      })
      .catch(mapUniqueViolation);
    await removeImage("avatars", previousAvatar);
    return { id: actor.id };
  });
}

/**
 * The current password is required; afterwards every session of this user,
 * including the current one, is stale (trigger), and the form sends the user to login.
 */
export async function changeOwnPassword(actor: SessionUser, input: { currentPassword: string; newPassword: string }) {
  // Guessing the current password from a stolen session meets the same limit as guessing at login.
  const address = await requestIp();
  const lockedMs = await loginLockedFor(accountKey(actor.id), address);
  if (lockedMs > 0) {
    await recordSecurityEvent("ratelimit.hit", { outcome: "limited", userId: actor.id, ip: address, limit: "current-password" });
    throw new UserFacingError("profile.errors.tooManyAttempts", { field: "currentPassword", values: { minutes: Math.ceil(lockedMs / 60000) } });
  }
  const row = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordLoginFailure(accountKey(actor.id), address);
    await recordSecurityEvent("password.change", { outcome: "failure", userId: actor.id, ip: address, reason: "wrong-current-password" });
    throw new UserFacingError("profile.errors.currentPasswordWrong", { field: "currentPassword" });
  }
  if (input.currentPassword === input.newPassword) throw new UserFacingError("profile.errors.samePassword", { field: "newPassword" });
  assertPasswordStrong(input.newPassword, actor, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: actor.id }, data: { passwordHash } });
    await recordAudit(tx, { actor, action: "profile.changePassword", target: `user:${actor.id}` });
  });
  securityEvent("password.change", { outcome: "success", userId: actor.id, ip: address });
  return { id: actor.id };
}

/** The stored avatar file name of a user, for any signed-in viewer (avatars are shown next to names). */
export async function findAvatarName(viewer: SessionUser, userId: string): Promise<string | null> {
  void viewer;
  const row = await db().user.findUnique({ where: { id: userId }, select: { avatar: true } });
  return row?.avatar ?? null;
}

/** Ends every session of the user, on every device (the profile's "sign out everywhere"). */
export async function signOutEverywhere(actor: SessionUser) {
  const ended = await revokeAllSessions(actor.id);
  await recordSecurityEvent("session.signout_all", { outcome: "success", userId: actor.id, ended, route: "/dashboard/profile" });
  return { ended };
}

// ------------------------------------------------------------------ mail choices

/** Which optional mails the user receives (only those their role can get) and their mails' language. */
export async function getMailPreferences(actor: SessionUser) {
  const row = await db().user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true, emailOptOut: true } });
  const kinds = mailKindsForRole(actor.role);
  return { locale: row.locale === "en" ? ("en" as const) : ("id" as const), kinds, enabled: kinds.filter((k) => !row.emailOptOut.includes(k)) };
}

export async function updateMailPreferences(actor: SessionUser, input: { locale: "id" | "en"; enabled: string[] }) {
  const kinds = mailKindsForRole(actor.role);
  const emailOptOut = kinds.filter((k) => !input.enabled.includes(k));
  await db().$transaction(async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { locale: true, emailOptOut: true } });
    await tx.user.update({ where: { id: actor.id }, data: { locale: input.locale, emailOptOut } });
    await recordAudit(tx, { actor, action: "profile.mailPreferences", target: `user:${actor.id}`, before, after: { locale: input.locale, emailOptOut } });
  });
}
