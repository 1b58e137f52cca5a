import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { securityHeaderRules } from "./lib/security-headers";
import { maxRequestMb } from "./lib/request-limits";

const isDev = process.env.NODE_ENV !== "production";

/**
 * Request bodies: a ticket message may carry up to 5 attachments of 10 MB (Ticket settings allow
 * at most 20 × 100 MB, but the defaults are what most offices keep); avatars and logos are 2 MB.
 * Next's defaults (1 MB for server actions, 10 MB through the middleware) would refuse those with
 * no message. The app validates each file's size itself and answers in the user's language.
 */
const MAX_BODY = `${maxRequestMb()}mb`;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    serverActions: { bodySizeLimit: MAX_BODY as `${number}mb` },
    proxyClientMaxBodySize: MAX_BODY as `${number}mb`,
  },
  // PGlite must load its WASM and data folder from node_modules at run time: bundled, it fails to
  // start ("The path argument must be of type string … Received an instance of URL").
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "sharp"],
  async headers() {
    return securityHeaderRules(isDev);
  },
};

export default createNextIntlPlugin("./i18n/request.ts")(nextConfig);
