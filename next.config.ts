import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const isDev = process.env.NODE_ENV !== "production";

// Pages ship no inline scripts of our own; Next's bootstrap needs 'unsafe-inline' without nonces.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""} https://www.google.com/recaptcha/ https://www.gstatic.com/recaptcha/`,
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

/**
 * Request bodies: a ticket message may carry up to 5 attachments of 10 MB (Ticket settings allow
 * at most 20 × 100 MB, but the defaults are what most offices keep); avatars and logos are 2 MB.
 * Next's defaults (1 MB for server actions, 10 MB through the middleware) would refuse those with
 * no message. The app validates each file's size itself and answers in the user's language.
 */
const MAX_BODY = process.env.HELPDESK_MAX_REQUEST_MB ? `${process.env.HELPDESK_MAX_REQUEST_MB}mb` : "60mb";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: MAX_BODY as `${number}mb` },
    proxyClientMaxBodySize: MAX_BODY as `${number}mb`,
  },
  // PGlite must load its WASM and data folder from node_modules at run time (DESIGN.md §2).
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "sharp"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
