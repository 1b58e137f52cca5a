/**
 * The request a server action or page sees in integration tests. `next/headers` is replaced by
 * this store (see setup.ts), so the real session code reads a real, signed next-auth cookie.
 */
export const requestContext = {
  cookies: new Map<string, string>(),
  headers: new Map<string, string>(),
  reset() {
    this.cookies.clear();
    this.headers.clear();
    this.headers.set("x-forwarded-for", "203.0.113.10");
  },
};
requestContext.reset();
