type SearchParams = Record<string, string | string[] | undefined>;

/** A query string as Next hands it over, one value per name (the first, when a name repeats). */
export function firstValues(params: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** `?q=&page=` of every list page, cleaned: q at most 100 characters, page a positive integer. */
export function parseListQuery(params: SearchParams): { q: string; page: number } {
  const first = firstValues(params);
  const q = (first.q ?? "").trim().slice(0, 100);
  const page = Number.parseInt(first.page ?? "", 10);
  return { q, page: Number.isFinite(page) && page > 0 && page < 100_000 ? page : 1 };
}
