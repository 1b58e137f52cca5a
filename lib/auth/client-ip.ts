import { headers } from "next/headers";

type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The client's address as recorded by the closest trusted hop: the last X-Forwarded-For entry is
 * the one the reverse proxy in front of the app (nginx's $proxy_add_x_forwarded_for) appended, so
 * a client cannot forge it; with a chain of proxies set TRUSTED_PROXY_COUNT to skip their entries.
 * Without a proxy, `next start` fills the header with the socket address only when the request
 * has none, so a client talking to the app directly can choose it: deploy behind a proxy.
 */
export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for");
  const hops = (forwarded ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const trusted = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT || 0));
  const ip = hops[hops.length - 1 - trusted] ?? hops[0] ?? header(headers, "x-real-ip");
  return ip || "unknown";
}

/** The client's address for the current request (server components, actions, route handlers). */
export async function requestIp(): Promise<string> {
  try {
    return clientIp(await headers());
  } catch {
    return "unknown";
  }
}
