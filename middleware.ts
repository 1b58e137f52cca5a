import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { isRole } from "@/lib/auth/roles";
import { routeFor } from "@/lib/auth/routes";
import { guardRequest, guardResponseBody } from "@/lib/request-guard";

/**
 * Optimistic gate only: it reads the JWT, never the database. Every page, route handler and action
 * re-checks through lib/dal (a header once let requests skip middleware entirely: CVE-2025-29927).
 */
const dashboardGate = withAuth(
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
  if (path === "/dashboard" || path.startsWith("/dashboard/")) return dashboardGate(req, event);
  return NextResponse.next();
}

export const config = {
  // In the server's own process: the edge sandbox costs every request measurably more CPU (docs/benchmarks.md).
  runtime: "nodejs",
  matcher: [
    "/dashboard",
    "/dashboard/:path*",
    "/api/:path*",
    "/faq",
    "/kontak",
    "/login",
    // Server actions posted to any page.
    { source: "/:path*", has: [{ type: "header", key: "next-action" }] },
  ],
};
