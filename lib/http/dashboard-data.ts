/**
 * A dashboard data route read from the browser (the static pages' data: /api/tickets/list,
 * /api/tickets/detail). The answer's JSON, or what else happened: the session ended (the user is sent
 * to the login, and back to `backTo` afterwards) or the route said "not found". Any other failure
 * throws, for the page's "Coba lagi".
 */
export async function fetchDashboardData<T>(
  url: string,
  { backTo, router, signal }: { backTo: string; router: { replace: (href: string) => void }; signal?: AbortSignal },
): Promise<{ data: T } | "signedOut" | "notFound"> {
  const res = await fetch(url, { signal, headers: { accept: "application/json" } });
  // Signed out elsewhere, revoked, timed out.
  if (res.status === 401) {
    router.replace(`/login?callbackUrl=${encodeURIComponent(backTo)}`);
    return "signedOut";
  }
  if (res.status === 404) return "notFound";
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return { data: (await res.json()) as T };
}
