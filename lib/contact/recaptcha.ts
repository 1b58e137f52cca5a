import "server-only";
import { log } from "@/lib/log";

export const DEFAULT_RECAPTCHA_VERIFY_URL = "https://www.google.com/recaptcha/api/siteverify";
const timeoutMs = () => Number(process.env.RECAPTCHA_TIMEOUT_MS || 5_000);

/** reCAPTCHA v2 is on when both keys are set; otherwise the form uses honeypot + fill time. */
export function recaptchaSiteKey(): string | null {
  return process.env.RECAPTCHA_SITE_KEY && process.env.RECAPTCHA_SECRET_KEY ? process.env.RECAPTCHA_SITE_KEY : null;
}

export type CaptchaResult = "ok" | "missing" | "rejected" | "unavailable";

/** How old Google's answer (challenge_ts) may be; its tokens live 2 minutes. */
const maxAgeMs = () => Number(process.env.RECAPTCHA_MAX_AGE_SECONDS || 300) * 1000;

/**
 * The host names a token must have been solved on: RECAPTCHA_HOSTNAMES (comma-separated), else
 * the host of NEXTAUTH_URL, else the host this request came to.
 */
function expectedHostnames(requestHost: string | undefined): string[] {
  const configured = (process.env.RECAPTCHA_HOSTNAMES ?? "").split(",").map((h) => h.trim().toLowerCase()).filter(Boolean);
  if (configured.length) return configured;
  try {
    if (process.env.NEXTAUTH_URL) return [new URL(process.env.NEXTAUTH_URL).hostname.toLowerCase()];
  } catch {
    // fall through
  }
  return requestHost ? [requestHost.split(":")[0]!.toLowerCase()] : [];
}

/** Google's answer is accepted only when it succeeded, on our host name, and recently. */
export function judgeVerification(
  json: { success?: unknown; hostname?: unknown; challenge_ts?: unknown },
  options: { requestHost?: string; now?: number } = {},
): "ok" | "rejected" {
  if (json.success !== true) return "rejected";
  const hosts = expectedHostnames(options.requestHost);
  if (typeof json.hostname !== "string" || !hosts.includes(json.hostname.toLowerCase())) return "rejected";
  const solvedAt = typeof json.challenge_ts === "string" ? Date.parse(json.challenge_ts) : NaN;
  const age = (options.now ?? Date.now()) - solvedAt;
  if (!Number.isFinite(age) || age > maxAgeMs() || age < -60_000) return "rejected";
  return "ok";
}

/**
 * Server-side check against Google's siteverify (URL configurable, so tests use a local
 * stand-in). Fails closed: a timeout or an error counts as not verified.
 */
export async function verifyRecaptcha(token: string | undefined, ip: string, requestHost?: string): Promise<CaptchaResult> {
  if (!token) return "missing";
  const body = new URLSearchParams({ secret: process.env.RECAPTCHA_SECRET_KEY ?? "", response: token });
  if (ip !== "unknown") body.set("remoteip", ip);
  try {
    const res = await fetch(process.env.RECAPTCHA_VERIFY_URL || DEFAULT_RECAPTCHA_VERIFY_URL, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(timeoutMs()),
      cache: "no-store",
    });
    if (!res.ok) return "unavailable";
    const json = (await res.json()) as { success?: unknown; hostname?: unknown; challenge_ts?: unknown };
    return judgeVerification(json, { requestHost });
  } catch (error) {
    log.warn({ kind: "recaptcha", err: error }, "reCAPTCHA verification failed");
    return "unavailable";
  }
}
