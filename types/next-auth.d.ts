import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
    /** Id of the server-side session row (UserSession). */
    sid: string;
  }
  interface Session {
    user: { id: string; name: string; role: Role; sv: number; sid: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** sessionVersion of the user when the token was issued. */
    sv?: number;
    /** Id of the server-side session row; sign-out revokes it. */
    sid?: string;
  }
}
