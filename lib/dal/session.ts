import "server-only";
import { cache } from "react";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { canOpen } from "@/lib/auth/routes";
import { isRole } from "@/lib/auth/roles";
import { AuthorizationError } from "@/lib/errors";
import type { SessionUser } from "./users";
import { findLiveSessionUser } from "./user-sessions";

/**
 * The user a decoded session token stands for, re-checked against the database: the user active
 * with the same sessionVersion, and the token's server-side session neither signed out, expired
 * nor idle too long.
 */
export async function userFromToken(token: Pick<JWT, "sub" | "sv" | "sid"> | null | undefined): Promise<SessionUser | null> {
  if (!token?.sub || typeof token.sv !== "number" || typeof token.sid !== "string") return null;
  return findLiveSessionUser(token.sub, token.sv, token.sid);
}

/**
 * The signed-in user for this request, or null. The middleware only looked at the JWT; this
 * checks that the user still exists, is active and that the token's sessionVersion is current.
 * The session cookie is decoded once, and only the cookie (no bearer header). next-auth's
 * getServerSession would also run its callbacks and encrypt a renewed token that a page or route
 * handler cannot set anyway.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"], secret: authOptions.secret });
  return userFromToken(token && isRole(token.role) ? token : null);
});

export type RouteDecision = "allowed" | "login" | "not-found";

export function decideRoute(user: SessionUser | null, pathname: string): RouteDecision {
  if (!user) return "login";
  return canOpen(user.role, pathname) ? "allowed" : "not-found";
}

/** For dashboard pages: the user, or a redirect to login, or 404 for a role that may not see it. */
export async function requirePageUser(pathname: string): Promise<SessionUser> {
  const user = await getSessionUser();
  const decision = decideRoute(user, pathname);
  if (decision === "login") redirect(`/login?callbackUrl=${encodeURIComponent(pathname)}`);
  if (decision === "not-found") notFound();
  return user!;
}

/** For server actions and route handlers: throws AuthorizationError instead of redirecting. */
export async function requireUser(permission?: Permission): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AuthorizationError("unauthenticated");
  if (permission) assertCan(user, permission);
  return user;
}
