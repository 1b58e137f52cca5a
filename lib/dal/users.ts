import "server-only";
import { db, Prisma } from "@/lib/db";
import { normalizeIdentifier } from "@/lib/auth/identity";
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

/** A SessionUser's columns from `"User" u`, for the session check that runs on every request. */
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
