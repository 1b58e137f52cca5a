import "server-only";
import { db } from "@/lib/db";
import { isUuid } from "@/lib/validation/zod";
import { SESSION_USER_COLUMNS, type SessionUser } from "./users";

/** How long the server keeps ended sessions: the login history and the "known address" memory. */
export const SESSION_HISTORY_DAYS = 90;
/** lastSeenAt is written at most this often per session (it feeds the idle timeout). */
const TOUCH_EVERY_MS = 60_000;

/** Minutes without a request after which a session ends; 0 (the default) = no idle timeout. */
export function idleTimeoutMinutes(): number {
  return Math.max(0, Math.floor(Number(process.env.HELPDESK_IDLE_TIMEOUT_MINUTES) || 0));
}

/** A new server-side session at login; its id goes into the JWT. */
export async function startSession(userId: string, meta: { ip: string; userAgent?: string | undefined }, maxAgeSeconds: number): Promise<string> {
  const row = await db().userSession.create({
    data: {
      userId,
      ip: meta.ip.slice(0, 100),
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt: new Date(Date.now() + maxAgeSeconds * 1000),
    },
    select: { id: true },
  });
  return row.id;
}

/**
 * The user behind a session token when both still hold, in one indexed lookup (both primary keys):
 * the server-side session not revoked, not expired, not idle past the timeout, and the user active
 * with the token's sessionVersion. Refreshes lastSeenAt at most once a minute.
 */
export async function findLiveSessionUser(userId: string, sessionVersion: number, sessionId: string): Promise<SessionUser | null> {
  if (!isUuid(sessionId) || !isUuid(userId)) return null;
  const rows = await db().$queryRaw<(SessionUser & { lastSeenAt: Date })[]>`
    SELECT ${SESSION_USER_COLUMNS}, s."lastSeenAt"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = ${sessionId}::uuid AND s."userId" = ${userId}::uuid AND s."revokedAt" IS NULL AND s."expiresAt" > now()
      AND u."active" AND u."sessionVersion" = ${sessionVersion}`;
  const row = rows[0];
  if (!row) return null;
  const { lastSeenAt, ...user } = row;
  const age = Date.now() - lastSeenAt.getTime();
  const idle = idleTimeoutMinutes();
  if (idle > 0 && age > idle * 60_000) return null;
  if (age > TOUCH_EVERY_MS) {
    await db().$executeRaw`UPDATE "UserSession" SET "lastSeenAt" = now() WHERE "id" = ${sessionId}::uuid`;
  }
  return user;
}

/** Sign-out: ends this one session (the user's other devices stay signed in). */
export async function revokeSession(sessionId: string | undefined): Promise<string | null> {
  if (!sessionId || !isUuid(sessionId)) return null;
  const rows = await db().$queryRaw<{ userId: string }[]>`
    UPDATE "UserSession" SET "revokedAt" = now() WHERE "id" = ${sessionId}::uuid AND "revokedAt" IS NULL
    RETURNING "userId"::text AS "userId"`;
  return rows[0]?.userId ?? null;
}

/** "Sign out everywhere": ends every live session of the user. Returns how many. */
export async function revokeAllSessions(userId: string): Promise<number> {
  return db().$executeRaw`
    UPDATE "UserSession" SET "revokedAt" = now() WHERE "userId" = ${userId}::uuid AND "revokedAt" IS NULL AND "expiresAt" > now()`;
}

/** Live sessions of the user, newest first (the profile shows them). */
export async function listLiveSessions(userId: string) {
  return db().userSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
  });
}

/** An address this account logged in from successfully within the history window. */
export async function isKnownAddress(userId: string, ip: string): Promise<boolean> {
  if (!ip || ip === "unknown") return false;
  const since = new Date(Date.now() - SESSION_HISTORY_DAYS * 86_400_000);
  const row = await db().userSession.findFirst({ where: { userId, ip, createdAt: { gte: since } }, select: { id: true } });
  return !!row;
}

/** Housekeeping (hourly): forget sessions that ended longer ago than the history window. */
export async function pruneSessions(): Promise<number> {
  const cutoff = new Date(Date.now() - SESSION_HISTORY_DAYS * 86_400_000);
  const { count } = await db().userSession.deleteMany({ where: { expiresAt: { lt: cutoff } } });
  return count;
}
