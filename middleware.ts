import { withAuth } from "next-auth/middleware";
import { NextResponse } from "next/server";
import { isRole } from "@/lib/auth/roles";
import { routeFor } from "@/lib/auth/routes";

/**
 * Optimistic gate only (DESIGN.md §5): it reads the JWT, never the database. Every page, route
 * handler and action re-checks through lib/dal.
 */
export default withAuth(
  function middleware(req) {
    const route = routeFor(req.nextUrl.pathname);
    const role = req.nextauth.token?.role;
    if (route && (!isRole(role) || !route.roles.includes(role))) {
      return NextResponse.redirect(new URL("/dashboard", req.url));
    }
    return NextResponse.next();
  },
  {
    callbacks: { authorized: ({ token }) => !!token },
    pages: { signIn: "/login" },
  },
);

export const config = { matcher: ["/dashboard", "/dashboard/:path*"] };
