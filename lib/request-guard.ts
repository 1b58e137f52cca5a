// Checks the middleware makes before Next parses a request (edge-safe, no imports but the limits).
import { maxRequestMb } from "./request-limits";

export type GuardVerdict = { status: 400 | 403 | 413; reason: string } | null;

const MESSAGES: Record<400 | 403 | 413, { id: string; en: string }> = {
  400: { id: "Permintaan tidak valid.", en: "Invalid request." },
  403: { id: "Permintaan dari situs lain ditolak.", en: "Requests from other sites are refused." },
  413: {
    id: "Kiriman terlalu besar: batasnya {mb} MB per pengiriman. Kurangi atau perkecil lampiran lalu kirim lagi.",
    en: "The upload is too large: the limit is {mb} MB per submission. Remove or shrink attachments and send again.",
  },
};

function hasNul(value: string): boolean {
  try {
    return decodeURIComponent(value).includes("\u0000");
  } catch {
    return true; // malformed percent-encoding
  }
}

/**
 * - a path or query with NUL bytes or broken percent-encoding → 400 (PostgreSQL refuses NUL in text);
 * - a body declared larger than the request ceiling → 413 with a message saying the limit;
 * - a server action (Next-Action header) whose Origin is not this site → 403, an unparsable Origin → 400.
 */
export function guardRequest(req: { method: string; url: string; headers: Headers }): GuardVerdict {
  const url = new URL(req.url);
  const rawPath = req.url.slice(url.origin.length);
  if (hasNul(rawPath.split("?")[0]!) || hasNul(url.search)) return { status: 400, reason: "nul-or-bad-encoding" };

  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxRequestMb() * 1024 * 1024) return { status: 413, reason: "body-too-large" };

  if (req.method === "POST" && req.headers.has("next-action")) {
    const origin = req.headers.get("origin");
    if (origin) {
      let originHost: string;
      try {
        if (origin.includes("\u0000")) throw new Error("nul");
        originHost = new URL(origin).host;
      } catch {
        return { status: 400, reason: "bad-origin" };
      }
      const host = (req.headers.get("x-forwarded-host") ?? req.headers.get("host") ?? "").split(",")[0]!.trim();
      if (!host || originHost.toLowerCase() !== host.toLowerCase()) return { status: 403, reason: "foreign-origin" };
    }
  }
  return null;
}

/** The plain-text answer for a refused request, in both languages. */
export function guardResponseBody(status: 400 | 403 | 413): string {
  const m = MESSAGES[status];
  const mb = String(maxRequestMb());
  return `${m.id.replace("{mb}", mb)}\n${m.en.replace("{mb}", mb)}\n`;
}
