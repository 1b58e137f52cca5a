import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "@/lib/auth/secret";

/** People need a few seconds to fill in six fields; scripts post at once. */
export const MIN_FILL_MS = 3_000;
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Without a configured secret (never in production: it refuses to start) a random per-process key, never an empty one. */
const processKey = randomBytes(32).toString("base64url");

export function formTokenKey(): string {
  return `contact-form:${sessionSecret() ?? processKey}`;
}

function sign(issuedAt: string): string {
  return createHmac("sha256", formTokenKey()).update(issuedAt).digest("base64url");
}

/** A signed "form shown at" time, so a bot cannot claim it waited. */
export function issueFormToken(now = Date.now()): string {
  const issuedAt = String(now);
  return `${issuedAt}.${sign(issuedAt)}`;
}

export type FormTokenCheck = "ok" | "invalid" | "too-fast";

export function checkFormToken(token: string | undefined, now = Date.now()): FormTokenCheck {
  const [issuedAt, signature] = (token ?? "").split(".");
  if (!issuedAt || !signature) return "invalid";
  const expected = Buffer.from(sign(issuedAt));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "invalid";
  const age = now - Number(issuedAt);
  if (!Number.isFinite(age) || age > MAX_AGE_MS || age < 0) return "invalid";
  return age < MIN_FILL_MS ? "too-fast" : "ok";
}
