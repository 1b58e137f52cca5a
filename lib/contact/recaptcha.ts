import "server-only";

export const DEFAULT_RECAPTCHA_VERIFY_URL = "https://www.google.com/recaptcha/api/siteverify";
const timeoutMs = () => Number(process.env.RECAPTCHA_TIMEOUT_MS || 5_000);

/** reCAPTCHA v2 is on when both keys are set; otherwise the form uses honeypot + fill time. */
export function recaptchaSiteKey(): string | null {
  return process.env.RECAPTCHA_SITE_KEY && process.env.RECAPTCHA_SECRET_KEY ? process.env.RECAPTCHA_SITE_KEY : null;
}

export type CaptchaResult = "ok" | "missing" | "rejected" | "unavailable";

/**
 * Server-side check against Google's siteverify (URL configurable, so tests use a local
 * stand-in). Fails closed: a timeout or an error counts as not verified.
 */
export async function verifyRecaptcha(token: string | undefined, ip: string): Promise<CaptchaResult> {
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
    const json = (await res.json()) as { success?: unknown };
    return json.success === true ? "ok" : "rejected";
  } catch (error) {
    console.error("reCAPTCHA verification failed", error);
    return "unavailable";
  }
}
