/** Words of the query as a prefix tsquery ("vpn lamb" → "vpn:* & lamb:*"); only letters and digits pass. */
export function prefixQuery(q: string): string | null {
  const words = q
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}
