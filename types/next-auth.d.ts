import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface User {
    role: Role;
    sessionVersion: number;
  }
  interface Session {
    user: { id: string; name: string; role: Role; sv: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** sessionVersion of the user when the token was issued. */
    sv?: number;
  }
}
