import "server-only";
import { db, Prisma } from "@/lib/db";
import { normalizeIdentifier } from "@/lib/auth/identity";
import { isUuid } from "@/lib/validation/zod";
import type { Role } from "@/lib/auth/roles";

/** What the rest of the app may know about the signed-in user. Never the password hash. */
export type SessionUser = {
  id: string;
  name: string;
  username: string;
  email: string;
  role: Role;
  avatar: string | null;
  sessionVersion: number;
};

const sessionUserSelect = {
  id: true,
  name: true,
  username: true,
  email: true,
  role: true,
  avatar: true,
  sessionVersion: true,
  active: true,
} as const;

/** A SessionUser's columns from `"User" u`, for the raw queries that run on every request. */
export const SESSION_USER_COLUMNS = Prisma.sql`u."id"::text AS "id", u."name", u."username", u."email", u."role"::text AS "role", u."avatar", u."sessionVersion"`;

export async function findLoginCandidate(identifier: string) {
  const key = normalizeIdentifier(identifier);
  return db().user.findFirst({
    where: key.includes("@") ? { email: key } : { username: key },
    select: { ...sessionUserSelect, passwordHash: true },
  });
}

export async function markLoggedIn(userId: string): Promise<void> {
  await db().user.update({ where: { id: userId }, data: { lastLoginAt: new Date() } });
}

/** The user behind a session token, or null when it is gone, deactivated or the token is stale. */
export async function findActiveSessionUser(userId: string, sessionVersion: number): Promise<SessionUser | null> {
  if (!isUuid(userId)) return null;
  // Runs on every request: plain SQL costs ~1 ms where the ORM took ~13 ms (docs/benchmarks.md).
  const rows = await db().$queryRaw<SessionUser[]>`
    SELECT ${SESSION_USER_COLUMNS} FROM "User" u
    WHERE u."id" = ${userId}::uuid AND u."active" AND u."sessionVersion" = ${sessionVersion}`;
  return rows[0] ?? null;
}
