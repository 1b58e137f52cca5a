type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * The address of the client as seen by the closest trusted hop. `next start` appends the socket
 * address to X-Forwarded-For, so the last entry is the one a client cannot forge; behind a reverse
 * proxy set TRUSTED_PROXY_COUNT to how many proxies append their own entry.
 */
export function clientIp(headers: HeaderBag): string {
  const forwarded = header(headers, "x-forwarded-for");
  const hops = (forwarded ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const trusted = Math.max(0, Number(process.env.TRUSTED_PROXY_COUNT || 0));
  const ip = hops[hops.length - 1 - trusted] ?? hops[0] ?? header(headers, "x-real-ip");
  return ip || "unknown";
}
