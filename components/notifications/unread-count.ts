"use client";
// The header's bell is drawn once per document by the dashboard layout; what the user reads later in
// the page (opening a ticket reads its notifications) reaches it here, with no reload.

type Listener = (count: number) => void;
const listeners = new Set<Listener>();
let latest: number | undefined;

/** A page that learned the bell's new number (e.g. the ticket page's view) tells the bell. */
export function publishUnreadCount(count: number): void {
  latest = count;
  for (const listener of listeners) listener(count);
}

/** The bell listens; a number published before it subscribed is handed over at once. */
export function subscribeUnreadCount(listener: Listener): () => void {
  listeners.add(listener);
  if (latest !== undefined) listener(latest);
  return () => listeners.delete(listener);
}
