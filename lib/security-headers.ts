// Response headers for every page (next.config.ts) and the stricter ones of the file routes.
// No imports: next.config.ts loads this file before anything else.

/** Files (attachments, avatars, logo) are never documents: no scripts, no styles, a sandbox. */
export const FILE_CSP = "default-src 'none'; sandbox";

/** The file routes set FILE_CSP themselves; the site-wide CSP must not replace it. */
export const FILE_ROUTES = ["/api/attachments", "/api/avatars", "/api/logo"];

/** One year, subdomains included; sent only on HTTPS (browsers ignore it on plain HTTP anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Scripts: 'self' plus 'unsafe-inline'. Next's App Router streams its page data as inline
 * <script> tags whose content differs per page and per response; the only ways to list them are a
 * per-request nonce (which makes every page render per request: no static or cached pages, which
 * the pages' speed depends on) or hashes, which Next's experimental SRI gives only for
 * the external chunk files, not for those inline tags. So 'unsafe-inline' stays for scripts; the
 * rest holds: no eval in production, no other origin but reCAPTCHA's, no plugins, no framing, no
 * <base> or form posts elsewhere. User text is never rendered as HTML.
 */
export function siteCsp(dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""} https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src https://www.google.com/recaptcha/ https://recaptcha.google.com/recaptcha/",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

type HeaderRule = {
  source: string;
  has?: { type: "header"; key: string; value?: string }[];
  headers: { key: string; value: string }[];
};

/** next.config.ts `headers()`: the site-wide set, the CSP for everything but the file routes, HSTS on HTTPS. */
export function securityHeaderRules(dev: boolean): HeaderRule[] {
  const notFiles = FILE_ROUTES.map((r) => r.slice(1)).join("|");
  return [
    {
      source: "/:path*",
      headers: [
        { key: "X-Content-Type-Options", value: "nosniff" },
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
      ],
    },
    { source: `/((?!${notFiles}).*)`, headers: [{ key: "Content-Security-Policy", value: siteCsp(dev) }] },
    // Behind the reverse proxy that ends TLS (it sets X-Forwarded-Proto); `next start` itself speaks HTTP.
    { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: HSTS }] },
  ];
}
