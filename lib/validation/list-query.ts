/** `?q=&page=` of every list page, cleaned: q at most 100 characters, page a positive integer. */
export function parseListQuery(params: Record<string, string | string[] | undefined>): { q: string; page: number } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
  const q = one(params.q).trim().slice(0, 100);
  const page = Number.parseInt(one(params.page), 10);
  return { q, page: Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1 };
}
