import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials, LOGIN_ERROR, LoginLockedError } from "./authorize";
import { log } from "@/lib/log";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { clientIp } from "./client-ip";
import { isRole } from "./roles";
import { revokeSession, startSession } from "@/lib/dal/user-sessions";
import { recordSecurityEvent } from "@/lib/dal/security-log";
import { sessionSecret } from "./secret";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

function header(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  const v = headers?.[name];
  return typeof v === "string" ? v : Array.isArray(v) ? String(v[0]) : undefined;
}

export const authOptions: NextAuthOptions = {
  secret: sessionSecret(),
  // The token and the cookie live as long as the session (next-auth's jwt.maxAge would default to
  // 30 days); the server-side session row (lib/dal/user-sessions.ts) can end it sooner.
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { identifier: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const ip = clientIp(req?.headers);
        try {
          const user = await authorizeCredentials(credentials, ip);
          if (!user) return null;
          const sid = await startSession(user.id, { ip, userAgent: header(req?.headers, "user-agent") }, SESSION_MAX_AGE_SECONDS);
          return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion, sid };
        } catch (error) {
          if (error instanceof LoginLockedError) throw error;
          // next-auth hands a thrown message to the browser: never the database's own text.
          log.error({ kind: isDatabaseUnavailable(error) ? "database-unavailable" : "login-error", err: error, ip }, "login failed unexpectedly");
          throw new Error(LOGIN_ERROR.unavailable);
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sid;
      }
      return token;
    },
    async session({ session, token }) {
      if (token.sub && isRole(token.role)) {
        session.user = { id: token.sub, name: session.user?.name ?? "", role: token.role, sv: token.sv ?? 0, sid: token.sid ?? "" };
      }
      return session;
    },
  },
  events: {
    // POST /api/auth/signout: the cookie is cleared by next-auth; the session ends here, server-side,
    // so a copy of the old cookie is refused too.
    async signOut({ token }) {
      const userId = await revokeSession(typeof token?.sid === "string" ? token.sid : undefined);
      if (userId) await recordSecurityEvent("session.signout", { outcome: "success", userId, route: "/api/auth/signout" });
    },
  },
};
