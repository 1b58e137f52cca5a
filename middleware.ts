import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { isRole } from "@/lib/auth/roles";
import { routeFor } from "@/lib/auth/routes";
import { guardRequest, guardResponseBody } from "@/lib/request-guard";

/**
 * Optimistic gate only (DESIGN.md §5): it reads the JWT, never the database. Every page, route
 * handler and action re-checks through lib/dal.
 */
const dashboardGate = withAuth(
  function middleware(req) {
    const route = routeFor(req.nextUrl.pathname);
    const role = req.nextauth.token?.role;
    if (route && (!isRole(role) || !route.roles.includes(role))) {
      return NextResponse.redirect(new URL("/dashboard", req.url));
    }
    // The ticket list opened as a document: the static shell (its data comes from /api/tickets/list).
    // A client-side navigation (RSC request) keeps the dynamic page inside the dashboard layout.
    if (req.nextUrl.pathname === "/dashboard/tickets" && req.method === "GET" && !req.headers.has("rsc")) {
      // Next marks a prerendered page as cacheable by shared proxies for a year; this one sits behind
      // the login check, so only the browser may keep it (and must revalidate: a 304 when unchanged).
      const shell = NextResponse.rewrite(new URL(`/shell/tickets${req.nextUrl.search}`, req.url));
      shell.headers.set("Cache-Control", "private, no-cache");
      return shell;
    }
    return NextResponse.next();
  },
  {
    callbacks: { authorized: ({ token }) => !!token },
    pages: { signIn: "/login" },
  },
);

/**
 * Before Next parses anything: NUL bytes / broken encoding (400), oversized bodies (413, with the
 * limit in the message), server actions from another site's page (403). Then the dashboard gate.
 */
export default function middleware(req: NextRequestWithAuth, event: NextFetchEvent) {
  const verdict = guardRequest(req);
  if (verdict) {
    return new NextResponse(guardResponseBody(verdict.status), {
      status: verdict.status,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Refused": verdict.reason },
    });
  }
  const path = req.nextUrl.pathname;
  if (path === "/dashboard" || path.startsWith("/dashboard/") || path.startsWith("/shell/")) return dashboardGate(req, event);
  return NextResponse.next();
}

export const config = {
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    "/shell/:path*",
    "/api/:path*",
    "/faq",
    "/kontak",
    "/login",
    // Server actions posted to any page.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
