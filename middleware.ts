import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { NextResponse, type NextFetchEvent } from "next/server";
import { isRole } from "@/lib/auth/roles";
import { routeFor } from "@/lib/auth/routes";
import { guardRequest, guardResponseBody } from "@/lib/request-guard";

/** The static page that serves this dashboard address when opened as a document, if any. */
function staticShellFor(path: string): string | null {
  if (path === "/dashboard/tickets") return "/shell/tickets";
  if (/^\/dashboard\/tickets\/[^/]+$/.test(path) && path !== "/dashboard/tickets/new") return "/shell/ticket";
  return null;
}

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
    // The ticket list or a ticket opened as a document: a static shell (its data comes from
    // /api/tickets/list or /api/tickets/detail). A client-side navigation (RSC request) keeps the
    // dynamic page inside the dashboard layout; a server action (POST) goes to that page too.
    const shellPath = staticShellFor(req.nextUrl.pathname);
    if (shellPath && req.method === "GET" && !req.headers.has("rsc")) {
      // Next marks a prerendered page as cacheable by shared proxies for a year; these sit behind
      // the login check, so only the browser may keep them, and must ask again each time.
      const shell = NextResponse.rewrite(new URL(`${shellPath}${req.nextUrl.search}`, req.url));
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
  // In the server's own process: the edge sandbox cost every request ~0.7 ms more Node CPU (health
  // 3.50 → 2.77 ms, the static ticket page 3.06 → 2.46 ms per request; docs/benchmarks.md).
  runtime: "nodejs",
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
