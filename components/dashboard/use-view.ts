"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";

/** A view as its data route and its page both give it: `at` is when the server made it (ms). */
export type Stamped = { at: number };

/** The first view of a page, rendered by the server into the page itself, and the data address it answers. */
export type InitialView<T extends Stamped> = { url: string; view: T };

export type ViewState<T> = {
  /** The newest view of the address; while another address loads, the previous one stays on screen. */
  view: T | null;
  status: "ready" | "loading" | "failed" | "notFound";
  /** "Coba lagi" after a failure. */
  retry: () => void;
  /** Fetches the address again (after a change); resolves once the answer is on screen. */
  refresh: () => Promise<void>;
};

// What this tab has seen: the newest view per address, and which server-rendered views were shown
// already. A page restored by Back/Forward (or served again from the router's cache) brings the view it
// was first rendered with, which may be older than what the user has since seen or changed.
const CAP = 50;
const newest = new Map<string, Stamped>();
const shown = new Set<string>();
const capped = <K,>(set: { size: number; keys(): IterableIterator<K>; delete(k: K): boolean }) => {
  if (set.size > CAP) set.delete(set.keys().next().value as K);
};
function remember(url: string, view: Stamped) {
  const known = newest.get(url);
  if (!known || known.at <= view.at) newest.set(url, view);
  capped(newest);
}
const newer = <T extends Stamped>(a: T | null | undefined, b: T | null | undefined): T | null => (!a ? (b ?? null) : !b || b.at < a.at ? a : b);

class NotFound extends Error {}
type Loaded<T> = { url: string; view: T | null; status: ViewState<T>["status"] };

/**
 * One dashboard view kept in step with its data route. The server's first view shows at once (no
 * loading state, no second request); a new address fetches its view (only the newest answer shows);
 * a signed-out session goes to the login and back; 404 is "not found"; any other failure offers
 * "Coba lagi", except after a change, where the view on screen stays.
 */
export function useView<T extends Stamped>(url: string, initial?: InitialView<T>): ViewState<T> {
  const router = useRouter();
  const fromServer = initial && initial.url === url ? initial.view : null;
  const [loaded, setLoaded] = useState<Loaded<T>>(() => {
    const view = newer(fromServer, newest.get(url) as T | undefined);
    return { url, view, status: view ? "ready" : "loading" };
  });
  const latest = useRef(0);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      const mine = ++latest.current;
      try {
        const res = await fetch(url, { signal, headers: { accept: "application/json" } });
        if (res.status === 401) {
          router.replace(`/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
          return;
        }
        if (res.status === 404) throw new NotFound();
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        const view = (await res.json()) as T;
        remember(url, view);
        if (mine === latest.current) setLoaded({ url, view, status: "ready" });
      } catch (error) {
        if (signal?.aborted || mine !== latest.current) return;
        const notFound = error instanceof NotFound;
        setLoaded((s) => (!notFound && s.url === url && s.view ? { ...s, status: "ready" } : { url, view: s.view, status: notFound ? "notFound" : "failed" }));
      }
    },
    [url, router],
  );

  useEffect(() => {
    const stamp = fromServer && `${url}@${fromServer.at}`;
    if (fromServer && stamp && !shown.has(stamp)) {
      // Rendered by the server for this visit: nothing to fetch.
      shown.add(stamp);
      capped(shown);
      remember(url, fromServer);
      return;
    }
    const abort = new AbortController();
    // load sets state only after its fetch answers, never synchronously in this effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load(abort.signal);
    return () => abort.abort();
  }, [url, fromServer, load]);

  // Called as a form's onSuccess it receives the action's data: never let that reach fetch as a signal.
  const refresh = useCallback(() => load(), [load]);
  const retry = useCallback(() => {
    setLoaded((s) => ({ ...s, status: "loading" }));
    void load();
  }, [load]);

  const mine = loaded.url === url;
  // A newer server render of this address (a language switch, a navigation to it) wins over what was fetched.
  const serverWins = !!fromServer && (!mine || !loaded.view || loaded.view.at < fromServer.at);
  return {
    view: serverWins ? fromServer : loaded.view,
    status: serverWins ? "ready" : mine ? loaded.status : "loading",
    retry,
    refresh,
  };
}

const noSubscription = () => () => {};
/** False in the server's HTML, true once React runs in the browser: a page's forms work from then on. */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
